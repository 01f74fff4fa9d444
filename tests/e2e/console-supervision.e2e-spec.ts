import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CreditRecordView,
  DrawPoolView,
  DrawVerificationView,
  FilingView,
  InspectionDrawView,
  InspectionView,
  ProviderDocumentView,
  ProviderRecordView,
  ProviderView,
  QualificationSummaryView,
  RegionView,
  TrainingSessionDetailView,
} from '@carecircle/shared';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page, Response } from 'playwright-core';
import { api, apiLogin, startServerAndBrowser, waitForApi } from './support/app.js';
import { addDays, chinaToday, ConsoleSession, label, ok } from './support/console.js';
import type { RunningServer } from './support/server.js';

// The console's supervision pages (双随机抽查, 机构监管档案, 人员资质) in Chromium against the built
// server and the seeded demo district, as 吴主任 of 玉山镇 uses them.

const ANKANG = '安康居家养老服务中心';

/** A small but well-formed one-page PDF (header, catalog, pages, page, xref with real offsets, trailer). */
function minimalPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
  ];
  const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('运营管理端 · 监管: 双随机抽查, 机构监管档案 and 人员资质 in Chromium against the built server', () => {
  let server: RunningServer;
  let browser: Browser;
  let c: ConsoleSession;
  let operatorToken: string;
  let yushan: RegionView;
  let providers: ProviderView[];
  /** 玉山镇 and its communities: the draws' pools. */
  let yushanRegionIds: string[];

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser('console-supervision'));
    c = new ConsoleSession(browser, server.baseUrl);
    operatorToken = await apiLogin(server.baseUrl, '吴主任');
    const regions = ok<RegionView[]>('GET /regions', await api(server.baseUrl, operatorToken, 'GET', '/regions'));
    const street = regions.find((r) => r.level === 'street' && r.name === '玉山镇');
    if (!street) throw new Error(`no 玉山镇 among 吴主任's regions: ${regions.map((r) => r.name).join(', ')}`);
    yushan = street;
    yushanRegionIds = [street.id, ...regions.filter((r) => r.parentId === street.id).map((r) => r.id)];
    providers = ok<ProviderView[]>('GET /providers', await api(server.baseUrl, operatorToken, 'GET', '/providers'));
    expect(providers.map((p) => p.name)).toContain(ANKANG);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => c.close());

  const open = () => c.open();
  const unexpected = () => c.unexpected();
  const shot = (page: Page, name: string) => c.shot(page, `supervision-${name}`);
  const answer = <T>(pending: Promise<Response>) => c.answer<T>(pending);
  const confirmPopover = (page: Page, text: string) => c.confirmPopover(page, text);
  const loginWithDevPicker = (page: Page, nickname: string) => c.loginWithDevPicker(page, nickname);
  const visit = <T>(page: Page, hash: string, method: string, path: string | RegExp) => c.visit<T>(page, hash, method, path);
  const tableRow = (page: Page, text: string) => c.tableRow(page, text);
  /** A row of the table in the active tab (antd keeps the other tabs' tables in the page, hidden). */
  const tabRow = (page: Page, text: string) => page.locator('.ant-tabs-tabpane-active .ant-table-tbody tr.ant-table-row').filter({ hasText: text });
  const credit = async (providerId: string) =>
    ok<CreditRecordView>('GET credit', await api(server.baseUrl, operatorToken, 'GET', `/supervision/providers/${providerId}/credit`));

  it('双随机抽查: a draw whose seed hash is published first, then drawn and verified; a failed critical item, published, costs the provider credit', async () => {
    const page = await open();
    await loginWithDevPicker(page, '吴主任');
    const before = await visit<InspectionDrawView[]>(page, '/inspections', 'GET', '/supervision/draws');
    expect(before.status).toBe(200);
    expect(before.path).toContain(`regionId=${yushan.id}`);
    await expect(page.locator('.ant-menu-item-selected').innerText()).resolves.toContain('双随机抽查');

    // A draw is for one provider kind: nothing can be prepared until 吴主任 picks 居家养老服务机构, and
    // the pool shown is that kind's approved providers only.
    const prepareButton = page.getByRole('button', { name: label('生成种子并公布哈希') });
    await expect(prepareButton.isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel('随机种子').count()).resolves.toBe(0);
    const poolCall = waitForApi(page, 'GET', '/supervision/draw-pool');
    await page.getByLabel('抽查机构类型').getByText('居家养老服务机构', { exact: true }).click();
    const pool = await answer<DrawPoolView>(poolCall);
    expect(pool.status).toBe(200);
    const homeCare = providers.filter((p) => p.kind === 'home_care' && p.status === 'approved' && yushanRegionIds.includes(p.regionId)).map((p) => p.id).sort();
    expect(pool.body.providers.map((p) => p.id).sort()).toEqual(homeCare);
    await page.getByTestId('draw-pool').filter({ hasText: `可抽查居家养老服务机构 ${homeCare.length} 家` }).waitFor();

    // Step 1: two providers and one inspector; the server makes the seed and publishes only its hash.
    await page.getByLabel('抽取机构数').fill('2');
    await page.getByLabel('检查人员数').fill('1');
    await prepareButton.click();
    const prepareCall = waitForApi(page, 'POST', '/supervision/draws');
    await confirmPopover(page, '公布');
    const prepared = await answer<InspectionDrawView>(prepareCall);
    expect(prepared.status).toBe(201);
    expect(prepared.body).toMatchObject({ regionId: yushan.id, providerKind: 'home_care', status: 'prepared', seed: null, providerCount: 2, inspectorCount: 1, providers: [], preparedByName: '吴主任' });
    expect(prepared.body.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect([...prepared.body.providerPool].sort()).toEqual(homeCare);
    const row = tableRow(page, `${prepared.body.seedHash.slice(0, 16)}…`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('抽取后公开');
    await shot(page, '01-draw-prepared');

    // Step 2: the draw is made from the committed seed, which is revealed.
    await row.getByRole('button', { name: label('抽取') }).click();
    const drawCall = waitForApi(page, 'POST', `/supervision/draws/${prepared.body.id}/execute`);
    await confirmPopover(page, '抽取');
    const drawn = await answer<InspectionDrawView>(drawCall);
    expect(drawn.status).toBe(200);
    expect(drawn.body).toMatchObject({ id: prepared.body.id, status: 'drawn', seedHash: prepared.body.seedHash, drawnByName: '吴主任' });
    expect(createHash('sha256').update(drawn.body.seed!, 'utf8').digest('hex')).toBe(prepared.body.seedHash);
    expect(drawn.body.providers).toHaveLength(2);
    for (const p of drawn.body.providers) expect(homeCare).toContain(p.id);
    expect(drawn.body.inspectors).toHaveLength(1);
    expect(drawn.body.inspectionIds).toHaveLength(2);
    await page.locator('.ant-message-notice', { hasText: '已抽取 2 家居家养老服务机构、1 名检查人员' }).waitFor();

    // The draw is listed with its revealed seed, the providers (linked to their records) and the inspector.
    const drawnRow = tableRow(page, `${drawn.body.seed!.slice(0, 16)}…`);
    await drawnRow.waitFor();
    const rowText = await drawnRow.innerText();
    for (const p of drawn.body.providers) expect(rowText).toContain(p.name);
    expect(rowText).toContain(drawn.body.inspectors[0].name);
    expect(rowText).toContain('吴主任');
    await expect(drawnRow.getByRole('link', { name: drawn.body.providers[0].name }).getAttribute('href')).resolves.toBe(`#/providers/${drawn.body.providers[0].id}/record`);
    await shot(page, '01-draw');

    // 核验: the browser hashes the revealed seed and re-runs the draw; the server does both too.
    const verifyCall = waitForApi(page, 'POST', `/supervision/draws/${drawn.body.id}/verify`);
    await drawnRow.getByRole('button', { name: label('核验') }).click();
    const verified = await answer<DrawVerificationView>(verifyCall);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      drawId: drawn.body.id,
      hashMatches: true,
      reproduced: true,
      verified: true,
      providerIds: drawn.body.providers.map((p) => p.id),
      inspectorIds: drawn.body.inspectors.map((i) => i.id),
    });
    const info = page.locator('.ant-modal-confirm').filter({ hasText: '核验抽取' });
    await info.waitFor();
    await expect(info.innerText()).resolves.toMatch(/本机计算种子的 SHA-256：与公布的哈希一致[\s\S]*本机按种子与名单重算：结果一致[\s\S]*服务器核验：哈希一致、结果一致/);
    await shot(page, '02-draw-reproduced');
    await info.locator('.ant-modal-confirm-btns button').click();
    await info.waitFor({ state: 'detached' });

    // Nobody may bring their own seed.
    const chosen = await api(server.baseUrl, operatorToken, 'POST', '/supervision/draws', { regionId: yushan.id, providerKind: 'home_care', providerCount: 2, inspectorCount: 1, seed: 'E2E-chosen' });
    expect(chosen.status).toBe(400);

    // One drawn provider (安康 kept clean for the record test when the draw allows) is inspected.
    const target = drawn.body.providers.find((p) => p.name !== ANKANG) ?? drawn.body.providers[0];
    const creditBefore = await credit(target.id);
    const tasksCall = c.waitForCall(page, 'GET', `/supervision/inspections?regionId=${yushan.id}`);
    await page.getByRole('tab', { name: '检查任务' }).click();
    const tasks = await answer<InspectionView[]>(tasksCall);
    const inspectionId = drawn.body.inspectionIds[drawn.body.providers.indexOf(target)];
    const inspection = tasks.body.find((i) => i.id === inspectionId);
    expect(inspection).toMatchObject({ providerId: target.id, status: 'planned', passed: null, drawSeedHash: prepared.body.seedHash, drawSeed: drawn.body.seed });
    // The draw planned one inspection of it.
    const taskRows = tabRow(page, target.name);
    await expect(taskRows.first().innerText()).resolves.toMatch(/待检查/);
    await expect(taskRows.count()).resolves.toBe(1);
    await taskRows.first().getByRole('button', { name: '录入结果' }).click();

    const modal = page.locator('.ant-modal-content').filter({ hasText: `检查表 · ${target.name}` });
    await modal.waitFor();
    // The home-care checklist (not a canteen's or a 托育 centre's).
    expect(inspection!.checklist.map((i) => i.label)).toContain('护理人员持证上岗');
    const critical = inspection!.checklist.find((i) => i.critical)!;
    const outcome = modal.getByTestId('inspection-outcome');
    await expect(outcome.innerText()).resolves.toContain('按检查表判定：合格');
    const group = modal.locator(`.ant-radio-group[aria-label="${critical.label}"]`);
    await group.getByText('不符合', { exact: true }).click();
    await modal.getByLabel(`${critical.label}说明`).fill('二楼安全出口被杂物堵塞');
    await modal.getByLabel('检查结论').fill('消防通道堵塞，限期整改');
    await expect(outcome.innerText()).resolves.toContain('按检查表判定：不合格（否决项 1 项，一般项 0 项不符合）');
    await shot(page, '03-checklist');

    const recordCall = page.waitForResponse((res) => res.request().method() === 'PUT' && /\/api\/supervision\/inspections\/[^/]+\/result$/.test(new URL(res.url()).pathname));
    await modal.getByRole('button', { name: '保存结果' }).click();
    const recorded = await answer<InspectionView>(recordCall);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ providerId: target.id, status: 'recorded', passed: false, summary: '消防通道堵塞，限期整改' });
    expect(recorded.body.results.find((r) => r.code === critical.code)).toEqual({ code: critical.code, passed: false, note: '二楼安全出口被杂物堵塞' });
    expect(recorded.body.results.filter((r) => !r.passed)).toHaveLength(1);
    await modal.waitFor({ state: 'detached' });
    await page.locator('.ant-message-notice', { hasText: '检查结果已保存，待公示' }).waitFor();

    // 待公示 → 公示: final, and the failed inspection costs the provider its checklist's points.
    await page.locator('.ant-segmented-item', { hasText: '待公示' }).click();
    const pending = tabRow(page, target.name);
    await expect(pending.count()).resolves.toBe(1);
    await expect(pending.innerText()).resolves.toMatch(/待公示[\s\S]*不合格/);
    await pending.getByRole('button', { name: label('公示') }).click();
    const publishCall = waitForApi(page, 'POST', `/supervision/inspections/${recorded.body.id}/publish`);
    await confirmPopover(page, '公示');
    const published = await answer<InspectionView>(publishCall);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ id: recorded.body.id, status: 'published', passed: false });
    expect(published.body.creditPoints).toBeGreaterThan(0);
    await page.locator('.ant-message-notice', { hasText: `已公示：不合格，扣减信用 ${published.body.creditPoints} 分` }).waitFor();
    await page.locator('.ant-segmented-item', { hasText: '已公示' }).click();
    await expect(tabRow(page, target.name).innerText()).resolves.toContain(`扣 ${published.body.creditPoints} 分`);
    await shot(page, '04-published');

    const creditAfter = await credit(target.id);
    expect(creditAfter.score).toBe(creditBefore.score - published.body.creditPoints);
    expect(creditAfter.events.length).toBe(creditBefore.events.length + 1);
    expect(creditAfter.events.map((e) => e.reason)).toContain('双随机抽查不合格：消防通道堵塞，限期整改');
    // Still above the line: the demo's providers keep taking orders.
    expect(creditAfter.score).toBeGreaterThanOrEqual(creditAfter.suspendBelow);

    // A 助餐点 draw draws canteens only, and their inspections carry the canteen checklist.
    const canteenIds = providers.filter((p) => p.kind === 'canteen' && p.status === 'approved' && yushanRegionIds.includes(p.regionId)).map((p) => p.id).sort();
    const canteenDraw = ok<InspectionDrawView>(
      'POST /supervision/draws (canteen)',
      await api(server.baseUrl, operatorToken, 'POST', '/supervision/draws', { regionId: yushan.id, providerKind: 'canteen', providerCount: canteenIds.length, inspectorCount: 1 }),
      201,
    );
    const canteens = ok<InspectionDrawView>('POST execute (canteen)', await api(server.baseUrl, operatorToken, 'POST', `/supervision/draws/${canteenDraw.id}/execute`, {}));
    expect([...canteens.providerPool].sort()).toEqual(canteenIds);
    const canteenTasks = ok<InspectionView[]>('GET inspections', await api(server.baseUrl, operatorToken, 'GET', `/supervision/inspections?regionId=${yushan.id}`)).filter((i) => i.drawId === canteens.id);
    expect(canteenTasks).toHaveLength(canteenIds.length);
    for (const i of canteenTasks) {
      expect(i.providerKind).toBe('canteen');
      expect(i.checklist.some((c) => c.label.includes('留样'))).toBe(true);
      expect(i.checklist.map((c) => c.label)).not.toContain('护理人员持证上岗');
    }
    expect(unexpected()).toEqual([]);
  });

  it('监管档案 of 安康: 备案 edited with its history, a PDF uploaded and downloaded, an .exe named .pdf refused', async () => {
    const ankang = providers.find((p) => p.name === ANKANG)!;
    const page = await open();
    await loginWithDevPicker(page, '吴主任');
    await visit<ProviderView[]>(page, '/providers', 'GET', '/providers');
    const recordCall = waitForApi(page, 'GET', `/supervision/providers/${ankang.id}`);
    await tableRow(page, ANKANG).getByRole('link', { name: '监管档案' }).click();
    const record = await answer<ProviderRecordView>(recordCall);
    expect(record.status).toBe(200);
    await page.waitForURL(new RegExp(`#/providers/${ankang.id}/record$`));
    await page.getByText(`${ANKANG} · 监管档案`).waitFor();
    const seeded = record.body.filing;
    expect(seeded).toMatchObject({ insurer: '中国太平洋财产保险昆山支公司', insurancePolicyNo: 'ACPK2026320583000118' });
    expect(record.body.filingHistory).toHaveLength(1);
    const filingTab = page.locator('.ant-tabs-tabpane-active');
    await expect(filingTab.locator('.ant-descriptions').innerText()).resolves.toMatch(/保险公司\s*中国太平洋财产保险昆山支公司[\s\S]*保单号\s*ACPK2026320583000118/);
    await shot(page, '05-record');

    // 修改备案: a new insurer and policy.
    await filingTab.getByRole('button', { name: /修改备案/ }).click();
    const modal = page.locator('.ant-modal-content').filter({ hasText: '修改备案信息' });
    await modal.waitFor();
    await expect(modal.getByLabel('保险公司').inputValue()).resolves.toBe(seeded.insurer);
    await modal.getByLabel('保险公司').fill('中国人寿财产保险昆山中心支公司');
    await modal.getByLabel('保单号').fill('GPIC2026320583009876');
    const filingCall = waitForApi(page, 'PUT', `/supervision/providers/${ankang.id}/filing`);
    const reloaded = waitForApi(page, 'GET', `/supervision/providers/${ankang.id}`);
    await modal.getByRole('button', { name: label('保存') }).click();
    const filing = await answer<FilingView>(filingCall);
    expect(filing.status).toBe(200);
    expect(filing.body).toMatchObject({ insurer: '中国人寿财产保险昆山中心支公司', insurancePolicyNo: 'GPIC2026320583009876', licenceNo: seeded.licenceNo, insuranceExpiresOn: seeded.insuranceExpiresOn });
    await page.locator('.ant-message-notice', { hasText: '备案信息已更新，变更已留痕' }).waitFor();
    const afterEdit = await answer<ProviderRecordView>(reloaded);
    expect(afterEdit.body.filingHistory).toHaveLength(2);
    expect(afterEdit.body.filingHistory[0].changedByName).toBe('吴主任');
    expect(afterEdit.body.filingHistory[0].changes).toEqual([
      { field: 'insurer', label: '保险公司', from: '中国太平洋财产保险昆山支公司', to: '中国人寿财产保险昆山中心支公司' },
      { field: 'insurancePolicyNo', label: '保单号', from: 'ACPK2026320583000118', to: 'GPIC2026320583009876' },
    ]);
    // The history shows the change, newest first, struck-through old value → new value.
    const latest = filingTab.locator('.ant-timeline-item').first();
    await expect(latest.innerText()).resolves.toMatch(/吴主任[\s\S]*保险公司：中国太平洋财产保险昆山支公司\s*→\s*中国人寿财产保险昆山中心支公司[\s\S]*保单号：ACPK2026320583000118\s*→\s*GPIC2026320583009876/);
    await expect(filingTab.locator('.ant-timeline-item').count()).resolves.toBe(2);
    await shot(page, '06-filing-history');

    // 备案材料: a real PDF, uploaded through the file chooser.
    await page.getByRole('tab', { name: '备案材料（0）' }).click();
    const docs = page.locator('.ant-tabs-tabpane-active');
    await docs.locator('.ant-select[aria-label="材料类型"]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '保险单' }).click();
    await docs.getByRole('textbox', { name: '材料名称' }).fill('责任保险保单');
    const pdf = minimalPdf('CareCircle e2e policy');
    const uploadCall = waitForApi(page, 'POST', `/supervision/providers/${ankang.id}/documents`);
    await docs.locator('input[type=file]').setInputFiles({ name: '保单-2026.pdf', mimeType: 'application/pdf', buffer: pdf });
    const uploaded = await answer<ProviderDocumentView>(uploadCall);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ providerId: ankang.id, kind: 'insurance', title: '责任保险保单', fileName: '保单-2026.pdf', mimeType: 'application/pdf', sizeBytes: pdf.length });
    await page.locator('.ant-message-notice', { hasText: '已上传' }).waitFor();
    await page.getByRole('tab', { name: '备案材料（1）' }).waitFor();
    const docRow = tabRow(page, '责任保险保单');
    await expect(docRow.innerText()).resolves.toMatch(/责任保险保单[\s\S]*保险单[\s\S]*保单-2026\.pdf[\s\S]*吴主任/);

    // 下载: the browser saves exactly the bytes that were uploaded, under their name.
    const downloadCall = waitForApi(page, 'GET', `/supervision/providers/${ankang.id}/documents/${uploaded.body.id}/download`);
    const [download] = await Promise.all([page.waitForEvent('download'), docRow.getByRole('button', { name: label('下载') }).click()]);
    expect((await downloadCall).headers()['content-type']).toBe('application/pdf');
    expect(download.suggestedFilename()).toBe('保单-2026.pdf');
    const saved = await readFile((await download.path())!);
    expect(saved.equals(pdf)).toBe(true);

    // A Windows program renamed to .pdf: the browser lets it through by name, the server reads its bytes.
    c.expectedFailures.push(new RegExp(`^POST /api/supervision/providers/${ankang.id}/documents$`));
    await docs.getByRole('textbox', { name: '材料名称' }).fill('营业执照');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'), Buffer.alloc(200, 0)]);
    const refusedCall = waitForApi(page, 'POST', `/supervision/providers/${ankang.id}/documents`);
    await docs.locator('input[type=file]').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: exe });
    const refused = await answer<{ message: string; statusCode: number }>(refusedCall);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('只能上传 PDF、JPG 或 PNG 文件');
    // The server's sentence, without its field name.
    const refusal = page.locator('.ant-message-error', { hasText: '只能上传 PDF、JPG 或 PNG 文件' });
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toBe('只能上传 PDF、JPG 或 PNG 文件');
    await shot(page, '07-documents');
    await expect(page.getByRole('tab', { name: '备案材料（1）' }).count()).resolves.toBe(1);

    const after = ok<ProviderRecordView>('GET record', await api(server.baseUrl, operatorToken, 'GET', `/supervision/providers/${ankang.id}`));
    expect(after.documents.map((d) => d.title)).toEqual(['责任保险保单']);
    expect(after.filing.insurer).toBe('中国人寿财产保险昆山中心支公司');
    expect(unexpected()).toEqual([]);
  });

  it('人员资质: 玉山镇 against target; a new 护理员 without 岗前培训 is trained and passed through the console', async () => {
    // 孙经理 of 安康 takes on a new care worker with a certificate that runs out in three weeks.
    const ankang = providers.find((p) => p.name === ANKANG)!;
    const adminToken = await apiLogin(server.baseUrl, '孙经理');
    const expiresOn = addDays(chinaToday(), 20);
    const newcomer = ok<{ id: string; name: string }>(
      'POST staff',
      await api(server.baseUrl, adminToken, 'POST', `/providers/${ankang.id}/staff`, {
        name: '陶新雨', phone: '13755556666', skills: ['visit'], certificates: [{ type: 'elder_care', number: 'YL-2026-E2E01', expiresOn }],
        home: { lat: 31.386, lng: 120.982 }, maxConcurrentJobs: 2,
      }),
      201,
    );

    const page = await open();
    await loginWithDevPicker(page, '吴主任');
    const summary = await visit<QualificationSummaryView>(page, '/staff', 'GET', '/operator/qualification');
    expect(summary.status).toBe(200);
    expect(summary.path).toContain(`regionId=${yushan.id}`);
    expect(summary.body.targets).toEqual({ certifiedRate: 0.93, preJobTrainedRate: 1 });
    const rowOf = (s: QualificationSummaryView) => s.providers.find((p) => p.providerId === ankang.id)!;
    const before = rowOf(summary.body);
    expect(before.staff - before.preJobTrained).toBe(1);
    expect(summary.body.expiring.map((e) => e.staffName)).toContain('陶新雨');

    // The two rates against their targets, one row per provider, 安康 one short of 岗前培训.
    const totals = summary.body.totals;
    const trainedCard = page.locator('.ant-card').filter({ hasText: '岗前培训率（目标 100%）' }).first();
    await expect(trainedCard.innerText()).resolves.toContain(`${totals.preJobTrained}/${totals.staff} 人`);
    await expect(page.locator('.ant-card').filter({ hasText: '养老护理人员持证上岗率（目标 93%）' }).first().innerText()).resolves.toContain(`${totals.certified}/${totals.careStaff} 人`);
    const providerCard = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '各机构（玉山镇' }) });
    await expect(providerCard.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(summary.body.providers.length);
    const ankangRow = providerCard.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: ANKANG });
    // Its 岗前培训率 cell (the fifth, after the expand button, name, kind and 持证上岗率).
    await expect(providerCard.locator('thead th').nth(4).innerText()).resolves.toBe('岗前培训率（目标 100%）');
    const trainedCell = ankangRow.locator('td').nth(4);
    await expect(trainedCell.innerText()).resolves.toBe(`${before.preJobTrained}/${before.staff}，差 1 人达标`);
    // The worst provider comes first.
    await expect(providerCard.locator('.ant-table-tbody tr.ant-table-row').first().innerText()).resolves.toContain(ANKANG);
    await expect(tableRow(page, '陶新雨').innerText()).resolves.toMatch(new RegExp(`陶新雨[\\s\\S]*${ANKANG}[\\s\\S]*YL-2026-E2E01[\\s\\S]*${expiresOn}[\\s\\S]*20 天`));
    // The drill-down names who is missing the training.
    const drillCall = waitForApi(page, 'GET', `/training/providers/${ankang.id}/qualification`);
    await ankangRow.locator('.ant-table-row-expand-icon').click();
    expect((await drillCall).status()).toBe(200);
    // The row renders "…" until React has put the answer on screen, a moment after the response.
    await page.locator('.ant-table-expanded-row').filter({ hasText: /未完成岗前培训（不会收到派单）：\s*陶新雨/ }).waitFor();
    await shot(page, '08-staff');

    // 登记培训: a 岗前培训 held today, organised by 玉山镇.
    await page.getByRole('button', { name: /登记培训/ }).click();
    const modal = page.locator('.ant-modal-content').filter({ hasText: '登记培训（组织方：玉山镇）' });
    await modal.waitFor();
    await modal.getByLabel('培训名称').fill('玉山镇新入职护理员岗前培训（补训）');
    await expect(modal.getByLabel('岗前培训').isChecked()).resolves.toBe(true);
    const createCall = waitForApi(page, 'POST', '/training/sessions');
    await modal.getByRole('button', { name: label('登记') }).click();
    const created = await answer<TrainingSessionDetailView>(createCall);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: '玉山镇新入职护理员岗前培训（补训）', kind: 'pre_job', heldOn: chinaToday(), hours: 16, organiserRegionId: yushan.id, attended: 0 });
    await page.locator('.ant-message-notice', { hasText: '已登记：玉山镇新入职护理员岗前培训（补训）' }).waitFor();

    // The attendance drawer opens on it; 吴主任 narrows the list to 安康 and marks 陶新雨 as passed.
    const drawer = page.locator('.ant-drawer-content').filter({ hasText: `玉山镇新入职护理员岗前培训（补训）（岗前培训，${chinaToday()}）` });
    await drawer.waitFor();
    await drawer.locator('.ant-table-filter-trigger').click();
    const filter = page.locator('.ant-table-filter-dropdown:visible');
    await filter.getByText(ANKANG, { exact: true }).click();
    await filter.getByRole('button', { name: label('确定') }).click();
    const attendee = drawer.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '陶新雨' });
    await attendee.waitFor();
    // Everyone of 安康 is on the list, volunteers too (they are not counted in the rate).
    const ankangStaff = ok<unknown[]>('GET staff', await api(server.baseUrl, adminToken, 'GET', `/providers/${ankang.id}/staff`));
    // The table re-renders filtered a moment after 确定 (陶新雨 may already be on the unfiltered first page of the street's staff).
    await drawer.locator('.ant-table-tbody tr.ant-table-row').filter({ hasNotText: ANKANG }).first().waitFor({ state: 'detached' });
    await expect(drawer.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(ankangStaff.length);
    for (const text of await drawer.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts()) expect(text).toContain(ANKANG);
    await attendee.locator('.ant-select[aria-label="陶新雨签到与考核"]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '参加，考核通过' }).click();
    await shot(page, '09-attendance');
    const attendanceCall = waitForApi(page, 'PUT', `/training/sessions/${created.body.id}/attendance`);
    const summaryAgain = waitForApi(page, 'GET', '/operator/qualification');
    await drawer.getByRole('button', { name: /保存（1）/ }).click();
    const attendance = await answer<TrainingSessionDetailView>(attendanceCall);
    expect(attendance.status).toBe(200);
    expect(attendance.body.attendees.find((a) => a.staffId === newcomer.id)?.passed).toBe(true);
    expect({ attended: attendance.body.attended, passed: attendance.body.passed }).toEqual({ attended: 1, passed: 1 });
    await page.locator('.ant-message-notice', { hasText: '已登记 1 人' }).waitFor();

    // The page counts 陶新雨 as trained now: 安康 meets the target again.
    const after = await answer<QualificationSummaryView>(summaryAgain);
    expect(rowOf(after.body)).toMatchObject({ staff: before.staff, preJobTrained: before.staff, preJobTrainedRate: 1 });
    expect(after.body.totals.preJobTrained).toBe(totals.preJobTrained + 1);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await trainedCell.filter({ hasText: new RegExp(`^${before.staff}/${before.staff}$`) }).waitFor();
    // The open drill-down reloads with the figures: nobody is missing the training any more.
    await page.locator('.ant-table-expanded-row').filter({ hasText: /未完成岗前培训（不会收到派单）：\s*无\s*$/ }).waitFor();
    const sessionRow = tableRow(page, '玉山镇新入职护理员岗前培训（补训）');
    await expect(sessionRow.innerText()).resolves.toMatch(/岗前培训[\s\S]*玉山镇[\s\S]*1 \/ 1/);
    await shot(page, '10-staff-after');

    // The server agrees: 陶新雨 is no longer missing the training.
    const detail = ok<{ missingPreJobTraining: { staffId: string }[] }>(
      'GET provider qualification',
      await api(server.baseUrl, operatorToken, 'GET', `/training/providers/${ankang.id}/qualification`),
    );
    expect(detail.missingPreJobTraining.map((s) => s.staffId)).not.toContain(newcomer.id);
    expect(unexpected()).toEqual([]);
  });
});
