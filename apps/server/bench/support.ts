import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { createConnection, type Connection } from 'mysql2/promise';
import { DEMO_SUBSIDY_RULES } from '../src/database/seed/demo-district.js';

export const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(serverDir, '../..');
export const CENTER = { lat: 31.385, lng: 120.981 };
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface BenchServer {
  port: number;
  db: Connection;
  /** How the server ran: one process, or the API and separate workers. */
  processes: string;
  /** The ROLE=worker processes started so far (BENCH_WORKERS or `workers`, and any `startWorker` added). */
  workers: ChildProcess[];
  /** One more ROLE=worker process; `ready` resolves when it has started (its processors run). */
  startWorker(): { child: ChildProcess; ready: Promise<void> };
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** Separate ROLE=worker processes beside a ROLE=api one; 0 runs one ROLE=all process. Default BENCH_WORKERS or 0. */
  workers?: number;
}

/** The built server (ROLE=all) on its own database and Redis prefix; `seed` runs after migrations, before start. */
export async function startBenchServer(extraEnv: Record<string, string>, seed: (db: Connection) => Promise<void>, options: BenchServerOptions = {}): Promise<BenchServer> {
  const suffix = randomBytes(3).toString('hex');
  const port = await freePort();
  const env: Record<string, string | undefined> = {
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
  // timezone Z as the server's TypeORM: DATETIME columns read back as the instants it wrote.
  const db = await createConnection({ host: '127.0.0.1', user: 'root', password: '', database: env.DB_NAME, timezone: 'Z' });
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server process (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // BENCH_WORKERS=<n> runs the API (ROLE=api) and n queue workers (ROLE=worker) as separate processes, as docker compose can.
  const workerCount = options.workers ?? Number(process.env.BENCH_WORKERS ?? 0);
  const children: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  const startWorker = () => {
    // info level on stdout, read only for the line saying it started.
    const child = spawn('node', [...profile, 'dist/src/main.js'], { cwd: serverDir, env: { ...env, ROLE: 'worker', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    workers.push(child);
    const ready = new Promise<void>((ok, fail) => {
      let buffered = '';
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => {
        buffered += chunk;
        if (buffered.includes('CareCircle worker started')) ok();
        buffered = buffered.slice(buffered.lastIndexOf('\n') + 1);
      });
      child.once('exit', (code, signal) => fail(new Error(`worker exited (${code ?? signal}) before it started`)));
      setTimeout(() => fail(new Error('worker did not start within 60 s')), 60_000).unref();
    });
    ready.catch(() => undefined);
    return { child, ready };
  };
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    await db.query(`DROP DATABASE IF EXISTS \`${env.DB_NAME}\``);
    await db.end();
    const redis = new Redis({ host: env.REDIS_HOST ?? '127.0.0.1', port: Number(env.REDIS_PORT ?? 6379), maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    await redis.quit();
  };
  try {
    await seed(db);
    children.push(spawn('node', [...profile, 'dist/src/main.js'], { cwd: serverDir, env: { ...env, ROLE: workerCount > 0 ? 'api' : 'all' }, stdio: ['ignore', 'ignore', 'inherit'] }));
    const booting = Array.from({ length: workerCount }, () => startWorker().ready);
    let healthy = false;
    for (let i = 0; i < 120 && !healthy; i++) {
      try {
        healthy = (await request(port, 'GET', '/health')).status === 200;
      } catch {
        /* starting */
      }
      if (!healthy) await new Promise((r) => setTimeout(r, 250));
    }
    if (!healthy) throw new Error('the server did not answer /health within 30 s');
    await Promise.all(booting);
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
  return {
    port,
    db,
    processes: workerCount > 0 ? `ROLE=api + ${workerCount} × ROLE=worker` : 'ROLE=all, one process',
    workers,
    startWorker,
    stop,
  };
}

/**
 * A street with a subsidy table, 10 approved home-care providers on the recommended list, and
 * `count` on-duty staff within 8 km of the centre, all qualified for cleaning and pre-job trained.
 */
export async function seedDistrict(db: Connection, count: number): Promise<string> {
  const regionId = randomUUID();
  await db.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'bench', '压测街道', 'street', ?, ?)`, [regionId, CENTER.lat, CENTER.lng]);
  await db.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'subsidy', 1, '2020-01-01', ?)`, [regionId, JSON.stringify(DEMO_SUBSIDY_RULES)]);
  const providers: string[] = [];
  for (let p = 0; p < 10; p++) {
    const id = randomUUID();
    providers.push(id);
    await db.query(
      `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, 'home_care', ?, ?, ?, '压测', ?, ?, 20000, 'approved', 1)`,
      [id, `压测机构${p}`, `BENCH-${p}`, regionId, CENTER.lat, CENTER.lng],
    );
  }
  for (let i = 0; i < count; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) {
      const at = around(8000);
      rows.push([randomUUID(), providers[j % providers.length], `员工${j}`, JSON.stringify(['cleaning', 'visit', 'shopping']), at.lat, at.lng, 3, 400 + (j % 100), 1]);
    }
    await db.query('INSERT INTO provider_staff (id, provider_id, name, skills, home_lat, home_lng, max_concurrent_jobs, rating_x100, on_duty) VALUES ?', [rows]);
  }
  // 岗前培训: every staff member passed one, or dispatch would skip them all.
  const training = randomUUID();
  await db.query(`INSERT INTO training_sessions (id, title, kind, held_on, hours, region_id, organiser_region_id) VALUES (?, '压测岗前培训', 'pre_job', '2020-01-01', 16, ?, ?)`, [training, regionId, regionId]);
  await db.query('INSERT INTO training_attendance (session_id, staff_id, passed) SELECT ?, id, 1 FROM provider_staff', [training]);
  return regionId;
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
  // BENCH_SKIP_BUILD=1: run the dist/ already built.
  if (process.env.BENCH_SKIP_BUILD) return;
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
