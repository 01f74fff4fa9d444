import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { EligibilityItemView, ElderView, KpiSummaryView, OrderView, ProviderView, RegionView, StatementView } from '@carecircle/shared';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import type { Browser, Page, Response } from 'playwright-core';
import { api, apiLogin, startServerAndBrowser, waitForApi } from './support/app.js';
import { addDays, chinaMonth, chinaToday, ConsoleSession, label, ok } from './support/console.js';
import { elderByName } from './support/orders.js';
import type { RunningServer } from './support/server.js';

// The operator console (apps/console, served by the built server at /console/) in Chromium at a
// desktop size. 吴主任 is the demo district's operator of 玉山镇; the steps are those of
// apps/console/scripts/shots.mjs --act.

describe('运营管理端: the operator console in Chromium against the built server', () => {
  let server: RunningServer;
  let browser: Browser;
  let c: ConsoleSession;
  let operatorToken: string;
  let familyToken: string;
  let regions: RegionView[];
  let yushan: RegionView;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser('console'));
    c = new ConsoleSession(browser, server.baseUrl);
    [operatorToken, familyToken] = await Promise.all([apiLogin(server.baseUrl, '吴主任'), apiLogin(server.baseUrl, '王芳')]);
    // The whole tree, as a family member sees it (an operator's list holds only their own 街道 and 社区).
    regions = ok<RegionView[]>('GET /regions', await api(server.baseUrl, familyToken, 'GET', '/regions'));
    const operatorRegions = ok<RegionView[]>('GET /regions', await api(server.baseUrl, operatorToken, 'GET', '/regions'));
    expect(operatorRegions.every((r) => r.level !== 'district')).toBe(true);
    const street = regions.find((r) => r.level === 'street' && r.name === '玉山镇');
    if (!street) throw new Error(`no 玉山镇 among the regions: ${regions.map((r) => r.name).join(', ')}`);
    yushan = street;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => c.close());

  const open = () => c.open();
  const unexpected = () => c.unexpected();
  const waitForCall = (page: Page, method: string, pathAndQuery: string, timeout?: number) => c.waitForCall(page, method, pathAndQuery, timeout);
  const shot = (page: Page, name: string) => c.shot(page, name);
  const answer = <T>(pending: Promise<Response>) => c.answer<T>(pending);
  const confirmPopover = (page: Page, text: string) => c.confirmPopover(page, text);
  const loginWithDevPicker = (page: Page, nickname: string, shotName?: string) => c.loginWithDevPicker(page, nickname, shotName);
  const visit = <T>(page: Page, hash: string, method: string, path: string | RegExp) => c.visit<T>(page, hash, method, path);
  const tableRow = (page: Page, text: string) => c.tableRow(page, text);

  it('吴主任 logs in with the dev picker and 工作台 shows the KPI cards and drawn ECharts charts', async () => {
    const page = await open();
    const summaryCall = waitForApi(page, 'GET', '/kpi/summary');
    const visitsCall = waitForApi(page, 'GET', '/kpi/visits');
    await loginWithDevPicker(page, '吴主任', '01-login');

    // The shell: 吴主任 in the header, 工作台 selected, on 玉山镇 this month.
    await page.waitForURL(/\/console\/#\/dashboard$/);
    await expect(page.locator('.ant-layout-header').innerText()).resolves.toContain('吴主任');
    await expect(page.locator('.ant-menu-item-selected').innerText()).resolves.toContain('工作台');

    const summary = await answer<KpiSummaryView>(summaryCall);
    expect(summary.status).toBe(200);
    expect(summary.path).toContain(`regionId=${yushan.id}`);
    expect(summary.path).toContain(`month=${chinaMonth()}`);
    expect(summary.body.regionName).toBe('玉山镇');
    expect(summary.body.indicators.length).toBeGreaterThan(0);
    expect((await visitsCall).status()).toBe(200);

    // One KPI card per indicator, each with its figure and target.
    const cards = page.locator('[data-testid^="kpi-"]');
    await cards.nth(summary.body.indicators.length - 1).waitFor();
    await expect(cards.count()).resolves.toBe(summary.body.indicators.length);
    for (const ind of summary.body.indicators) {
      const card = page.getByTestId(`kpi-${ind.code}`);
      await expect(card.locator('.ant-card-head-title').innerText()).resolves.toBe(ind.label);
      await expect(card.locator('.cc-kpi-value').innerText()).resolves.toMatch(/\S/);
      await expect(card.innerText()).resolves.toContain('目标');
    }
    await expect(page.getByText(/指标汇总读取失败|尚未上线/).count()).resolves.toBe(0);

    // The charts: ECharts has drawn into a canvas inside each chart container (some pixel painted).
    const charts = page.locator('.ant-card [role="img"][aria-label]').filter({ has: page.locator('canvas') });
    await charts.first().waitFor();
    const drawn = await page.waitForFunction(
      () => {
        const painted = [...document.querySelectorAll<HTMLCanvasElement>('.ant-card [role="img"] canvas')].filter((c) => {
          if (c.width === 0 || c.height === 0) return false;
          const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
          if (!data) return false;
          for (let i = 3; i < data.length; i += 4 * 7) if (data[i] !== 0) return true;
          return false;
        });
        const labels = painted.map((c) => c.closest('[role="img"]')!.getAttribute('aria-label') ?? '');
        // Wait for the year's trend too: it is read after the cards (a request of its own).
        return labels.some((l) => l.endsWith('年逐月趋势')) ? labels : null;
      },
      undefined,
      { timeout: 10_000, polling: 100 },
    );
    const drawnCharts = (await drawn.jsonValue()) as string[];
    expect(drawnCharts.length).toBeGreaterThan(0);
    expect(drawnCharts).toContain('探访完成率仪表盘');
    expect(drawnCharts).toContain(`特殊困难老年人月探访率${chinaMonth().slice(0, 4)}年逐月趋势`);
    await shot(page, '02-dashboard');
    expect(unexpected()).toEqual([]);
  });

  it('机构管理: a provider registered through the API is approved by 吴主任 in the console', async () => {
    // A new provider admin files a 居家养老 organisation in a 社区 of 玉山镇; it waits as pending.
    const adminToken = await apiLogin(server.baseUrl, '新机构负责人');
    const community = regions.find((r) => r.level === 'community' && r.parentId === yushan.id);
    expect(community).toBeDefined();
    const suffix = Date.now().toString(36).toUpperCase();
    const input = {
      kind: 'home_care',
      name: `玉山镇康宁居家养老服务站${suffix}`,
      licenceNo: `JS-KS-E2E-${suffix}`,
      regionId: community!.id,
      address: `昆山市玉山镇${community!.name}康宁路 8 号`,
      location: { lat: 31.3862, lng: 120.9824 },
      serviceRadiusMeters: 3000,
      phone: '0512-57001234',
    };
    const created = ok<ProviderView>('POST /providers', await api(server.baseUrl, adminToken, 'POST', '/providers', input), 201);
    expect(created).toMatchObject({ name: input.name, licenceNo: input.licenceNo, status: 'pending', regionId: community!.id });

    const page = await open();
    await loginWithDevPicker(page, '吴主任');
    const list = await visit<ProviderView[]>(page, '/providers', 'GET', '/providers');
    expect(list.status).toBe(200);
    expect(list.body.find((p) => p.id === created.id)?.status).toBe('pending');

    // Find it by its licence number and approve it.
    await page.getByPlaceholder('搜索名称、许可证号、地址').fill(input.licenceNo);
    await page.getByPlaceholder('搜索名称、许可证号、地址').press('Enter');
    const row = tableRow(page, input.licenceNo);
    await row.waitFor();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(1);
    await expect(row.innerText()).resolves.toMatch(new RegExp(`${input.name}[\\s\\S]*居家[\\s\\S]*${community!.name}[\\s\\S]*3\\.0 公里[\\s\\S]*待审核`));
    await shot(page, '03-provider-pending');

    await row.getByRole('button', { name: label('审核通过') }).click();
    const patched = waitForApi(page, 'PATCH', `/providers/${created.id}/status`);
    await confirmPopover(page, '通过');
    const result = await answer<ProviderView>(patched);
    expect({ status: result.status, providerStatus: result.body.status }).toEqual({ status: 200, providerStatus: 'approved' });
    await row.locator('.ant-tag', { hasText: '已通过' }).waitFor();
    await row.getByRole('button', { name: label('暂停') }).waitFor();
    await page.locator('.ant-message-notice', { hasText: `${input.name}：已通过` }).waitFor();
    await shot(page, '04-provider-approved');

    // The server holds it as approved.
    const providers = ok<ProviderView[]>('GET /providers', await api(server.baseUrl, operatorToken, 'GET', '/providers'));
    expect(providers.find((p) => p.id === created.id)?.status).toBe('approved');
    expect(unexpected()).toEqual([]);
  });

  it('补贴资格核验: 王芳 declares 低保 for 王秀兰 and 吴主任 verifies it with a validity date', async () => {
    const elder = await elderByName(server.baseUrl, familyToken, '王秀兰');
    expect(elder.subsidyCategory).toBe('none');
    const declared = ok<EligibilityItemView>(
      'POST eligibility',
      await api(server.baseUrl, familyToken, 'POST', `/elders/${elder.id}/eligibility`, { category: 'dibao', evidenceNote: '低保证 KS-001' }),
    );
    expect(declared).toMatchObject({ elderId: elder.id, declaredCategory: 'dibao', verification: 'unverified', evidenceNote: '低保证 KS-001' });

    const page = await open();
    await loginWithDevPicker(page, '吴主任');
    const queue = await visit<EligibilityItemView[]>(page, '/eligibility', 'GET', '/operator/eligibility');
    expect(queue.path).toContain('status=unverified');
    expect(queue.body.map((e) => e.elderId)).toContain(elder.id);

    await page.getByPlaceholder('搜索老人、家庭、社区').fill('王秀兰');
    await page.getByPlaceholder('搜索老人、家庭、社区').press('Enter');
    const row = tableRow(page, '王秀兰');
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/王秀兰[\s\S]*王家[\s\S]*低保[\s\S]*低保证 KS-001/);
    await row.getByRole('button', { name: label('核验') }).click();

    const modal = page.locator('.ant-modal-content').filter({ hasText: '核验补贴资格：王秀兰' });
    await modal.waitFor();
    await expect(modal.locator('.ant-descriptions').innerText()).resolves.toMatch(/申报类别\s*低保[\s\S]*佐证材料\s*低保证 KS-001/);
    // 通过, valid for half a year from today (China).
    const validUntil = addDays(chinaToday(), 183);
    await modal.getByText('通过', { exact: true }).click();
    const dateInput = modal.locator('.ant-picker input');
    await dateInput.click();
    await dateInput.fill(validUntil);
    await dateInput.press('Enter');
    await expect(dateInput.inputValue()).resolves.toBe(validUntil);
    await shot(page, '05-eligibility-verify');

    const verified = waitForApi(page, 'POST', `/operator/elders/${elder.id}/eligibility`);
    await modal.getByRole('button', { name: label('提交') }).click();
    const result = await answer<EligibilityItemView>(verified);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ elderId: elder.id, declaredCategory: 'dibao', verification: 'verified', validUntil });
    await modal.waitFor({ state: 'detached' });
    await page.locator('.ant-message-notice', { hasText: '王秀兰：核验通过' }).waitFor();

    // 已核验 lists her with the date.
    const verifiedList = waitForCall(page, 'GET', '/operator/eligibility?status=verified');
    await page.getByRole('tab', { name: '已核验' }).click();
    expect((await verifiedList).status()).toBe(200);
    await page.getByPlaceholder('搜索老人、家庭、社区').fill('王秀兰');
    await page.getByPlaceholder('搜索老人、家庭、社区').press('Enter');
    await expect(tableRow(page, '王秀兰').innerText()).resolves.toContain(validUntil);
    await shot(page, '06-eligibility-verified');

    // The family sees the elder as verified.
    const after = ok<ElderView>(`GET /elders/${elder.id}`, await api(server.baseUrl, familyToken, 'GET', `/elders/${elder.id}`));
    expect({ category: after.subsidyCategory, verification: after.subsidyVerification }).toEqual({ category: 'dibao', verification: 'verified' });
    expect(unexpected()).toEqual([]);
  });

  it('补贴结算: 吴主任 generates this month\'s statements; he cannot approve his own, 冯科长 approves one, which locks it', async () => {
    const month = chinaMonth();
    const page = await open();
    await loginWithDevPicker(page, '吴主任');
    const before = await visit<StatementView[]>(page, '/statements', 'GET', '/operator/statements');
    expect(before.path).toContain(`month=${month}`);

    await page.getByRole('button', { name: /生成结算单/ }).click();
    const generated = waitForApi(page, 'POST', `/operator/statements/${month}/generate`);
    await confirmPopover(page, '生成');
    const fresh = await answer<StatementView[]>(generated);
    expect(fresh.status).toBe(200);
    expect(fresh.body.length).toBeGreaterThan(0);
    expect(fresh.body.every((s) => s.month === month && s.status === 'draft')).toBe(true);
    await page.locator('.ant-message-notice', { hasText: `已生成 ${month} 结算单 ${fresh.body.length} 份` }).waitFor();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(Math.min(10, fresh.body.length));

    // The first statement on the list (the largest total): open it and approve it.
    const target = fresh.body[0];
    const row = tableRow(page, target.providerName).first();
    await expect(row.innerText()).resolves.toContain('草稿');
    await row.getByText('查看 / 审核').click();
    const drawer = page.locator('.ant-drawer-content').filter({ hasText: `${target.providerName} · ${month} 补贴结算单` });
    await drawer.waitFor();
    await expect(drawer.getByRole('button', { name: /调\s*整/ }).isEnabled()).resolves.toBe(true);
    await shot(page, '07-statement-draft');
    // Maker-checker: the maker's 审批 is disabled and says who may approve.
    const waiting = drawer.getByRole('button', { name: label('待他人审批') });
    await expect(waiting.isDisabled()).resolves.toBe(true);
    await waiting.hover({ force: true });
    await page.getByText(/另一位运营人员审批/).first().waitFor();
    await page.close();

    // 冯科长, the street's other operator, approves it.
    const checker = await open();
    await loginWithDevPicker(checker, '冯科长');
    await visit<StatementView[]>(checker, '/statements', 'GET', '/operator/statements');
    await tableRow(checker, target.providerName).first().getByText('查看 / 审核').click();
    const checkerDrawer = checker.locator('.ant-drawer-content').filter({ hasText: `${target.providerName} · ${month} 补贴结算单` });
    await checkerDrawer.waitFor();
    await checkerDrawer.getByRole('button', { name: label('审批') }).click();
    const approved = waitForApi(checker, 'POST', `/operator/statements/${target.id}/approve`);
    await confirmPopover(checker, '审批');
    const result = await answer<StatementView>(approved);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ id: target.id, status: 'approved' });
    expect(result.body.approvedAt).toBeTruthy();

    // Locked in the console: the banner, 调整 and 审批 disabled.
    await checkerDrawer.locator('.ant-alert-success', { hasText: '审批锁定' }).waitFor();
    await expect(checkerDrawer.getByRole('button', { name: /调\s*整/ }).isDisabled()).resolves.toBe(true);
    await expect(checkerDrawer.getByRole('button', { name: /已审批/ }).isDisabled()).resolves.toBe(true);
    await shot(checker, '08-statement-approved');
    await checkerDrawer.locator('.ant-drawer-close').click();
    await checkerDrawer.waitFor({ state: 'hidden' });
    await expect(tableRow(checker, target.providerName).first().innerText()).resolves.toContain('已审批锁定');

    // And on the server: approved in the month's list, an adjustment refused, a new generation leaves it.
    const listed = ok<StatementView[]>('GET statements', await api(server.baseUrl, operatorToken, 'GET', `/operator/statements?month=${month}`));
    expect(listed.find((s) => s.id === target.id)).toMatchObject({ status: 'approved', totalFen: result.body.totalFen });
    const adjust = await api<{ error?: string }>(server.baseUrl, operatorToken, 'POST', `/operator/statements/${target.id}/adjustments`, { amountFen: -1250, reason: '服务时长不足，核减' });
    expect(adjust.status).toBe(409);
    const again = ok<StatementView[]>('generate', await api(server.baseUrl, operatorToken, 'POST', `/operator/statements/${month}/generate`));
    expect(again.find((s) => s.id === target.id)).toMatchObject({ status: 'approved', totalFen: result.body.totalFen, lines: result.body.lines });
    expect(unexpected()).toEqual([]);
  });

  /** 周市镇's operator: a new dev user made, through the test database, the operator of a new street. */
  let otherOperator: { nickname: string; id: string; streetId: string; token: string } | undefined;

  async function otherStreetOperator(): Promise<{ nickname: string; id: string; streetId: string; token: string }> {
    if (otherOperator) return otherOperator;
    const nickname = '周市镇运营';
    const token = await apiLogin(server.baseUrl, nickname);
    const me = ok<{ id: string; roles: string[] }>('GET /me', await api(server.baseUrl, token, 'GET', '/me'));
    expect(me.roles).not.toContain('operator');
    const district = regions.find((r) => r.id === yushan.parentId);
    expect(district?.level).toBe('district');
    const streetId = randomUUID();
    const db = await createConnection({ host: '127.0.0.1', user: 'root', password: '', database: server.dbName });
    try {
      await db.query(`INSERT INTO regions (id, code, name, level, parent_id, center_lat, center_lng, population) VALUES (?, 'ks-zs', '周市镇', 'street', ?, 31.4650, 120.9930, 120000)`, [
        streetId,
        district!.id,
      ]);
      await db.query(`UPDATE users SET roles = '["operator"]' WHERE id = ?`, [me.id]);
      await db.query('INSERT INTO operator_regions (user_id, region_id) VALUES (?, ?)', [me.id, streetId]);
    } finally {
      await db.end();
    }
    otherOperator = { nickname, id: me.id, streetId, token };
    return otherOperator;
  }

  /** Logs in on the console's login page with a typed login code (the account is not on the dev picker). */
  async function loginWithCode(page: Page, nickname: string): Promise<void> {
    await page.goto(`${server.baseUrl}/console/`);
    const code = page.getByLabel('登录码');
    await code.fill(`dev:${nickname}`);
    const [login] = await Promise.all([waitForApi(page, 'POST', '/auth/wechat'), code.press('Enter')]);
    expect(login.status()).toBe(200);
    await page.locator('.ant-layout-sider').waitFor();
    await expect(page.locator('.ant-layout-header').innerText()).resolves.toContain(nickname);
  }

  it('an operator of another 街道 sees nothing of 玉山镇 in the console, and its KPI summary is not found', async () => {
    const other = await otherStreetOperator();
    const token = other.token;
    const page = await open();
    await loginWithCode(page, other.nickname);

    // 待派单, 机构管理, 补贴资格核验 (each status): empty lists, and the tables say so.
    const escalations = await visit<OrderView[]>(page, '/escalations', 'GET', '/operator/escalations');
    expect({ status: escalations.status, body: escalations.body }).toEqual({ status: 200, body: [] });
    await page.locator('.ant-table-placeholder .ant-empty').waitFor();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(0);
    await shot(page, '09-other-street-escalations');

    const providers = await visit<ProviderView[]>(page, '/providers', 'GET', '/providers');
    expect({ status: providers.status, body: providers.body }).toEqual({ status: 200, body: [] });
    await page.locator('.ant-table-placeholder', { hasText: '没有符合条件的机构' }).waitFor();
    await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(0);
    await shot(page, '10-other-street-providers');

    const unverified = await visit<EligibilityItemView[]>(page, '/eligibility', 'GET', '/operator/eligibility');
    expect({ status: unverified.status, body: unverified.body }).toEqual({ status: 200, body: [] });
    await page.locator('.ant-table-placeholder', { hasText: '没有待核验的申报' }).waitFor();
    for (const [tab, status] of [['已核验', 'verified'], ['未通过', 'rejected']] as const) {
      const call = waitForCall(page, 'GET', `/operator/eligibility?status=${status}`);
      await page.getByRole('tab', { name: tab }).click();
      const res = await answer<EligibilityItemView[]>(call);
      expect({ path: res.path, status: res.status, body: res.body }).toEqual({ path: `/api/operator/eligibility?status=${status}`, status: 200, body: [] });
    }
    await page.locator('.ant-table-placeholder', { hasText: '暂无记录' }).waitFor();
    await shot(page, '11-other-street-eligibility');

    // 工作台 opens on the operator's own 街道, and 玉山镇 is not even offered in 地区.
    const first = waitForApi(page, 'GET', '/kpi/summary');
    await page.goto(`${server.baseUrl}/console/#/dashboard`);
    const summary = await first;
    expect(new URL(summary.url()).searchParams.get('regionId')).toBe(other.streetId);
    expect(summary.status()).toBe(200);
    await page.locator('.ant-select').filter({ has: page.locator('[aria-label="选择地区"]') }).click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: /^周市镇$/ }).first().waitFor();
    await expect(page.locator('.ant-select-tree-node-content-wrapper', { hasText: /^玉山镇$/ }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    await shot(page, '12-other-street-dashboard-own-street');

    const direct = await api<{ error: string }>(server.baseUrl, token, 'GET', `/kpi/summary?regionId=${yushan.id}&month=${chinaMonth()}`);
    expect({ status: direct.status, error: direct.body.error }).toEqual({ status: 404, error: 'REGION.NOT_FOUND' });
    // 吴主任 still gets it: the 404 is the scope, not the region.
    expect((await api(server.baseUrl, operatorToken, 'GET', `/kpi/summary?regionId=${yushan.id}&month=${chinaMonth()}`)).status).toBe(200);
    expect(unexpected()).toEqual([]);
  });

  it('…nor 玉山镇\'s elders, records or figures anywhere else in the console (能力评估, 审计日志, 投诉, 结算, 工作台)', async () => {
    const other = await otherStreetOperator();
    const yushanRegionIds = [yushan.id, ...regions.filter((r) => r.parentId === yushan.id).map((r) => r.id)];
    const db = await createConnection({ host: '127.0.0.1', user: 'root', password: '', database: server.dbName });
    let yushanElders: { id: string; name: string }[];
    try {
      [yushanElders] = (await db.query(`SELECT id, name FROM elders WHERE deleted_at IS NULL AND region_id IN (?)`, [yushanRegionIds])) as unknown as [{ id: string; name: string }[]];
    } finally {
      await db.end();
    }
    expect(yushanElders.length).toBeGreaterThan(0);
    const isYushanElder = new Set(yushanElders.map((e) => e.id));

    // What of 玉山镇 each page shows this operator; every list should be empty.
    const seen: Record<string, string[]> = {};
    const page = await open();
    c.expectedFailures.push(/^GET \/api\/kpi\/(summary|visits|childcare)$/);
    const firstSummary = waitForApi(page, 'GET', '/kpi/summary');
    await loginWithCode(page, other.nickname);
    const summary = await firstSummary;
    const openedOn = regions.find((r) => r.id === new URL(summary.url()).searchParams.get('regionId'))?.name ?? '周市镇';
    seen['工作台 opens on another street'] = openedOn === '周市镇' ? [] : [`${openedOn} (GET /kpi/summary ${summary.status()})`];

    const complaints = await visit<{ id: string }[]>(page, '/complaints', 'GET', '/operator/complaints');
    seen['投诉处理'] = complaints.body.map((c) => `complaint ${c.id}`);
    const statements = await visit<StatementView[]>(page, '/statements', 'GET', '/operator/statements');
    seen['补贴结算'] = statements.body.map((s) => `${s.providerName} ${s.month} ${s.status}`);

    const worklist = await visit<{ elderId: string; name: string; reason: string }[]>(page, '/assessments', 'GET', '/operator/assessments/worklist');
    expect(worklist.status).toBe(200);
    seen['能力评估 worklist'] = worklist.body.filter((w) => isYushanElder.has(w.elderId)).map((w) => `${w.name}（${w.reason}）`);
    if (worklist.body.length) await tableRow(page, worklist.body[0].name).first().waitFor();
    else await page.locator('.ant-table-placeholder', { hasText: '没有需要评估的老人' }).waitFor();
    await shot(page, '13-other-street-assessments');
    const history = await api<unknown[]>(server.baseUrl, other.token, 'GET', `/elders/${yushanElders[0].id}/assessments`);
    seen['能力评估 history of a 玉山镇 elder'] = history.status === 404 ? [] : [`GET /elders/${yushanElders[0].id}/assessments (${yushanElders[0].name}) answered ${history.status}`];

    const audit = await visit<{ userId: string; userName: string; action: string; entity: string; entityId: string }[]>(page, '/audit', 'GET', '/operator/audit');
    expect(audit.status).toBe(200);
    seen['审计日志'] = audit.body.filter((a) => a.userId !== other.id).map((a) => `${a.userName} ${a.action} ${a.entity} ${a.entityId.slice(0, 8)}`);
    await page.locator('.ant-table').waitFor();
    await shot(page, '14-other-street-audit');

    expect(seen).toEqual({
      '工作台 opens on another street': [],
      投诉处理: [],
      补贴结算: [],
      '能力评估 worklist': [],
      '能力评估 history of a 玉山镇 elder': [],
      审计日志: [],
    });
    expect(unexpected()).toEqual([]);
  });
});
