import type { InspectionView } from '@carecircle/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ recordInspection: vi.fn() }));

vi.mock('../lib/supervision', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/supervision')>();
  return { ...real, supervision: { ...real.supervision, ...mocks } };
});

const { RecordModal } = await import('./Inspections');

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

beforeEach(() => mocks.recordInspection.mockReset());

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
