import type { QualificationSummaryView, TrainingSessionDetailView } from '@carecircle/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => ({ request: vi.fn(), regions: vi.fn() }));

vi.mock('../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api')>();
  return { ...real, api: { ...real.api, ...mocks } };
});

const { ConsoleProvider } = await import('../context');
const { default: Staff } = await import('./Staff');

const summary: QualificationSummaryView = {
  onDate: '2026-11-27',
  totals: { careStaff: 14, certified: 12, certifiedRate: 0.8571, staff: 16, preJobTrained: 15, preJobTrainedRate: 0.9375 },
  targets: { certifiedRate: 0.93, preJobTrainedRate: 1 },
  providers: [
    { providerId: 'p-ok', providerName: '达标居家养老', providerKind: 'home_care', regionId: 'r1', careStaff: 10, certified: 10, certifiedRate: 1, staff: 10, preJobTrained: 10, preJobTrainedRate: 1 },
    { providerId: 'p-low', providerName: '安康居家养老', providerKind: 'home_care', regionId: 'r1', careStaff: 4, certified: 2, certifiedRate: 0.5, staff: 4, preJobTrained: 3, preJobTrainedRate: 0.75 },
    { providerId: 'p-c', providerName: '幸福食堂', providerKind: 'canteen', regionId: 'r1', careStaff: 0, certified: 0, certifiedRate: null, staff: 2, preJobTrained: 2, preJobTrainedRate: 1 },
  ],
  expiring: [{ staffId: 's9', staffName: '钱将到期', providerId: 'p-low', providerName: '安康居家养老', type: 'elder_care', typeLabel: '养老护理员证', number: 'YL-9', expiresOn: '2026-12-01', daysLeft: 4 }],
};

const session: TrainingSessionDetailView = {
  id: 'ts1', title: '11 月岗前培训', kind: 'pre_job', kindLabel: '岗前培训', heldOn: '2026-01-10', hours: 16,
  organiserRegionId: 'r1', organiserProviderId: null, organiserName: '玉山镇', attended: 1, passed: 0,
  attendees: [
    { staffId: 's1', staffName: '周新人', providerId: 'p-low', providerName: '安康居家养老', passed: null },
    { staffId: 's2', staffName: '吴补考', providerId: 'p-low', providerName: '安康居家养老', passed: false },
  ],
};

function routes(overrides: Record<string, unknown> = {}) {
  mocks.request.mockImplementation(async (method: string, path: string, opts?: { body?: { records: { staffId: string; passed: boolean }[] } }) => {
    const key = `${method} ${path}`;
    if (key in overrides) return overrides[key];
    if (key === 'GET /operator/qualification') return summary;
    if (key === 'GET /training/sessions') return [session];
    if (key === 'GET /training/sessions/ts1') return session;
    if (key === 'PUT /training/sessions/ts1/attendance') {
      const passed = new Map(opts!.body!.records.map((r) => [r.staffId, r.passed]));
      return { ...session, attendees: session.attendees.map((a) => ({ ...a, passed: passed.get(a.staffId) ?? a.passed })) };
    }
    if (key === 'GET /training/providers/p-low/qualification') {
      const s = (name: string) => ({ staffId: name, staffName: name, careStaff: true, isVolunteer: false, certifiedOnDate: false, preJobTrained: false, certificates: [] });
      return { onDate: '2026-11-27', row: summary.providers[1], staff: [], missingCertificate: [s('只有电工证'), s('证过期')], missingPreJobTraining: [s('证过期')], expiring: [] };
    }
    throw new Error(`unexpected ${key}`);
  });
}

function renderPage() {
  return render(
    <MemoryRouter>
      <AntApp>
        <ConsoleProvider>
          <Staff />
        </ConsoleProvider>
      </AntApp>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  for (const m of Object.values(mocks)) m.mockReset();
  mocks.regions.mockResolvedValue([{ id: 'r1', name: '玉山镇', level: 'street', parentId: null, center: { lat: 31.38, lng: 120.98 } }]);
});

describe('人员资质 page', () => {
  it('shows each provider against the 93% / 100% targets, worst first, with how many staff short and the drill-down', async () => {
    routes();
    renderPage();
    expect(await screen.findByText('持证上岗率（目标 93%）')).toBeTruthy();
    const names = await waitFor(() => {
      const card = [...document.querySelectorAll('.ant-card')].find((c) => c.querySelector('.ant-card-head')?.textContent?.startsWith('各机构'));
      const cells = [...(card?.querySelectorAll('.ant-table-row td:nth-child(2)') ?? [])].map((c) => c.textContent);
      if (cells.length < 3) throw new Error('rows not there yet');
      return cells;
    });
    expect(names).toEqual(['安康居家养老', '达标居家养老', '幸福食堂']);
    expect(screen.getByText('2/4，差 2 人达标')).toBeTruthy();
    expect(screen.getByText('3/4，差 1 人达标')).toBeTruthy();
    expect(screen.getByText('钱将到期')).toBeTruthy();
    expect(screen.getByText('4 天')).toBeTruthy();
    expect(mocks.request).toHaveBeenCalledWith('GET', '/operator/qualification', { query: { regionId: 'r1', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });

    const firstRow = [...document.querySelectorAll('.ant-table-row')].find((r) => r.textContent?.includes('安康居家养老') && r.querySelector('.ant-table-row-expand-icon'))!;
    await act(async () => {
      fireEvent.click(firstRow.querySelector('.ant-table-row-expand-icon')!);
    });
    expect(await screen.findByText('未完成岗前培训（不会收到派单）：')).toBeTruthy();
    expect(screen.getByText('只有电工证')).toBeTruthy();
  });

  it('records attendance: only the changed marks are sent, and the figures reload', async () => {
    routes();
    renderPage();
    const open = await waitFor(() => screen.getByText('签到与考核'), { timeout: 5000 });
    await act(async () => {
      fireEvent.click(open);
    });
    const drawer = await waitFor(() => {
      const d = [...document.querySelectorAll('.ant-drawer')].find((el) => el.textContent?.includes('11 月岗前培训'));
      if (!d || !d.textContent?.includes('周新人')) throw new Error('drawer not ready');
      return d as HTMLElement;
    });
    const select = within(drawer).getAllByLabelText('周新人签到与考核')[0].closest('.ant-select')!;
    fireEvent.mouseDown(select.querySelector('.ant-select-selector')!);
    await act(async () => {
      fireEvent.click((await screen.findAllByText('参加，考核通过')).find((el) => el.closest('.ant-select-item'))!);
    });
    const save = [...drawer.querySelectorAll('button')].find((b) => b.textContent?.includes('保存'))!;
    expect(save.textContent).toContain('（1）');
    const before = mocks.request.mock.calls.filter((c) => c[1] === '/operator/qualification').length;
    await act(async () => {
      fireEvent.click(save);
    });
    await waitFor(() => expect(mocks.request).toHaveBeenCalledWith('PUT', '/training/sessions/ts1/attendance', { body: { records: [{ staffId: 's1', passed: true }] } }));
    await waitFor(() => expect(mocks.request.mock.calls.filter((c) => c[1] === '/operator/qualification').length).toBeGreaterThan(before));
  });
});
