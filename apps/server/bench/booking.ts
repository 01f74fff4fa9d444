/**
 * pnpm bench:booking — K concurrent clients try to book C places through the API.
 *
 * Meals: K families book the last C delivery places of one lunch at the same moment. Prints
 * confirmed, oversold (must be 0), rejected, elapsed and bookings/s, and writes JSON under
 * bench/results/. Childcare: K parents try for the last C places of one class (monthly 全日托).
 *
 *   BENCH_CLIENTS=500 BENCH_PLACES=50 BENCH_ROUNDS=3 pnpm bench:booking
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mysql2/promise';
import { DEMO_SUBSIDY_RULES } from '../src/database/seed/demo-district.js';
import { buildServer, CENTER, families, pct, request, round, startBenchServer, writeResults } from './support.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const PLACES = Number(process.env.BENCH_PLACES ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function seedCanteen(db: Connection): Promise<{ regionId: string; canteenId: string; slotIds: string[]; dishIds: string[] }> {
  const regionId = randomUUID();
  const canteenId = randomUUID();
  await db.query(`INSERT INTO regions (id, code, name, level, center_lat, center_lng) VALUES (?, 'bench', '压测街道', 'street', ?, ?)`, [regionId, CENTER.lat, CENTER.lng]);
  await db.query(`INSERT INTO region_policies (id, region_id, kind, version, effective_from, rules) VALUES (UUID(), ?, 'subsidy', 1, '2020-01-01', ?)`, [regionId, JSON.stringify(DEMO_SUBSIDY_RULES)]);
  await db.query(
    `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, 'canteen', '压测食堂', 'BENCH-C', ?, '压测', ?, ?, 5000, 'approved', 1)`,
    [canteenId, regionId, CENTER.lat, CENTER.lng],
  );
  const periods = [{ period: 'lunch', serveStart: '11:00', serveEnd: '12:30', cutoff: '10:00', capacity: { dine_in: 100, pickup: 100, delivery: PLACES } }];
  await db.query(`INSERT INTO canteen_settings (provider_id, open_days, delivery_radius_m, delivery_fee_fen, periods) VALUES (?, '[1,2,3,4,5,6,7]', 5000, 300, ?)`, [canteenId, JSON.stringify(periods)]);
  const slotIds: string[] = [];
  const dishIds: string[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const date = new Date(Date.now() + (r + 1) * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const slotId = randomUUID();
    const dishId = randomUUID();
    await db.query(
      `INSERT INTO meal_slots (id, provider_id, date, period, serve_start_at, serve_end_at, cutoff_at, cap_dine_in, cap_pickup, cap_delivery)
       VALUES (?, ?, ?, 'lunch', ?, ?, ?, 100, 100, ?)`,
      [slotId, canteenId, date, new Date(`${date}T11:00:00+08:00`), new Date(`${date}T12:30:00+08:00`), new Date(`${date}T10:00:00+08:00`), PLACES],
    );
    await db.query(`INSERT INTO dishes (id, slot_id, name, price_fen, tags, is_set_meal) VALUES (?, ?, '压测套餐', 1500, '[]', 1)`, [dishId, slotId]);
    slotIds.push(slotId);
    dishIds.push(dishId);
  }
  return { regionId, canteenId, slotIds, dishIds };
}

async function seedChildcare(db: Connection, regionId: string): Promise<string> {
  const centreId = randomUUID();
  const classId = randomUUID();
  await db.query(
    `INSERT INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended) VALUES (?, 'childcare', '压测托育', 'BENCH-T', ?, '压测', ?, ?, 5000, 'approved', 1)`,
    [centreId, regionId, CENTER.lat, CENTER.lng],
  );
  await db.query('INSERT INTO childcare_centres (provider_id, licensed_places) VALUES (?, ?)', [centreId, PLACES]);
  await db.query(`INSERT INTO childcare_classes (id, provider_id, age_class, name, capacity, puhui, prices, daily_quota) VALUES (?, ?, 'preschool', '托大班', ?, 1, '{"full_day":150000}', 0)`, [classId, centreId, PLACES]);
  return classId;
}

async function childcareRound(port: number, db: Connection, classId: string, regionId: string) {
  const fams = await families(port, CLIENTS, regionId, 'care-', 100_000);
  const children = await Promise.all(
    fams.map(async (f, i) => {
      const homes = await request(port, 'GET', '/api/households', undefined, f.auth);
      const child = await request(port, 'POST', `/api/households/${homes.body[0].id}/children`, { name: `宝宝${i}`, birthDate: '2024-03-01' }, f.auth);
      return { auth: f.auth, childId: child.body.id as string };
    }),
  );
  const month = new Date(Date.now() + 8 * 3600_000 + 31 * 86_400_000).toISOString().slice(0, 7);
  const latencies: number[] = [];
  const started = performance.now();
  const statuses = await Promise.all(
    children.map(async (c) => {
      const t0 = performance.now();
      const res = await request(port, 'POST', '/api/childcare/enrolments', { childId: c.childId, classId, careType: 'full_day', startMonth: month }, { ...c.auth, 'idempotency-key': `bench-${randomUUID()}` });
      latencies.push(performance.now() - t0);
      return res.status;
    }),
  );
  const elapsedMs = performance.now() - started;
  const [[row]] = (await db.query(`SELECT enrolled, (SELECT COUNT(*) FROM enrolments WHERE class_id = ? AND status = 'active') AS rows_active FROM childcare_classes WHERE id = ?`, [classId, classId])) as any;
  latencies.sort((a, b) => a - b);
  return {
    clients: CLIENTS, places: PLACES, confirmed: statuses.filter((s) => s === 201).length, oversold: Math.max(0, Number(row.rows_active) - PLACES),
    capacityCounter: Number(row.enrolled), rejected409: statuses.filter((s) => s === 409).length, otherErrors: statuses.filter((s) => s !== 201 && s !== 409).length,
    elapsedMs: round(elapsedMs), requestsPerSecond: round((CLIENTS / elapsedMs) * 1000), latencyMs: { p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99) },
  };
}

async function main() {
  buildServer();
  let seeded: Awaited<ReturnType<typeof seedCanteen>> | null = null;
  let classId = '';
  const server = await startBenchServer({}, async (db) => {
    seeded = await seedCanteen(db);
    classId = await seedChildcare(db, seeded.regionId);
  });
  const { slotIds, dishIds, regionId } = seeded!;
  try {
    console.log(`bench:booking — meals: ${CLIENTS} concurrent clients for ${PLACES} delivery places, ${ROUNDS} rounds (${process.env.BENCH_WORKERS ? `ROLE=api + ${process.env.BENCH_WORKERS} × ROLE=worker` : 'ROLE=all, one process'})`);
    const fams = await families(server.port, CLIENTS, regionId, 'book-');
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) {
      const latencies: number[] = [];
      const started = performance.now();
      const results = await Promise.all(
        fams.map(async (fam) => {
          const t0 = performance.now();
          const res = await request(server.port, 'POST', '/api/meal-bookings', { elderId: fam.elderId, slotId: slotIds[r], mode: 'delivery', items: [{ dishId: dishIds[r], quantity: 1 }] }, { ...fam.auth, 'idempotency-key': `bench-${randomUUID()}` });
          latencies.push(performance.now() - t0);
          return res.status;
        }),
      );
      const elapsedMs = performance.now() - started;
      const [[row]] = (await server.db.query(`SELECT booked_delivery, (SELECT COUNT(*) FROM meal_bookings WHERE slot_id = ? AND status = 'booked') AS rows_booked FROM meal_slots WHERE id = ?`, [slotIds[r], slotIds[r]])) as any;
      latencies.sort((a, b) => a - b);
      const confirmed = results.filter((s) => s === 201).length;
      const round_ = {
        round: r + 1,
        clients: CLIENTS,
        places: PLACES,
        confirmed,
        oversold: Math.max(0, Number(row.rows_booked) - PLACES),
        capacityCounter: Number(row.booked_delivery),
        rejected409: results.filter((s) => s === 409).length,
        otherErrors: results.filter((s) => s !== 201 && s !== 409).length,
        elapsedMs: round(elapsedMs),
        requestsPerSecond: round((CLIENTS / elapsedMs) * 1000),
        latencyMs: { p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99) },
      };
      rounds.push(round_);
      console.log(
        `round ${round_.round}: confirmed ${round_.confirmed}/${PLACES}, oversold ${round_.oversold}, rejected ${round_.rejected409} (409), other errors ${round_.otherErrors}; ` +
          `${round_.elapsedMs} ms, ${round_.requestsPerSecond} booking requests/s; latency p50 ${round_.latencyMs.p50} ms p95 ${round_.latencyMs.p95} ms p99 ${round_.latencyMs.p99} ms`,
      );
    }
    const childcare = await childcareRound(server.port, server.db, classId, regionId);
    console.log(
      `childcare: confirmed ${childcare.confirmed}/${PLACES}, oversold ${childcare.oversold}, rejected ${childcare.rejected409} (409), other errors ${childcare.otherErrors}; ` +
        `${childcare.elapsedMs} ms, ${childcare.requestsPerSecond} enrolment requests/s; latency p50 ${childcare.latencyMs.p50} ms p95 ${childcare.latencyMs.p95} ms p99 ${childcare.latencyMs.p99} ms`,
    );
    console.log(`results: ${writeResults('booking', { meals: rounds, childcare })}`);
    if (rounds.some((r) => r.oversold > 0 || r.confirmed !== PLACES) || childcare.oversold > 0 || childcare.confirmed !== PLACES) {
      console.error('OVERSOLD or under-filled: see above');
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
