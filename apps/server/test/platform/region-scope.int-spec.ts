import { ASSESSMENT_DOMAINS, shanghaiDate, shanghaiMonth } from '@carecircle/shared';
import { randomBytes } from 'node:crypto';
import type { Test } from 'supertest';
import { Dispatcher } from '../../src/dispatch/dispatcher.service.js';
import { StaffPositions } from '../../src/providers/staff-positions.service.js';
import { seedDemoDistrict } from '../../src/database/seed/demo-district.js';
import { DEMO_SUPERVISION_POLICIES } from '../../src/database/seed/demo-supervision.js';
import { seedSecondStreet } from '../../src/database/seed/second-street.js';
import { idNumber } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Auth = { Authorization: string };
type Operation = { parameters?: { in: string; name: string; required?: boolean }[]; requestBody?: { content: Record<string, unknown> } };
type Call = { method: string; template: string };

/** A set-up step that must work; its failure says what the server answered. */
const ok = (res: { status: number; body: unknown }) => {
  if (res.status >= 300) throw new Error(`expected success, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res as { status: number; body: { id: string; accessToken: string; paths: never } & Record<string, never> };
};

/**
 * Operators of one 街道 must not read or change anything of another: every operation in the OpenAPI
 * document is called by the operator of a second street (周市镇) on the first street's (玉山镇) records —
 * its elders, orders, SOS calls, providers, statements, draws, … — with a body that the first street's
 * own operator can use (the control run proves the request itself is valid). 0 successes allowed.
 */
describe('a second street\'s operator on the first street\'s records', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  const login = async (name: string): Promise<Auth> => ({ Authorization: `Bearer ${(await t.http.post('/api/auth/wechat').send({ code: `dev:${name}` }).then(ok)).body.accessToken}` });

  /** The first street's records, by path parameter (and a few by operation). */
  const A: Record<string, string> = {};
  /** Everything that would show the first street's data if it leaked into a response. */
  const markers: string[] = [];
  const bodies = new Map<string, () => Record<string, unknown>>();
  let ownOperator: Auth;
  let otherOperator: Auth;
  let lastMonth: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDistrict(t.dataSource, t.cipher);
    await seedSecondStreet(t.dataSource);
    paths = (await t.http.get('/api/docs-json').then(ok)).body.paths;
    ownOperator = await login('吴主任');
    otherOperator = await login('郑主任');
    const family = await login('王芳');
    const guardian = await login('李强');
    const staff = await login('周护理');
    const providerAdmin = await login('孙经理');
    const q = <T = Record<string, string>>(sql: string, params: unknown[] = []) => t.dataSource.query(sql, params) as Promise<T[]>;
    const now = t.clock.now();
    lastMonth = shanghaiMonth(new Date(now.getTime() - 32 * 86_400_000));
    const tomorrow = shanghaiDate(new Date(now.getTime() + 86_400_000));

    const [street] = await q(`SELECT id FROM regions WHERE code = 'ks-ys'`);
    const [community] = await q(`SELECT id FROM regions WHERE code = 'ks-ys-cy'`);
    const [household] = await q(`SELECT h.id FROM households h JOIN users u ON u.id = h.created_by WHERE u.nickname = '王芳'`);
    const [elder] = await q(`SELECT id FROM elders WHERE name = '王建国' AND household_id = ?`, [household.id]);
    const [unverified] = await q(`SELECT id FROM elders WHERE name = '王秀兰' AND household_id = ?`, [household.id]);
    const [child] = await q(`SELECT c.id FROM children c JOIN households h ON h.id = c.household_id WHERE c.name = '李小宝' AND h.name = '李家'`);
    const [provider] = await q(`SELECT id FROM providers WHERE name = '安康居家养老服务中心'`);
    const [zhou] = await q(`SELECT id FROM provider_staff WHERE name = '周护理'`);
    const [canteen] = await q(`SELECT id FROM providers WHERE kind = 'canteen' ORDER BY name LIMIT 1`);
    const [slot] = await q(`SELECT id FROM meal_slots WHERE provider_id = ? AND date = ? AND period = 'lunch'`, [canteen.id, tomorrow]);
    // 李小宝 goes to a centre full-day this month.
    const [enrolment] = await q(`SELECT e.id, e.class_id, c.provider_id FROM enrolments e JOIN childcare_classes c ON c.id = e.class_id WHERE e.child_id = ? AND e.status = 'active'`, [child.id]);
    const centre = { id: enrolment.provider_id };
    const klass = { id: enrolment.class_id };
    const [session] = await q(`SELECT id FROM training_sessions LIMIT 1`);
    const [inspector] = await q(`SELECT id FROM inspectors WHERE region_id = ? LIMIT 1`, [street.id]);
    Object.assign(A, {
      regionId: street.id, communityId: community.id, householdId: household.id, elderId: elder.id, unverifiedElderId: unverified.id, childId: child.id,
      providerId: provider.id, staffId: zhou.id, canteenId: canteen.id, slotId: slot.id, centreId: centre.id, classId: klass.id, enrolmentId: enrolment.id,
      sessionId: session.id, inspectorId: inspector.id,
    });

    // An order still looking for staff, with an offer out.
    A.openOrderId = (await t.http.post('/api/orders').set(family).set('Idempotency-Key', 'scope-open').send({ elderId: elder.id, serviceCode: 'cleaning' }).then(ok)).body.id;
    // 王建国 confirms what his daughter orders for him (长辈版).
    const elderSelf = await login('王建国');
    await t.http.post(`/api/orders/${A.openOrderId}/elder-decision`).set(elderSelf).send({ decision: 'confirm' }).then(ok);
    await t.get(StaffPositions).rebuild();
    await t.get(Dispatcher).dispatch(A.openOrderId);
    const [offer] = await q(`SELECT id FROM offers WHERE order_id = ? LIMIT 1`, [A.openOrderId]);
    if (!offer) throw new Error(JSON.stringify(await q(`SELECT o.status, o.dispatch_at, r.* FROM orders o LEFT JOIN dispatch_rounds r ON r.order_id = o.id WHERE o.id = ?`, [A.openOrderId])).slice(0, 1500));
    A.offerId = offer.id;
    // A finished order 周护理 checked in to far from the address (an override to review), then complained about.
    A.orderId = (await t.http.post('/api/orders').set(family).set('Idempotency-Key', 'scope-done').send({ elderId: elder.id, serviceCode: 'companionship' }).then(ok)).body.id;
    await t.http.post(`/api/orders/${A.orderId}/elder-decision`).set(elderSelf).send({ decision: 'confirm' }).then(ok);
    await t.get(Dispatcher).dispatch(A.orderId);
    await t.http.post(`/api/orders/${A.orderId}/assign`).set(ownOperator).send({ staffId: zhou.id }).then(ok);
    await t.http.post(`/api/orders/${A.orderId}/depart`).set(staff).then(ok);
    await t.http.post(`/api/orders/${A.orderId}/check-in`).set(staff).send({ location: { lat: 31.2, lng: 120.6 }, overrideReason: '老人在女儿家，上门到女儿家服务' }).then(ok);
    await t.http.post(`/api/orders/${A.orderId}/check-out`).set(staff).send({ tasks: ['陪同聊天', '检查居家安全'], shortReason: '老人午休，提前结束' }).then(ok);
    A.complaintId = (await t.http.post(`/api/orders/${A.orderId}/complaints`).set(family).send({ text: '服务人员迟到半小时' }).then(ok)).body.id;
    A.sosId = (await t.http.post('/api/sos').set(family).send({ elderId: elder.id }).then(ok)).body.id;
    await t.http.post(`/api/elders/${unverified.id}/eligibility`).set(family).send({ category: 'dibao', evidenceNote: '低保证编号 KS-2026-0088' }).then(ok);
    [{ id: A.dishId }] = await q(`SELECT id FROM dishes WHERE slot_id = ? ORDER BY sort LIMIT 1`, [slot.id]);
    A.bookingId = (await t.http.post('/api/meal-bookings').set(family).set('Idempotency-Key', 'scope-meal').send({ elderId: elder.id, slotId: slot.id, mode: 'pickup', items: [{ dishId: A.dishId, quantity: 1 }] }).then(ok)).body.id;
    [{ code: A.pickupCode }] = await q(`SELECT pickup_code AS code FROM meal_bookings WHERE id = ?`, [A.bookingId]);
    A.personId = (await t.http.post(`/api/children/${child.id}/pickup-persons`).set(guardian).send({ name: '李奶奶', phone: '13900001111', relation: '奶奶' }).then(ok)).body.id;
    const [waitlisted] = await q(`SELECT id FROM children WHERE household_id = (SELECT household_id FROM children WHERE id = ?) AND id <> ? LIMIT 1`, [child.id, child.id]);
    A.entryId = (await q(`SELECT UUID() AS id`))[0].id;
    await t.dataSource.query(
      `INSERT INTO waitlist_entries (id, class_id, child_id, household_id, created_by, care_type, start_month, score, reasons, status, created_at) VALUES (?, ?, ?, (SELECT household_id FROM children WHERE id = ?), (SELECT id FROM users WHERE nickname = '李强'), 'full_day', ?, 0, '[]', 'waiting', ?)`,
      [A.entryId, klass.id, waitlisted?.id ?? child.id, waitlisted?.id ?? child.id, shanghaiMonth(new Date(now.getTime() + 40 * 86_400_000)), now],
    );
    // A declared priority waiting for the centre or the 街道 to verify it.
    A.fact = 'multi_child';
    await t.dataSource.query(`INSERT INTO waitlist_priority_facts (id, entry_id, fact, label, points, evidence_note, status) VALUES (UUID(), ?, 'multi_child', '多孩家庭', 30, '户口簿', 'pending')`, [A.entryId]);
    A.documentId = (await t.http.post(`/api/supervision/providers/${provider.id}/documents`).set(providerAdmin).field('kind', 'insurance').field('title', '责任保险保单').attach('file', PNG, 'policy.png').then(ok)).body.id;
    await t.http.post(`/api/operator/statements/${lastMonth}/generate`).set(ownOperator).then(ok);
    [{ id: A.statementId }] = await q(`SELECT s.id FROM provider_statements s JOIN providers p ON p.id = s.provider_id WHERE p.region_id IN (SELECT id FROM regions WHERE id = ? OR parent_id = ?) LIMIT 1`, [street.id, street.id]);
    A.drawId = (await t.http.post('/api/supervision/draws').set(ownOperator).send({ regionId: street.id, providerKind: 'home_care', providerCount: 1, inspectorCount: 1 }).then(ok)).body.id;
    await t.http.post(`/api/supervision/draws/${A.drawId}/execute`).set(ownOperator).then(ok);
    [{ id: A.inspectionId }] = await q(`SELECT id FROM inspections WHERE draw_id = ?`, [A.drawId]);

    const ids = await q<{ v: string }>(
      `SELECT id AS v FROM elders UNION SELECT id FROM households UNION SELECT id FROM orders UNION SELECT id FROM providers UNION SELECT id FROM provider_staff
        UNION SELECT id FROM regions WHERE code LIKE 'ks-ys%' UNION SELECT id FROM complaints UNION SELECT id FROM provider_statements UNION SELECT id FROM sos_calls
        UNION SELECT id FROM inspections UNION SELECT id FROM inspection_draws UNION SELECT id FROM inspectors UNION SELECT id FROM meal_bookings WHERE elder_id = ?`,
      [elder.id],
    );
    markers.push(...ids.map((r) => r.v), '王建国', '王秀兰', '李小宝', '安康居家养老服务中心', '玉山镇朝阳幸福食堂', '小橡树普惠托育中心');
    const idNumbers = (await q<{ id_number_enc: string }>(`SELECT id_number_enc FROM elders WHERE household_id = ?`, [household.id])).map((r) => t.cipher.decrypt(r.id_number_enc));

    const body = (key: string, make: () => Record<string, unknown>) => bodies.set(key, make);
    body('POST /api/regions/{id}/policies', () => ({ kind: 'kpi_targets', effectiveFrom: tomorrow, rules: { visit_rate: 1 } }));
    body('POST /api/households/{householdId}/elders', () => ({ name: '王老伯', idNumber: idNumber('1948-05-12', 77), address: '昆山市玉山镇人民路 2 号', location: { lat: 31.385, lng: 120.981 }, regionId: A.communityId, emergencyContacts: [], dietaryNeeds: [], livingSituation: 'alone', subsidyCategory: 'none' }));
    body('POST /api/households/{householdId}/children', () => ({ name: '王小宝', birthDate: '2025-06-01' }));
    body('PATCH /api/elders/{elderId}', () => ({ address: '昆山市玉山镇人民路 1 号' }));
    body('PATCH /api/children/{childId}', () => ({ name: '李小宝' }));
    body('PATCH /api/providers/{providerId}/status', () => ({ status: 'suspended' }));
    body('PATCH /api/providers/{providerId}/recommended', () => ({ recommended: false, reason: '年度抽查不合格' }));
    body('POST /api/providers/{providerId}/staff', () => ({ name: '钱护理', phone: '13700009999', skills: ['cleaning'], certificates: [], home: { lat: 31.385, lng: 120.981 }, maxConcurrentJobs: 2 }));
    body('PUT /api/providers/{providerId}/prices', () => ({ serviceCode: 'cleaning', priceFen: 6000 }));
    body('POST /api/orders', () => ({ elderId: A.elderId, serviceCode: 'cleaning' }));
    body('POST /api/orders/{orderId}/cancel', () => ({ reason: '老人临时外出' }));
    body('POST /api/orders/{orderId}/elder-decision', () => ({ decision: 'confirm' }));
    body('POST /api/orders/{orderId}/rating', () => ({ stars: 5, tags: [] }));
    body('POST /api/orders/{orderId}/check-in', () => ({ location: { lat: 31.385, lng: 120.981 } }));
    body('POST /api/orders/{orderId}/check-out', () => ({ tasks: ['打扫'], shortReason: '老人午休，提前结束' }));
    body('POST /api/orders/{orderId}/assign', () => ({ staffId: A.staffId }));
    body('POST /api/meal-bookings', () => ({ elderId: A.elderId, slotId: A.slotId, mode: 'pickup', items: [{ dishId: A.dishId, quantity: 1 }] }));
    body('POST /api/meal-bookings/quote', () => ({ elderId: A.elderId, slotId: A.slotId, mode: 'pickup', items: [{ dishId: A.dishId, quantity: 1 }] }));
    body('POST /api/meal-bookings/{bookingId}/cancel', () => ({ reason: '改在家吃' }));
    body('PUT /api/canteens/{canteenId}/settings', () => ({ openDays: [1, 2, 3, 4, 5], deliveryRadiusMeters: 3000, deliveryFeeFen: 300, periods: [
      { period: 'lunch', serveStart: '11:00', serveEnd: '12:30', cutoff: '10:00', capacity: { dine_in: 60, pickup: 30, delivery: 20 } },
      { period: 'dinner', serveStart: '17:00', serveEnd: '18:00', cutoff: '15:00', capacity: { dine_in: 40, pickup: 20, delivery: 15 } },
    ] }));
    body('POST /api/canteens/{canteenId}/menus', () => ({ date: tomorrow, period: 'dinner', dishes: [{ name: '番茄炒蛋套餐', priceFen: 1200, tags: ['soft'], isSetMeal: true }] }));
    body('POST /api/canteens/{canteenId}/slots/{slotId}/cancel', () => ({ reason: '停水' }));
    body('POST /api/canteens/{canteenId}/slots/{slotId}/pickups', () => ({ code: A.pickupCode }));
    body('PUT /api/childcare/centres/{centreId}', () => ({ licensedPlaces: 45 }));
    body('POST /api/childcare/centres/{centreId}/classes', () => ({ ageClass: 'toddler', name: '托小二班', capacity: 10, puhui: false, prices: { full_day: 300_000 }, dailyQuota: 0 }));
    body('POST /api/childcare/enrolments', () => ({ childId: A.childId, classId: A.classId, careType: 'occasional', date: tomorrow }));
    body('POST /api/children/{childId}/pickup-persons', () => ({ name: '李爷爷', phone: '13900002222', relation: '爷爷' }));
    body('POST /api/childcare/classes/{classId}/check-in', () => ({ childId: A.childId }));
    body('POST /api/childcare/classes/{classId}/check-out', () => ({ childId: A.childId, pickupPersonId: A.personId }));
    body('PUT /api/elders/{elderId}/confirmation', () => ({ confirmOrders: true, timeoutMinutes: 30, onTimeout: 'proceed' }));
    body('POST /api/sos', () => ({ elderId: A.elderId, drill: true }));
    body('POST /api/elders/{elderId}/assessments', () => ({ assessedOn: shanghaiDate(now), items: ASSESSMENT_ITEMS }));
    body('POST /api/timebank/volunteer', () => ({ regionId: A.regionId, skills: ['visit'], birthYear: 1990 }));
    body('POST /api/elders/{elderId}/eligibility', () => ({ category: 'dibao', evidenceNote: '低保证' }));
    body('POST /api/operator/elders/{elderId}/eligibility', () => ({ decision: 'verified', validUntil: `${Number(lastMonth.slice(0, 4)) + 1}-12-31` }));
    body('POST /api/orders/{orderId}/complaints', () => ({ text: '态度不好' }));
    body('PATCH /api/operator/complaints/{id}', () => ({ status: 'resolved', reply: '已核实并约谈服务人员' }));
    body('POST /api/operator/statements/{id}/adjustments', () => ({ amountFen: -100, reason: '重复申报一次服务' }));
    body('PUT /api/operator/region-figures/{regionId}/{year}', () => ({ residents: 1, elderly60: 1, children0to3: 1 }));
    body('POST /api/operator/region-figures/import', () => ({ csv: `社区,年份,常住人口,60岁以上人口,0-3岁儿童\n朝阳社区,2026,1,1,1\n` }));
    body('POST /api/operator/official-list/preview', () => ({ csv: `姓名,身份证号,类别,有效期至\n${idNumbers.map((n, i) => `老人${i},${n},dibao,2027-12-31`).join('\n')}\n` }));
    body('POST /api/operator/official-list/confirm', () => ({ csv: `姓名,身份证号,类别,有效期至\n${idNumbers.map((n, i) => `老人${i},${n},dibao,2027-12-31`).join('\n')}\n` }));
    body('POST /api/training/sessions', () => ({ title: '岗前培训', kind: 'pre_job', heldOn: shanghaiDate(now), hours: 8, organiserRegionId: A.regionId }));
    body('PUT /api/training/sessions/{sessionId}/attendance', () => ({ records: [{ staffId: A.staffId, passed: false }] }));
    body('PUT /api/supervision/providers/{providerId}/filing', () => ({ licenceNo: 'JS-KS-YL-2023-0101', licenceAuthority: '昆山市民政局' }));
    body('POST /api/supervision/providers/{providerId}/gradings', () => ({ scores: { facility: 18, staffing: 18, management: 18, service: 22, satisfaction: 13 } }));
    body('POST /api/supervision/providers/{providerId}/evaluations', () => ({ kind: 'satisfaction', evaluator: '第三方', score: 90, summary: '满意', evaluatedOn: shanghaiDate(now) }));
    body('POST /api/supervision/inspectors', () => ({ regionId: A.regionId, name: '检查员', organisation: '民政局' }));
    body('PATCH /api/supervision/inspectors/{inspectorId}', () => ({ active: false }));
    body('POST /api/supervision/draws', () => ({ regionId: A.regionId, providerKind: 'home_care', providerCount: 1, inspectorCount: 1 }));
    body('POST /api/childcare/waitlist/{entryId}/facts/{fact}/decision', () => ({ verified: true }));
    body('PUT /api/supervision/inspections/{inspectionId}/result', () => ({ results: DEMO_SUPERVISION_POLICIES.inspection_checklist.byKind.home_care!.items.map((i) => ({ code: i.code, passed: true })), summary: '合格' }));
    body('POST /api/supervision/check-in-overrides/{orderId}/review', () => ({ justified: false, note: '无正当理由' }));
  }, 180_000);
  afterAll(() => t.close());

  /** Path parameters filled with the first street's records; orders in the state each step needs. */
  function urlFor({ method, template }: Call, op: Operation): string {
    const orderId = /\/(cancel|assign|redispatch|dispatch-rounds|elder-decision|check-in|depart)$/.test(template) && !template.includes('check-in-overrides') ? A.openOrderId : A.orderId;
    const byName: Record<string, string> = {
      id: template.startsWith('/api/regions') ? A.regionId : template.includes('complaints') ? A.complaintId : A.statementId,
      orderId, month: lastMonth, year: '2026', code: 'visit_rate', regionId: template.includes('region-figures') ? A.communityId : A.regionId,
    };
    let url = template.replace(/\{(\w+)\}/g, (_, name: string) => byName[name] ?? A[name] ?? `missing-${name}`);
    const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => {
      const value = p.name === 'regionId' ? A.regionId : p.name === 'elderId' ? A.elderId : p.name === 'providerId' ? A.providerId : p.name === 'month' ? lastMonth
        : p.name === 'providerKind' ? 'home_care' : p.name === 'scene' ? 'order' : p.name === 'serviceCode' ? 'cleaning' : p.name === 'entityId' ? A.elderId : null;
      return value ? `${p.name}=${encodeURIComponent(value)}` : null;
    }).filter(Boolean);
    if (method === 'GET' && query.length) url += `?${query.join('&')}`;
    return url;
  }

  function send({ method, template }: Call, op: Operation, auth: Auth): Test {
    const url = urlFor({ method, template }, op);
    const req = (t.http as unknown as Record<string, (u: string) => Test>)[method.toLowerCase()](url).set(auth).set('Idempotency-Key', `scope-${randomBytes(8).toString('hex')}`);
    if (op.requestBody?.content['multipart/form-data']) return req.field('kind', 'licence').field('title', '营业执照').attach('file', PNG, 'licence.png');
    const make = bodies.get(`${method} ${template}`);
    return make ? req.send(make()) : req;
  }

  function operations(): Call[] {
    return Object.entries(paths).flatMap(([template, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), template })))
      .filter((c) => !c.template.startsWith('/api/auth/') && c.template !== '/health');
  }

  const leaked = (res: { text?: string; body?: unknown }) => {
    const text = res.text ?? JSON.stringify(res.body ?? '');
    return markers.filter((m) => text.includes(m));
  };

  /** Every row of every table, to see what a sweep changed. */
  async function snapshot(): Promise<Map<string, Set<string>>> {
    const tables: { name: string }[] = await t.dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'`);
    const out = new Map<string, Set<string>>();
    for (const { name } of tables) out.set(name, new Set((await t.dataSource.query(`SELECT * FROM \`${name}\``)).map((r: unknown) => JSON.stringify(r))));
    return out;
  }

  /** Rows of the first street changed or removed, and new rows that name its records. */
  function changedRecords(before: Map<string, Set<string>>, after: Map<string, Set<string>>): string[] {
    const changes: string[] = [];
    for (const [table, rows] of before) {
      const now = after.get(table) ?? new Set<string>();
      const gone = [...rows].filter((r) => !now.has(r) && markers.some((m) => r.includes(m)));
      const added = [...now].filter((r) => !rows.has(r) && markers.some((m) => r.includes(m)));
      if (gone.length || added.length) changes.push(`${table}: ${gone.length} changed or removed, ${added.length} added, e.g. ${(added[0] ?? gone[0]).slice(0, 300)}`);
    }
    return changes;
  }

  it('refuses every operation on the first street\'s records, no answer shows them, and nothing of theirs changes', async () => {
    const successes: string[] = [];
    const before = await snapshot();
    let calls = 0;
    for (const call of operations()) {
      const key = `${call.method} ${call.template}`;
      const op = paths[call.template][call.method.toLowerCase()];
      if (call.template.endsWith('/stream') || SELF_SERVICE.has(key)) continue; // the SSE stream is swept below
      calls++;
      const res = await send(call, op, otherOperator);
      const label = `${call.method} ${urlFor(call, op)}`;
      // A record of the first street in the path, the query or the body: only a refusal will do.
      const request = `${urlFor(call, op)} ${JSON.stringify(bodies.get(key)?.() ?? {})}`;
      const aimedAtFirstStreet = markers.some((m) => request.includes(m)) && !SEARCH_FILTERS.has(key);
      if (res.status >= 500) successes.push(`${label} → ${res.status} ${res.text.slice(0, 200)}`);
      // A refusal must not tell that the record exists: 404 as for a record that does not, or 403 about the caller's role.
      else if (aimedAtFirstStreet && res.status >= 400 && res.status !== 404 && !(res.status === 403 && ['AUTH.FORBIDDEN_ROLE', 'STAFF.NOT_STAFF'].includes(res.body?.error))) {
        successes.push(`${label} → ${res.status} ${res.body?.error}: tells that the record exists`);
      }
      else if (res.status < 400) {
        const shown = PUBLIC_DIRECTORIES.has(key) ? [] : leaked(res);
        if (shown.length) successes.push(`${label} → ${res.status} shows ${shown.slice(0, 3).join(', ')}`);
        else if (aimedAtFirstStreet) successes.push(`${label} → ${res.status}`);
      }
    }
    expect(calls).toBeGreaterThan(140);
    expect(successes).toEqual([]);
    expect(changedRecords(before, await snapshot())).toEqual([]);
  }, 240_000);

  it('the live order stream refuses the second street\'s operator', async () => {
    const res = await t.http.get(`/api/orders/${A.orderId}/stream`).set(otherOperator).timeout(3000).catch((err: { timeout?: number }) => ({ status: err.timeout ? 200 : 0 }));
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  /** Run after the sweep (it changes records): the same requests work for the first street's own operator. */
  it('lets the first street\'s own operator make the same requests (the sweep was not refused for a bad request)', async () => {
    const refused: string[] = [];
    const calls = operations().filter((c) => !c.template.endsWith('/stream') && !SELF_SERVICE.has(`${c.method} ${c.template}`));
    // Destructive steps last, so the others still find their records.
    calls.sort((a, b) => Number(a.method === 'DELETE' || /cancel|withdraw|leave|decline/.test(a.template)) - Number(b.method === 'DELETE' || /cancel|withdraw|leave|decline/.test(b.template)));
    for (const call of calls) {
      const op = paths[call.template][call.method.toLowerCase()];
      const res = await send(call, op, ownOperator);
      const key = `${call.method} ${call.template}`;
      const notForOperators = NOT_FOR_OPERATORS.has(key);
      // A business refusal (409, 422, a 403 such as maker-checker) still shows the record was found and the request well made.
      if (res.status === 400 || res.status === 404 || (res.status === 403 && ['AUTH.FORBIDDEN_ROLE', 'STAFF.NOT_STAFF'].includes(res.body?.error))) {
        if (!notForOperators) refused.push(`${key} → ${res.status} ${res.body?.message ?? ''}`);
      } else if (notForOperators && res.status < 400) refused.push(`${key} → ${res.status}: listed as not for operators but an operator succeeded`);
    }
    expect(refused).toEqual([]);
  }, 240_000);
});

/**
 * What anyone may do for themselves, whatever their street: register a provider (the street approves it), start or join
 * a household, volunteer in a street's team, claim an elder login, go on duty. Not an operator's reach into a record.
 */
const SELF_SERVICE = new Set([
  'POST /api/providers', 'POST /api/households', 'POST /api/households/join', 'POST /api/timebank/volunteer', 'POST /api/timebank/give', 'POST /api/elder-login/claim',
  'PUT /api/staff/me/duty', 'PUT /api/staff/me/location', 'GET /api/notifications/subscribe-templates',
  // one's own privacy consent, data export and account deletion
  'POST /api/me/consent', 'POST /api/me/consent/withdraw', 'POST /api/me/delete',
]);

/** Directories families browse to choose a provider: every centre and canteen is public by design. */
const PUBLIC_DIRECTORIES = new Set(['GET /api/childcare/centres', 'GET /api/catalog/services']);

/** Searches of the caller's own records where a filter value is just a search term (an empty answer is the answer). */
const SEARCH_FILTERS = new Set(['GET /api/operator/audit']);

/**
 * Routes of families, staff and provider admins: an operator (even of the record's own street) has no business there.
 * Listed here so the control run above tells a missing operator route from a badly made request.
 */
const NOT_FOR_OPERATORS = new Set<string>([
  // the family's own household, elders and children
  'GET /api/households/{householdId}', 'POST /api/households/{householdId}/invites', 'POST /api/households/{householdId}/elders', 'POST /api/households/{householdId}/children',
  'GET /api/elders/{elderId}', 'PATCH /api/elders/{elderId}', 'DELETE /api/elders/{elderId}', 'GET /api/children/{childId}', 'PATCH /api/children/{childId}', 'DELETE /api/children/{childId}',
  'POST /api/elders/{elderId}/login-code', 'PUT /api/elders/{elderId}/confirmation', 'GET /api/elder/home', 'POST /api/sos',
  'POST /api/elders/{elderId}/eligibility', 'GET /api/elders/{elderId}/eligibility', 'POST /api/elders/{elderId}/phone-reveal', 'GET /api/elders/{elderId}/subsidy-month',
  // ordering and following one's own orders and meals
  'GET /api/catalog/quote', 'POST /api/orders', 'GET /api/orders', 'POST /api/orders/{orderId}/elder-decision', 'POST /api/orders/{orderId}/rating', 'POST /api/orders/{orderId}/complaints',
  'GET /api/canteens', 'GET /api/canteens/{canteenId}/slots', 'POST /api/meal-bookings', 'GET /api/meal-bookings', 'POST /api/meal-bookings/quote', 'GET /api/meal-bookings/{bookingId}', 'POST /api/meal-bookings/{bookingId}/cancel',
  // childcare places and pick-up persons of one's own child
  'POST /api/childcare/enrolments', 'POST /api/childcare/waitlist/{entryId}/accept', 'POST /api/childcare/waitlist/{entryId}/decline', 'POST /api/childcare/waitlist/{entryId}/leave', 'POST /api/childcare/enrolments/{enrolmentId}/withdraw',
  'POST /api/children/{childId}/pickup-persons', 'GET /api/children/{childId}/pickup-persons', 'DELETE /api/children/{childId}/pickup-persons/{personId}',
  // the staff member's own work
  'GET /api/staff/me', 'GET /api/staff/me/offers', 'GET /api/staff/me/jobs', 'POST /api/offers/{offerId}/accept', 'POST /api/offers/{offerId}/decline',
  'POST /api/orders/{orderId}/depart', 'POST /api/orders/{orderId}/check-in', 'POST /api/orders/{orderId}/check-out',
  // a provider admin's own statements
  'GET /api/provider-statements', 'GET /api/provider-statements/{id}',
]);

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

const ASSESSMENT_ITEMS: Record<string, number> = Object.fromEntries(ASSESSMENT_DOMAINS.flatMap((d) => d.items.map((i) => [i.code, i.max])));
