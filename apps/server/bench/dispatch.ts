/**
 * pnpm bench:dispatch — order → first offer through the real API and worker.
 *
 * Seeds N on-duty staff across a district, starts the built server (ROLE=all, or BENCH_WORKERS=n separate workers) on its own database
 * and Redis prefix, fires orders at a target rate for a while, and reports orders/s achieved and
 * order → first-offer latency p50/p95/p99. Runs twice: Redis GEOSEARCH candidates (what production
 * uses) and a naive baseline (distance in SQL over every staff row, no spatial index), then prints
 * the ratio and writes JSON under bench/results/. Loopback only; every loop is bounded.
 *
 *   BENCH_STAFF=5000 BENCH_RATE=200 BENCH_SECONDS=30 pnpm bench:dispatch
 */
import { randomUUID } from 'node:crypto';
import { buildServer, families as makeFamilies, pct, request, round, seedDistrict, startBenchServer, writeResults } from './support.js';

const STAFF = Number(process.env.BENCH_STAFF ?? 5000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 200);

type Source = 'geo' | 'sql-scan';

async function run(source: Source) {
  let regionId = '';
  const server = await startBenchServer({ DISPATCH_CANDIDATE_SOURCE: source }, async (db) => {
    regionId = await seedDistrict(db, STAFF);
  });
  const { port, db } = server;
  try {
    const fams = await makeFamilies(port, FAMILIES, regionId, `bench-${source}-`);
    const order = (i: number) => {
      const fam = fams[((i % fams.length) + fams.length) % fams.length];
      return request(port, 'POST', '/api/orders', { elderId: fam.elderId, serviceCode: 'cleaning' }, { ...fam.auth, 'idempotency-key': `bench-${randomUUID()}` });
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
      const wait = started + (i * 1000) / RATE - Date.now();
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
    apiMs.sort((a, b) => a - b);
    return {
      source, processes: server.processes, staff: STAFF, targetRate: RATE, seconds: SECONDS, ordersSent: total, ordersCreated: ok, ordersFailed: failed,
      ordersPerSecond: round(ok / elapsed), ordersWithOffer: latencies.length, ordersEscalated: Number(escalated),
      firstOfferMs: { p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), max: latencies.at(-1) ?? null },
      createApiMs: { p50: pct(apiMs, 50), p95: pct(apiMs, 95), p99: pct(apiMs, 99) },
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  buildServer();
  console.log(`bench:dispatch — ${STAFF} staff on duty, ${RATE} orders/s for ${SECONDS} s, through the API and worker (${process.env.BENCH_WORKERS ? `ROLE=api + ${process.env.BENCH_WORKERS} × ROLE=worker` : 'ROLE=all, one process'})\n`);
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
  console.log(`results: ${writeResults('dispatch', { geo, baseline, ratio })}`);
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
