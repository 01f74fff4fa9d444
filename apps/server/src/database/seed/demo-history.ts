import {
  ageInYears,
  assessAbility,
  ASSESSMENT_DOMAINS,
  distanceMeters,
  findSubsidyRule,
  priceBreakdown,
  subsidyStanding,
  shanghaiDate,
  shanghaiMonth,
  type AbilityGrade,
  type AssessmentFacts,
  type LivingSituation,
  type SubsidyCategory,
  type SubsidyTable,
} from '@carecircle/shared';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import { calendarDay } from '../../common/typeorm.js';
import { visitPlanFor, type VisitTier } from '../../care/visit-plan.js';
import { around, demoIdNumber, mulberry32 } from './synthetic.js';

/**
 * Half a year of believable use for the demo street, so the operators' console shows real figures:
 * a synthetic population of registered elders (in households owned by `demo-history:N` users, who
 * have no dev login), their assessments and verified categories, and the last ~6 months (this one
 * and five before, Shanghai months) of what the domain code would have written while they used the
 * platform — completed and rated home services with their timelines, service records and subsidy
 * ledger rows, monthly visits to the elders on the visit plan, dine-in and pick-up meals served in
 * the canteens, 普惠 childcare enrolments and their settlements, registered volunteers. Rows go in
 * with multi-row INSERTs (about 3 s on the 2-core dev machine).
 *
 * Everything is strictly in past days (before today in Asia/Shanghai): no open orders or offers,
 * no bookings or enrolments holding capacity today or later, no change to staff or their ratings,
 * so dispatch and today's demo behave exactly as without the history. Staff are the demo staff
 * (except 周护理, whose own job list stays the demo's); staff ratings stay as seeded. Deterministic:
 * one seeded PRNG (ids are random UUIDs, as in the district seed).
 *
 * The 社区' reference figures (region_figures) are left as the statistics bureau gives them: the
 * platform has registered a few hundred of the street's ~14,000 people 60+, so the per-population
 * rates (上门服务占比, 志愿者比例) are low against their targets, as in a first year of use.
 */
export async function seedDemoHistory(m: EntityManager, cipher: FieldCipher, now: Date = new Date()): Promise<void> {
  const rand = mulberry32(20260601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number) => rand() < p;
  const today = shanghaiDate(now);
  const months = lastMonths(shanghaiMonth(now), 6);
  const firstDay = `${months[0]}-01`;
  const days = daysBetween(firstDay, today); // every day of the window before today
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const dayStart = (d: string) => Date.parse(`${d}T00:00:00+08:00`);

  // ---- what the street already has -------------------------------------------------------------
  const [street]: { id: string; name: string; center_lat: string; center_lng: string }[] = await m.query(`SELECT id, name, center_lat, center_lng FROM regions WHERE code = 'ks-ys'`);
  const communities: { id: string; code: string; name: string; center_lat: string; center_lng: string }[] = await m.query(
    'SELECT id, code, name, center_lat, center_lng FROM regions WHERE parent_id = ? ORDER BY code',
    [street.id],
  );
  const policy = async <T>(kind: string) => {
    const [row] = await m.query('SELECT id, version, rules FROM region_policies WHERE region_id = ? AND kind = ? ORDER BY version DESC LIMIT 1', [street.id, kind]);
    return { id: row.id as string, version: Number(row.version), rules: (typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules) as T };
  };
  const subsidy = await policy<SubsidyTable>('subsidy');
  const visitPlan = await policy<{ tiers: VisitTier[] }>('visit_plan');
  const assessmentRules = await policy<{ validityMonths?: number }>('assessment');
  const childcareSubsidy = await policy<{ perChildMonthlyFen: number; split: { source: string; share: number }[] }>('childcare_subsidy');
  const validityMonths = assessmentRules.rules.validityMonths ?? 12;
  const [operator]: { id: string }[] = await m.query(`SELECT id FROM users WHERE openid = 'dev:吴主任'`);

  const staff: Staff[] = (
    await m.query(
      `SELECT s.id, s.name, s.provider_id, s.skills, s.is_volunteer FROM provider_staff s JOIN providers p ON p.id = s.provider_id
        WHERE p.kind = 'home_care' AND s.user_id IS NULL ORDER BY p.name, s.name`,
    )
  ).map((s: { id: string; name: string; provider_id: string; skills: string | string[] }) => ({
    id: s.id, name: s.name, providerId: s.provider_id, skills: typeof s.skills === 'string' ? JSON.parse(s.skills) : s.skills, certs: new Map<string, string>(),
  }));
  for (const c of await m.query('SELECT staff_id, type, expires_on FROM staff_certificates')) {
    const s = staff.find((x) => x.id === c.staff_id);
    if (s) s.certs.set(c.type, calendarDay(c.expires_on));
  }
  const serviceTypes = new Map<string, { duration: number; price: number; certificate: string | null; name: string }>(
    (await m.query('SELECT code, name, duration_minutes, base_price_fen, required_certificate FROM service_types')).map(
      (r: { code: string; name: string; duration_minutes: number; base_price_fen: number; required_certificate: string | null }) => [r.code, { duration: r.duration_minutes, price: r.base_price_fen, certificate: r.required_certificate, name: r.name }],
    ),
  );

  const rows = new Rows();

  // ---- the registered population ---------------------------------------------------------------
  const usedIds = new Set<string>();
  const elders: Elder[] = [];
  let userNo = 0;
  let idSeq = 250; // order digits 500+ never meet the demo families' or the official list sample's
  for (const [ci, community] of communities.entries()) {
    const households = HOUSEHOLDS_PER_COMMUNITY[ci % HOUSEHOLDS_PER_COMMUNITY.length];
    for (let h = 0; h < households; h++) {
      const surname = pick(SURNAMES);
      const ownerId = randomUUID();
      const householdId = randomUUID();
      const childName = surname + pick(GIVEN_YOUNG);
      // Families registered in the weeks before the history starts, so the trends begin with it (no empty months before).
      const created = instant(addDays(firstDay, -(1 + Math.floor(rand() * 45))), 9 + Math.floor(rand() * 9), Math.floor(rand() * 60));
      rows.add('users', ['id', 'openid', 'nickname', 'roles', 'created_at', 'updated_at'], [ownerId, `demo-history:${++userNo}`, childName, '["family"]', created, created]);
      rows.add('households', ['id', 'name', 'region_id', 'created_by', 'created_at'], [householdId, `${surname}家`, community.id, ownerId, created]);
      rows.add('household_members', ['household_id', 'user_id', 'role', 'joined_at'], [householdId, ownerId, 'owner', created]);
      const couple = chance(0.35);
      const spot = around(rand, { lat: Number(community.center_lat), lng: Number(community.center_lng) }, 700);
      const address = `昆山市玉山镇${community.name}${1 + Math.floor(rand() * 40)}幢${101 + Math.floor(rand() * 6) * 100 + Math.floor(rand() * 2)}室`;
      const household: Household = { id: householdId, ownerId, regionId: community.id, created };
      for (let k = 0; k < (couple ? 2 : 1); k++) {
        const male = couple ? k === 0 : chance(0.42);
        const age = 60 + Math.floor(Math.pow(rand(), 1.35) * 36);
        const birthYear = Number(today.slice(0, 4)) - age - (chance(0.5) ? 1 : 0);
        const birth = `${birthYear}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
        let idNumber = '';
        do idNumber = demoIdNumber(birth, idSeq++ % 240 + 250, male);
        while (usedIds.has(idNumber));
        usedIds.add(idNumber);
        const realAge = ageInYears(birth, today);
        const living: LivingSituation = couple ? pick(['empty_nest', 'empty_nest', 'empty_nest', 'with_family', 'lost_only_child'] as const) : pick(['alone', 'alone', 'with_family', 'with_family', 'empty_nest', 'left_behind'] as const);
        const category = categoryFor(rand, realAge, living);
        // Categories are verified by the 街道 with a validity date; some are declared and still waiting.
        const verified = category !== 'none' && chance(0.82);
        const declared = category !== 'none' && !verified;
        const validUntil = verified ? (chance(0.1) ? addDays(today, 5 + Math.floor(rand() * 25)) : `${Number(today.slice(0, 4)) + 1}-${pick(['06-30', '12-31'])}`) : null;
        const elder: Elder = {
          id: randomUUID(), household, name: (k === 1 && couple ? pick(SURNAMES) : surname) + (male ? pick(GIVEN_MALE) : pick(GIVEN_FEMALE)), birth, age: realAge, living, category,
          verified, subsidyValidUntil: validUntil, grade: null, assessmentValidUntil: null, address, lat: spot.lat, lng: spot.lng, created,
        };
        // 应评尽评: most 80+ have a valid assessment, some have run out or never had one; fewer younger ones.
        // Assessments are the assessment agency's, recorded from the day they were done (often before the family registered).
        if (chance(realAge >= 80 ? 0.92 : 0.45)) {
          const level = pick(ASSESSMENT_LEVELS[realAge >= 85 ? 'old' : realAge >= 75 ? 'mid' : 'young']);
          const earliest = addMonths(today, -(validityMonths + 2));
          const assessedOn = addDays(earliest, Math.floor(rand() * daysBetween(earliest, today).length));
          const items = assessmentItems(rand, level);
          const facts = assessmentFacts(elders.length, level, assessedOn);
          const scored = assessAbility({ assessedOn, items, ...facts });
          if ('errors' in scored) throw new Error(`demo history: bad assessment ${scored.errors[0].field}`);
          const until = addMonths(assessedOn, validityMonths);
          elder.grade = scored.grade;
          elder.assessmentValidUntil = until;
          rows.add('elder_assessments', ['id', 'elder_id', 'assessor_id', 'assessed_on', 'items', 'domain_scores', 'total', 'raw_grade', 'grade', 'coma', 'diagnoses', 'risk_events', 'grade_rules', 'valid_until', 'created_at'], [
            randomUUID(), elder.id, operator.id, assessedOn, JSON.stringify(items), JSON.stringify(scored.domains), scored.total, scored.rawGrade, scored.grade,
            0, JSON.stringify(facts.diagnoses ?? []), JSON.stringify(facts.riskEvents ?? []), JSON.stringify(scored.rules), until, instant(assessedOn, 16, 30),
          ]);
        }
        const phone = `139${String(50_000_000 + elders.length * 7_919).slice(-8)}`;
        rows.add('elders', ELDER_COLUMNS, [
          elder.id, householdId, elder.name, male ? 'male' : 'female', birth, cipher.encrypt(idNumber), cipher.blindIndex(idNumber), cipher.encrypt(phone), address, spot.lat, spot.lng, community.id,
          cipher.encrypt(JSON.stringify([{ name: childName, phone: `138${String(60_000_000 + elders.length * 104_729).slice(-8)}`, relation: '子女' }])),
          cipher.encryptNullable(elder.grade && ['moderate', 'severe', 'total'].includes(elder.grade) ? pick(HEALTH_NOTES) : chance(0.3) ? pick(HEALTH_NOTES) : null),
          JSON.stringify(chance(0.5) ? [pick(['low_salt', 'low_sugar', 'soft'] as const)] : []), living, category, verified ? 'verified' : 'unverified',
          elder.grade, elder.assessmentValidUntil, validUntil,
          verified || declared ? pick(['低保证', '特困供养证', '户口簿及身份证', '计生特别扶助证明', '社区出具的情况说明']) : null,
          declared || verified ? new Date(elder.created.getTime() + 86_400_000) : null,
          verified ? '街道核验通过' : null,
          ownerId, elder.created, elder.created,
        ]);
        elders.push(elder);
      }
      // Some younger families in the same households have a child under three (托育 history below).
      if (chance(0.09)) {
        const born = addDays(today, -(200 + Math.floor(rand() * 700)));
        household.child = { id: randomUUID(), birth: born };
        rows.add('children', ['id', 'household_id', 'name', 'birth_date', 'created_by', 'created_at', 'updated_at'], [household.child.id, householdId, surname + pick(GIVEN_CHILD), born, ownerId, created, created]);
      }
    }
  }

  // ---- orders: what a finished order leaves behind ------------------------------------------------
  const used = new Map<string, number>(); // elder|month|rule → subsidy granted so far (the monthly caps)
  const busy = new Set<string>(); // staff|day|hour, so nobody is in two homes at once
  const servedDay = new Set<string>(); // elder|day: one home service a day per elder
  const pairs = new Map<string, number>(); // staff|elder|month, kept under the statements' 过于频繁 check
  let orderNo = 0;

  const assign = (code: string, day: string, hour: number, elderId: string): Staff | null => {
    const need = serviceTypes.get(code)!.certificate;
    const ok = staff.filter((s) => s.skills.includes(code) && (!need || (s.certs.get(need) ?? '') >= day) && !busy.has(`${s.id}|${day}|${hour}`) && (pairs.get(`${s.id}|${elderId}|${day.slice(0, 7)}`) ?? 0) < 3);
    if (!ok.length) return null;
    const s = pick(ok);
    for (let h = hour; h < hour + 3; h++) busy.add(`${s.id}|${day}|${h}`);
    pairs.set(`${s.id}|${elderId}|${day.slice(0, 7)}`, (pairs.get(`${s.id}|${elderId}|${day.slice(0, 7)}`) ?? 0) + 1);
    return s;
  };

  const writeOrder = (elder: Elder, code: string, day: string, hour: number, kind: 'paid' | 'visit', key: string, s: Staff, note: string | null): void => {
    const service = serviceTypes.get(code)!;
    const id = randomUUID();
    const windowStart = instant(day, hour, 0);
    const windowEnd = new Date(windowStart.getTime() + (kind === 'visit' ? 8 : 2) * 3600_000);
    const createdAt = kind === 'visit' ? instant(addDays(day, -(1 + Math.floor(rand() * 5))), 0, 10) : new Date(windowStart.getTime() - (6 + Math.floor(rand() * 60)) * 3600_000);
    const dispatchAt = new Date(Math.max(createdAt.getTime(), windowStart.getTime() - (kind === 'visit' ? 120 : 60) * 60_000));
    const offeredAt = new Date(dispatchAt.getTime() + 2_000);
    const acceptedAt = new Date(offeredAt.getTime() + (20 + Math.floor(rand() * 200)) * 1000);
    const checkIn = new Date(windowStart.getTime() + Math.floor(rand() * 25) * 60_000);
    const minutes = Math.max(15, Math.round(service.duration * (0.85 + rand() * 0.3)));
    const completedAt = new Date(checkIn.getTime() + minutes * 60_000);
    const month = shanghaiMonth(createdAt);
    // 补需方 at checkout, as SubsidiesService.quote computes it (verified, valid category; the month's cap per rule).
    let price = 0;
    let subsidyFen = 0;
    let subsidyNote = '探访关爱（政府购买服务）';
    let rule: ReturnType<typeof findSubsidyRule> = null;
    if (kind === 'paid') {
      const grade = elder.grade && elder.assessmentValidUntil && elder.assessmentValidUntil >= shanghaiDate(createdAt) ? elder.grade : null;
      rule = findSubsidyRule(subsidy.rules, elder.category, code, grade);
      const standing = subsidyStanding(elder.verified ? 'verified' : 'unverified', elder.subsidyValidUntil, shanghaiDate(createdAt));
      const capKey = `${elder.id}|${month}|${rule?.service ?? '*'}`;
      const b = priceBreakdown(service.price, rule, used.get(capKey) ?? 0, standing);
      price = b.priceFen;
      subsidyFen = b.subsidyFen;
      subsidyNote = b.subsidyNote;
      if (subsidyFen > 0) used.set(capKey, (used.get(capKey) ?? 0) + subsidyFen);
    }
    const rating = kind === 'paid' ? (chance(0.8) ? stars(rand) : null) : chance(0.25) ? stars(rand) : null;
    const status = rating === null ? 'completed' : 'rated';
    const u = elder.household.ownerId;
    rows.add('orders', ORDER_COLUMNS, [
      id, elder.household.id, elder.id, u, key, createHash('sha256').update(key).digest('hex'), code, status, 0, windowStart, windowEnd, dispatchAt,
      elder.address, elder.lat, elder.lng, elder.household.regionId, note, service.duration, price, subsidyFen, price - subsidyFen, subsidyNote,
      kind === 'paid' ? subsidy.id : null, kind === 'paid' ? subsidy.version : null, s.providerId, s.id, 3000, 0, null, acceptedAt, checkIn, completedAt,
      rating, rating === null ? null : JSON.stringify(rating >= 4 ? [pick(['准时', '耐心细致', '态度好', '专业'])] : [pick(['迟到', '不够细致'])]),
      rating !== null && rating <= 3 ? pick(['来得晚了一点', '打扫不够仔细', '沟通不太顺畅']) : null, 0, createdAt, rating === null ? completedAt : new Date(completedAt.getTime() + 3 * 3600_000),
    ]);
    const checkInSpot = around(rand, { lat: elder.lat, lng: elder.lng }, 60);
    const followUp = kind === 'visit' && chance(0.08);
    rows.add('service_records', ['order_id', 'staff_id', 'check_in_at', 'check_in_lat', 'check_in_lng', 'check_in_distance_m', 'override_reason', 'flagged', 'check_out_at', 'tasks', 'notes', 'duration_minutes', 'visit_form'], [
      id, s.id, checkIn, checkInSpot.lat, checkInSpot.lng, Math.round(distanceMeters(checkInSpot, elder)), null, 0, completedAt, JSON.stringify(TASKS[code] ?? ['按约完成服务']), null, minutes,
      kind === 'visit' ? JSON.stringify({ condition: pick(['良好', '良好', '良好', '一般', '较差']), needs: followUp ? [pick(['助浴', '助医陪诊', '家政维修'])] : [], followUp, ...(followUp ? { followUpNote: '家属已知悉，建议安排上门服务' } : {}) }) : null,
    ]);
    if (followUp) rows.add('follow_up_tasks', ['id', 'order_id', 'elder_id', 'note', 'status', 'created_at', 'closed_at'], [randomUUID(), id, elder.id, '家属已知悉，建议安排上门服务', 'closed', completedAt, new Date(completedAt.getTime() + 2 * 86_400_000)]);
    if (subsidyFen > 0) {
      rows.add('subsidy_ledger', LEDGER_COLUMNS, [elder.id, null, 'order', id, 'grant', month, elder.category, code, rule?.service ?? '*', subsidyFen, 'demand', '街道民政', '服务机构', s.providerId, '居家养老服务补贴', subsidy.id, subsidy.version, createdAt]);
    }
    orderNo++;
  };

  // 特殊困难老年人月探访: the plan's elders, most visited most months (better as the street got going), by the demo staff.
  for (const [mi, month] of months.entries()) {
    const monthDays = days.filter((d) => d.startsWith(month));
    if (monthDays.length === 0) continue;
    const rate = Math.min(0.96, 0.74 + mi * 0.045);
    for (const elder of elders) {
      if (elder.created.getTime() >= Date.parse(`${month}-01T00:00:00+08:00`)) continue;
      const plan = planFor(visitPlan.rules.tiers, elder, today);
      if (!plan) continue;
      const periods = plan.weekly ? [1, 8, 15, 22] : [10];
      for (const [pi, start] of periods.entries()) {
        const from = `${month}-${pad(start)}`;
        const to = pi + 1 < periods.length ? `${month}-${pad(periods[pi + 1] - 1)}` : `${month}-28`;
        const candidates = monthDays.filter((d) => d >= from && d <= to);
        if (!candidates.length || !chance(rate)) continue;
        const day = pick(candidates);
        const hour = 9 + Math.floor(rand() * 7);
        const s = assign('visit', day, hour, elder.id);
        if (!s) continue;
        const key = plan.weekly ? `visit-${month}-w${pi + 1}-${elder.id.slice(0, 8)}` : `visit-${month}-${elder.id.slice(0, 8)}`;
        writeOrder(elder, 'visit', day, hour, 'visit', key, s, `月度探访（${plan.reasons.join('、')}）`);
      }
    }
  }

  // 子女网上下单: paid home services. Subsidised and less able elders order more; a growing share each month.
  for (const [mi, month] of months.entries()) {
    const monthDays = days.filter((d) => d.startsWith(month) && new Date(`${d}T00:00:00Z`).getUTCDay() !== 0);
    if (monthDays.length === 0) continue;
    const share = monthDays.length / 26;
    for (const elder of elders) {
      if (elder.created.getTime() >= Date.parse(`${month}-01T00:00:00+08:00`)) continue;
      const weight = 0.1 + mi * 0.015 + (elder.verified ? 0.16 : 0) + (elder.grade && elder.grade !== 'intact' ? 0.14 : 0) + (elder.age >= 80 ? 0.05 : 0);
      if (!chance(Math.min(0.85, weight * share))) continue;
      const count = 1 + Math.floor(rand() * (elder.grade === 'moderate' || elder.grade === 'severe' ? 3 : 1.6));
      for (let n = 0; n < count; n++) {
        let code = pick(SERVICE_MIX);
        if (code === 'rehab' && elder.grade && ['moderate', 'severe', 'total'].includes(elder.grade)) code = 'cleaning'; // that would need a nurse (service_requirements)
        const day = pick(monthDays);
        if (servedDay.has(`${elder.id}|${day}`)) continue;
        const hour = 8 + Math.floor(rand() * 8);
        const s = assign(code, day, hour, elder.id);
        if (!s) continue;
        servedDay.add(`${elder.id}|${day}`);
        writeOrder(elder, code, day, hour, 'paid', `hist-${orderNo}`, s, chance(0.2) ? pick(ORDER_NOTES) : null);
      }
    }
  }

  // ---- 老年助餐: every open day's menus, and the regulars who ate there ---------------------------
  const canteens: { provider_id: string; region_id: string; open_days: string | number[]; periods: string | CanteenPeriod[] }[] = await m.query(
    `SELECT c.provider_id, p.region_id, c.open_days, c.periods FROM canteen_settings c JOIN providers p ON p.id = c.provider_id ORDER BY p.name`,
  );
  const dishes: { name: string; price_fen: number; tags: string | string[]; is_set_meal: number }[] = await m.query('SELECT DISTINCT name, price_fen, tags, is_set_meal FROM dishes ORDER BY name');
  const dishPool = dishes.map((d) => ({ name: d.name, priceFen: d.price_fen, tags: typeof d.tags === 'string' ? d.tags : JSON.stringify(d.tags), set: !!d.is_set_meal }));
  for (const [ci, canteen] of canteens.entries()) {
    const openDays = (typeof canteen.open_days === 'string' ? JSON.parse(canteen.open_days) : canteen.open_days) as number[];
    const periods = (typeof canteen.periods === 'string' ? JSON.parse(canteen.periods) : canteen.periods) as CanteenPeriod[];
    // Regulars: elders of the canteen's 社区 and a neighbouring one.
    const home = communities.find((c) => c.id === canteen.region_id)!;
    const centre = (c: (typeof communities)[number]) => ({ lat: Number(c.center_lat), lng: Number(c.center_lng) });
    const neighbour = communities.filter((c) => c !== home).sort((a, b) => distanceMeters(centre(a), centre(home)) - distanceMeters(centre(b), centre(home)))[0];
    const near = new Set([home.id, neighbour?.id]);
    const regulars = elders.filter((e) => near.has(e.household.regionId) && chance(e.living === 'alone' || e.verified ? 0.3 : 0.12));
    for (const day of days) {
      if (!openDays.includes(new Date(`${day}T00:00:00Z`).getUTCDay())) continue;
      const opens = dayStart(day);
      for (const p of periods) {
        const slotId = randomUUID();
        const menu = [0, 1, 2, 3].map((i) => dishPool[(dayIndex.get(day)! + ci + i) % dishPool.length]);
        const dishIds = menu.map(() => randomUUID());
        const portions = menu.map(() => 0);
        const booked = { dine_in: 0, pickup: 0 };
        const codes = new Set<string>();
        const rate = p.period === 'lunch' ? 0.4 : 0.1;
        for (const elder of regulars) {
          if (elder.created.getTime() >= opens || !chance(rate)) continue;
          const mode = chance(0.68) ? 'dine_in' : 'pickup';
          if (booked[mode] >= p.capacity[mode]) continue;
          let di = Math.floor(rand() * menu.length);
          if (di === 0 && portions[0] >= 30) di = 1 + Math.floor(rand() * (menu.length - 1));
          const items = [[di, 1]];
          if (chance(0.12)) {
            const side = menu.findIndex((d, i) => !d.set && i !== di && i > 0);
            if (side > 0) items.push([side, 1]);
          }
          booked[mode]++;
          for (const [i, q] of items) portions[i] += q;
          const priceFen = items.reduce((sum, [i, q]) => sum + menu[i].priceFen * q, 0);
          const bookedAt = new Date(Date.parse(`${day}T${p.cutoff}:00+08:00`) - (30 + Math.floor(rand() * 1200)) * 60_000);
          const month = shanghaiMonth(bookedAt);
          const grade = elder.grade && elder.assessmentValidUntil && elder.assessmentValidUntil >= day ? elder.grade : null;
          const rule = findSubsidyRule(subsidy.rules, elder.category, 'meal', grade);
          const standing = subsidyStanding(elder.verified ? 'verified' : 'unverified', elder.subsidyValidUntil, shanghaiDate(bookedAt));
          const capKey = `${elder.id}|${month}|${rule?.service ?? '*'}`;
          const quote = priceBreakdown(priceFen, rule, used.get(capKey) ?? 0, standing);
          if (quote.subsidyFen > 0) used.set(capKey, (used.get(capKey) ?? 0) + quote.subsidyFen);
          let code = '';
          do code = String(100_000 + Math.floor(rand() * 900_000));
          while (codes.has(code));
          codes.add(code);
          const id = randomUUID();
          const key = `hist-meal-${day}-${p.period}-${elder.id.slice(0, 8)}`;
          const served = new Date(Date.parse(`${day}T${p.serveStart}:00+08:00`) + Math.floor(rand() * 60) * 60_000);
          rows.add('meal_bookings', MEAL_BOOKING_COLUMNS, [
            id, elder.household.id, elder.id, elder.household.ownerId, key, createHash('sha256').update(key).digest('hex'), slotId, mode, mode === 'dine_in' ? 'served' : 'picked_up', code,
            quote.priceFen, 0, quote.subsidyFen, quote.payFen, quote.subsidyNote, subsidy.id, subsidy.version, 0, '[]', null, null, null, served, bookedAt,
          ]);
          for (const [i, q] of items) rows.add('meal_booking_items', ['booking_id', 'dish_id', 'quantity', 'price_fen'], [id, dishIds[i], q, menu[i].priceFen]);
          if (quote.subsidyFen > 0) {
            rows.add('subsidy_ledger', LEDGER_COLUMNS, [elder.id, null, 'meal', id, 'grant', month, elder.category, 'meal', rule?.service ?? '*', quote.subsidyFen, 'demand', '街道民政', '服务机构', null, '居家养老服务补贴', subsidy.id, subsidy.version, bookedAt]);
          }
        }
        rows.add('meal_slots', ['id', 'provider_id', 'date', 'period', 'serve_start_at', 'serve_end_at', 'cutoff_at', 'cap_dine_in', 'cap_pickup', 'cap_delivery', 'booked_dine_in', 'booked_pickup', 'booked_delivery', 'delivery_dispatched_at', 'created_at'], [
          slotId, canteen.provider_id, day, p.period, new Date(`${day}T${p.serveStart}:00+08:00`), new Date(`${day}T${p.serveEnd}:00+08:00`), new Date(`${day}T${p.cutoff}:00+08:00`),
          p.capacity.dine_in, p.capacity.pickup, p.capacity.delivery, booked.dine_in, booked.pickup, 0, new Date(`${day}T${p.cutoff}:00+08:00`), instant(addDays(day, -7), 9, 0),
        ]);
        menu.forEach((d, i) => rows.add('dishes', ['id', 'slot_id', 'name', 'price_fen', 'tags', 'is_set_meal', 'portion_limit', 'booked_portions', 'sort'], [dishIds[i], slotId, d.name, d.priceFen, d.tags, d.set ? 1 : 0, i === 0 ? 30 : null, portions[i], i]));
      }
    }
  }

  // ---- 托育: children who were enrolled and have since left (nothing holds a place today) ----------
  const classes: { id: string; provider_id: string; age_class: string; puhui: number; prices: string | Record<string, number> }[] = await m.query(
    `SELECT c.id, c.provider_id, c.age_class, c.puhui, c.prices FROM childcare_classes c ORDER BY c.provider_id, c.age_class`,
  );
  const past = months.filter((mo) => mo < shanghaiMonth(now));
  for (const household of elders.map((e) => e.household).filter((h, i, all) => h.child && all.indexOf(h) === i)) {
    if (past.length === 0) break;
    const child = household.child!;
    const startIndex = Math.floor(rand() * past.length);
    const endIndex = Math.min(past.length - 1, startIndex + 1 + Math.floor(rand() * 3));
    const start = past[startIndex];
    const ageMonths = Math.floor(daysBetween(child.birth, `${start}-01`).length / 30.4);
    const ageClass = ageMonths < 12 ? 'infant' : ageMonths < 24 ? 'toddler' : 'preschool';
    const options = classes.filter((c) => c.age_class === ageClass);
    if (ageMonths < 6 || !options.length) continue;
    const cls = pick(options);
    const prices = typeof cls.prices === 'string' ? JSON.parse(cls.prices) : cls.prices;
    const id = randomUUID();
    const key = `hist-enrol-${child.id.slice(0, 8)}`;
    const left = new Date(Date.parse(`${past[endIndex]}-01T00:00:00+08:00`) + (20 + Math.floor(rand() * 7)) * 86_400_000);
    rows.add('enrolments', ['id', 'household_id', 'child_id', 'class_id', 'care_type', 'start_month', 'date', 'start_time', 'end_time', 'status', 'price_fen', 'puhui', 'created_by', 'idempotency_key', 'request_hash', 'withdrawn_at', 'created_at'], [
      id, household.id, child.id, cls.id, 'full_day', start, null, null, null, 'withdrawn', prices.full_day, cls.puhui, household.ownerId, key, createHash('sha256').update(key).digest('hex'), left, new Date(Date.parse(`${start}-01T00:00:00+08:00`) - 10 * 86_400_000),
    ]);
    // 补供方 settled for each month the 普惠 child was enrolled (ChildcareService.settleMonth's rows).
    if (cls.puhui) {
      for (const month of past.slice(startIndex, endIndex + 1)) {
        for (const part of childcareSubsidy.rules.split) {
          rows.add('subsidy_ledger', LEDGER_COLUMNS, [
            null, child.id, 'childcare', id, `${month}:${part.source}`.slice(0, 16), month, 'puhui', 'childcare', 'childcare', Math.round(childcareSubsidy.rules.perChildMonthlyFen * part.share), 'supply', part.source, '托育机构',
            cls.provider_id, `普惠托育运营补贴（${part.source}）`, childcareSubsidy.id, childcareSubsidy.version, new Date(Date.parse(`${month}-01T00:00:00+08:00`) + 40 * 86_400_000),
          ]);
        }
      }
    }
  }

  // ---- 时间银行: people who registered as volunteers of the street's team (TimebankService.registerVolunteer) ----
  const teamLicence = `VOL-ks-ys`;
  await m.query(
    `INSERT IGNORE INTO providers (id, kind, name, licence_no, region_id, address, lat, lng, service_radius_m, status, recommended, created_at) VALUES (?, 'home_care', ?, ?, ?, ?, ?, ?, 8000, 'approved', 0, ?)`,
    [randomUUID(), `${street.name}志愿者服务队`, teamLicence, street.id, `${street.name}社区服务中心`, street.center_lat, street.center_lng, instant(firstDay, 9, 0)],
  );
  const [team]: { id: string }[] = await m.query('SELECT id FROM providers WHERE licence_no = ?', [teamLicence]);
  for (let v = 0; v < VOLUNTEERS; v++) {
    const userId = randomUUID();
    const community = communities[v % communities.length];
    const senior = chance(0.62);
    const birthYear = Number(today.slice(0, 4)) - (senior ? 60 + Math.floor(rand() * 14) : 22 + Math.floor(rand() * 37));
    const name = pick(SURNAMES) + (chance(0.55) ? pick(GIVEN_FEMALE) : pick(GIVEN_MALE));
    const at = instant(pick(days), 10 + Math.floor(rand() * 8), Math.floor(rand() * 60));
    const skills = ['visit', 'companionship', 'shopping', 'mobility', 'meal_delivery'].filter(() => chance(0.45));
    rows.add('users', ['id', 'openid', 'nickname', 'roles', 'created_at', 'updated_at'], [userId, `demo-history:v${v + 1}`, name, '["provider_staff"]', at, at]);
    rows.add('provider_staff', ['id', 'provider_id', 'user_id', 'name', 'skills', 'home_lat', 'home_lng', 'max_concurrent_jobs', 'rating_x100', 'on_duty', 'is_volunteer', 'birth_year', 'created_at'], [
      randomUUID(), team.id, userId, name, JSON.stringify(skills.length ? skills : ['visit']), community.center_lat, community.center_lng, 1, 480, 0, 1, birthYear, at,
    ]);
  }

  await rows.flush(m, ['users', 'households', 'household_members', 'elders', 'children', 'elder_assessments', 'orders', 'service_records', 'follow_up_tasks', 'meal_slots', 'dishes', 'meal_bookings', 'meal_booking_items', 'enrolments', 'subsidy_ledger', 'provider_staff']);
  await writeTimelines(m);
}

/**
 * Each history order's timeline (order_events) as OrderTransitions.move wrote it, one step at a
 * time in order so the ids follow the steps: built in the database from the orders just written.
 */
async function writeTimelines(m: EntityManager): Promise<void> {
  const steps: [status: string, actor: string, actorId: string, note: string, at: string, where?: string][] = [
    ['created', `IF(o.service_code = 'visit', 'system', 'family')`, `IF(o.service_code = 'visit', NULL, o.created_by)`, `IF(o.service_code = 'visit', o.notes, NULL)`, 'o.created_at'],
    ['dispatching', `'system'`, 'NULL', 'NULL', 'o.dispatch_at'],
    ['offered', `'system'`, 'NULL', 'NULL', 'o.dispatch_at + INTERVAL 2 SECOND'],
    ['accepted', `'staff'`, 'NULL', `CONCAT(s.name, ' 已接单')`, 'o.accepted_at'],
    ['en_route', `'staff'`, 'NULL', `CONCAT(s.name, ' 已出发')`, 'o.checked_in_at - INTERVAL 15 MINUTE'],
    ['in_service', `'staff'`, 'NULL', `CONCAT(s.name, ' 已到达')`, 'o.checked_in_at'],
    ['completed', `'staff'`, 'NULL', `CONCAT('服务完成，用时 ', r.duration_minutes, ' 分钟')`, 'o.completed_at'],
    ['rated', `'family'`, 'o.created_by', `CONCAT(o.rating_stars, ' 星')`, 'o.updated_at', 'AND o.rating_stars IS NOT NULL'],
  ];
  for (const [status, actor, actorId, note, at, where] of steps) {
    await m.query(
      `INSERT INTO order_events (order_id, status, actor, actor_id, note, created_at)
       SELECT o.id, ?, ${actor}, ${actorId}, ${note}, ${at} FROM orders o JOIN users u ON u.id = o.created_by JOIN provider_staff s ON s.id = o.staff_id JOIN service_records r ON r.order_id = o.id
        WHERE u.openid LIKE 'demo-history:%' ${where ?? ''} ORDER BY o.created_at, o.id`,
      [status],
    );
  }
}

// ---- shape of the synthetic data -----------------------------------------------------------------

/** Households per 社区 (by region code order: 城北, 朝阳, 同心, 新城), roughly as their 60+ populations. */
const HOUSEHOLDS_PER_COMMUNITY = [62, 84, 68, 78];
const VOLUNTEERS = 96;

interface Household {
  id: string;
  ownerId: string;
  regionId: string;
  created: Date;
  child?: { id: string; birth: string };
}

interface Elder {
  id: string;
  household: Household;
  name: string;
  birth: string;
  age: number;
  living: LivingSituation;
  category: SubsidyCategory;
  verified: boolean;
  subsidyValidUntil: string | null;
  grade: AbilityGrade | null;
  assessmentValidUntil: string | null;
  address: string;
  lat: number;
  lng: number;
  created: Date;
}

interface Staff {
  id: string;
  name: string;
  providerId: string;
  skills: string[];
  certs: Map<string, string>;
}

interface CanteenPeriod {
  period: 'lunch' | 'dinner';
  serveStart: string;
  serveEnd: string;
  cutoff: string;
  capacity: { dine_in: number; pickup: number; delivery: number };
}

const ELDER_COLUMNS = [
  'id', 'household_id', 'name', 'gender', 'birth_date', 'id_number_enc', 'id_number_hash', 'phone_enc', 'address', 'lat', 'lng', 'region_id', 'emergency_contacts_enc', 'health_notes_enc',
  'dietary_needs', 'living_situation', 'subsidy_category', 'subsidy_verification', 'ability_grade', 'assessment_valid_until', 'subsidy_valid_until', 'eligibility_evidence', 'eligibility_declared_at',
  'eligibility_note', 'created_by', 'created_at', 'updated_at',
];
const ORDER_COLUMNS = [
  'id', 'household_id', 'elder_id', 'created_by', 'idempotency_key', 'request_hash', 'service_code', 'status', 'urgent', 'window_start', 'window_end', 'dispatch_at', 'address', 'lat', 'lng',
  'region_id', 'notes', 'duration_minutes', 'price_fen', 'subsidy_fen', 'pay_fen', 'subsidy_note', 'policy_id', 'policy_version', 'provider_id', 'staff_id', 'dispatch_radius_m', 'cancel_fee_fen',
  'cancel_reason', 'accepted_at', 'checked_in_at', 'completed_at', 'rating_stars', 'rating_tags', 'rating_comment', 'timebank_minutes', 'created_at', 'updated_at',
];
const LEDGER_COLUMNS = [
  'elder_id', 'child_id', 'source_type', 'source_id', 'entry', 'month', 'category', 'service', 'rule_key', 'amount_fen', 'side', 'payer', 'payee', 'payee_provider_id', 'funding_source',
  'policy_id', 'policy_version', 'created_at',
];
const MEAL_BOOKING_COLUMNS = [
  'id', 'household_id', 'elder_id', 'created_by', 'idempotency_key', 'request_hash', 'slot_id', 'mode', 'status', 'pickup_code', 'price_fen', 'delivery_fee_fen', 'subsidy_fen', 'pay_fen',
  'subsidy_note', 'policy_id', 'policy_version', 'refund_fen', 'dietary_clashes', 'delivery_order_id', 'cancelled_at', 'cancel_reason', 'fulfilled_at', 'created_at',
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '朱', '沈', '顾', '陆', '钱', '蒋', '姚', '陶', '金', '俞', '殷', '范'];
const GIVEN_MALE = ['建国', '国华', '德明', '志刚', '福根', '永兴', '金宝', '根生', '建平', '荣昌', '炳坤', '阿大', '卫东', '振华', '鸿林'];
const GIVEN_FEMALE = ['秀英', '桂兰', '凤英', '玉梅', '翠英', '淑珍', '阿娣', '美华', '根娣', '杏珍', '月琴', '巧珍', '菊英', '雪芬', '惠芳'];
const GIVEN_YOUNG = ['海峰', '丽娟', '晓东', '敏', '俊', '燕', '磊', '静怡', '伟', '婷'];
const GIVEN_CHILD = ['小宇', '小雨', '乐乐', '安安', '一诺', '子涵', '沐阳', '可可'];
const HEALTH_NOTES = ['高血压，每日服药', '糖尿病，注意饮食', '腿脚不便，行走需搀扶', '听力下降，说话请大声', '轻度认知障碍，需家属陪同', '冠心病，随身带药', '骨质疏松，防跌倒'];
const ORDER_NOTES = ['请提前电话联系', '老人耳背，请多敲门', '钥匙在门口鞋柜', '请带上鞋套', '楼道灯坏了，注意台阶'];
const SERVICE_MIX = ['cleaning', 'cleaning', 'cleaning', 'cleaning', 'shopping', 'shopping', 'mobility', 'mobility', 'medical_escort', 'medical_escort', 'bathing', 'bathing', 'companionship', 'companionship', 'repair', 'rehab'] as const;
const TASKS: Record<string, string[]> = {
  cleaning: ['清扫地面', '整理床铺', '清洗衣物'],
  bathing: ['协助洗浴', '更换衣物', '检查皮肤'],
  medical_escort: ['陪同挂号就诊', '代取药品'],
  mobility: ['陪同散步', '上下楼搀扶'],
  shopping: ['代购生活用品', '送货到家'],
  visit: ['了解近况', '安全检查', '测量血压'],
  companionship: ['聊天陪伴', '读报'],
  rehab: ['康复训练', '肢体按摩'],
  repair: ['检修水电', '更换灯具'],
};
/** Ability levels (share of the scale's points) by age group: most are able, the oldest less so. */
const ASSESSMENT_LEVELS: Record<'young' | 'mid' | 'old', number[]> = {
  young: [0.98, 0.98, 0.97, 0.96, 0.85, 0.8],
  mid: [0.98, 0.96, 0.85, 0.8, 0.78, 0.62],
  old: [0.97, 0.84, 0.8, 0.62, 0.58, 0.42],
};

function categoryFor(rand: () => number, age: number, living: LivingSituation): SubsidyCategory {
  if (living === 'lost_only_child') return 'family_planning_special';
  const r = rand();
  if (r < 0.03) return 'tekun';
  if (r < 0.12) return 'dibao';
  if (r < 0.2) return 'low_income';
  if (r < 0.23) return 'priority_care';
  if (age >= 80 && r < 0.8) return 'advanced_age';
  return 'none';
}

/** The item scores of an assessment around a level (0–1 of each item's points). */
function assessmentItems(rand: () => number, level: number): Record<string, number> {
  const items: Record<string, number> = {};
  for (const d of ASSESSMENT_DOMAINS) {
    for (const i of d.items) items[i.code] = Math.max(0, Math.min(i.max, Math.round(i.max * (level + (rand() - 0.5) * 0.25))));
  }
  return items;
}

/**
 * The GB/T 42195 附录C C.4 facts of a synthetic assessment: some of the less able elders have a
 * dementia diagnosis or fell twice in the month before (by their number, so the PRNG stream and
 * everything drawn after it stay as they were).
 */
function assessmentFacts(n: number, level: number, assessedOn: string): AssessmentFacts {
  if (level > 0.62) return {};
  if (n % 7 === 3) return { diagnoses: [{ kind: 'dementia', name: '阿尔茨海默病', diagnosedOn: addDays(assessedOn, -200) }] };
  if (n % 11 === 5) return { riskEvents: [{ type: 'fall', date: addDays(assessedOn, -21) }, { type: 'fall', date: addDays(assessedOn, -6) }] };
  return {};
}

/** The 探访 plan of a synthetic elder, by the same rule as VisitsService.planFor. */
function planFor(tiers: VisitTier[], e: Elder, today: string): { weekly: boolean; reasons: string[] } | null {
  const plan = visitPlanFor(tiers, { livingSituation: e.living, verifiedCategory: e.verified ? e.category : 'none', abilityGrade: e.grade, birthDate: e.birth }, today);
  return plan && { weekly: plan.frequency === 'weekly', reasons: plan.reasons };
}

function stars(rand: () => number): number {
  const r = rand();
  return r < 0.6 ? 5 : r < 0.88 ? 4 : r < 0.96 ? 3 : r < 0.99 ? 2 : 1;
}

/** Rows per table, written with multi-row INSERTs in chunks (the seed stays fast). */
class Rows {
  private readonly tables = new Map<string, { columns: string[]; values: unknown[][] }>();

  add(table: string, columns: string[], values: unknown[]): void {
    const t = this.tables.get(table) ?? { columns, values: [] };
    t.values.push(values);
    this.tables.set(table, t);
  }

  /** In foreign-key order. */
  async flush(m: EntityManager, order: string[]): Promise<void> {
    for (const table of order) {
      const t = this.tables.get(table);
      if (!t) continue;
      for (let i = 0; i < t.values.length; i += 2000) {
        await m.query(`INSERT INTO ${table} (${t.columns.join(', ')}) VALUES ?`, [t.values.slice(i, i + 2000)]);
      }
    }
  }
}

// ---- small helpers -------------------------------------------------------------------------------

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant at a Shanghai wall-clock time. */
function instant(day: string, hour: number, minute: number): Date {
  return new Date(`${day}T${pad(hour)}:${pad(minute)}:00+08:00`);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function addMonths(day: string, n: number): string {
  const [y, mo, d] = day.split('-').map(Number);
  const total = y * 12 + (mo - 1) + n;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${pad(Math.min(d, last))}`;
}

/** The days from `from` up to, not including, `to`. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** This month and the n-1 before it, oldest first. */
function lastMonths(month: string, n: number): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(addMonths(`${month}-01`, -i).slice(0, 7));
  return out;
}
