import type { StatementView } from '@carecircle/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({
  statements: vi.fn(),
  adjustStatement: vi.fn(),
  approveStatement: vi.fn(),
  generateStatements: vi.fn(),
  exportStatement: vi.fn(),
  regions: vi.fn(),
}));

vi.mock('../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api')>();
  return { ...real, api: { ...real.api, ...mocks } };
});

const { ConsoleProvider } = await import('../context');
const { default: Statements } = await import('./Statements');

const draft: StatementView = {
  id: 's1',
  providerId: 'p1',
  providerName: '安康居家养老服务中心',
  month: '2026-11',
  status: 'draft',
  lines: [
    { kind: 'demand_subsidy', label: '居家上门服务补贴（补需方）', fundingSource: 'district', count: 4, amountFen: 20_000 },
    { kind: 'adjustment', label: '调整：补录一次助浴', fundingSource: '—', count: 1, amountFen: 3_000 },
  ],
  anomalies: [{ kind: 'short_service', label: '服务时长明显不足', orderId: 'o-123456789', detail: '实际 20 分钟，应为 60 分钟' }],
  totalFen: 23_000,
  makerIds: [],
  approvedBy: null,
  approvedAt: null,
};

/** antd labels every dialog with the same id under test, so dialogs are found by their text. */
async function dialogWith(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('dialog').filter((d) => d.textContent?.includes(text));
    if (!found.length) throw new Error(`no dialog with ${text}`);
    return found[found.length - 1];
  });
}

/** A button by its text (role queries are slow on antd's large trees). */
function button(root: HTMLElement, text: RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => text.test((b.textContent ?? '').trim()));
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

function renderPage() {
  return render(
    <MemoryRouter>
      <AntApp>
        <ConsoleProvider>
          <Statements />
        </ConsoleProvider>
      </AntApp>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  for (const m of Object.values(mocks)) m.mockReset();
  mocks.regions.mockResolvedValue([]);
});

describe('补贴结算 page', () => {
  it('adjusts a draft with a reason, previewing the new total, and shows the server’s result', async () => {
    mocks.statements.mockResolvedValue([draft]);
    const adjusted: StatementView = {
      ...draft,
      lines: [...draft.lines, { kind: 'adjustment', label: '调整：服务时长不足，核减', fundingSource: '—', count: 1, amountFen: -5_000 }],
      totalFen: 18_000,
    };
    mocks.adjustStatement.mockResolvedValue(adjusted);
    renderPage();

    fireEvent.click(await screen.findByText('查看 / 审核'));
    const drawer = await dialogWith('补贴结算单');
    expect(within(drawer).getAllByText('¥230.00').length).toBeGreaterThan(0);
    expect(within(drawer).getByText('服务时长明显不足')).toBeTruthy();

    fireEvent.click(button(drawer, /^调\s*整$/));
    const modal = await dialogWith('调整结算金额');
    fireEvent.change(within(modal).getByLabelText('调整金额'), { target: { value: '-50' } });
    await waitFor(() => expect(within(modal).getByTestId('adjusted-total').textContent).toBe('¥180.00'));
    fireEvent.change(within(modal).getByPlaceholderText(/核减/), { target: { value: '服务时长不足，核减' } });
    await act(async () => {
      fireEvent.click(button(modal, /^确认调整$/));
    });

    await waitFor(() => expect(mocks.adjustStatement).toHaveBeenCalledWith('s1', { amountFen: -5_000, reason: '服务时长不足，核减' }));
    await waitFor(() => expect(within(drawer).getAllByText('¥180.00').length).toBeGreaterThan(0));
    expect(within(drawer).getByText('调整：服务时长不足，核减')).toBeTruthy();
  });

  it('does not send an adjustment without a reason or with an invalid amount', async () => {
    mocks.statements.mockResolvedValue([draft]);
    renderPage();
    fireEvent.click(await screen.findByText('查看 / 审核'));
    const drawer = await dialogWith('补贴结算单');
    fireEvent.click(button(drawer, /^调\s*整$/));
    const modal = await dialogWith('调整结算金额');
    fireEvent.change(within(modal).getByLabelText('调整金额'), { target: { value: '12.345' } });
    await act(async () => {
      fireEvent.click(button(modal, /^确认调整$/));
    });
    expect(await within(modal).findByText(/最多两位小数/)).toBeTruthy();
    expect(await within(modal).findByText('请填写调整原因')).toBeTruthy();
    expect(mocks.adjustStatement).not.toHaveBeenCalled();
  });

  it('an approved statement is locked: no adjusting, no second approval', async () => {
    mocks.statements.mockResolvedValue([{ ...draft, status: 'approved', approvedBy: 'u-op', approvedAt: '2026-12-02T02:00:00.000Z' }]);
    renderPage();
    expect(await screen.findByText('已审批锁定')).toBeTruthy();
    fireEvent.click(screen.getByText('查看 / 审核'));
    const drawer = await dialogWith('补贴结算单');
    expect(button(drawer, /^调\s*整$/).hasAttribute('disabled')).toBe(true);
    expect(button(drawer, /^已审批$/).hasAttribute('disabled')).toBe(true);
    expect(within(drawer).getByText(/审批锁定/)).toBeTruthy();
  });

  it('says when the statements endpoint is not there yet', async () => {
    const { ApiError } = await import('../api');
    mocks.statements.mockRejectedValue(new ApiError(404, 'ROUTE_NOT_FOUND', '没有这个接口：GET /api/operator/statements'));
    renderPage();
    expect(await screen.findByText('该功能的服务端接口尚未上线')).toBeTruthy();
    expect(screen.getByText(/没有这个接口/)).toBeTruthy();
  });
});
