import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  PROVIDER_KIND_LABELS,
  TRAINING_KIND_LABELS,
  TRAINING_KINDS,
  type ExpiringCertificateView,
  type ProviderQualificationRow,
  type StaffQualificationView,
  type TrainingKind,
  type TrainingSessionView,
} from '@carecircle/shared';
import { App, Button, Card, Col, DatePicker, Drawer, Form, Input, InputNumber, Modal, Progress, Radio, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { RegionMonthBar } from '../components/RegionMonthBar';
import { useConsole } from '../context';
import { compareText, formatPercent, today } from '../lib/format';
import {
  attendanceChanges,
  canRecordPasses,
  markOf,
  qualificationApi,
  rateStatus,
  shortfall,
  targetsOf,
  worstFirst,
  type Mark,
} from '../lib/qualification';
import { regionName } from '../lib/regions';
import { useAsync } from '../lib/useAsync';

/** 人员资质: 持证上岗率 and 岗前培训率 per provider against the city's targets, expiring certificates, training sessions. */
export default function Staff() {
  const { regionId, regions } = useConsole();
  const [date, setDate] = useState(today());
  const summary = useAsync(() => qualificationApi.summary(regionId!, date), [regionId, date], { skip: !regionId });
  const sessions = useAsync(() => qualificationApi.sessions(), []);
  const targets = targetsOf(summary.data);
  const rows = useMemo(() => worstFirst(summary.data?.providers ?? [], targets), [summary.data, targets.certifiedRate, targets.preJobTrainedRate]);
  const [creating, setCreating] = useState(false);
  const [openSession, setOpenSession] = useState<string | null>(null);
  // Bumped whenever the figures reload, so an open drill-down reloads with them.
  const [version, setVersion] = useState(0);

  const rateCell = (count: number, total: number, rate: number | null, target: number, label: string) => {
    const status = rateStatus(rate, target);
    if (status === 'none') return <Typography.Text type="secondary">—</Typography.Text>;
    const missing = shortfall(count, total, target);
    return (
      <Space direction="vertical" size={0}>
        <Progress aria-label={label} percent={Math.round((rate ?? 0) * 1000) / 10} size="small" status={status === 'met' ? 'success' : 'exception'} style={{ width: 140 }} />
        <Typography.Text type={status === 'met' ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
          {count}/{total}
          {missing > 0 ? `，差 ${missing} 人达标` : ''}
        </Typography.Text>
      </Space>
    );
  };

  const columns: ColumnsType<ProviderQualificationRow> = [
    { title: '机构', dataIndex: 'providerName', sorter: (a, b) => compareText(a.providerName, b.providerName) },
    { title: '类型', dataIndex: 'providerKind', render: (k: string) => PROVIDER_KIND_LABELS[k as keyof typeof PROVIDER_KIND_LABELS] ?? k },
    {
      title: `持证上岗率（目标 ${formatPercent(targets.certifiedRate)}）`,
      key: 'certified',
      sorter: (a, b) => (a.certifiedRate ?? 2) - (b.certifiedRate ?? 2),
      render: (_, r) => rateCell(r.certified, r.careStaff, r.certifiedRate, targets.certifiedRate, `${r.providerName}持证上岗率`),
    },
    {
      title: `岗前培训率（目标 ${formatPercent(targets.preJobTrainedRate)}）`,
      key: 'trained',
      sorter: (a, b) => (a.preJobTrainedRate ?? 2) - (b.preJobTrainedRate ?? 2),
      render: (_, r) => rateCell(r.preJobTrained, r.staff, r.preJobTrainedRate, targets.preJobTrainedRate, `${r.providerName}岗前培训率`),
    },
  ];

  const expiringColumns: ColumnsType<ExpiringCertificateView> = [
    { title: '服务人员', dataIndex: 'staffName' },
    { title: '机构', dataIndex: 'providerName' },
    { title: '证书', dataIndex: 'typeLabel' },
    { title: '编号', dataIndex: 'number' },
    { title: '到期日', dataIndex: 'expiresOn', sorter: (a, b) => compareText(a.expiresOn, b.expiresOn), defaultSortOrder: 'ascend' },
    { title: '剩余', dataIndex: 'daysLeft', render: (d: number) => <Tag color={d <= 7 ? 'red' : 'orange'}>{d} 天</Tag> },
  ];

  const sessionColumns: ColumnsType<TrainingSessionView> = [
    { title: '培训', dataIndex: 'title' },
    { title: '类型', dataIndex: 'kind', render: (k: TrainingKind) => <Tag color={k === 'pre_job' ? 'blue' : 'default'}>{TRAINING_KIND_LABELS[k]}</Tag> },
    { title: '日期', dataIndex: 'heldOn', sorter: (a, b) => compareText(a.heldOn, b.heldOn) },
    { title: '学时', dataIndex: 'hours', align: 'right' },
    { title: '组织方', dataIndex: 'organiserName' },
    { title: '参训 / 通过', key: 'att', render: (_, s) => `${s.attended} / ${s.passed}` },
    {
      title: '',
      key: 'op',
      render: (_, s) => (
        <Button size="small" onClick={() => setOpenSession(s.id)}>
          签到与考核
        </Button>
      ),
    },
  ];

  const t = summary.data?.totals;
  return (
    <div>
      <PageTitle
        title="人员资质"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => (summary.reload(), sessions.reload(), setVersion((v) => v + 1))}>
            刷新
          </Button>
        }
      >
        养老护理人员持证上岗率（持有效护理类证书）与岗前培训率；未完成岗前培训的人员不会收到派单
      </PageTitle>
      <RegionMonthBar
        showMonth={false}
        extra={
          <Space>
            <Typography.Text type="secondary">统计日期</Typography.Text>
            <DatePicker aria-label="统计日期" allowClear={false} value={dayjs(date)} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
          </Space>
        }
      />
      {summary.error ? (
        <ErrorState error={summary.error} onRetry={summary.reload} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={12}>
              <Card loading={summary.loading}>
                <Statistic
                  title={`养老护理人员持证上岗率（目标 ${formatPercent(targets.certifiedRate)}）`}
                  value={formatPercent(t?.certifiedRate ?? null)}
                  valueStyle={{ color: rateStatus(t?.certifiedRate ?? null, targets.certifiedRate) === 'below' ? '#cf1322' : undefined }}
                  suffix={t ? <Typography.Text type="secondary" style={{ fontSize: 14 }}>{`${t.certified}/${t.careStaff} 人`}</Typography.Text> : null}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card loading={summary.loading}>
                <Statistic
                  title={`岗前培训率（目标 ${formatPercent(targets.preJobTrainedRate)}）`}
                  value={formatPercent(t?.preJobTrainedRate ?? null)}
                  valueStyle={{ color: rateStatus(t?.preJobTrainedRate ?? null, targets.preJobTrainedRate) === 'below' ? '#cf1322' : undefined }}
                  suffix={t ? <Typography.Text type="secondary" style={{ fontSize: 14 }}>{`${t.preJobTrained}/${t.staff} 人`}</Typography.Text> : null}
                />
              </Card>
            </Col>
          </Row>
          <Card title={`各机构（${regionName(regions, regionId)}，${date}）`}>
            <Table
              rowKey="providerId"
              size="middle"
              loading={summary.loading}
              columns={columns}
              dataSource={rows}
              pagination={false}
              expandable={{ expandedRowRender: (r) => <ProviderDrillDown providerId={r.providerId} date={date} version={version} /> }}
              locale={{ emptyText: <EmptyState description="该地区暂无已审核的机构" /> }}
            />
          </Card>
          <Card title="30 天内到期的证书">
            <Table
              rowKey={(e) => `${e.staffId}-${e.type}-${e.number}`}
              size="small"
              loading={summary.loading}
              columns={expiringColumns}
              dataSource={summary.data?.expiring ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyState description="30 天内没有到期的证书" /> }}
            />
          </Card>
        </Space>
      )}
      <Card
        title="培训记录"
        style={{ marginTop: 16 }}
        extra={
          <Button type="primary" icon={<PlusOutlined />} disabled={!regionId} onClick={() => setCreating(true)}>
            登记培训
          </Button>
        }
      >
        {sessions.error ? (
          <ErrorState compact error={sessions.error} onRetry={sessions.reload} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={sessions.loading}
            columns={sessionColumns}
            dataSource={sessions.data ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyState description="还没有登记培训" /> }}
          />
        )}
      </Card>
      {creating && regionId && (
        <CreateSessionModal
          regionId={regionId}
          regionLabel={regionName(regions, regionId)}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            sessions.reload();
            setOpenSession(id);
          }}
        />
      )}
      {openSession && (
        <AttendanceDrawer
          sessionId={openSession}
          onClose={() => setOpenSession(null)}
          onSaved={() => {
            sessions.reload();
            summary.reload();
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}

function ProviderDrillDown({ providerId, date, version }: { providerId: string; date: string; version: number }) {
  const detail = useAsync(() => qualificationApi.provider(providerId, date), [providerId, date, version]);
  if (detail.error) return <ErrorState compact error={detail.error} onRetry={detail.reload} />;
  const d = detail.data;
  const names = (list: StaffQualificationView[] | undefined) =>
    list?.length ? (
      <Space size={4} wrap>
        {list.map((s) => (
          <Tag key={s.staffId}>{s.staffName}</Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">无</Typography.Text>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div>
        <Typography.Text strong>未持有效护理证书：</Typography.Text>
        {detail.loading ? '…' : names(d?.missingCertificate)}
      </div>
      <div>
        <Typography.Text strong>未完成岗前培训（不会收到派单）：</Typography.Text>
        {detail.loading ? '…' : names(d?.missingPreJobTraining)}
      </div>
    </Space>
  );
}

function CreateSessionModal({ regionId, regionLabel, onClose, onCreated }: { regionId: string; regionLabel: string; onClose(): void; onCreated(id: string): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; kind: TrainingKind; heldOn: dayjs.Dayjs; hours: number }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const created = await qualificationApi.createSession({ title: v.title, kind: v.kind, heldOn: v.heldOn.format('YYYY-MM-DD'), hours: v.hours, organiserRegionId: regionId });
      message.success(`已登记：${created.title}`);
      onCreated(created.id);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`登记培训（组织方：${regionLabel}）`} okText="登记" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'pre_job', hours: 16, heldOn: dayjs() }}>
        <Form.Item name="title" label="培训名称" rules={[{ required: true, whitespace: true, message: '请填写培训名称' }, { max: 100, message: '最多 100 个字' }]}>
          <Input placeholder="如：2026 年第四季度养老护理员岗前培训" />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Radio.Group options={TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
          <InputNumber min={0.5} max={500} step={0.5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const MARK_OPTIONS: { value: Mark; label: string }[] = [
  { value: 'absent', label: '未参加' },
  { value: 'passed', label: '参加，考核通过' },
  { value: 'failed', label: '参加，未通过' },
];

function AttendanceDrawer({ sessionId, onClose, onSaved }: { sessionId: string; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const session = useAsync(() => qualificationApi.session(sessionId), [sessionId]);
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [saving, setSaving] = useState(false);
  const s = session.data;
  const changes = s ? attendanceChanges(s.attendees, marks) : [];
  const passesAllowed = s ? canRecordPasses(s.heldOn, today()) : false;
  const save = async () => {
    if (!changes.length) return;
    setSaving(true);
    try {
      session.setData(await qualificationApi.recordAttendance(sessionId, { records: changes }));
      setMarks({});
      message.success(`已登记 ${changes.length} 人`);
      onSaved();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open
      width={720}
      title={s ? `${s.title}（${s.kindLabel}，${s.heldOn}）` : '培训'}
      onClose={onClose}
      extra={
        <Button type="primary" loading={saving} disabled={!changes.length} onClick={() => void save()}>
          保存{changes.length ? `（${changes.length}）` : ''}
        </Button>
      }
    >
      {session.error ? (
        <ErrorState compact error={session.error} onRetry={session.reload} />
      ) : (
        <>
          {s && !passesAllowed && <Typography.Paragraph type="warning">培训尚未举行，举行后才能登记考核结果。</Typography.Paragraph>}
          <Table
            rowKey="staffId"
            size="small"
            loading={session.loading}
            dataSource={s?.attendees ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '服务人员', dataIndex: 'staffName' },
              { title: '机构', dataIndex: 'providerName', filters: [...new Set((s?.attendees ?? []).map((a) => a.providerName))].map((p) => ({ text: p, value: p })), onFilter: (v, a) => a.providerName === v },
              {
                title: '签到与考核',
                key: 'mark',
                render: (_, a) => (
                  <Select<Mark>
                    aria-label={`${a.staffName}签到与考核`}
                    size="small"
                    style={{ width: 150 }}
                    value={marks[a.staffId] ?? markOf(a)}
                    disabled={!passesAllowed}
                    options={MARK_OPTIONS.filter((o) => o.value !== 'absent' || a.passed === null)}
                    onChange={(m) => setMarks((prev) => ({ ...prev, [a.staffId]: m }))}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
