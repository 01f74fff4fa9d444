import { POLICY_KIND_CODES, type RegionPolicyView, type RegionView } from '@carecircle/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsoleProvider } from '../context';
import { type StubCall, stubServer } from '../test/fetchStub';
import Policies from './Policies';

const region: RegionView = { id: 'r1', name: '玉山镇', level: 'street', parentId: null, center: { lat: 31.38, lng: 120.98 } };

const SUBSIDY = {
  currency: 'fen',
  rules: [
    { category: 'tekun', service: 'meal', kind: 'fixed', amountFen: 1_000, monthlyCapFen: 30_000, includesDeliveryFee: true },
    { category: 'dibao', service: '*', kind: 'percent', percent: 80, monthlyCapFen: 40_000 },
    { category: 'tekun', service: 'rehab', kind: 'percent', percent: 100, monthlyCapFen: 60_000, grades: ['severe', 'total'] },
  ],
};

const versions: RegionPolicyView[] = [
  { id: 'p-sub-1', regionId: 'r1', kind: 'subsidy', version: 1, effectiveFrom: '2025-12-31T16:00:00.000Z', rules: SUBSIDY },
  { id: 'p-kpi-1', regionId: 'r1', kind: 'kpi_targets', version: 1, effectiveFrom: '2025-12-31T16:00:00.000Z', rules: { visit_rate: 0.95 } },
];

afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  return render(
    <MemoryRouter>
      <AntApp>
        <ConsoleProvider>
          <Policies />
        </ConsoleProvider>
      </AntApp>
    </MemoryRouter>,
  );
}

/** antd labels every dialog alike under test, so the editor is found by its title. */
async function editor(): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('dialog').filter((d) => d.textContent?.includes('新增政策版本'));
    if (!found.length) throw new Error('no editor');
    return found[found.length - 1];
  });
}

function button(root: HTMLElement, text: RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => text.test((b.textContent ?? '').replace(/\s/g, '')));
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

function row(text: string): HTMLElement {
  const tr = screen.getByText(text).closest('tr');
  if (!tr) throw new Error(`no row with ${text}`);
  return tr;
}

async function openEditorFromSubsidy(): Promise<HTMLElement> {
  renderPage();
  await screen.findByText('subsidy');
  fireEvent.click(button(row('subsidy'), /以此新建版本/));
  return editor();
}

async function pickOption(modal: HTMLElement, label: string, option: string) {
  const select = within(modal).getAllByLabelText(label)[0].closest('.ant-select')!;
  fireEvent.mouseDown(select.querySelector('.ant-select-selector')!);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((o) => o.getAttribute('title') === option || o.textContent === option);
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  fireEvent.click(item);
}

const posts = (calls: StubCall[]) => calls.filter((c) => c.method === 'POST' && c.path === '/regions/r1/policies');

describe('政策表 page · 补贴标准 as a table', () => {
  it('shows a subsidy version in words, other kinds as JSON', async () => {
    stubServer({ '/regions/r1/policies': versions, '/regions': [region] });
    renderPage();
    await screen.findByText('subsidy');
    expect(row('subsidy').textContent).toContain('3 条：特困供养·助餐 每次 ¥10.00');
    fireEvent.click(row('subsidy').querySelector('.ant-table-row-expand-icon')!);
    const words = (await screen.findByText('补贴类别')).closest('.ant-table')!;
    const body = words.textContent ?? '';
    for (const text of ['补贴类别', '每月上限（元）', '特困供养', '助餐', '每次 ¥10.00', '300.00', '全部服务', '80%', '康复护理', '重度失能、完全失能', '不限']) expect(body).toContain(text);
    expect(body).not.toContain('amountFen');

    fireEvent.click(row('kpi_targets').querySelector('.ant-table-row-expand-icon')!);
    await waitFor(() => expect(document.querySelector('pre.cc-json')?.textContent).toContain('"visit_rate": 0.95'));
  });

  it('edits a rule in 元, shows the validator’s message on the cell, and publishes integer fen', async () => {
    const saved: RegionPolicyView = { ...versions[0], id: 'p-sub-2', version: 2, effectiveFrom: '2026-12-01T00:00:00.000Z' };
    const calls = stubServer({ '/regions/r1/policies': versions, 'POST /regions/r1/policies': saved, '/regions': [region] });
    const modal = await openEditorFromSubsidy();
    expect(within(modal).getByText('此前的订单仍按旧版本计价')).toBeTruthy();

    const amount = within(modal).getByLabelText('第 1 条 每次补贴（元）') as HTMLInputElement;
    expect(amount.value).toBe('10.00');
    fireEvent.change(amount, { target: { value: '' } });
    expect(await within(modal).findByText('固定补贴金额应为大于 0 的金额（元）')).toBeTruthy();

    await act(async () => {
      fireEvent.click(button(modal, /^发布$/));
    });
    expect(await within(modal).findByText(/补贴表还有 1 处需要修改/)).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);

    fireEvent.change(amount, { target: { value: '12.5' } });
    await waitFor(() => expect(within(modal).queryByText('固定补贴金额应为大于 0 的金额（元）')).toBeNull());
    expect(within(modal).queryByText(/补贴表还有/)).toBeNull();
    fireEvent.change(within(modal).getByLabelText('第 1 条 每月上限（元）'), { target: { value: '19.99' } });
    fireEvent.change(within(modal).getByLabelText('第 2 条 补贴比例（%）'), { target: { value: '90' } });

    await act(async () => {
      fireEvent.click(button(modal, /^发布$/));
    });
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    const body = posts(calls)[0].body as { kind: string; effectiveFrom: string; rules: typeof SUBSIDY };
    expect(body.kind).toBe('subsidy');
    expect(body.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    expect(body.rules).toEqual({
      currency: 'fen',
      rules: [
        { category: 'tekun', service: 'meal', kind: 'fixed', amountFen: 1_250, monthlyCapFen: 1_999, includesDeliveryFee: true },
        { category: 'dibao', service: '*', kind: 'percent', percent: 90, monthlyCapFen: 40_000 },
        SUBSIDY.rules[2],
      ],
    });
    await waitFor(() => expect(screen.queryByText(/新增政策版本/)).toBeNull());
  });

  it('adds, copies and removes rows, and puts the server’s refusal on the cell it names', async () => {
    let refuse = true;
    const calls = stubServer({
      '/regions/r1/policies': versions,
      'POST /regions/r1/policies': () =>
        refuse
          ? new Response(
              JSON.stringify({
                statusCode: 400,
                error: 'VALIDATION_FAILED',
                message: '政策表有 1 处需要修改',
                details: { fields: [{ field: 'rules.rules[3].monthlyCapFen', message: '第 4 条：每月上限应为不小于 0 的整数（分）' }] },
              }),
              { status: 400 },
            )
          : { ...versions[0], id: 'p-sub-2', version: 2 },
      '/regions': [region],
    });
    const modal = await openEditorFromSubsidy();

    // A new row is quiet until touched or published.
    fireEvent.click(button(modal, /添加一条/));
    expect(within(modal).getAllByLabelText('第 4 条 补贴类别').length).toBeGreaterThan(0);
    expect(within(modal).queryByText('请选择补贴类别')).toBeNull();
    await act(async () => {
      fireEvent.click(button(modal, /^发布$/));
    });
    expect(await within(modal).findByText('请选择补贴类别')).toBeTruthy();
    expect(within(modal).getByText('请选择服务项目（或「全部服务」「助餐」）')).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);

    await pickOption(modal, '第 4 条 补贴类别', '高龄');
    await pickOption(modal, '第 4 条 服务项目', '助浴');
    fireEvent.change(within(modal).getByLabelText('第 4 条 每次补贴（元）'), { target: { value: '20' } });
    fireEvent.change(within(modal).getByLabelText('第 4 条 每月上限（元）'), { target: { value: '100' } });
    await waitFor(() => expect(within(modal).queryByText('请选择补贴类别')).toBeNull());

    // A copy names the same category and service: the shared rule says so on the copy.
    fireEvent.click(within(modal).getByLabelText('复制第 4 条'));
    expect(await within(modal).findByText('与第 4 条的类别和服务相同，只能保留一条')).toBeTruthy();
    fireEvent.click(within(modal).getByLabelText('删除第 5 条'));
    await waitFor(() => expect(within(modal).queryByText('与第 4 条的类别和服务相同，只能保留一条')).toBeNull());

    await act(async () => {
      fireEvent.click(button(modal, /^发布$/));
    });
    expect(await within(modal).findByText('每月上限应为不小于 0 的金额（元）')).toBeTruthy();
    expect(within(modal).getByText('政策表有 1 处需要修改')).toBeTruthy();
    expect(posts(calls)[0].body).toMatchObject({ rules: { rules: [{}, {}, {}, { category: 'advanced_age', service: 'bathing', kind: 'fixed', amountFen: 2_000, monthlyCapFen: 10_000 }] } });

    // Editing the cell the server named clears its message; the next try goes through.
    fireEvent.change(within(modal).getByLabelText('第 4 条 每月上限（元）'), { target: { value: '150' } });
    await waitFor(() => expect(within(modal).queryByText('每月上限应为不小于 0 的金额（元）')).toBeNull());
    refuse = false;
    await act(async () => {
      fireEvent.click(button(modal, /^发布$/));
    });
    await waitFor(() => expect(posts(calls)).toHaveLength(2));
    expect((posts(calls)[1].body as { rules: typeof SUBSIDY }).rules.rules[3]).toEqual({ category: 'advanced_age', service: 'bathing', kind: 'fixed', amountFen: 2_000, monthlyCapFen: 15_000 });
  });

  it('keeps JSON as an escape hatch: the table’s edits carry over and back', async () => {
    stubServer({ '/regions/r1/policies': versions, '/regions': [region] });
    const modal = await openEditorFromSubsidy();
    fireEvent.change(within(modal).getByLabelText('第 1 条 每次补贴（元）'), { target: { value: '8.8' } });
    fireEvent.click(button(modal, /以JSON编辑/));
    const json = (await within(modal).findByLabelText('规则 JSON')) as HTMLTextAreaElement;
    await waitFor(() => expect(JSON.parse(json.value).rules[0].amountFen).toBe(880));

    const edited = JSON.parse(json.value);
    edited.rules[1].percent = 75;
    fireEvent.change(json, { target: { value: JSON.stringify(edited) } });
    fireEvent.click(button(modal, /以表格编辑/));
    await waitFor(() => expect((within(modal).getByLabelText('第 2 条 补贴比例（%）') as HTMLInputElement).value).toBe('75'));
    expect((within(modal).getByLabelText('第 1 条 每次补贴（元）') as HTMLInputElement).value).toBe('8.80');
  });

  it('other kinds keep the JSON editor; typing 「subsidy」 as the kind brings up the table, started from the version in force', async () => {
    stubServer({ '/regions/r1/policies': versions, '/regions': [region] });
    renderPage();
    await screen.findByText('kpi_targets');
    fireEvent.click(button(row('kpi_targets'), /以此新建版本/));
    let modal = await editor();
    expect(JSON.parse((within(modal).getByLabelText('规则 JSON') as HTMLTextAreaElement).value)).toEqual({ visit_rate: 0.95 });
    expect(within(modal).queryByText(/以\s*JSON\s*编辑|以表格编辑/)).toBeNull();
    fireEvent.click(button(modal, /^取消$/));

    fireEvent.click(button(document.body, /新增版本/));
    modal = await editor();
    expect(within(modal).getByLabelText('规则 JSON')).toBeTruthy();
    fireEvent.change(modal.querySelector('input[list="policy-kinds"]')!, { target: { value: 'subsidy' } });
    const amount = (await within(modal).findByLabelText('第 1 条 每次补贴（元）')) as HTMLInputElement;
    expect(amount.value).toBe('10.00');
    expect(within(modal).getAllByLabelText(/^第 \d 条 补贴方式$/).length).toBeGreaterThanOrEqual(3);
  });

  it('offers only the kinds the server knows, refuses another before sending, and shows the server’s field errors of a JSON kind', async () => {
    const calls = stubServer({
      '/regions/r1/policies': versions,
      'POST /regions/r1/policies': () =>
        new Response(
          JSON.stringify({
            statusCode: 400,
            error: 'VALIDATION_FAILED',
            message: '第 1 个类别：至少列出一项服务',
            details: { fields: [{ field: 'rules.categories[0].items', message: '第 1 个类别：至少列出一项服务' }] },
          }),
          { status: 400 },
        ),
      '/regions': [region],
    });
    renderPage();
    await screen.findByText('kpi_targets');
    fireEvent.click(button(document.body, /新增版本/));
    const modal = await editor();
    const offered = [...modal.querySelectorAll('#policy-kinds option')].map((o) => (o as HTMLOptionElement).value).sort();
    expect(offered).toEqual([...POLICY_KIND_CODES].sort());
    expect(offered).toContain('basic_service_list');

    const kindInput = modal.querySelector('input[list="policy-kinds"]')!;
    fireEvent.change(kindInput, { target: { value: 'basic_services' } });
    fireEvent.change(within(modal).getByLabelText('规则 JSON'), { target: { value: '{ "categories": [] }' } });
    fireEvent.click(button(modal, /^发布$/));
    await within(modal).findByText('没有这种政策表，请从列表中选择');
    expect(posts(calls)).toHaveLength(0);

    fireEvent.change(kindInput, { target: { value: 'basic_service_list' } });
    fireEvent.change(within(modal).getByLabelText('规则 JSON'), { target: { value: '{ "categories": [{ "category": "dibao", "items": [] }] }' } });
    fireEvent.click(button(modal, /^发布$/));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0].body).toMatchObject({ kind: 'basic_service_list' });
    expect((await within(modal).findAllByText('第 1 个类别：至少列出一项服务')).length).toBeGreaterThan(0);
  });
});
