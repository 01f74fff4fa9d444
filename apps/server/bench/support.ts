import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createConnection, type Connection } from 'mysql2/promise';

export const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(serverDir, '../..');
export const CENTER = { lat: 31.385, lng: 120.981 };
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface BenchServer {
  port: number;
  db: Connection;
  /** How the server ran: one process, or the API and separate workers. */
  processes: string;
  stop(): Promise<void>;
}

/** The built server (ROLE=all) on its own database and Redis prefix; `seed` runs after migrations, before start. */
export async function startBenchServer(extraEnv: Record<string, string>, seed: (db: Connection) => Promise<void>): Promise<BenchServer> {
  const suffix = randomBytes(3).toString('hex');
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    ROLE: 'all',
    WECHAT_MODE: 'dev',
    DB_NAME: `cc_bench_${suffix}`,
    REDIS_PREFIX: `cc_bench_${suffix}`,
    DB_POOL_SIZE: '40',
    LOG_LEVEL: 'warn',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    PORT: String(port),
    HOST: '127.0.0.1',
    ...extraEnv,
  };
  const migrate = spawnSync('pnpm', ['--silent', 'migration:run'], { cwd: serverDir, env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  const db = await createConnection({ host: '127.0.0.1', user: 'root', password: '', database: env.DB_NAME });
  await seed(db);
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server process (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_WORKERS=<n> runs the API (ROLE=api) and n queue workers (ROLE=worker) as separate processes, as docker compose can.
  const workerCount = Number(process.env.BENCH_WORKERS ?? 0);
  const server: ChildProcess = spawn('node', [...profile, 'dist/src/main.js'], { cwd: serverDir, env: { ...env, ROLE: workerCount > 0 ? 'api' : 'all' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const workers: ChildProcess[] = Array.from({ length: workerCount }, () => spawn('node', [...profile, 'dist/src/main.js'], { cwd: serverDir, env: { ...env, ROLE: 'worker' }, stdio: ['ignore', 'ignore', 'inherit'] }));
  for (let i = 0; i < 120; i++) {
    try {
      if ((await request(port, 'GET', '/health')).status === 200) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // Workers have no HTTP port: give them the time the API took to boot, then a little more to rebuild staff positions.
  if (workerCount > 0) await new Promise((r) => setTimeout(r, 3000));
  return {
    port,
    db,
    processes: workerCount > 0 ? `ROLE=api + ${workerCount} × ROLE=worker` : 'ROLE=all, one process',
    async stop() {
      for (const child of [server, ...workers]) {
        if (child.exitCode !== null) continue;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await db.query(`DROP DATABASE IF EXISTS \`${env.DB_NAME}\``);
      await db.end();
      const redis = new Redis({ host: '127.0.0.1', port: 6379 });
      const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
      for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
      await redis.quit();
    },
  };
}

export function request(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((ok, fail) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let raw = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (raw += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: raw ? JSON.parse(raw) : null }));
    });
    req.on('error', fail);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    if (data) req.write(data);
    req.end();
  });
}

/** Logs in `count` dev families, each with a household and one elder near the centre. */
export async function families(port: number, count: number, regionId: string, tag: string, idOffset = 0) {
  const out: { auth: Record<string, string>; elderId: string }[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - i) }, async (_, j) => {
        const n = i + j;
        const login = await request(port, 'POST', '/api/auth/wechat', { code: `dev:${tag}${n}` });
        const auth = { authorization: `Bearer ${login.body.accessToken}` };
        const home = await request(port, 'POST', '/api/households', { name: `压测家${n}`, regionId }, auth);
        const at = around(2000);
        const elder = await request(port, 'POST', `/api/households/${home.body.id}/elders`, {
          name: `老人${n}`, idNumber: idNumber(idOffset + n), address: '压测地址', location: { lat: Number(at.lat.toFixed(6)), lng: Number(at.lng.toFixed(6)) },
          emergencyContacts: [], dietaryNeeds: [], livingSituation: 'alone', subsidyCategory: 'none', regionId,
        }, auth);
        if (elder.status !== 201) throw new Error(`elder: ${JSON.stringify(elder.body)}`);
        return { auth, elderId: elder.body.id as string };
      }),
    );
    out.push(...batch);
  }
  return out;
}

export function around(radiusM: number) {
  const r = radiusM * Math.sqrt(Math.random());
  const th = 2 * Math.PI * Math.random();
  return {
    lat: CENTER.lat + (r * Math.cos(th)) / 111_320,
    lng: CENTER.lng + (r * Math.sin(th)) / (111_320 * Math.cos((CENTER.lat * Math.PI) / 180)),
  };
}

export function idNumber(seq: number): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `3205831950${String(1 + Math.floor(seq / 28) % 12).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}${String(Math.floor(seq / 336) % 1000).padStart(3, '0')}`;
  const sum = body.split('').reduce((a, c, i) => a + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export function pct(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function buildServer(): void {
  const build = spawnSync('pnpm', ['build'], { cwd: serverDir, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

export function writeResults(name: string, data: unknown): string {
  const dir = resolve(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...(data as object) }, null, 2));
  agent.destroy();
  return file;
}
