#!/usr/bin/env node
// Screenshots of every console page against a running server, for a look by eye:
//   CONSOLE_URL=http://127.0.0.1:3500/console/ node scripts/shots.mjs [outDir] [--act]
// Logs in as the first operator of the dev logins (吴主任 on the demo data). With --act it also
// does each page's job through the UI (verify, reject, handle complaints, generate / adjust /
// approve / export statements, assess, publish a policy version, assign, redispatch) — only
// against a throw-away database. Every screenshot is also checked with axe-core (WCAG 2 A/AA); the
// violations are listed at the end with the failed requests and console errors.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const act = args.includes('--act');
const base = process.env.CONSOLE_URL ?? 'http://127.0.0.1:3500/console/';
const out = resolve(args.find((a) => !a.startsWith('--')) ?? '/tmp/console-shots');
mkdirSync(out, { recursive: true });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
const page = await context.newPage();
const problems = [];
const log = (line) => process.stdout.write(`${line}\n`);
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text().slice(0, 300)}`);
});
page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
page.on('response', async (r) => {
  if (!r.url().includes('/api/')) return;
  const line = `${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`;
  if (r.status() >= 400) problems.push(`${line} ${(await r.text().catch(() => '')).slice(0, 300)}`);
  else if (r.request().method() !== 'GET') log(`    ${line}`);
});

async function settle(ms = 700) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(ms);
}
async function shot(name) {
  await settle();
  await page.screenshot({ path: resolve(out, `${name}.png`), fullPage: true });
  log(`  ${name}.png`);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
    return r.violations.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  for (const v of violations) problems.push(`axe ${name}: ${v}`);
}
const visible = (locator) => locator.filter({ visible: true });
async function confirmPopover(okText) {
  await visible(page.locator('.ant-popconfirm .ant-btn-primary', { hasText: new RegExp(okText.split('').join('\\s*')) })).first().click();
}
async function modal(titleText) {
  const m = visible(page.locator('.ant-modal', { hasText: titleText })).last();
  await m.waitFor();
  return m;
}

await page.goto(base);
await settle();
await shot('00-login');
await page.locator('.ant-list-item', { hasText: '街道运营' }).first().getByRole('button', { name: /登\s*录/ }).click();
await page.waitForSelector('.ant-layout-sider');

const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
async function visit(name, hash, after) {
  if (only && !only.test(name)) return;
  await page.goto(base + hash);
  await settle();
  if (after) await after();
  await shot(name);
}

await visit('01-dashboard', '#/dashboard');

await visit('02-escalations', '#/escalations', async () => {
  if (!(await page.locator('.ant-table-row-expand-icon').count())) return;
  await page.locator('.ant-table-row-expand-icon').first().click();
  await settle();
  await shot('02b-escalation-rounds');
  if (act) {
    // Skipped staff may lack the certificate the service needs (the server says so): try a few.
    const buttons = visible(page.getByRole('button', { name: /指\s*派/ }));
    for (let i = 0; i < Math.min(6, await buttons.count()); i += 1) {
      const answer = page.waitForResponse((r) => r.url().includes('/assign'));
      await buttons.nth(i).click();
      await confirmPopover('指派');
      const status = (await answer).status();
      await settle();
      if (i === 0) await shot('02c-after-assign');
      if (status < 400) break;
    }
    if (await page.getByRole('button', { name: /重新派单/ }).count()) {
      await page.getByRole('button', { name: /重新派单/ }).first().click();
      await confirmPopover('重新派单');
      await settle(1500);
    }
  }
});

await visit('03-providers', '#/providers', async () => {
  if (!act) return;
  const row = page.locator('tr', { hasText: '福寿家政护理服务站' });
  await row.getByRole('button', { name: /暂\s*停/ }).click();
  await confirmPopover('暂停');
  await settle();
  await shot('03b-suspended');
  await row.getByRole('button', { name: /恢\s*复/ }).click();
  await confirmPopover('恢复');
});

await visit('04-eligibility', '#/eligibility', async () => {
  if (!(await page.getByRole('button', { name: /^核\s*验$/ }).count())) return;
  await page.getByRole('button', { name: /^核\s*验$/ }).first().click();
  await settle();
  await shot('04b-verify-modal');
  if (!act) return page.keyboard.press('Escape');
  let m = await modal('核验补贴资格');
  await m.getByRole('button', { name: /提\s*交/ }).click();
  await settle();
  if (await page.getByRole('button', { name: /^核\s*验$/ }).count()) {
    await page.getByRole('button', { name: /^核\s*验$/ }).first().click();
    m = await modal('核验补贴资格');
    await m.getByText('不通过').click();
    await m.getByRole('button', { name: /提\s*交/ }).click();
    await settle(300);
    await shot('04c-reject-needs-note');
    await m.locator('textarea').fill('低收入证明已过期，请重新提交近三个月的证明');
    await m.getByRole('button', { name: /提\s*交/ }).click();
  }
  await settle();
  await page.getByRole('tab', { name: '已核验' }).click();
});

await visit('05-complaints', '#/complaints', async () => {
  if (!(await page.getByRole('button', { name: /处\s*理/ }).count())) return;
  await page.getByRole('button', { name: /处\s*理/ }).first().click();
  await settle();
  await shot('05b-complaint-modal');
  if (!act) return page.keyboard.press('Escape');
  let m = await modal('处理投诉');
  await m.getByText('查实并处理').click();
  await m.locator('textarea').fill('经核实服务人员确有迟到，已约谈机构并扣减信用分，向您致歉。');
  await settle(300);
  await shot('05c-resolve');
  await m.getByRole('button', { name: /提\s*交/ }).click();
  await settle();
  if (await page.getByRole('button', { name: /处\s*理/ }).count()) {
    await page.getByRole('button', { name: /处\s*理/ }).first().click();
    m = await modal('处理投诉');
    await m.getByRole('button', { name: /提\s*交/ }).click(); // 调查中
    await settle();
  }
  await page.getByRole('tab', { name: '全部' }).click();
});

await visit('06-statements', '#/statements', async () => {
  if (act) {
    await page.getByRole('button', { name: /生成结算单/ }).click();
    await confirmPopover('生成');
    await settle();
  }
  if (!(await page.getByText('查看 / 审核').count())) return;
  const draftRow = page.locator('tr', { hasText: '草稿' });
  const drafts = await draftRow.count();
  await (drafts ? draftRow.first() : page).getByText('查看 / 审核').first().click();
  await settle();
  await shot('06b-statement-drawer');
  if (act && drafts) {
    const drawer = visible(page.locator('.ant-drawer-content')).last();
    await drawer.getByRole('button', { name: /调\s*整/ }).click();
    const m = await modal('调整结算金额');
    await m.getByLabel('调整金额').fill('-12.5');
    await m.locator('textarea').fill('11 月 20 日助洁服务时长不足，核减');
    await settle(300);
    await shot('06c-adjust');
    await m.getByRole('button', { name: /确认调整/ }).click();
    await settle();
    await drawer.getByRole('button', { name: /审\s*批/ }).click();
    await confirmPopover('审批');
    await settle();
    const download = page.waitForEvent('download', { timeout: 10_000 }).catch(() => null);
    await drawer.getByRole('button', { name: /导出 Excel/ }).click();
    const file = await download;
    if (file) {
      await file.saveAs(resolve(out, file.suggestedFilename()));
      log(`  downloaded ${file.suggestedFilename()}`);
    } else problems.push('export: no download');
    await shot('06d-approved');
  }
  await page.keyboard.press('Escape');
});

await visit('07-assessments', '#/assessments', async () => {
  if (!(await page.getByRole('button', { name: /评\s*估/ }).count())) return;
  await page.getByRole('button', { name: /评\s*估/ }).first().click();
  await settle();
  await shot('07b-assessment-form');
  if (!act) return page.keyboard.press('Escape');
  const drawer = visible(page.locator('.ant-drawer-content')).last();
  for (const code of ['eating', 'bathing', 'walking', 'stairs', 'memory']) await drawer.locator(`[data-item="${code}"] label`, { has: page.locator('input[value="1"]') }).click();
  for (let i = 0; i < 4; i += 1) await drawer.getByText('其余项记满分').first().click();
  await settle(300);
  await shot('07c-assessment-filled');
  await drawer.getByRole('button', { name: /提交评估/ }).click();
  await settle();
  await shot('07d-assessment-saved');
  await page.keyboard.press('Escape');
});

await visit('08-visits', '#/visits');
await visit('09-figures-meals', '#/figures/meals');
await visit('10-figures-childcare', '#/figures/childcare');

await visit('11-policies', '#/policies', async () => {
  await page.getByRole('button', { name: /新增版本/ }).click();
  await settle();
  await shot('11b-policy-editor');
  if (!act) return page.keyboard.press('Escape');
  const m = await modal('新增政策版本');
  await m.locator('textarea').fill('{ "visit_rate": 1, "places_per_thousand": 4.5, "puhui_share": ');
  await settle(200);
  await shot('11c-policy-bad-json');
  await m.locator('input[list="policy-kinds"]').fill('kpi_targets');
  await m.locator('textarea').fill(JSON.stringify({ visit_rate: 1, places_per_thousand: 4.5, puhui_share: 0.6 }));
  await m.getByRole('button', { name: /发\s*布/ }).click();
  await settle();
});

await visit('12-audit', '#/audit');
await browser.close();
if (problems.length) log(`\nProblems seen:\n${[...new Set(problems)].map((p) => `  ${p}`).join('\n')}`);
