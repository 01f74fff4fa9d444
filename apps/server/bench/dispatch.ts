/**
 * pnpm bench:dispatch — order → first offer through the real API and worker.
 *
 * Seeds N on-duty staff across a district, starts the built server (ROLE=all) on its own database
 * and Redis prefix, fires orders at a target rate for a while, and reports orders/s achieved and
 * order → first-offer latency p50/p95/p99. Runs twice: Redis GEOSEARCH candidates (what production
 * uses) and a naive baseline (distance in SQL over every staff row, no spatial index), then prints
 * the ratio and writes JSON under bench/results/. Loopback only; every loop is bounded.
 *
 *   BENCH_STAFF=5000 BENCH_RATE=200 BENCH_SECONDS=30 pnpm bench:dispatch
 */
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

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(serverDir, '../..');
const STAFF = Number(process.env.BENCH_STAFF ?? 5000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 200);
const CENTER = { lat: 31.385, lng: 120.981 };
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

type Source = 'geo' | 'sql-scan';

function around(radiusM: number) {
  const r = radiusM * Math.sqrt(Math.random());
  const th = 2 * Math.PI * Math.random();
  return {
    lat: CENTER.lat + (r * Math.cos(th)) / 111_320,
    lng: CENTER.lng + (r * Math.sin(th)) / (111_320 * Math.cos((CENTER.lat * Math.PI) / 180)),
  };
}

function idNumber(seq: number): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const body = `32058319${String(40 + (seq % 20)).padStart(2, '0')}0101${String(seq).padStart(3, '0').slice(-3)}`;
  const sum = body.split('').reduce((a, c, i) => a + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

function request(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
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

async function seedStaff(db: Connection): Promise<string> {
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
  for (let i = 0; i < STAFF; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(STAFF, i + 1000); j++) {
      const at = around(8000);
      rows.push([randomUUID(), providers[j % providers.length], `员工${j}`, JSON.stringify(['cleaning', 'visit', 'shopping']), at.lat, at.lng, 3, 400 + (j % 100), 1]);
    }
    await db.query('INSERT INTO provider_staff (id, provider_id, name, skills, home_lat, home_lng, max_concurrent_jobs, rating_x100, on_duty) VALUES ?', [rows]);
  }
  return regionId;
}

async function run(source: Source) {
  const suffix = randomBytes(3).toString('hex');
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
    DISPATCH_CANDIDATE_SOURCE: source,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
  };
  const port = Number(env.PORT);
  const migrate = spawnSync('pnpm', ['--silent', 'migration:run'], { cwd: serverDir, env, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  const db = await createConnection({ host: '127.0.0.1', user: 'root', password: '', database: env.DB_NAME });
  let server: ChildProcess | null = null;
  try {
    const regionId = await seedStaff(db);
    server = spawn('node', ['dist/src/main.js'], { cwd: serverDir, env, stdio: ['ignore', 'ignore', 'inherit'] });
    for (let i = 0; i < 120; i++) {
      try {
        if ((await request(port, 'GET', '/health')).status === 200) break;
      } catch {
        /* starting */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    // Families, each with one elder somewhere in the district.
    const families: { token: string; elderId: string }[] = [];
    for (let i = 0; i < FAMILIES; i++) {
      const login = await request(port, 'POST', '/api/auth/wechat', { code: `dev:bench${i}` });
      const auth = { authorization: `Bearer ${login.body.accessToken}` };
      const home = await request(port, 'POST', '/api/households', { name: `压测家${i}`, regionId }, auth);
      const at = around(5000);
      const elder = await request(port, 'POST', `/api/households/${home.body.id}/elders`, {
        name: `老人${i}`, idNumber: idNumber(i), address: '压测地址', location: { lat: Number(at.lat.toFixed(6)), lng: Number(at.lng.toFixed(6)) },
        emergencyContacts: [], dietaryNeeds: [], livingSituation: 'alone', subsidyCategory: 'none', regionId,
      }, auth);
      if (elder.status !== 201) throw new Error(`elder: ${JSON.stringify(elder.body)}`);
      families.push({ token: login.body.accessToken, elderId: elder.body.id });
    }
    const order = (i: number) => {
      const fam = families[((i % families.length) + families.length) % families.length];
      return request(port, 'POST', '/api/orders', { elderId: fam.elderId, serviceCode: 'cleaning' }, { authorization: `Bearer ${fam.token}`, 'idempotency-key': `bench-${suffix}-${i}` });
    };
    for (let i = 0; i < 20; i++) await order(-1 - i); // warm-up, not measured
    await db.query(`UPDATE orders SET notes = 'warmup'`);

    // Open loop: one order every 1000/RATE ms whatever the server's answers are doing.
    const total = RATE * SECONDS;
    const apiMs: number[] = [];
    let ok = 0;
    let failed = 0;
    const started = Date.now();
    const inflight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t0 = performance.now();
      inflight.push(
        order(i).then(
          (res) => {
            apiMs.push(performance.now() - t0);
            if (res.status === 201) ok++;
            else failed++;
          },
          () => void failed++,
        ),
      );
    }
    await Promise.all(inflight);
    const elapsed = (Date.now() - started) / 1000;
    // Let the last orders reach their first offer (bounded).
    for (let i = 0; i < 60; i++) {
      const [[{ pending }]] = (await db.query(`SELECT COUNT(*) AS pending FROM orders WHERE notes IS NULL AND status IN ('created','dispatching')`)) as any;
      if (Number(pending) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const [rows] = (await db.query(
      `SELECT TIMESTAMPDIFF(MICROSECOND, o.created_at, MIN(f.offered_at)) / 1000 AS ms
         FROM orders o JOIN offers f ON f.order_id = o.id WHERE o.notes IS NULL GROUP BY o.id`,
    )) as any;
    const latencies = (rows as { ms: string }[]).map((r) => Number(r.ms)).sort((a, b) => a - b);
    const [[{ escalated }]] = (await db.query(`SELECT COUNT(*) AS escalated FROM orders WHERE notes IS NULL AND status = 'escalated'`)) as any;
    return {
      source,
      staff: STAFF,
      targetRate: RATE,
      seconds: SECONDS,
      ordersSent: total,
      ordersCreated: ok,
      ordersFailed: failed,
      ordersPerSecond: round(ok / elapsed),
      ordersWithOffer: latencies.length,
      ordersEscalated: Number(escalated),
      firstOfferMs: { p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), max: latencies.at(-1) ?? null },
      createApiMs: { p50: pct(apiMs.sort((a, b) => a - b), 50), p95: pct(apiMs, 95), p99: pct(apiMs, 99) },
    };
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await db.query(`DROP DATABASE IF EXISTS \`${env.DB_NAME}\``);
    await db.end();
    const redis = new Redis({ host: '127.0.0.1', port: 6379 });
    const keys = await redis.keys(`${env.REDIS_PREFIX}:*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
    await redis.quit();
  }
}

function pct(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

async function main() {
  const build = spawnSync('pnpm', ['build'], { cwd: serverDir, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  console.log(`bench:dispatch — ${STAFF} staff on duty, ${RATE} orders/s for ${SECONDS} s, through the API and worker (ROLE=all, one process)\n`);
  const geo = await run('geo');
  console.log(format(geo));
  const baseline = await run('sql-scan');
  console.log(format(baseline));
  const ratio = {
    p50: ratioOf(baseline.firstOfferMs.p50, geo.firstOfferMs.p50),
    p95: ratioOf(baseline.firstOfferMs.p95, geo.firstOfferMs.p95),
    p99: ratioOf(baseline.firstOfferMs.p99, geo.firstOfferMs.p99),
  };
  console.log(`\nbaseline ÷ GEO, order → first offer: p50 ×${ratio.p50}  p95 ×${ratio.p95}  p99 ×${ratio.p99}`);
  console.log(`target on 2 cores: p99 ≤ 100 ms at 200 orders/s — GEO p99 ${geo.firstOfferMs.p99} ms at ${geo.ordersPerSecond} orders/s`);
  const dir = resolve(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `dispatch-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), geo, baseline, ratio }, null, 2));
  console.log(`results: ${file}`);
  agent.destroy();
}

function ratioOf(a: number | null, b: number | null) {
  return a !== null && b ? round(a / b) : null;
}

function format(r: Awaited<ReturnType<typeof run>>) {
  return `${r.source.padEnd(8)} ${r.ordersCreated}/${r.ordersSent} orders (${r.ordersFailed} failed), ${r.ordersPerSecond} orders/s; order → first offer p50 ${r.firstOfferMs.p50} ms, p95 ${r.firstOfferMs.p95} ms, p99 ${r.firstOfferMs.p99} ms (max ${r.firstOfferMs.max}); POST /orders p50 ${r.createApiMs.p50} ms p99 ${r.createApiMs.p99} ms; escalated ${r.ordersEscalated}`;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
