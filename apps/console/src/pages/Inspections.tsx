import { CheckCircleOutlined, ExperimentOutlined, PlusOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import {
  DRAW_STATUS_LABELS,
  INSPECTION_STATUS_LABELS,
  inspectionOutcome,
  PROVIDER_KIND_LABELS,
  PROVIDER_KINDS,
  type ProviderKind,
  type CheckInOverrideView,
  type DrawPoolView,
  type DrawStatus,
  type InspectionDrawView,
  type InspectionStatus,
  type InspectionView,
  type InspectorView,
} from '@carecircle/shared';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Radio, Segmented, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { RegionMonthBar } from '../components/RegionMonthBar';
import { useConsole } from '../context';
import { compareText, formatDateTime, formatMeters } from '../lib/format';
import { reproduceDraw, sha256Hex, supervision } from '../lib/supervision';
import { useAsync } from '../lib/useAsync';

/** 双随机、一公开: inspector roster, seeded draws anyone can reproduce, checklist results, publication; check-in override reviews. */
export default function Inspections() {
  const { regionId } = useConsole();
  return (
    <div>
      <PageTitle title="双随机抽查">随机抽取检查对象与检查人员（先公布种子哈希，抽取时公开种子，可核验复现），逐项录入检查表并公示结果；审核超范围签到</PageTitle>
      <RegionMonthBar showMonth={false} />
      {!regionId ? (
        <EmptyState description="请选择地区" />
      ) : (
        <Card>
          <Tabs
            items={[
              { key: 'draw', label: '抽取', children: <DrawTab regionId={regionId} /> },
              { key: 'tasks', label: '检查任务', children: <TasksTab regionId={regionId} /> },
              { key: 'roster', label: '检查人员名录', children: <RosterTab regionId={regionId} /> },
              { key: 'overrides', label: '超范围签到审核', children: <OverridesTab /> },
            ]}
          />
        </Card>
      )}
    </div>
  );
}

export function DrawTab({ regionId }: { regionId: string }) {
  const { message, modal } = App.useApp();
  const draws = useAsync(() => supervision.draws(regionId), [regionId]);
  const [providerCount, setProviderCount] = useState<number | null>(2);
  const [inspectorCount, setInspectorCount] = useState<number | null>(2);
  const [kind, setKind] = useState<ProviderKind | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const pool = useAsync(() => supervision.drawPool(regionId, kind!), [regionId, kind], { skip: !kind });
  const providersInPool = pool.data?.providers.length;
  const inspectorsInPool = pool.data?.inspectorCount;

  async function prepare() {
    if (!kind) return void message.error('请先选择抽查的机构类型');
    if (!providerCount || !inspectorCount) return void message.error('请填写抽取数量');
    setBusy('prepare');
    try {
      const d = await supervision.draw({ regionId, providerKind: kind, providerCount, inspectorCount });
      message.success(`已公布种子哈希 ${d.seedHash.slice(0, 12)}…，请在公开场合点「抽取」`);
      draws.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function execute(d: InspectionDrawView) {
    setBusy(d.id);
    try {
      const done = await supervision.executeDraw(d.id);
      message.success(`已抽取 ${done.providers.length} 家${done.providerKind ? PROVIDER_KIND_LABELS[done.providerKind] : '机构'}、${done.inspectors.length} 名检查人员`);
      pool.reload();
      draws.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function verify(d: InspectionDrawView) {
    const local = reproduceDraw(d);
    try {
      const localHash = d.seed === null ? false : (await sha256Hex(d.seed)) === d.seedHash;
      const server = await supervision.verifyDraw(d.id);
      modal.info({
        title: '核验抽取',
        content: (
          <div>
            <p>事先公布的种子哈希：{d.seedHash}</p>
            <p>抽取后公开的种子：{d.seed}</p>
            <p>本机计算种子的 SHA-256：{localHash ? '与公布的哈希一致' : '与公布的哈希不一致'}</p>
            <p>本机按种子与名单重算：{local ? '结果一致' : '结果不一致'}</p>
            <p>服务器核验：{server.verified ? '哈希一致、结果一致' : `${server.hashMatches ? '' : '哈希不一致；'}${server.reproduced ? '' : '结果不一致'}`}</p>
          </div>
        ),
      });
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const columns: ColumnsType<InspectionDrawView> = [
    { title: '公布时间', dataIndex: 'preparedAt', render: formatDateTime, sorter: (a, b) => compareText(a.preparedAt, b.preparedAt), defaultSortOrder: 'descend' },
    { title: '机构类型', dataIndex: 'providerKind', render: (k: ProviderKind | null) => (k ? PROVIDER_KIND_LABELS[k] : '全部类型') },
    { title: '状态', dataIndex: 'status', render: (st: DrawStatus) => <Tag color={st === 'prepared' ? 'orange' : 'green'}>{DRAW_STATUS_LABELS[st]}</Tag> },
    { title: '种子哈希（事先公布）', dataIndex: 'seedHash', render: (h: string) => <Typography.Text code copyable={{ text: h }} title={h}>{h.slice(0, 16)}…</Typography.Text> },
    { title: '随机种子', dataIndex: 'seed', render: (seed: string | null) => (seed ? <Typography.Text code copyable={{ text: seed }} title={seed}>{seed.slice(0, 16)}…</Typography.Text> : <Typography.Text type="secondary">抽取后公开</Typography.Text>) },
    { title: '抽中机构', dataIndex: 'providers', render: (list: InspectionDrawView['providers']) => list.map((p) => <Link key={p.id} to={`/providers/${p.id}/record`} style={{ marginRight: 8 }}>{p.name}</Link>) },
    { title: '检查人员', dataIndex: 'inspectors', render: (list: InspectionDrawView['inspectors']) => list.map((i) => i.name).join('、') },
    { title: '名单规模', key: 'pool', render: (_: unknown, d) => `机构 ${d.providerPool.length} · 人员 ${d.inspectorPool.length}` },
    { title: '操作人', key: 'who', render: (_: unknown, d) => d.drawnByName || d.preparedByName },
    {
      title: '操作',
      key: 'a',
      render: (_: unknown, d) =>
        d.status === 'prepared' ? (
          <Popconfirm title="确认抽取？" description="将用已公布哈希的种子抽取，并公开种子" okText="抽取" cancelText="取消" onConfirm={() => void execute(d)}>
            <Button size="small" type="primary" loading={busy === d.id}>
              抽取
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" icon={<ExperimentOutlined />} onClick={() => void verify(d)}>
            核验
          </Button>
        ),
    },
  ];
  return (
    <div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="两步抽取：先由系统生成随机种子并公布其哈希和名单；再在公开场合点「抽取」，用该种子抽取并公开种子。任何人都可以核对种子的哈希并重算结果。"
      />
      <Space wrap style={{ marginBottom: 8 }}>
        <span>机构类型</span>
        <Radio.Group
          aria-label="抽查机构类型"
          value={kind}
          onChange={(e) => setKind(e.target.value as ProviderKind)}
          optionType="button"
          options={PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABELS[k] }))}
        />
      </Space>
      <div data-testid="draw-pool" style={{ marginBottom: 8, minHeight: 22 }}>
        <PoolSummary regionId={regionId} kind={kind} pool={pool.data ?? null} error={pool.error} />
      </div>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>抽取</span>
        <InputNumber aria-label="抽取机构数" min={1} max={providersInPool || 50} value={providerCount} onChange={setProviderCount} />
        <span>家，选派检查人员</span>
        <InputNumber aria-label="检查人员数" min={1} max={inspectorsInPool || 20} value={inspectorCount} onChange={setInspectorCount} />
        <span>名</span>
        <Popconfirm title={kind ? `公布${PROVIDER_KIND_LABELS[kind]}抽取的种子哈希？` : '公布种子哈希？'} description="系统生成随机种子，先公布其哈希和名单；种子在抽取时公开" okText="公布" cancelText="取消" onConfirm={() => void prepare()} disabled={!kind}>
          <Button type="primary" loading={busy === 'prepare'} disabled={!kind} title={kind ? undefined : '请先选择机构类型'}>
            生成种子并公布哈希
          </Button>
        </Popconfirm>
      </Space>
      {draws.error !== undefined ? (
        <ErrorState compact error={draws.error} onRetry={draws.reload} />
      ) : (
        <Table<InspectionDrawView> rowKey="id" loading={draws.loading} columns={columns} dataSource={draws.data ?? []} pagination={{ pageSize: 10 }} locale={{ emptyText: <EmptyState description="尚无抽取记录" /> }} />
      )}
    </div>
  );
}

/** What the chosen kind's draw would pick from: how many providers (by name) and inspectors, and whether there is a checklist. */
function PoolSummary({ regionId, kind, pool, error }: { regionId: string; kind: ProviderKind | null; pool: DrawPoolView | null; error: unknown }) {
  if (!kind) return <Typography.Text type="secondary">请先选择机构类型：每次只抽一类机构，并使用这一类的检查表</Typography.Text>;
  if (error !== undefined) return <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>;
  if (!pool || pool.providerKind !== kind || pool.regionId !== regionId) return <Typography.Text type="secondary">正在统计可抽查名单…</Typography.Text>;
  const label = PROVIDER_KIND_LABELS[kind];
  return (
    <Space wrap size={4}>
      <Typography.Text title={pool.providers.map((p) => p.name).join('、')}>
        可抽查{label} {pool.providers.length} 家 · 检查人员 {pool.inspectorCount} 名
      </Typography.Text>
      {pool.checklistItems > 0 ? <Typography.Text type="secondary">（检查表 {pool.checklistItems} 项）</Typography.Text> : <Tag color="red">本地区尚未发布{label}检查表</Tag>}
    </Space>
  );
}

type StatusFilter = InspectionStatus | 'all';
const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  ...(['planned', 'recorded', 'published'] as const).map((s) => ({ value: s, label: INSPECTION_STATUS_LABELS[s] })),
  { value: 'all', label: '全部' },
];

export function TasksTab({ regionId }: { regionId: string }) {
  const { message } = App.useApp();
  const list = useAsync(() => supervision.inspections(regionId), [regionId]);
  const [status, setStatus] = useState<StatusFilter>('planned');
  const [editing, setEditing] = useState<InspectionView | null>(null);
  const rows = useMemo(() => (list.data ?? []).filter((i) => status === 'all' || i.status === status), [list.data, status]);

  async function publish(i: InspectionView) {
    try {
      const done = await supervision.publishInspection(i.id);
      message.success(done.passed ? '已公示：合格' : `已公示：不合格，扣减信用 ${done.creditPoints} 分`);
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const columns: ColumnsType<InspectionView> = [
    { title: '机构', dataIndex: 'providerName', render: (n: string, i) => <Link to={`/providers/${i.providerId}/record`}>{n}</Link>, sorter: (a, b) => compareText(a.providerName, b.providerName) },
    { title: '类型', dataIndex: 'providerKind', render: (k: ProviderKind) => PROVIDER_KIND_LABELS[k] ?? k, filters: PROVIDER_KINDS.map((k) => ({ text: PROVIDER_KIND_LABELS[k], value: k })), onFilter: (v, i) => i.providerKind === v },
    { title: '检查人员', dataIndex: 'inspectors', render: (l: InspectionView['inspectors']) => l.map((x) => x.name).join('、') },
    { title: '状态', dataIndex: 'status', render: (s: InspectionStatus) => <Tag color={s === 'published' ? 'blue' : s === 'recorded' ? 'gold' : undefined}>{INSPECTION_STATUS_LABELS[s]}</Tag> },
    { title: '结果', dataIndex: 'passed', render: (p: boolean | null) => (p === null ? '—' : p ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>) },
    { title: '抽取时间', dataIndex: 'createdAt', render: formatDateTime, sorter: (a, b) => compareText(a.createdAt, b.createdAt) },
    {
      title: '操作',
      key: 'a',
      render: (_: unknown, i) =>
        i.status === 'published' ? (
          <Typography.Text type="secondary">已公示 {i.creditPoints ? `· 扣 ${i.creditPoints} 分` : ''}</Typography.Text>
        ) : (
          <Space>
            <Button size="small" onClick={() => setEditing(i)}>
              {i.status === 'planned' ? '录入结果' : '修改结果'}
            </Button>
            <Popconfirm title={`公示「${i.providerName}」的检查结果？`} description={i.passed === false ? '不合格将扣减机构信用分，公示后不能修改' : '公示后不能修改'} okText="公示" cancelText="取消" onConfirm={() => void publish(i)} disabled={i.status !== 'recorded'}>
              <Button size="small" type="primary" icon={<SendOutlined />} disabled={i.status !== 'recorded'}>
                公示
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];
  return (
    <div>
      <Space style={{ marginBottom: 16 }}>
        <Segmented<StatusFilter> value={status} onChange={setStatus} options={STATUS_FILTERS} />
        <Button icon={<ReloadOutlined />} onClick={list.reload}>
          刷新
        </Button>
      </Space>
      {list.error !== undefined ? (
        <ErrorState compact error={list.error} onRetry={list.reload} />
      ) : (
        <Table<InspectionView> rowKey="id" loading={list.loading} columns={columns} dataSource={rows} pagination={{ pageSize: 10 }} locale={{ emptyText: <EmptyState description="没有这类检查任务" /> }} />
      )}
      {editing && <RecordModal inspection={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); list.reload(); }} />}
    </div>
  );
}

export function RecordModal({ inspection, onClose, onSaved }: { inspection: InspectionView; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const [results, setResults] = useState<Record<string, boolean>>(() => Object.fromEntries(inspection.checklist.map((c) => [c.code, inspection.results.find((r) => r.code === c.code)?.passed ?? true])));
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries(inspection.results.filter((r) => r.note).map((r) => [r.code, r.note!])));
  const [summary, setSummary] = useState(inspection.summary ?? '');
  const [busy, setBusy] = useState(false);
  const outcome = inspectionOutcome({ items: inspection.checklist }, Object.entries(results).map(([code, passed]) => ({ code, passed })));

  async function save() {
    if (!summary.trim()) return void message.error('请填写检查结论');
    setBusy(true);
    try {
      await supervision.recordInspection(inspection.id, {
        results: inspection.checklist.map((c) => ({ code: c.code, passed: results[c.code], ...(notes[c.code]?.trim() ? { note: notes[c.code].trim() } : {}) })),
        summary: summary.trim(),
      });
      message.success('检查结果已保存，待公示');
      onSaved();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title={`检查表 · ${inspection.providerName}`} open onCancel={onClose} onOk={() => void save()} okText="保存结果" cancelText="取消" confirmLoading={busy} width={720}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {inspection.checklist.map((c) => (
          <div key={c.code} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr 200px', gap: 12, alignItems: 'center' }}>
            <Radio.Group aria-label={c.label} value={results[c.code]} onChange={(e) => setResults((r) => ({ ...r, [c.code]: e.target.value as boolean }))} optionType="button" buttonStyle="solid" options={[{ value: true, label: '符合' }, { value: false, label: '不符合' }]} />
            <span>
              {c.label} {c.critical && <Tag color="red">否决项</Tag>}
            </span>
            <Input size="small" placeholder="说明（可选）" aria-label={`${c.label}说明`} value={notes[c.code] ?? ''} maxLength={200} onChange={(e) => setNotes((n) => ({ ...n, [c.code]: e.target.value }))} />
          </div>
        ))}
        <Input.TextArea aria-label="检查结论" placeholder="检查结论" value={summary} maxLength={1000} onChange={(e) => setSummary(e.target.value)} autoSize={{ minRows: 2 }} />
        <Alert data-testid="inspection-outcome" type={outcome.passed ? 'success' : 'error'} showIcon message={outcome.passed ? '按检查表判定：合格' : `按检查表判定：不合格（否决项 ${outcome.failedCritical} 项，一般项 ${outcome.failedMinor} 项不符合）`} />
      </Space>
    </Modal>
  );
}

function RosterTab({ regionId }: { regionId: string }) {
  const { message } = App.useApp();
  const list = useAsync(() => supervision.inspectors(regionId), [regionId]);
  const [form] = Form.useForm<{ name: string; organisation: string }>();
  const [busy, setBusy] = useState(false);

  async function add(v: { name: string; organisation: string }) {
    setBusy(true);
    try {
      await supervision.addInspector({ regionId, name: v.name, organisation: v.organisation });
      form.resetFields();
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  async function toggle(i: InspectorView, active: boolean) {
    try {
      await supervision.setInspectorActive(i.id, active);
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  const columns: ColumnsType<InspectorView> = [
    { title: '姓名', dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
    { title: '所在单位', dataIndex: 'organisation', sorter: (a, b) => compareText(a.organisation, b.organisation) },
    { title: '参加抽取', dataIndex: 'active', render: (a: boolean, i) => <Switch aria-label={`${i.name}参加抽取`} checked={a} onChange={(v) => void toggle(i, v)} />, filters: [{ text: '参加', value: true }, { text: '停用', value: false }], onFilter: (v, i) => i.active === v },
  ];
  return (
    <div>
      <Form form={form} layout="inline" onFinish={add} style={{ marginBottom: 16 }}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input placeholder="姓名" aria-label="检查人员姓名" maxLength={40} />
        </Form.Item>
        <Form.Item name="organisation" rules={[{ required: true, whitespace: true, message: '请填写所在单位' }]}>
          <Input placeholder="所在单位，如 昆山市民政局" aria-label="所在单位" maxLength={100} style={{ width: 240 }} />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>
          添加
        </Button>
      </Form>
      {list.error !== undefined ? (
        <ErrorState compact error={list.error} onRetry={list.reload} />
      ) : (
        <Table<InspectorView> rowKey="id" loading={list.loading} columns={columns} dataSource={list.data ?? []} pagination={{ pageSize: 10 }} locale={{ emptyText: <EmptyState description="名录为空，请先添加检查人员" /> }} />
      )}
    </div>
  );
}

function OverridesTab() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<'unreviewed' | 'reviewed'>('unreviewed');
  const list = useAsync(() => supervision.checkInOverrides(status), [status]);
  const [reviewing, setReviewing] = useState<CheckInOverrideView | null>(null);
  const [justified, setJustified] = useState(true);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!reviewing) return;
    if (!note.trim()) return void message.error('请填写审核意见');
    setBusy(true);
    try {
      const r = await supervision.reviewOverride(reviewing.orderId, { justified, note: note.trim() });
      message.success(r.review?.justified ? '已认定有正当理由' : `已认定无正当理由，扣减信用 ${r.review?.creditPoints ?? 0} 分`);
      setReviewing(null);
      list.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const columns: ColumnsType<CheckInOverrideView> = [
    { title: '签到时间', dataIndex: 'checkedInAt', render: formatDateTime, sorter: (a, b) => compareText(a.checkedInAt, b.checkedInAt), defaultSortOrder: 'descend' },
    { title: '服务人员', dataIndex: 'staffName' },
    { title: '机构', dataIndex: 'providerName', render: (n: string, o) => <Link to={`/providers/${o.providerId}/record`}>{n}</Link> },
    { title: '距服务地址', dataIndex: 'distanceMeters', render: formatMeters, sorter: (a, b) => a.distanceMeters - b.distanceMeters },
    { title: '签到说明', dataIndex: 'reason' },
    {
      title: status === 'unreviewed' ? '操作' : '审核结果',
      key: 'a',
      render: (_: unknown, o) =>
        o.review ? (
          <span>
            {o.review.justified ? <Tag color="green">有正当理由</Tag> : <Tag color="red">无正当理由 -{o.review.creditPoints}</Tag>} {o.review.note}
          </span>
        ) : (
          <Button size="small" icon={<CheckCircleOutlined />} onClick={() => { setReviewing(o); setJustified(true); setNote(''); }}>
            审核
          </Button>
        ),
    },
  ];
  return (
    <div>
      <Segmented value={status} onChange={(v) => setStatus(v as 'unreviewed' | 'reviewed')} options={[{ value: 'unreviewed', label: '待审核' }, { value: 'reviewed', label: '已审核' }]} style={{ marginBottom: 16 }} />
      {list.error !== undefined ? (
        <ErrorState compact error={list.error} onRetry={list.reload} />
      ) : (
        <Table<CheckInOverrideView> rowKey="orderId" loading={list.loading} columns={columns} dataSource={list.data ?? []} pagination={{ pageSize: 10 }} locale={{ emptyText: <EmptyState description="没有需要审核的超范围签到" /> }} />
      )}
      <Modal title="审核超范围签到" open={!!reviewing} onCancel={() => setReviewing(null)} onOk={() => void submit()} okText="提交" cancelText="取消" confirmLoading={busy}>
        {reviewing && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {reviewing.staffName}（{reviewing.providerName}）距服务地址 {formatMeters(reviewing.distanceMeters)}，说明：{reviewing.reason}
            </Typography.Text>
            <Radio.Group value={justified} onChange={(e) => setJustified(e.target.value as boolean)} options={[{ value: true, label: '有正当理由' }, { value: false, label: '无正当理由（扣减信用分）' }]} />
            <Input.TextArea aria-label="审核意见" placeholder="审核意见，如 已电话核实" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} autoSize />
          </Space>
        )}
      </Modal>
    </div>
  );
}
