import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { QUEUE, type AuditEntryView, type KpiDrillDownView, type KpiSummaryView, type RegionView } from '@carecircle/shared';
import type { Browser } from 'playwright-core';
import { api, apiLogin, startServerAndBrowser, waitForApi } from './support/app.js';
import { chinaMonth, ConsoleSession, label, ok } from './support/console.js';
import { elderByName } from './support/orders.js';
import type { RunningServer } from './support/server.js';

// What the operator reports and checks: indicators down to their records, the monthly report, the
// worklists, the audit log's search and the queues, as 吴主任 of 玉山镇 sees them in Chromium.

interface WorklistsView {
  unserved: { elderId: string }[];
  unassessed: { elderId: string }[];
  expiring: { elderId: string }[];
}

describe('运营管理端: indicators, 月报, 工作清单, 审计日志 and 队列监控 in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let c: ConsoleSession;
  let operatorToken: string;
  let yushan: RegionView;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser('console-reporting'));
    c = new ConsoleSession(browser, server.baseUrl);
    operatorToken = await apiLogin(server.baseUrl, '吴主任');
    const regions = ok<RegionView[]>('GET /regions', await api(server.baseUrl, operatorToken, 'GET', '/regions'));
    yushan = regions.find((r) => r.level === 'street' && r.name === '玉山镇')!;
    expect(yushan).toBeDefined();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => c.close());

  it('a KPI card opens the very staff records behind 岗前培训率, and 月报 prints and downloads the month', async () => {
    const page = await c.open();
    const summaryCall = waitForApi(page, 'GET', '/kpi/summary');
    await c.loginWithDevPicker(page, '吴主任');
    const summary = await c.answer<KpiSummaryView>(summaryCall);
    const trained = summary.body.indicators.find((i) => i.code === 'pre_job_training_rate');
    expect(trained).toMatchObject({ label: '岗前培训率', unit: '%' });

    const drillCall = waitForApi(page, 'GET', /\/kpi\/indicators\/pre_job_training_rate\/records/);
    await page.getByRole('link', { name: '岗前培训率明细', exact: true }).click();
    const drill = await c.answer<KpiDrillDownView>(drillCall);
    expect(drill.status).toBe(200);
    expect(drill.body.records.filter((r) => r.inNumerator).length).toBe(trained!.numerator);
    expect(drill.body.records.filter((r) => r.inDenominator).length).toBe(trained!.denominator);
    expect(drill.body.records.every((r) => r.entity === 'staff')).toBe(true);
    await page.getByText(`计入的记录（${drill.body.records.length} 条）`).waitFor();
    const firstStaff = drill.body.records[0];
    await c.tableRow(page, firstStaff.name).first().waitFor();
    await c.shot(page, 'reporting-01-kpi-records');

    const reportCall = waitForApi(page, 'GET', /\/kpi\/report/);
    await page.locator('.ant-menu-item').filter({ hasText: '月报' }).click();
    const report = await c.answer<{ schemaVersion: string; region: { name: string }; indicators: { code: string }[]; regions: unknown[] }>(reportCall);
    expect(report.status).toBe(200);
    expect(report.body.schemaVersion).toBe('1.0');
    const title = `玉山镇 ${chinaMonth()} 养老托育服务月报`;
    await page.getByText(title).waitFor();
    expect(report.body.indicators.map((i) => i.code)).toContain('pre_job_training_rate');
    await expect(page.locator('.cc-report .ant-table').count()).resolves.toBe(1 + report.body.regions.length);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label('下载 CSV') }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = (await (await download.createReadStream()).toArray()).map((b) => Buffer.from(b)).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0)).toString('utf8');
    expect(csv.split(/\r?\n/)[0]).toMatch(/code|指标/);
    expect(csv).toContain('pre_job_training_rate');

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider').isVisible()).resolves.toBe(false);
    await c.shot(page, 'reporting-02-monthly-report-print');
    await page.emulateMedia({ media: 'screen' });
    expect(c.unexpected()).toEqual([]);
  });

  it('工作清单 lists the same elders as the server, tab by tab', async () => {
    const page = await c.open();
    await c.loginWithDevPicker(page, '吴主任');
    const lists = await c.visit<WorklistsView>(page, '/worklists', 'GET', /\/operator\/worklists/);
    expect(lists.status).toBe(200);
    for (const [tab, key] of [['应服尽服', 'unserved'], ['应评尽评', 'unassessed']] as const) {
      await page.getByRole('tab', { name: new RegExp(tab) }).click();
      const rows = page.locator('.ant-tabs + * .ant-table-tbody tr.ant-table-row, .ant-card .ant-table-tbody tr.ant-table-row');
      const expected = Math.min(lists.body[key].length, 20);
      if (expected === 0) await page.getByText('清单为空，本项已全部完成').waitFor();
      else await expect(rows.count()).resolves.toBe(expected);
      await c.shot(page, `reporting-03-worklist-${key}`);
    }
    expect(c.unexpected()).toEqual([]);
  });

  it('审计日志 finds 吴主任’s eligibility decisions by action and day, naming the elder masked', async () => {
    const familyToken = await apiLogin(server.baseUrl, '王芳');
    const elder = await elderByName(server.baseUrl, familyToken, '王秀兰');
    ok<unknown>('declare', await api(server.baseUrl, familyToken, 'POST', `/elders/${elder.id}/eligibility`, { category: 'dibao', evidenceNote: '低保证 KS-E2E' }));
    ok<unknown>('verify', await api(server.baseUrl, operatorToken, 'POST', `/operator/elders/${elder.id}/eligibility`, { decision: 'verified', validUntil: '2030-12-31' }));

    const page = await c.open();
    await c.loginWithDevPicker(page, '吴主任');
    await c.visit<AuditEntryView[]>(page, '/audit', 'GET', '/operator/audit');
    await page.locator('#action').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '补贴资格核验' }).click();
    const filtered = c.waitForCall(page, 'GET', '/operator/audit?action=eligibility_');
    await page.getByRole('button', { name: label('筛选') }).click();
    const entries = await c.answer<AuditEntryView[]>(filtered);
    expect(entries.body.length).toBeGreaterThan(0);
    expect(entries.body.every((e) => e.action.startsWith('eligibility_'))).toBe(true);
    const mine = entries.body.find((e) => e.entityId === elder.id)!;
    expect(mine).toMatchObject({ actionLabel: '补贴资格核验通过', userName: '吴主任' });
    expect(mine.subject).toMatch(/^王\*/);
    await c.tableRow(page, '补贴资格核验通过').first().waitFor();
    await expect(page.locator('.ant-table-tbody').innerText()).resolves.toContain(`老人：${mine.subject}`);
    expect(page.url()).toContain('action=eligibility_');
    await c.shot(page, 'reporting-04-audit-filtered');
    expect(c.unexpected()).toEqual([]);
  });

  it('队列监控 opens Bull Board in its own tab for the operator, with every queue, and refuses a bare visit', async () => {
    const page = await c.open();
    await c.loginWithDevPicker(page, '吴主任');
    const [board] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: label('队列监控') }).click()]);
    c.watch(board);
    await board.waitForURL(/\/api\/operator\/queue-board\/?$/);
    await board.getByText('CareCircle 队列').first().waitFor({ timeout: 15_000 });
    for (const name of Object.values(QUEUE)) await board.getByText(name, { exact: true }).first().waitFor();
    await c.shot(board, 'reporting-05-queue-board');

    const anonymous = await browser.newContext();
    try {
      const res = await (await anonymous.newPage()).goto(`${server.baseUrl}/api/operator/queue-board/`);
      expect(res?.status()).toBe(401);
      await expect(res!.text()).resolves.toContain('请从运营后台的「队列监控」进入');
    } finally {
      await anonymous.close();
    }
    expect(c.unexpected()).toEqual([]);
  });
});

