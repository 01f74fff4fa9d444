import type { DrawPoolView, InspectionDrawView, InspectionView } from '@carecircle/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ recordInspection: vi.fn(), draws: vi.fn(), drawPool: vi.fn(), draw: vi.fn(), inspections: vi.fn() }));

vi.mock('../lib/supervision', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/supervision')>();
  return { ...real, supervision: { ...real.supervision, ...mocks } };
});

const { DrawTab, RecordModal, TasksTab } = await import('./Inspections');

const planned: InspectionView = {
  id: 'ins-1',
  drawId: 'draw-1',
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

describe('双随机 draw of one provider kind', () => {
  it('needs a kind before drawing, shows that kind’s pool, and sends the kind with the draw', async () => {
    const logged: InspectionDrawView = {
      id: 'd1', regionId: 'r1', providerKind: 'canteen', seed: 'S-1', providerCount: 1, inspectorCount: 1, providerPool: ['c1', 'c2'], inspectorPool: ['i1'],
      providers: [{ id: 'c2', name: '同心社区老年助餐点' }], inspectors: [{ id: 'i1', name: '钱检查', organisation: '昆山市民政局' }],
      drawnBy: 'u1', drawnByName: '吴主任', drawnAt: '2026-11-27T02:00:00.000Z', inspectionIds: ['ins-9'],
    };
    const old: InspectionDrawView = { ...logged, id: 'd0', providerKind: null, seed: 'OLD-1' };
    mocks.draws.mockResolvedValue([old]);
    mocks.drawPool.mockResolvedValue(canteenPool);
    mocks.draw.mockResolvedValue(logged);
    renderIn(<DrawTab regionId="r1" />);

    const row = await screen.findByText('OLD-1');
    expect(row.closest('tr')!.textContent).toContain('全部类型');
    expect(screen.getByTestId('draw-pool').textContent).toContain('请先选择机构类型');
    const drawButton = screen.getAllByRole('button').find((b) => /^抽\s*取$/.test(b.textContent ?? ''))! as HTMLButtonElement;
    expect(drawButton.disabled).toBe(true);
    expect(mocks.drawPool).not.toHaveBeenCalled();

    fireEvent.click(within(screen.getByLabelText('抽查机构类型')).getByText('助餐点'));
    await waitFor(() => expect(screen.getByTestId('draw-pool').textContent).toContain('可抽查助餐点 2 家 · 检查人员 4 名（检查表 7 项）'));
    expect(mocks.drawPool).toHaveBeenCalledWith('r1', 'canteen');
    expect(drawButton.disabled).toBe(false);
    fireEvent.change(screen.getByLabelText('随机种子'), { target: { value: 'S-1' } });
    fireEvent.click(drawButton);
    await screen.findByText('确认抽取助餐点？');
    const confirm = document.querySelector('.ant-popconfirm-buttons .ant-btn-primary') as HTMLElement;
    await act(async () => {
      fireEvent.click(confirm);
    });
    await waitFor(() => expect(mocks.draw).toHaveBeenCalledWith({ regionId: 'r1', providerKind: 'canteen', providerCount: 2, inspectorCount: 2, seed: 'S-1' }));
    await screen.findByText('已抽取 1 家助餐点、1 名检查人员');
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
