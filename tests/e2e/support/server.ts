import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const artifactsDir = resolve(repoRoot, 'tests/artifacts');
mkdirSync(artifactsDir, { recursive: true });

export interface RunningServer {
  baseUrl: string;
  /** Where the server's stdout and stderr go (tests/artifacts/server-<label>.log). */
  logPath: string;
  /** The run's own MySQL database (root, no password, on 127.0.0.1), for checks and set-ups the API does not offer. */
  dbName: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

/** Drops what one run left behind: its database and its Redis keys. */
async function dropData(dbName: string, redisPrefix: string): Promise<void> {
  const conn = await createConnection({ host: '127.0.0.1', user: 'root', password: '' });
  await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await conn.end();
  const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      ok();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The real product as `pnpm start` runs it (built server, API + worker, H5 served at /),
 * on its own database and Redis prefix, seeded with the demo district. The server's log goes to
 * tests/artifacts/server-<label>.log; its last lines are in the error when it does not start.
 */
export interface ServerOptions {
  /** The server's LOG_LEVEL; `warn` by default, `info` to have every request in the log. */
  logLevel?: 'warn' | 'info';
}

export async function startServer(label = 'e2e', options: ServerOptions = {}): Promise<RunningServer> {
  const suffix = randomBytes(4).toString('hex');
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    WECHAT_MODE: 'dev',
    ROLE: 'all',
    PORT: String(port),
    HOST: '127.0.0.1',
    DB_NAME: `cc_e2e_${suffix}`,
    REDIS_PREFIX: `cc_e2e_${suffix}`,
    LOG_LEVEL: options.logLevel ?? 'warn',
    H5_DIST_DIR: resolve(repoRoot, 'apps/miniapp/dist/h5'),
  };
  const logPath = resolve(artifactsDir, `server-${label}.log`);
  const log = openSync(logPath, 'w');
  const logTail = () => readFileSync(logPath, 'utf8').split('\n').slice(-30).join('\n');
  let child: ChildProcess | undefined;
  try {
    const seed = spawnSync('pnpm', ['--silent', '--filter', '@carecircle/server', 'seed'], { cwd: repoRoot, env, encoding: 'utf8' });
    if (seed.status !== 0) throw new Error(`seed failed (${seed.status}):\n${seed.stderr || seed.stdout}`);
    child = spawn('node', ['dist/src/main.js'], { cwd: resolve(repoRoot, 'apps/server'), env, stdio: ['ignore', log, log] });
    const baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(`${baseUrl}/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logTail()}`);
      if (Date.now() > deadline) throw new Error(`server did not become healthy within 30 s:\n${logTail()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const running = child;
    return {
      baseUrl,
      logPath,
      dbName: env.DB_NAME,
      async stop() {
        await stopChild(running);
        closeSync(log);
        await dropData(env.DB_NAME, env.REDIS_PREFIX);
      },
    };
  } catch (err) {
    if (child) await stopChild(child);
    closeSync(log);
    await dropData(env.DB_NAME, env.REDIS_PREFIX).catch(() => undefined);
    throw err;
  }
}

/** JWT-shaped strings (header.payload.signature, base64url, header starting `eyJ`) in a text. */
export function jwtsIn(text: string): string[] {
  return text.match(/eyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]+/g) ?? [];
}
