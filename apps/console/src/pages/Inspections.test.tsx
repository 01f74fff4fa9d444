import type { DrawPoolView, InspectionDrawView, InspectionView } from '@carecircle/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ recordInspection: vi.fn(), draws: vi.fn(), drawPool: vi.fn(), draw: vi.fn(), executeDraw: vi.fn(), verifyDraw: vi.fn(), inspections: vi.fn() }));

vi.mock('../lib/supervision', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/supervision')>();
  return { ...real, supervision: { ...real.supervision, ...mocks } };
});

const { DrawTab, RecordModal, TasksTab } = await import('./Inspections');

const planned: InspectionView = {
  id: 'ins-1',
  drawId: 'draw-1',
  drawSeedHash: 'ab'.repeat(32),
  drawSeed: 'cd'.repeat(32),
  regionId: 'r1',
  providerId: 'p1',
  providerName: '安康居家养老服务中心',
  providerKind: 'home_care',
  providerStatus: 'approved',
  inspectors: [{ id: 'i1', name: '钱检查', organisation: '昆山市民政局' }],
  status: 'planned',
  statusLabel: '待检查',
  checklist: [
    { code: 'fire_safety', label: '消防安全', critical: true },
    { code: 'records', label: '服务记录完整' },
    { code: 'hygiene', label: '环境卫生' },
    { code: 'certificates', label: '持证上岗' },
  ],
  results: [],
  passed: null,
  summary: null,
  creditPoints: 0,
  publishedAt: null,
  createdAt: '2026-11-27T02:00:00.000Z',
};

function renderModal(onSaved = vi.fn()) {
  render(
    <MemoryRouter>
      <AntApp>
        <RecordModal inspection={planned} onClose={() => undefined} onSaved={onSaved} />
      </AntApp>
    </MemoryRouter>,
  );
  return onSaved;
}

function choose(dialog: HTMLElement, groupLabel: string, option: string) {
  const group = within(dialog).getByLabelText(groupLabel);
  fireEvent.click(within(group).getByText(option));
}

beforeEach(() => Object.values(mocks).forEach((m) => m.mockReset()));

describe('双随机 checklist entry', () => {
  it('shows the outcome the checklist gives while items are ticked: a critical item fails it', async () => {
    renderModal();
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('inspection-outcome').textContent).toContain('合格');
    choose(dialog, '环境卫生', '不符合');
    expect(within(dialog).getByTestId('inspection-outcome').textContent).toBe('按检查表判定：合格');
    choose(dialog, '持证上岗', '不符合');
    choose(dialog, '服务记录完整', '不符合');
    expect(within(dialog).getByTestId('inspection-outcome').textContent).toContain('一般项 3 项不符合');
    choose(dialog, '服务记录完整', '符合');
    choose(dialog, '持证上岗', '符合');
    choose(dialog, '消防安全', '不符合');
    expect(within(dialog).getByTestId('inspection-outcome').textContent).toContain('不合格（否决项 1 项');
  });

  it('sends every checklist item with its note and the conclusion, and needs a conclusion', async () => {
    mocks.recordInspection.mockResolvedValue({ ...planned, status: 'recorded', passed: false });
    const onSaved = renderModal();
    const dialog = await screen.findByRole('dialog');
    choose(dialog, '消防安全', '不符合');
    fireEvent.change(within(dialog).getByLabelText('消防安全说明'), { target: { value: '消防通道堆放杂物' } });
    const save = [...dialog.querySelectorAll('button')].find((b) => /保存结果/.test(b.textContent ?? ''))!;
    await act(async () => {
      fireEvent.click(save);
    });
    expect(mocks.recordInspection).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByLabelText('检查结论'), { target: { value: '消防通道堵塞，限期整改' } });
    await act(async () => {
      fireEvent.click(save);
    });
    await waitFor(() =>
      expect(mocks.recordInspection).toHaveBeenCalledWith('ins-1', {
        results: [
          { code: 'fire_safety', passed: false, note: '消防通道堆放杂物' },
          { code: 'records', passed: true },
          { code: 'hygiene', passed: true },
          { code: 'certificates', passed: true },
        ],
        summary: '消防通道堵塞，限期整改',
      }),
    );
    expect(onSaved).toHaveBeenCalled();
  });
});

function renderIn(node: React.ReactNode) {
  render(
    <MemoryRouter>
      <AntApp>{node}</AntApp>
    </MemoryRouter>,
  );
}

const canteenPool: DrawPoolView = {
  regionId: 'r1',
  providerKind: 'canteen',
  providers: [{ id: 'c1', name: '朝阳幸福食堂' }, { id: 'c2', name: '同心社区老年助餐点' }],
  inspectorCount: 4,
  checklistItems: 7,
};

describe('双随机 draw of one provider kind, in two steps', () => {
  const SEED = '5eed'.repeat(16);
  const HASH = '07a1b2d27ea8f5b6fa0eb5a58a7ae0dbb4a0d3f1fbb0b9a1e3f7fa0c1bd38c2a';
  const prepared: InspectionDrawView = {
    id: 'd1', regionId: 'r1', providerKind: 'canteen', status: 'prepared', seedHash: HASH, seed: null, providerCount: 1, inspectorCount: 1, providerPool: ['c1', 'c2'], inspectorPool: ['i1'],
    providers: [], inspectors: [], preparedBy: 'u1', preparedByName: '吴主任', preparedAt: '2026-11-27T02:00:00.000Z', drawnBy: null, drawnByName: '', drawnAt: null, inspectionIds: [],
  };

  it('needs a kind, limits the counts to the pool, sends no seed, and shows the hash before any seed', async () => {
    const old: InspectionDrawView = { ...prepared, id: 'd0', providerKind: null, status: 'drawn', seed: 'OLD-1', seedHash: 'f'.repeat(64), drawnAt: '2026-10-01T02:00:00.000Z' };
    mocks.draws.mockResolvedValue([old]);
    mocks.drawPool.mockResolvedValue(canteenPool);
    mocks.draw.mockResolvedValue(prepared);
    renderIn(<DrawTab regionId="r1" />);

    const row = (await screen.findByText('OLD-1…')).closest('tr')!;
    expect(row.textContent).toContain('全部类型');
    expect(screen.queryByLabelText('随机种子')).toBeNull();
    expect(screen.getByTestId('draw-pool').textContent).toContain('请先选择机构类型');
    const prepareButton = screen.getAllByRole('button').find((b) => (b.textContent ?? '').includes('生成种子并公布哈希'))! as HTMLButtonElement;
    expect(prepareButton.disabled).toBe(true);
    expect(mocks.drawPool).not.toHaveBeenCalled();

    fireEvent.click(within(screen.getByLabelText('抽查机构类型')).getByText('助餐点'));
    await waitFor(() => expect(screen.getByTestId('draw-pool').textContent).toContain('可抽查助餐点 2 家 · 检查人员 4 名（检查表 7 项）'));
    expect(mocks.drawPool).toHaveBeenCalledWith('r1', 'canteen');
    expect(screen.getByLabelText('抽取机构数').getAttribute('aria-valuemax')).toBe('2');
    expect(prepareButton.disabled).toBe(false);
    mocks.draws.mockResolvedValue([prepared, old]);
    fireEvent.click(prepareButton);
    await screen.findByText('公布助餐点抽取的种子哈希？');
    await act(async () => {
      fireEvent.click(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary') as HTMLElement);
    });
    await waitFor(() => expect(mocks.draw).toHaveBeenCalledWith({ regionId: 'r1', providerKind: 'canteen', providerCount: 2, inspectorCount: 2 }));
    await screen.findByText(`已公布种子哈希 ${HASH.slice(0, 12)}…，请在公开场合点「抽取」`);
    const preparedRow = (await screen.findByText(`${HASH.slice(0, 16)}…`)).closest('tr')!;
    expect(preparedRow.textContent).toContain('已公布种子哈希，待抽取');
    expect(preparedRow.textContent).toContain('抽取后公开');
  });

  it('executes a prepared draw, then shows the revealed seed and checks it against the published hash', async () => {
    const { sha256Hex } = await import('../lib/supervision');
    const seedHash = await sha256Hex(SEED);
    const waiting = { ...prepared, seedHash };
    const drawn: InspectionDrawView = { ...waiting, status: 'drawn', seed: SEED, providers: [{ id: 'c2', name: '同心社区老年助餐点' }], inspectors: [{ id: 'i1', name: '钱检查', organisation: '昆山市民政局' }], drawnBy: 'u1', drawnByName: '吴主任', drawnAt: '2026-11-27T03:00:00.000Z', inspectionIds: ['ins-9'] };
    mocks.draws.mockResolvedValue([waiting]);
    mocks.drawPool.mockResolvedValue(canteenPool);
    mocks.executeDraw.mockResolvedValue(drawn);
    mocks.verifyDraw.mockResolvedValue({ drawId: 'd1', hashMatches: true, reproduced: true, verified: true, providerIds: ['c2'], inspectorIds: ['i1'] });
    renderIn(<DrawTab regionId="r1" />);

    const row = (await screen.findByText(`${seedHash.slice(0, 16)}…`)).closest('tr')!;
    mocks.draws.mockResolvedValue([drawn]);
    fireEvent.click(within(row).getByRole('button', { name: /抽\s*取/ }));
    await screen.findByText('确认抽取？');
    await act(async () => {
      fireEvent.click(document.querySelector('.ant-popconfirm-buttons .ant-btn-primary') as HTMLElement);
    });
    await waitFor(() => expect(mocks.executeDraw).toHaveBeenCalledWith('d1'));
    await screen.findByText('已抽取 1 家助餐点、1 名检查人员');
    const drawnRow = (await screen.findByText(`${SEED.slice(0, 16)}…`)).closest('tr')!;
    expect(drawnRow.textContent).toContain('同心社区老年助餐点');

    fireEvent.click(within(drawnRow).getByRole('button', { name: /核\s*验/ }));
    await screen.findByText('本机计算种子的 SHA-256：与公布的哈希一致');
    expect(screen.getByText('服务器核验：哈希一致、结果一致')).toBeTruthy();
  });

  it('warns when the region has no checklist for the chosen kind', async () => {
    mocks.draws.mockResolvedValue([]);
    mocks.drawPool.mockResolvedValue({ ...canteenPool, providerKind: 'childcare', providers: [{ id: 't1', name: '小橡树普惠托育中心' }], checklistItems: 0 });
    renderIn(<DrawTab regionId="r1" />);
    fireEvent.click(within(await screen.findByLabelText('抽查机构类型')).getByText('托育机构'));
    await waitFor(() => expect(screen.getByTestId('draw-pool').textContent).toContain('本地区尚未发布托育机构检查表'));
  });
});

describe('检查任务 wording', () => {
  it('calls recorded results 待公示 in the filter and in the status tag alike', async () => {
    mocks.inspections.mockResolvedValue([{ ...planned, id: 'ins-2', status: 'recorded', statusLabel: '待公示', passed: false, providerKind: 'canteen', providerName: '朝阳幸福食堂' }]);
    renderIn(<TasksTab regionId="r1" />);
    fireEvent.click(await screen.findByText('待公示', { selector: '.ant-segmented-item-label' }));
    const row = (await screen.findByText('朝阳幸福食堂')).closest('tr')!;
    expect(within(row).getByText('待公示')).toBeTruthy();
    expect(row.textContent).toContain('助餐点');
    expect(row.textContent).not.toContain('已录入');
  });
});
