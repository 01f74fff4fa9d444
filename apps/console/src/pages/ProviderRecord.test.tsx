import type { ProviderRecordView } from '@carecircle/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ record: vi.fn(), gradingCriteria: vi.fn(), grade: vi.fn(), regions: vi.fn() }));

vi.mock('../lib/supervision', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/supervision')>();
  return { ...real, supervision: { ...real.supervision, record: mocks.record, gradingCriteria: mocks.gradingCriteria, grade: mocks.grade } };
});
vi.mock('../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api')>();
  return { ...real, api: { ...real.api, regions: mocks.regions } };
});

const { ConsoleProvider } = await import('../context');
const { default: ProviderRecord } = await import('./ProviderRecord');

const record: ProviderRecordView = {
  provider: { id: 'p1', name: '安康居家养老服务中心', kind: 'home_care', regionId: 'r1', address: '玉山镇人民路 1 号', status: 'suspended', recommended: false },
  filing: { licenceNo: 'KS-MZ-2026-001', licenceAuthority: '昆山市民政局', insurer: '太保财险', insurancePolicyNo: null, insuranceExpiresOn: '2027-06-30', updatedAt: '2026-11-20T02:00:00.000Z' },
  filingHistory: [
    { id: '2', changedBy: 'u1', changedByName: '吴主任', changedAt: '2026-11-20T02:00:00.000Z', changes: [{ field: 'insurer', label: '保险公司', from: '人保财险', to: '太保财险' }] },
  ],
  documents: [],
  gradings: [],
  evaluations: [],
  inspections: [],
  credit: { subjectType: 'provider', subjectId: 'p1', name: '安康居家养老服务中心', score: 50, suspendBelow: 60, events: [{ id: 'e1', points: 25, reason: '双随机抽查不合格：消防通道堵塞', sourceId: 'i1', at: '2026-11-21T02:00:00.000Z' }] },
  staffCredit: [],
};

function renderPage() {
  render(
    <MemoryRouter initialEntries={['/providers/p1/record']}>
      <AntApp>
        <ConsoleProvider>
          <Routes>
            <Route path="/providers/:providerId/record" element={<ProviderRecord />} />
          </Routes>
        </ConsoleProvider>
      </AntApp>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  for (const m of Object.values(mocks)) m.mockReset();
  mocks.regions.mockResolvedValue([]);
  mocks.record.mockResolvedValue(record);
  mocks.gradingCriteria.mockResolvedValue({
    policyVersion: 2,
    criteria: { items: [{ code: 'facility', label: '设施设备', maxPoints: 30 }, { code: 'service', label: '服务质量', maxPoints: 70 }], levels: [{ level: '四星', minScore: 80 }, { level: '五星', minScore: 90 }] },
  });
});

describe('机构监管档案 page', () => {
  it('shows the credit below the line, the 备案 and what changed', async () => {
    renderPage();
    expect(await screen.findByText('低于 60 分，已暂停派单')).toBeTruthy();
    expect(screen.getByText('KS-MZ-2026-001')).toBeTruthy();
    expect(screen.getByText('人保财险')).toBeTruthy();
    expect(screen.getAllByText('太保财险').length).toBe(2);
    expect(mocks.record).toHaveBeenCalledWith('p1');
  });

  it('previews the level from the region’s criteria while scoring, then submits the scores', async () => {
    mocks.grade.mockResolvedValue({ id: 'g1', totalScore: 91, maxScore: 100, level: '五星' });
    renderPage();
    fireEvent.click(await screen.findByText('等级评定'));
    const facility = await screen.findByLabelText('设施设备');
    fireEvent.change(facility, { target: { value: '28' } });
    fireEvent.change(screen.getByLabelText('服务质量'), { target: { value: '55' } });
    await waitFor(() => expect(screen.getByTestId('grade-preview').textContent).toBe('合计 83 / 100 分 · 四星'));
    fireEvent.change(screen.getByLabelText('服务质量'), { target: { value: '63' } });
    await waitFor(() => expect(screen.getByTestId('grade-preview').textContent).toBe('合计 91 / 100 分 · 五星'));
    const panel = screen.getByTestId('grade-preview').closest('.ant-card') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(panel).getByText('提交评定'));
    });
    await waitFor(() => expect(mocks.grade).toHaveBeenCalledWith('p1', { scores: { facility: 28, service: 63 }, note: undefined }));
  });
});
