import { idNumber } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { District, type Auth } from './district.js';

const NOW = new Date('2026-11-20T02:00:00Z');

interface Row { row: number; name: string; status: string; elderId: string | null; message: string | null; category: string | null; validUntil: string | null; idNumberMasked: string }

describe('official list import (民政名单)', () => {
  let t: TestApp;
  let d: District;
  let op: Auth;
  let otherOp: Auth;
  let mine: { id: string; name: string; idNumber: string };
  let renewed: { id: string; name: string; idNumber: string };
  let namesake: { id: string; name: string; idNumber: string };
  let elsewhere: { id: string; name: string; idNumber: string };
  let csv: string;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new District(t).init();
    const street = await d.region('本街道', 'street');
    const community = await d.region('本社区', 'community', street);
    const other = await d.region('外街道', 'street');
    op = await d.operator('名单运营', street);
    otherOp = await d.operator('外街道运营', other);
    mine = await d.elder(community, { name: '王建国', idNumber: idNumber('1944-03-08', 201), category: 'advanced_age' });
    renewed = await d.elder(community, { name: '李秀英', idNumber: idNumber('1950-06-15', 202, false), category: 'dibao', verified: true, validUntil: '2026-12-31' });
    namesake = await d.elder(community, { name: '张德明', idNumber: idNumber('1955-12-12', 203) });
    elsewhere = await d.elder(other, { name: '赵外', idNumber: idNumber('1946-01-01', 204) });
    // A spreadsheet export: BOM, CRLF, quoted fields (one holding a comma), a blank line, and bad rows.
    csv = '\ufeff' + [
      '姓名,身份证号,类别,有效期至',
      `王建国,${mine.idNumber},高龄,2027-12-31`,
      `"李秀英",${renewed.idNumber.toLowerCase()},"低保",2027/12/31`,
      `张德民,${namesake.idNumber},低保,2027-12-31`,
      `赵外,${elsewhere.idNumber},特困供养,2027-12-31`,
      '',
      `"钱,多多",${idNumber('1941-05-06', 205)},特困,2027年12月31日`,
      '孙错,32058319400101123,低保,2027-12-31',
      `周过期,${idNumber('1941-05-07', 206)},贫困户,2026-01-01`,
      `王建国,${mine.idNumber},高龄,2027-12-31`,
    ].join('\r\n') + '\r\n';
  });
  afterAll(() => t.close());

  it('previews every row: matched by ID number, unmatched, conflicts and invalid rows with their line numbers', async () => {
    const p = (await t.http.post('/api/operator/official-list/preview').set(op).send({ csv }).expect(200)).body;
    expect(p).toMatchObject({ total: 8, matched: 2, unmatched: 2, conflicts: 2, invalid: 2 });
    const at = (line: number): Row => p.rows.find((r: Row) => r.row === line);
    expect(at(2)).toMatchObject({ status: 'matched', elderId: mine.id, category: 'advanced_age', validUntil: '2027-12-31' });
    expect(at(2).idNumberMasked).toBe(`${mine.idNumber.slice(0, 1)}${'*'.repeat(17)}`);
    expect(at(3)).toMatchObject({ status: 'matched', elderId: renewed.id, name: '李秀英', validUntil: '2027-12-31' });
    expect(at(4)).toMatchObject({ status: 'conflict', elderId: namesake.id });
    expect(at(4).message).toContain('第 4 行：姓名与在册老人不一致');
    // Another street's elder is not revealed: unmatched, like someone never registered.
    expect(at(5)).toMatchObject({ status: 'unmatched', elderId: null, communityName: null });
    expect(at(7)).toMatchObject({ status: 'unmatched', name: '钱,多多', category: 'tekun', validUntil: '2027-12-31' });
    expect(at(8)).toMatchObject({ status: 'invalid' });
    expect(at(8).message).toMatch(/^第 8 行：身份证号无效/);
    expect(at(9).message).toContain('类别“贫困户”无法识别');
    expect(at(9).message).toContain('有效期至 2026-01-01 已过');
    expect(at(10)).toMatchObject({ status: 'conflict', message: '第 10 行：与第 2 行身份证号重复' });
    const [row] = await t.dataSource.query('SELECT subsidy_verification FROM elders WHERE id = ?', [mine.id]);
    expect(row.subsidy_verification).toBe('unverified');
  });

  it('on confirm verifies the matched elders with the list’s category and valid-until, audited; the rest stay as they were', async () => {
    const c = (await t.http.post('/api/operator/official-list/confirm').set(op).send({ csv }).expect(200)).body;
    expect(c).toMatchObject({ applied: 2, matched: 2 });
    const rows: { id: string; subsidy_category: string; subsidy_verification: string; subsidy_valid_until: string | Date | null }[] = await t.dataSource.query(
      `SELECT id, subsidy_category, subsidy_verification, DATE_FORMAT(subsidy_valid_until, '%Y-%m-%d') AS subsidy_valid_until FROM elders WHERE id IN (?, ?, ?, ?)`,
      [mine.id, renewed.id, namesake.id, elsewhere.id],
    );
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by[mine.id]).toMatchObject({ subsidy_category: 'advanced_age', subsidy_verification: 'verified', subsidy_valid_until: '2027-12-31' });
    expect(by[renewed.id]).toMatchObject({ subsidy_category: 'dibao', subsidy_verification: 'verified', subsidy_valid_until: '2027-12-31' });
    expect(by[namesake.id]).toMatchObject({ subsidy_category: 'none', subsidy_verification: 'unverified', subsidy_valid_until: null });
    expect(by[elsewhere.id]).toMatchObject({ subsidy_verification: 'unverified' });
    const audit = (await t.http.get(`/api/operator/audit?entityId=${mine.id}`).set(op).expect(200)).body;
    expect(audit.map((a: { action: string }) => a.action)).toContain('eligibility_list_import');
  });

  it('matches nothing outside the operator’s own regions', async () => {
    const p = (await t.http.post('/api/operator/official-list/preview').set(otherOp).send({ csv }).expect(200)).body;
    expect(p.rows.find((r: Row) => r.row === 5)).toMatchObject({ status: 'matched', elderId: elsewhere.id });
    expect(p.rows.filter((r: Row) => r.elderId && r.elderId !== elsewhere.id)).toEqual([]);
  });

  it('refuses a file it cannot read with a 400 naming the problem', async () => {
    const noHeader = await t.http.post('/api/operator/official-list/preview').set(op).send({ csv: '名字,号码\r\n王,1\r\n' }).expect(400);
    expect(noHeader.body.message).toContain('第 1 行（表头）缺少列：姓名、身份证号、类别、有效期至');
    const onlyHeader = await t.http.post('/api/operator/official-list/preview').set(op).send({ csv: '\ufeff姓名,身份证号,类别,有效期至\r\n' }).expect(400);
    expect(onlyHeader.body.message).toContain('没有名单数据');
    await t.http.post('/api/operator/official-list/preview').set(op).send({ csv: '' }).expect(400);
    await t.http.post('/api/operator/official-list/confirm').set(op).send({}).expect(400);
  });
});

describe('region reference data (region_figures)', () => {
  let t: TestApp;
  let d: District;
  let op: Auth;
  let otherOp: Auth;
  let street = '';
  let community = '';

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    d = await new District(t).init();
    street = await d.region('数据街道', 'street');
    community = await d.region('数据社区', 'community', street);
    const other = await d.region('外街道', 'street');
    op = await d.operator('数据运营', street);
    otherOp = await d.operator('外运营', other);
  });
  afterAll(() => t.close());

  it('is edited per region and year, and imported from CSV with row-numbered errors', async () => {
    await t.http.put(`/api/operator/region-figures/${community}/2026`).set(op).send({ residents: 12000, elderly60: 3000, children0to3: 400 }).expect(200);
    await t.http.put(`/api/operator/region-figures/${community}/2026`).set(otherOp).send({ residents: 1, elderly60: 1, children0to3: 1 }).expect(404);
    await t.http.put(`/api/operator/region-figures/${community}/2026`).set(op).send({ residents: -1, elderly60: 1, children0to3: 1 }).expect(400);
    const imported = (await t.http.post('/api/operator/region-figures/import').set(op).send({ csv: '\ufeff社区,年份,常住人口,60岁以上人口,0-3岁儿童\r\n数据社区,2025,"11,800",2900,\r\n' }).expect(200)).body;
    expect(imported.imported).toBe(1);
    const list = (await t.http.get(`/api/operator/region-figures?regionId=${street}&year=2025`).set(op).expect(200)).body;
    expect(list.find((r: { regionId: string }) => r.regionId === community)).toMatchObject({ year: 2025, residents: 11800, elderly60: 2900, children0to3: null });
    expect(list.find((r: { regionId: string }) => r.regionId === street)).toMatchObject({ residents: null });
    const y2026 = (await t.http.get(`/api/operator/region-figures?regionId=${community}&year=2026`).set(op).expect(200)).body;
    expect(y2026[0]).toMatchObject({ residents: 12000, elderly60: 3000, children0to3: 400 });
    const bad = await t.http.post('/api/operator/region-figures/import').set(op).send({ csv: '社区,年份,常住人口,60岁以上人口,0-3岁儿童\n数据社区,2025,很多,1,1\n外街道,2025,1,1,1\n' }).expect(400);
    expect(bad.body.message).toContain('第 2 行：常住人口应为非负整数');
    expect(bad.body.message).toContain('第 3 行：地区“外街道”不存在或不在您负责的范围内');
  });
});
