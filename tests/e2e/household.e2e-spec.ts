import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { displayAge, isValidIdNumber, maskIdNumber, maskPhone, shanghaiDate, type ElderView, type HouseholdSummaryView, type HouseholdView, type RegionView } from '@carecircle/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  ELDER_FORM,
  HOME,
  HOUSEHOLD_DETAIL,
  api,
  apiLogin,
  collectErrors,
  currentPage,
  fieldRow,
  idNumber,
  loginWithPicker,
  snap,
  startServerAndBrowser,
  watchToasts,
  stored,
  waitForApi,
  withWrongCheckChar,
} from './support/app.js';
import { phonePage } from './support/browser.js';
import type { RunningServer } from './support/server.js';

// 昆山市 (320583), born 1947-03-12, sequence 135: the 17th digit is odd, so a man.
const NEW_ELDER = {
  name: '王建华',
  idNumber: idNumber('320583', '19470312', '135'),
  birthDate: '1947-03-12',
  phone: '13912345678',
  address: '玉山镇朝阳新村 12 栋 301 室',
  contact: { name: '王芳', phone: '13812345678', relation: '女儿' },
};

describe('家庭档案: a family member adds an elder in the H5 app', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let errors: string[] = [];
  /** Set by the first test; the later ones fall back to their own when it did not run. */
  let added: { householdId: string; elderId: string } | undefined;

  beforeAll(async () => {
    ({ server, browser } = await startServerAndBrowser('household'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(): Promise<Page> {
    const page = await phonePage(browser);
    context = page.context();
    errors = collectErrors(page);
    return page;
  }

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  /** Fills every field of the elder form with valid values (the ID number given). */
  async function fillElderForm(form: Locator, id: string, name = NEW_ELDER.name): Promise<void> {
    await form.getByLabel('姓名', { exact: true }).fill(name);
    await form.getByLabel('身份证号', { exact: true }).fill(id);
    await form.getByLabel('手机号', { exact: true }).fill(NEW_ELDER.phone);
    await form.getByLabel('地址', { exact: true }).fill(NEW_ELDER.address);
    await form.getByRole('button', { name: '＋ 添加紧急联系人' }).click();
    await form.getByLabel('联系人姓名', { exact: true }).fill(NEW_ELDER.contact.name);
    await form.getByLabel('联系人手机号', { exact: true }).fill(NEW_ELDER.contact.phone);
    await form.getByLabel('与老人的关系', { exact: true }).fill(NEW_ELDER.contact.relation);
    await form.getByText('低盐', { exact: true }).click();
    await form.getByText('独居', { exact: true }).click();
    await form.getByText('高龄', { exact: true }).click();
    // A selected chip shows a tick (colour is not the only cue).
    for (const chip of ['✓ 低盐', '✓ 独居', '✓ 高龄']) await expect(form.getByText(chip, { exact: true }).count()).resolves.toBe(1);
  }

  async function openElderFormFromHome(page: Page, home: Locator): Promise<Locator> {
    await home.getByRole('button', { name: '添加老人', exact: true }).click();
    const form = await currentPage(page, ELDER_FORM);
    await form.getByLabel('姓名', { exact: true }).waitFor();
    return form;
  }

  it('王芳 adds an elder through the form; 首页 and 家庭管理 list it, and the server stored it', async () => {
    const page = await open();
    const home = await loginWithPicker(page, server.baseUrl, '王芳', 'household-01-login');
    const householdId = await stored(page, 'cc.currentHouseholdId');
    expect(householdId).toMatch(/^[0-9a-f-]{36}$/);
    const token = await stored(page, 'cc.accessToken');
    expect(token).toBeTruthy();
    // What the server holds before (the demo district's 王家), and 首页 shows the same.
    const before = await api<HouseholdView>(server.baseUrl, token, 'GET', `/households/${householdId}`);
    expect(before.status).toBe(200);
    const namesBefore = before.body.elders.map((e) => e.name);
    expect(namesBefore).not.toContain(NEW_ELDER.name);
    await expect(home.getByText(`家中老人（${namesBefore.length}）`, { exact: true }).count()).resolves.toBe(1);
    await expect(home.locator('.cc-elder-card__name').allInnerTexts()).resolves.toEqual(namesBefore);
    await snap(page, 'household-02-home-before');

    const form = await openElderFormFromHome(page, home);
    expect(page.url()).toContain(`householdId=${householdId}`);
    await snap(page, 'household-03-form-empty');

    await fillElderForm(form, NEW_ELDER.idNumber);
    // 街道/社区: open the picker, choose 朝阳社区 in the street it opens on.
    await form.getByText('请选择街道和社区（选填）', { exact: true }).click();
    await form.locator('.cc-region__panel').getByText('朝阳社区', { exact: true }).click();
    await expect(form.locator('.cc-region__panel').count()).resolves.toBe(0);
    await expect(form.locator('.cc-region').innerText()).resolves.toContain('朝阳社区');
    await snap(page, 'household-04-form-filled');

    const [created] = await Promise.all([
      waitForApi(page, 'POST', `/households/${householdId}/elders`),
      form.getByRole('button', { name: '保存', exact: true }).click(),
    ]);
    const createdBody = (await created.json()) as ElderView;
    expect({ status: created.status(), name: createdBody.name }).toEqual({ status: 201, name: NEW_ELDER.name });

    // Back on 首页, which reloads: the new elder is listed with what the ID number says.
    const homeAgain = await currentPage(page, HOME);
    const card = homeAgain.locator('.cc-elder-card').filter({ hasText: NEW_ELDER.name });
    await card.waitFor();
    await expect(homeAgain.getByText(`家中老人（${namesBefore.length + 1}）`, { exact: true }).count()).resolves.toBe(1);
    // Shown as 今年 N 岁 (the year's difference), never the birth date: with the masked ID number it would rebuild the number.
    const age = displayAge(NEW_ELDER.birthDate, shanghaiDate(new Date()));
    await expect(card.innerText()).resolves.toMatch(new RegExp(`男\\s*·\\s*${age}岁[\\s\\S]*独居[\\s\\S]*高龄[\\s\\S]*待核验[\\s\\S]*${NEW_ELDER.address}`));
    await snap(page, 'household-05-home-with-new-elder');

    // 家庭管理 lists it too.
    await homeAgain.getByText('家庭管理', { exact: true }).click();
    const detail = await currentPage(page, HOUSEHOLD_DETAIL);
    await detail.locator('.cc-elder-card').filter({ hasText: NEW_ELDER.name }).waitFor();
    await expect(detail.getByText(`家中老人（${namesBefore.length + 1}）`, { exact: true }).count()).resolves.toBe(1);
    await snap(page, 'household-06-household-detail');

    // The server stored it: the same session's token, then a fresh login.
    const household = await api<HouseholdView>(server.baseUrl, token, 'GET', `/households/${householdId}`);
    expect(household.status).toBe(200);
    expect(household.body.elders.map((e) => e.name).sort()).toEqual([...namesBefore, NEW_ELDER.name].sort());
    const elderId = household.body.elders.find((e) => e.name === NEW_ELDER.name)!.id;
    expect(elderId).toBe(createdBody.id);

    const fresh = await apiLogin(server.baseUrl, '王芳');
    const regions = await api<RegionView[]>(server.baseUrl, fresh, 'GET', '/regions');
    const chaoyang = regions.body.find((r) => r.name === '朝阳社区');
    const elder = await api<ElderView>(server.baseUrl, fresh, 'GET', `/elders/${elderId}`);
    expect(elder.status).toBe(200);
    expect(elder.body).toMatchObject({
      householdId,
      name: NEW_ELDER.name,
      gender: 'male',
      age,
      idNumberMasked: maskIdNumber(NEW_ELDER.idNumber),
      phoneMasked: maskPhone(NEW_ELDER.phone),
      address: NEW_ELDER.address,
      location: { lat: 31.385, lng: 120.981 },
      regionId: chaoyang?.id,
      emergencyContacts: [NEW_ELDER.contact],
      dietaryNeeds: ['low_salt'],
      livingSituation: 'alone',
      subsidyCategory: 'advanced_age',
      subsidyVerification: 'unverified',
    });
    expect(chaoyang).toBeDefined();
    expect(errors).toEqual([]);
    added = { householdId: householdId!, elderId };
  });

  it('saving gives feedback the user can read: the 已添加老人 toast stays up for at least 1 s', async () => {
    // UX.md #12: every action gives feedback. (A second elder, so the first test's counts stay as they are.)
    const page = await open();
    const home = await loginWithPicker(page, server.baseUrl, '王芳');
    const householdId = await stored(page, 'cc.currentHouseholdId');
    const form = await openElderFormFromHome(page, home);
    await fillElderForm(form, idNumber('320583', '19490823', '262'), '王建业');
    const toasts = await watchToasts(page);
    const [created] = await Promise.all([
      waitForApi(page, 'POST', `/households/${householdId}/elders`),
      form.getByRole('button', { name: '保存', exact: true }).click(),
    ]);
    expect(created.status()).toBe(201);
    await toasts.readable('已添加老人');
    await snap(page, 'household-07-saved-toast');
  });

  it('an ID number with a wrong check character is shown under 身份证号 and nothing is sent', async () => {
    const page = await open();
    const home = await loginWithPicker(page, server.baseUrl, '王芳');
    const form = await openElderFormFromHome(page, home);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/elders')) posts.push(r.url());
    });

    const bad = withWrongCheckChar(idNumber('320583', '19500101', '246'));
    // The generator agrees with the product's own rule (@carecircle/shared), both ways.
    expect([isValidIdNumber(idNumber('320583', '19500101', '246')), isValidIdNumber(bad), isValidIdNumber(NEW_ELDER.idNumber)]).toEqual([true, false, true]);
    await fillElderForm(form, bad);
    await form.getByRole('button', { name: '保存', exact: true }).click();

    const idRow = fieldRow(form, '身份证号');
    const error = idRow.locator('.cc-field__error');
    await error.waitFor();
    await expect(error.innerText()).resolves.toBe('身份证号格式不正确，请核对 18 位号码（含末位校验码）');
    // Only that field is marked, and its message sits right under its input.
    await expect(form.locator('.cc-field--error').count()).resolves.toBe(1);
    // Both measured in one frame: the form scrolls to the first error while this runs.
    const gap = await idRow.evaluate((row) => {
      const input = row.querySelector('input')!.getBoundingClientRect();
      const message = row.querySelector('.cc-field__error')!.getBoundingClientRect();
      return message.top - input.bottom;
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(40);
    await snap(page, 'household-08-form-invalid-id');
    expect(posts).toEqual([]);
    await expect(currentPage(page, ELDER_FORM, 2_000)).resolves.toBeTruthy();

    // Correcting the number clears the message.
    await form.getByLabel('身份证号', { exact: true }).fill(idNumber('320583', '19500101', '246'));
    await expect(form.locator('.cc-field--error').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('an ID number another household registered: 王芳 is told only that the 街道 will check it, in a dialog; 吴主任 sees the conflict', async () => {
    // 张伟 registers a man in 张家 through the API; 王芳 then types the same number.
    const zhang = await apiLogin(server.baseUrl, '张伟');
    const zhangHouseholds = await api<HouseholdSummaryView[]>(server.baseUrl, zhang, 'GET', '/households');
    const taken = idNumber('320583', '19460705', '357');
    const registered = await api<ElderView>(server.baseUrl, zhang, 'POST', `/households/${zhangHouseholds.body[0].id}/elders`, {
      name: '张国庆', idNumber: taken, address: '玉山镇城北新村 3 栋 102 室', location: { lat: 31.396, lng: 120.988 },
      emergencyContacts: [], dietaryNeeds: [], livingSituation: 'with_family', subsidyCategory: 'none',
    });
    expect(registered.status).toBe(201);

    const page = await open();
    const home = await loginWithPicker(page, server.baseUrl, '王芳');
    const householdId = await stored(page, 'cc.currentHouseholdId');
    const form = await openElderFormFromHome(page, home);
    await fillElderForm(form, taken);
    const [refused] = await Promise.all([
      waitForApi(page, 'POST', `/households/${householdId}/elders`),
      form.getByRole('button', { name: '保存', exact: true }).click(),
    ]);
    const body = (await refused.json()) as { error: string; message: string; details?: unknown };
    // Nothing in the answer tells her the number is registered, nor where (an existence oracle otherwise).
    expect({ status: refused.status(), error: body.error, details: body.details }).toEqual({ status: 409, error: 'ELDER.REGISTRATION_REVIEW', details: undefined });

    const dialog = page.locator('.taro__modal');
    await dialog.locator('.taro-modal__title').filter({ hasText: '需要街道核实' }).waitFor();
    await expect(dialog.locator('.taro-modal__text').innerText()).resolves.toBe(body.message);
    await expect(form.locator('.cc-field--error').count()).resolves.toBe(0);
    await snap(page, 'household-09-form-needs-review');
    await dialog.getByText('知道了', { exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Still on the form, with what was typed.
    await expect(form.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe(NEW_ELDER.name);

    const token = await stored(page, 'cc.accessToken');
    const household = await api<HouseholdView>(server.baseUrl, token, 'GET', `/households/${householdId}`);
    expect(household.body.elders.map((e) => e.name)).not.toContain('张国庆');
    expect(errors.filter((e) => !e.includes('409'))).toEqual([]);

    // 吴主任, the operator of 玉山镇, sees who tried to register whom.
    const operator = await apiLogin(server.baseUrl, '吴主任');
    const conflicts = await api<{ requested: { householdId: string; elderName: string }; existing: { elderId: string } }[]>(server.baseUrl, operator, 'GET', '/operator/elder-registration-conflicts');
    expect(conflicts.status).toBe(200);
    const mine = conflicts.body.filter((c) => c.existing.elderId === registered.body.id);
    expect(mine.map((c) => ({ householdId: c.requested.householdId, elderName: c.requested.elderName }))).toEqual([{ householdId, elderName: NEW_ELDER.name }]);
  });

  it("张伟 of another household does not see 王芳's new elder, in the app or through the API", async () => {
    const wang = await apiLogin(server.baseUrl, '王芳');
    if (!added) {
      // The first test did not get that far (or did not run, e.g. `-t`): find the elder, or add it through the API.
      const [mine] = (await api<HouseholdSummaryView[]>(server.baseUrl, wang, 'GET', '/households')).body;
      const existing = (await api<HouseholdView>(server.baseUrl, wang, 'GET', `/households/${mine.id}`)).body.elders.find((e) => e.name === NEW_ELDER.name);
      if (existing) added = { householdId: mine.id, elderId: existing.id };
    }
    if (!added) {
      const [mine] = (await api<HouseholdSummaryView[]>(server.baseUrl, wang, 'GET', '/households')).body;
      const res = await api<ElderView>(server.baseUrl, wang, 'POST', `/households/${mine.id}/elders`, {
        name: NEW_ELDER.name, idNumber: NEW_ELDER.idNumber, address: NEW_ELDER.address, location: { lat: 31.385, lng: 120.981 },
        emergencyContacts: [NEW_ELDER.contact], dietaryNeeds: [], livingSituation: 'alone', subsidyCategory: 'none',
      });
      expect(res.status).toBe(201);
      added = { householdId: mine.id, elderId: res.body.id };
    }
    // 王芳 herself sees it.
    expect((await api<ElderView>(server.baseUrl, wang, 'GET', `/elders/${added.elderId}`)).status).toBe(200);

    const page = await open();
    const home = await loginWithPicker(page, server.baseUrl, '张伟');
    await expect(home.getByText('当前家庭：张家', { exact: true }).count()).resolves.toBe(1);
    // 首页 lists exactly 张家's elders as the server has them for 张伟, and none of 王家's.
    const token = await stored(page, 'cc.accessToken');
    const list = await api<HouseholdSummaryView[]>(server.baseUrl, token, 'GET', '/households');
    expect(list.body.map((h) => h.name)).toEqual(['张家']);
    const zhang = await api<HouseholdView>(server.baseUrl, token, 'GET', `/households/${list.body[0].id}`);
    const names = await home.locator('.cc-elder-card__name').allInnerTexts();
    expect(names).toEqual(zhang.body.elders.map((e) => e.name));
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain(NEW_ELDER.name);
    await expect(home.getByText(NEW_ELDER.name).count()).resolves.toBe(0);
    await snap(page, 'household-10-other-household-home');

    // Nor through the API, with 张伟's own token from the app.
    const household = await api(server.baseUrl, token, 'GET', `/households/${added.householdId}`);
    const elder = await api(server.baseUrl, token, 'GET', `/elders/${added.elderId}`);
    expect({ household: household.status, elder: elder.status }).toEqual({ household: 404, elder: 404 });
    expect(JSON.stringify([household.body, elder.body])).not.toContain(NEW_ELDER.name);
    expect(errors).toEqual([]);
  });
});
