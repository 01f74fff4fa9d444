import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
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

/**
 * The real product as `pnpm start` runs it (built server, API + worker, H5 served at /),
 * on its own database and Redis prefix, seeded with the demo district.
 */
export async function startServer(): Promise<RunningServer> {
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
    LOG_LEVEL: 'warn',
    H5_DIST_DIR: resolve(repoRoot, 'apps/miniapp/dist/h5'),
  };
  const seed = spawnSync('pnpm', ['--silent', '--filter', '@carecircle/server', 'seed'], { cwd: repoRoot, env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  const child: ChildProcess = spawn('node', ['dist/src/main.js'], { cwd: resolve(repoRoot, 'apps/server'), env, stdio: ['ignore', 'inherit', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not become healthy within 30 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      const conn = await createConnection({ host: '127.0.0.1', user: 'root', password: '' });
      await conn.query(`DROP DATABASE IF EXISTS \`${env.DB_NAME}\``);
      await conn.end();
      const redis = new Redis({ host: '127.0.0.1', port: 6379 });
      const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
}
