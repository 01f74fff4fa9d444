/**
 * pnpm chaos — does dispatch stay correct while its worker keeps dying and Redis restarts empty?
 *
 * Starts a redis-server of its own on a spare loopback port (nothing on disk), the built server on
 * its own database as one ROLE=api and CHAOS_WORKERS (2) ROLE=worker processes, seeds on-duty
 * staff, and fires home-care orders through the API at a modest rate for a bounded time.
 * Meanwhile it kills a worker with SIGKILL every ~10 s (in turn, never the last one still running
 * while another is starting; a new one is started at once), and restarts Redis once, with every
 * worker up — no process is restarted for that fault. Nobody accepts offers, so every offer runs
 * to its expiry and the order moves on to the next staff member.
 *
 * Afterwards it counts from MariaDB: orders created, offered, escalated, stuck, lost; offers left
 * open past expiry + 10 s; orders that ever had two open offers; escalations while qualified staff
 * were near; and for each fault, seconds until dispatch was on time again. Prints them, writes JSON
 * under bench/results/, and removes its processes, database and Redis, also on failure.
 *
 *   CHAOS_RATE=5 CHAOS_SECONDS=70 CHAOS_STAFF=600 CHAOS_WORKERS=2 CHAOS_KILL_EVERY=10 pnpm chaos
 */
import { randomUUID } from 'node:crypto';
import { PrivateRedis } from '../test/support/private-redis.js';
import { buildServer, families as makeFamilies, pct, request, round, seedDistrict, startBenchServer, writeResults, type BenchServer } from './support.js';

const RATE = Number(process.env.CHAOS_RATE ?? 5);
const WORKERS = Number(process.env.CHAOS_WORKERS ?? 2);
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 70);
const STAFF = Number(process.env.CHAOS_STAFF ?? 600);
const FAMILIES = Number(process.env.CHAOS_FAMILIES ?? 100);
const KILL_EVERY_S = Number(process.env.CHAOS_KILL_EVERY ?? 10);
const REDIS_AT_S = Number(process.env.CHAOS_REDIS_AT ?? Math.round(SECONDS / 2) + 5);
const REDIS_DOWN_MS = Number(process.env.CHAOS_REDIS_DOWN_MS ?? 1000);
const OFFER_TIMEOUT_S = Number(process.env.CHAOS_OFFER_TIMEOUT ?? 10);
/** How long after the last order the run keeps watching (no more faults) before it counts. */
const DRAIN_S = Number(process.env.CHAOS_DRAIN_SECONDS ?? 20);
/** The goal: an expired offer is moved on within this long, and dispatch is on time again this soon after a fault. */
const GOAL_S = 10;
/** Work done within this long of falling due is on time (normal order → offer is well under a second). */
const ON_TIME_MS = 2000;
const RADIUS_M = 8000;
/** Share of offers their staff member accepts (at a random moment before expiry); the rest expire and move on. */
const ACCEPT_SHARE = Number(process.env.CHAOS_ACCEPT_SHARE ?? 0.5);

interface Fault {
  kind: 'worker SIGKILL' | 'Redis restart';
  at: number;
  /** When the replacement worker had started, or Redis answered again. */
  backAt: number | null;
}

interface Sent {
  key: string;
  status: number;
  orderId: string | null;
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  buildServer();
  console.log(
    `chaos — ${STAFF} staff on duty, ${RATE} orders/s for ${SECONDS} s through ROLE=api + ${WORKERS} × ROLE=worker; a worker SIGKILLed every ~${KILL_EVERY_S} s, ` +
      `its Redis restarted empty at ${REDIS_AT_S} s (down ${REDIS_DOWN_MS} ms); offers expire after ${OFFER_TIMEOUT_S} s and nobody accepts\n`,
  );
  const redis = await PrivateRedis.start();
  let server: BenchServer | null = null;
  const cleanup = async () => {
    await server?.stop().catch((err: Error) => console.error(`cleanup: ${err.message}`));
    server = null;
    await redis.stop();
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let regionId = '';
    server = await startBenchServer(
      { REDIS_PORT: String(redis.port), DISPATCH_OFFER_TIMEOUT_SECONDS: String(OFFER_TIMEOUT_S) },
      async (db) => {
        regionId = await seedDistrict(db, STAFF);
      },
      { workers: WORKERS },
    );
    const result = await run(server, redis, regionId);
    console.log(format(result));
    console.log(`results: ${writeResults('chaos', result)}`);
    if (!result.goalMet) process.exitCode = 1;
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function run(server: BenchServer, redis: PrivateRedis, regionId: string) {
  const { port } = server;
  const fams = await makeFamilies(port, FAMILIES, regionId, 'chaos-');

  // The workers in service now; any exit we did not cause is counted (and the worker replaced, as a supervisor would).
  const slots = server.workers.map((child) => ({ child, ready: Promise.resolve() }));
  let unexpectedExits = 0;
  let stopping = false;
  const watch = (slot: number) => {
    const child = slots[slot].child;
    child.once('exit', (code, signal) => {
      if (stopping || signal === 'SIGKILL' || slots[slot].child !== child) return;
      unexpectedExits++;
      console.error(`worker exited on its own (${code ?? signal}); starting another`);
      replace(slot);
    });
  };
  const replace = (slot: number) => {
    const next = server.startWorker();
    slots[slot] = next;
    watch(slot);
    return next;
  };
  slots.forEach((_, i) => watch(i));
  const othersReady = (except: number) => Promise.all(slots.filter((_, i) => i !== except).map((s) => s.ready.catch(() => undefined)));

  const faults: Fault[] = [];
  const started = Date.now();
  const deadline = started + SECONDS * 1000;

  // Faults on a fixed timeline: kills every KILL_EVERY_S, none in the 5 s before the Redis restart
  // or the GOAL_S + 1 s after it, so each fault's recovery is its own.
  const plan: { atS: number; kind: Fault['kind'] }[] = [{ atS: REDIS_AT_S, kind: 'Redis restart' }];
  for (let s = KILL_EVERY_S; s < SECONDS - GOAL_S; s += KILL_EVERY_S) {
    if (s > REDIS_AT_S - 5 && s < REDIS_AT_S + GOAL_S + 1) continue;
    plan.push({ atS: s, kind: 'worker SIGKILL' });
  }
  plan.sort((a, b) => a.atS - b.atS);

  const chaos = (async () => {
    let victim = 0;
    for (const step of plan) {
      if (step.atS >= SECONDS) break;
      const wait = started + step.atS * 1000 - Date.now();
      if (wait > 0) await sleep(wait);
      if (step.kind === 'worker SIGKILL') {
        // With more than one worker, never all at once: the others have finished starting first.
        await othersReady(victim);
        const slot = victim;
        victim = (victim + 1) % slots.length;
        const fault: Fault = { kind: step.kind, at: Date.now(), backAt: null };
        faults.push(fault);
        const dying = slots[slot].child;
        const exited = new Promise((r) => dying.once('exit', r));
        dying.kill('SIGKILL');
        await exited;
        void replace(slot).ready.then(
          () => (fault.backAt = Date.now()),
          (err: Error) => console.error(err.message),
        );
      } else {
        // Every worker up: this fault must heal without any process restarting.
        await othersReady(-1);
        const fault: Fault = { kind: step.kind, at: Date.now(), backAt: null };
        faults.push(fault);
        await redis.restart(REDIS_DOWN_MS);
        fault.backAt = Date.now();
      }
    }
    await othersReady(-1);
  })();

  const acceptor = startAcceptor(server);

  // Open loop: one order every 1000/RATE ms. A failed request is retried with its Idempotency-Key,
  // as the app does, for up to ~15 s.
  const sent: Sent[] = [];
  const inflight: Promise<void>[] = [];
  const total = Math.floor(RATE * SECONDS);
  for (let i = 0; i < total && Date.now() < deadline + 1000; i++) {
    const wait = started + (i * 1000) / RATE - Date.now();
    if (wait > 0) await sleep(wait);
    const fam = fams[i % fams.length];
    const record: Sent = { key: `chaos-${randomUUID()}`, status: 0, orderId: null, attempts: 0 };
    sent.push(record);
    inflight.push(
      (async () => {
        for (let attempt = 1; attempt <= 6; attempt++) {
          record.attempts = attempt;
          try {
            const res = await request(port, 'POST', '/api/orders', { elderId: fam.elderId, serviceCode: 'cleaning' }, { ...fam.auth, 'idempotency-key': record.key });
            record.status = res.status;
            if (res.status === 201) {
              record.orderId = res.body.id;
              return;
            }
            if (res.status < 500) return;
          } catch {
            record.status = -1;
          }
          await sleep(500 * attempt);
        }
      })(),
    );
  }
  await Promise.all(inflight);
  await chaos;
  const firingSeconds = (Date.now() - started) / 1000;

  // Quiet time: no more orders or faults; whatever is still open is handled or it is stuck.
  await sleep(DRAIN_S * 1000);
  const observedAt = Date.now();
  stopping = true;
  const accepts = await acceptor.stop();
  return { ...(await count(server, sent, faults, started, observedAt)), firingSeconds: round(firingSeconds), unexpectedWorkerExits: unexpectedExits, accepts };
}

/**
 * Staff who answer: every 300 ms it looks for new open offers and has the staff member accept
 * ACCEPT_SHARE of them through the API at a random moment in the first half of the offer's time.
 * Staff log in (dev login) the first time they are needed.
 */
function startAcceptor(server: BenchServer) {
  const { port, db } = server;
  const seen = new Set<string>();
  const auths = new Map<string, Promise<Record<string, string>>>();
  const pending: Promise<void>[] = [];
  const tally = { tried: 0, accepted: 0, refused: 0, failed: 0, firstFailure: null as string | null };
  let running = true;
  const staffAuth = (staffId: string) => {
    let auth = auths.get(staffId);
    if (!auth) {
      auth = (async () => {
        const login = await request(port, 'POST', '/api/auth/wechat', { code: `dev:cs${staffId.replace(/-/g, '').slice(0, 30)}` });
        if (login.status !== 200) {
          // Not kept: the next offer to this staff member logs in again.
          auths.delete(staffId);
          throw new Error(`login ${login.status} ${JSON.stringify(login.body)}`);
        }
        await db.query(`UPDATE users SET roles = '["provider_staff"]' WHERE id = ?`, [login.body.user.id]);
        await db.query('UPDATE provider_staff SET user_id = ? WHERE id = ?', [login.body.user.id, staffId]);
        return { authorization: `Bearer ${login.body.accessToken}` };
      })();
      auths.set(staffId, auth);
    }
    return auth;
  };
  const loop = (async () => {
    while (running) {
      const [rows] = (await db.query(`SELECT id, staff_id FROM offers WHERE status = 'offered'`)) as any as [{ id: string; staff_id: string }[]];
      for (const offer of rows) {
        if (seen.has(offer.id)) continue;
        seen.add(offer.id);
        if (Math.random() >= ACCEPT_SHARE) continue;
        const delay = 300 + Math.random() * OFFER_TIMEOUT_S * 500;
        pending.push(
          (async () => {
            await sleep(delay);
            tally.tried++;
            try {
              const res = await request(port, 'POST', `/api/offers/${offer.id}/accept`, {}, await staffAuth(offer.staff_id));
              if (res.status === 200) tally.accepted++;
              else if (res.status < 500) tally.refused++;
              else {
                tally.failed++;
                tally.firstFailure ??= `${res.status} ${JSON.stringify(res.body)}`;
              }
            } catch (err) {
              tally.failed++;
              tally.firstFailure ??= (err as Error).message;
            }
          })(),
        );
      }
      await sleep(300);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await Promise.all(pending);
      return tally;
    },
  };
}

async function count(server: BenchServer, sent: Sent[], faults: Fault[], started: number, observedAt: number) {
  const { db } = server;
  const [orderRows] = (await db.query(
    `SELECT o.id, o.status, o.created_at,
            (SELECT MIN(f.offered_at) FROM offers f WHERE f.order_id = o.id) AS first_offer,
            (SELECT MIN(e.created_at) FROM order_events e WHERE e.order_id = o.id AND e.status = 'escalated') AS escalated_at
       FROM orders o`,
  )) as any as [{ id: string; status: string; created_at: Date; first_offer: Date | null; escalated_at: Date | null }[]];
  const [offerRows] = (await db.query('SELECT order_id, status, offered_at, expires_at, responded_at FROM offers ORDER BY order_id, offered_at')) as any as [
    { order_id: string; status: string; offered_at: Date; expires_at: Date; responded_at: Date | null }[],
  ];
  const [wrongRows] = (await db.query(
    `SELECT COUNT(*) AS n FROM orders o
      WHERE EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.status = 'escalated')
        AND EXISTS (SELECT 1 FROM provider_staff s
                     WHERE s.on_duty = 1
                       AND (SELECT COUNT(*) FROM orders x WHERE x.staff_id = s.id AND x.status = 'accepted') < s.max_concurrent_jobs
                       AND ST_Distance_Sphere(POINT(COALESCE(s.last_lng, s.home_lng), COALESCE(s.last_lat, s.home_lat)), POINT(o.lng, o.lat)) <= ?
                       AND NOT EXISTS (SELECT 1 FROM offers f WHERE f.order_id = o.id AND f.staff_id = s.id))`,
    [RADIUS_M],
  )) as any;

  const inDb = new Set(orderRows.map((o) => o.id));
  const acknowledged = sent.filter((s) => s.orderId);
  const lost = acknowledged.filter((s) => !inDb.has(s.orderId!)).length;
  const stuckOrders = orderRows.filter((o) => o.status === 'created' || o.status === 'dispatching').length;

  // Work items: each order's first dispatch (due when created) and each offer's expiry (due when it expires).
  const items: { kind: 'order' | 'offer'; due: number; done: number | null }[] = [];
  for (const o of orderRows) {
    const done = [o.first_offer, o.escalated_at].filter((d): d is Date => d !== null).map((d) => d.getTime());
    items.push({ kind: 'order', due: o.created_at.getTime(), done: done.length ? Math.min(...done) : null });
  }
  let openPastExpiry = 0;
  let movedOnLate = 0;
  const offerLagMs: number[] = [];
  for (const f of offerRows) {
    if (f.status !== 'offered' && f.status !== 'expired') continue;
    const due = f.expires_at.getTime();
    if (due > observedAt) continue;
    const done = f.status === 'expired' ? (f.responded_at?.getTime() ?? null) : null;
    items.push({ kind: 'offer', due, done });
    if (done === null && observedAt - due > GOAL_S * 1000) openPastExpiry++;
    if (done !== null) {
      offerLagMs.push(done - due);
      if (done - due > GOAL_S * 1000) movedOnLate++;
    }
  }

  // Two open offers of one (non-urgent) order at the same moment.
  const byOrder = new Map<string, { from: number; to: number }[]>();
  for (const f of offerRows) {
    const list = byOrder.get(f.order_id) ?? [];
    list.push({ from: f.offered_at.getTime(), to: f.responded_at?.getTime() ?? observedAt });
    byOrder.set(f.order_id, list);
  }
  let duplicateOffers = 0;
  for (const list of byOrder.values()) {
    let openUntil = -Infinity;
    let overlapped = false;
    for (const o of list) {
      if (o.from < openUntil) overlapped = true;
      openUntil = Math.max(openUntil, o.to);
    }
    if (overlapped) duplicateOffers++;
  }

  // Per fault: seconds from the fault until the last piece of work it delayed was done. Work that
  // fell due before the next fault (less the on-time allowance) and was still open at this fault.
  const recovery = faults.map((fault, i) => {
    const until = (faults[i + 1]?.at ?? observedAt) - ON_TIME_MS;
    let worst = 0;
    let unresolved = 0;
    const late = { order: 0, offer: 0 };
    let worstItem: { kind: string; dueSecond: number; doneSecond: number | null } | null = null;
    for (const item of items) {
      if (item.due >= until || (item.done !== null && item.done <= fault.at)) continue;
      // Still open but not yet overdue by the goal when counting: not judged.
      if (item.done === null && observedAt - item.due <= GOAL_S * 1000) continue;
      const doneAt = item.done ?? observedAt;
      if (doneAt - item.due <= ON_TIME_MS) continue;
      if (item.done === null) unresolved++;
      late[item.kind]++;
      if (doneAt - fault.at > worst) {
        worst = doneAt - fault.at;
        worstItem = { kind: item.kind, dueSecond: round((item.due - started) / 1000), doneSecond: item.done === null ? null : round((item.done - started) / 1000) };
      }
    }
    return {
      kind: fault.kind,
      atSecond: round((fault.at - started) / 1000),
      backAfterSeconds: fault.backAt === null ? null : round((fault.backAt - fault.at) / 1000),
      recoverySeconds: unresolved ? null : round(worst / 1000),
      unresolved,
      lateOrders: late.order,
      lateOffers: late.offer,
      worstItem,
    };
  });

  const firstOfferMs = orderRows
    .filter((o) => o.first_offer)
    .map((o) => o.first_offer!.getTime() - o.created_at.getTime())
    .sort((a, b) => a - b);
  offerLagMs.sort((a, b) => a - b);
  const escalated = orderRows.filter((o) => o.escalated_at !== null).length;
  const figures = {
    staff: STAFF,
    targetRate: RATE,
    seconds: SECONDS,
    ordersSent: sent.length,
    ordersAcknowledged: acknowledged.length,
    ordersRefused: sent.filter((s) => !s.orderId).length,
    ordersRetried: sent.filter((s) => s.attempts > 1).length,
    ordersCreated: orderRows.length,
    ordersLost: lost,
    ordersOffered: orderRows.filter((o) => o.first_offer !== null).length,
    ordersEscalated: escalated,
    ordersWronglyEscalated: Number(wrongRows[0].n),
    ordersStuck: stuckOrders,
    offers: offerRows.length,
    offersOpenPastExpiryPlusGoal: openPastExpiry,
    offersMovedOnLate: movedOnLate,
    ordersWithTwoOpenOffers: duplicateOffers,
    firstOfferMs: { p50: pct(firstOfferMs, 50), p99: pct(firstOfferMs, 99), max: firstOfferMs.at(-1) ?? null },
    expiryToMovedOnMs: { p50: pct(offerLagMs, 50), p99: pct(offerLagMs, 99), max: offerLagMs.at(-1) ?? null },
    faults: recovery,
  };
  const goalMet =
    figures.ordersLost === 0 &&
    figures.ordersStuck === 0 &&
    figures.ordersRefused === 0 &&
    figures.ordersWronglyEscalated === 0 &&
    figures.offersOpenPastExpiryPlusGoal === 0 &&
    figures.offersMovedOnLate === 0 &&
    figures.ordersWithTwoOpenOffers === 0 &&
    recovery.every((r) => r.recoverySeconds !== null && r.recoverySeconds <= GOAL_S);
  return { ...figures, goal: `0 lost, 0 stuck, 0 duplicate offers, 0 wrongly escalated, offers moved on ≤ expiry + ${GOAL_S} s, recovery ≤ ${GOAL_S} s after each fault`, goalMet };
}

function format(r: Awaited<ReturnType<typeof run>>): string {
  const lines = [
    `orders: ${r.ordersSent} sent, ${r.ordersAcknowledged} acknowledged (${r.ordersRetried} after a retry, ${r.ordersRefused} never), ${r.ordersCreated} created in MariaDB, ${r.ordersLost} lost`,
    `dispatch: ${r.ordersOffered} offered, ${r.ordersEscalated} escalated (${r.ordersWronglyEscalated} with qualified staff within ${RADIUS_M / 1000} km never offered), ${r.ordersStuck} stuck`,
    `offers: ${r.offers}; ${r.offersOpenPastExpiryPlusGoal} still open past expiry + ${GOAL_S} s, ${r.offersMovedOnLate} moved on later than that; ${r.ordersWithTwoOpenOffers} orders ever had two open offers`,
    `order → first offer p50 ${r.firstOfferMs.p50} ms, p99 ${r.firstOfferMs.p99} ms, max ${r.firstOfferMs.max} ms; expiry → moved on p50 ${r.expiryToMovedOnMs.p50} ms, p99 ${r.expiryToMovedOnMs.p99} ms, max ${r.expiryToMovedOnMs.max} ms`,
    `accepts through the API: ${r.accepts.accepted} of ${r.accepts.tried} tried (${r.accepts.refused} refused as taken or expired, ${r.accepts.failed} failed${r.accepts.firstFailure ? `, first: ${r.accepts.firstFailure}` : ''})`,
    `worker exits nobody caused: ${r.unexpectedWorkerExits}`,
    'faults:',
    ...r.faults.map(
      (f) =>
        `  ${String(f.atSecond).padStart(5)} s  ${f.kind.padEnd(15)} back after ${f.backAfterSeconds ?? '—'} s, dispatch on time again after ${f.recoverySeconds ?? `— (${f.unresolved} items never handled)`} s (late: ${f.lateOrders} first offers, ${f.lateOffers} expiries)`,
    ),
    `goal (${r.goal}): ${r.goalMet ? 'met' : 'NOT met'}`,
  ];
  return lines.join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
