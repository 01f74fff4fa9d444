import { DispatchFixture, type Auth } from '../support/dispatch-fixture.js';
import { ChildcareFixture, type Centre } from '../support/childcare-fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T02:00:00Z');

/**
 * The rule as the issue states it: waitlist priorities (+30 多孩, +20 双职工) carry evidence and score
 * only once the centre or the 街道 has verified them; a fact the region's policy does not list is
 * refused; a start month moved on confirmation is explained to the family, in data.
 */
describe('waitlist priorities need evidence and a verification', () => {
  let t: TestApp;
  let d: DispatchFixture;
  let cc: ChildcareFixture;
  let centre: Centre;
  let otherCentre: Centre;
  let operator: Auth;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new DispatchFixture(t).setup();
    cc = await new ChildcareFixture(t, d).setup();
    centre = await cc.centre(100);
    otherCentre = await cc.centre(100, '别家托育');
    operator = await d.operator('轮候核验运营');
  });
  afterAll(() => t.close());

  /** A full class of one place, taken by a holder. */
  const fullClass = async (name: string) => {
    const cls = await cc.addClass<{ id: string }>(centre, { ageClass: 'preschool', name, capacity: 1 });
    const holder = await cc.parentWithChild('2024-03-01');
    const held = (await cc.enrol(holder.auth, { childId: holder.child.id, classId: cls.id, careType: 'full_day', startMonth: '2026-12' }).expect(201)).body.enrolment;
    return { cls, holder, held };
  };
  const join = (p: { auth: Auth; child: { id: string } }, classId: string, extra: Record<string, unknown> = {}) =>
    cc.enrol(p.auth, { childId: p.child.id, classId, careType: 'full_day', startMonth: '2026-12', waitlistIfFull: true, ...extra });
  const myEntry = async (auth: Auth) => (await t.http.get('/api/childcare/waitlist').set(auth).expect(200)).body[0];
  const decide = (as: Auth, entryId: string, fact: string, body: Record<string, unknown>) => t.http.post(`/api/childcare/waitlist/${entryId}/facts/${fact}/decision`).set(as).send(body);

  it('refuses a fact the region’s waitlist policy does not list, naming it, and a declared fact without evidence', async () => {
    const { cls } = await fullClass('托大班 未知事实');
    const p = await cc.parentWithChild('2024-03-02');
    const unknown = (await join(p, cls.id, { priorityFacts: ['vip_family'], priorityEvidence: [{ fact: 'vip_family', note: '熟人' }] }).expect(400)).body;
    expect(unknown).toMatchObject({ error: 'VALIDATION_FAILED', details: { fields: [{ field: 'priorityFacts' }] } });
    expect(unknown.message).toContain('没有「vip_family」这项优先条件');
    expect(unknown.message).toContain('多孩家庭（multi_child）');
    const bare = (await join(p, cls.id, { priorityFacts: ['multi_child'] }).expect(400)).body;
    expect(bare.message).toContain('请为「多孩家庭」写明证明');
    expect(await t.dataSource.query('SELECT id FROM waitlist_entries WHERE child_id = ?', [p.child.id])).toEqual([]);
  });

  it('a declared fact does not score until verified; verifying it re-ranks the queue and is logged; a rejection says why', async () => {
    const { cls } = await fullClass('托大班 核验');
    const plain = await cc.parentWithChild('2024-03-03');
    const multi = await cc.parentWithChild('2024-03-04');
    await join(plain, cls.id).expect(201);
    const declared = (await join(multi, cls.id, {
      priorityFacts: ['multi_child', 'dual_working'],
      priorityEvidence: [{ fact: 'multi_child', note: '户口簿：另有一名 2021 年出生的孩子' }, { fact: 'dual_working', note: '父母均在昆山就业，已带在职证明' }],
    }).expect(201)).body.waitlist;

    // Pending: shown with its evidence, adds nothing — the earlier family stays ahead.
    expect(declared).toMatchObject({ score: 0, position: 2 });
    expect(declared.facts).toEqual([
      expect.objectContaining({ fact: 'multi_child', label: '多孩家庭', points: 30, status: 'pending', statusLabel: '待核验', evidenceNote: '户口簿：另有一名 2021 年出生的孩子' }),
      expect.objectContaining({ fact: 'dual_working', points: 20, status: 'pending' }),
    ]);
    expect(declared.reasons).toContain('多孩家庭（待核验，通过后 +30）');

    // Only the centre or an operator of its region decides: the family and another centre are told it is not found.
    await decide(multi.auth, declared.id, 'multi_child', { verified: true }).expect(404);
    await decide(otherCentre.admin, declared.id, 'multi_child', { verified: true }).expect(404);
    await decide(centre.admin, declared.id, 'only_child', { verified: true }).expect(404);

    const verified = (await decide(centre.admin, declared.id, 'multi_child', { verified: true, note: '已核对户口簿' }).expect(200)).body;
    expect(verified).toMatchObject({ score: 30, position: 1 });
    expect(verified.facts[0]).toMatchObject({ status: 'verified', statusLabel: '已核验', decisionNote: '已核对户口簿' });
    expect((await myEntry(plain.auth)).position).toBe(2);
    await decide(centre.admin, declared.id, 'multi_child', { verified: false, note: '重复' }).expect(409);

    expect((await decide(operator, declared.id, 'dual_working', { verified: false }).expect(400)).body.details.fields[0].field).toBe('note');
    const rejected = (await decide(operator, declared.id, 'dual_working', { verified: false, note: '在职证明未盖章，请补交' }).expect(200)).body;
    expect(rejected.score).toBe(30);
    expect(rejected.facts[1]).toMatchObject({ status: 'rejected', statusLabel: '未通过', decisionNote: '在职证明未盖章，请补交' });
    expect(rejected.reasons).toContain('双职工家庭（核验未通过，不计分）');

    const log = (await t.http.get(`/api/childcare/centres/${centre.id}/waitlist`).set(centre.admin).expect(200)).body.find((e: { id: string }) => e.id === declared.id).log;
    expect(log.map((l: { event: string }) => l.event)).toEqual(['joined', 'fact_verified', 'fact_rejected']);
    expect(log[1].note).toBe('多孩家庭核验通过 +30，得分 30');
  });

  it('tells the family why the place starts later than the month they asked for, and says nothing when it does not', async () => {
    const { cls, holder, held } = await fullClass('托大班 起始月');
    const p = await cc.parentWithChild('2024-03-05');
    const entry = (await join(p, cls.id).expect(201)).body.waitlist;
    expect(entry).toMatchObject({ requestedMonth: '2026-12', startMonth: null, monthNote: null });

    t.clock.set(new Date('2026-12-05T02:00:00Z'));
    await t.http.post(`/api/childcare/enrolments/${held.id}/withdraw`).set(holder.auth).expect(200);
    const enrolment = (await t.http.post(`/api/childcare/waitlist/${entry.id}/accept`).set(p.auth).expect(200)).body;
    expect(enrolment.startMonth).toBe('2027-01');
    const after = await myEntry(p.auth);
    expect(after).toMatchObject({ requestedMonth: '2026-12', startMonth: '2027-01', monthNote: '您申请 2026-12 入托，确认时（2026-12-05）该月已开始，改为 2027-01 起' });
    const [row] = await t.dataSource.query('SELECT confirmed_month, month_note FROM waitlist_entries WHERE id = ?', [entry.id]);
    expect(row).toEqual({ confirmed_month: '2027-01', month_note: after.monthNote });

    // Asked for a later month: it starts then, with no note.
    const { cls: later, holder: h2, held: held2 } = await fullClass('托大班 起始月二');
    const q = await cc.parentWithChild('2024-03-06');
    const e2 = (await cc.enrol(q.auth, { childId: q.child.id, classId: later.id, careType: 'full_day', startMonth: '2027-03', waitlistIfFull: true }).expect(201)).body.waitlist;
    await t.http.post(`/api/childcare/enrolments/${held2.id}/withdraw`).set(h2.auth).expect(200);
    expect((await t.http.post(`/api/childcare/waitlist/${e2.id}/accept`).set(q.auth).expect(200)).body.startMonth).toBe('2027-03');
    expect(await myEntry(q.auth)).toMatchObject({ requestedMonth: '2027-03', startMonth: '2027-03', monthNote: null });
  });
});
