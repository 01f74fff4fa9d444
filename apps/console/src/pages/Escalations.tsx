import { ReloadOutlined, SendOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { formatFen, type DispatchCandidateView, type OfferStatus, type DispatchRoundView, type DispatchSkipView, type OrderView, type ServiceTypeView, type StaffView } from '@carecircle/shared';
import { App, Button, Card, Collapse, Descriptions, Empty, Input, Popconfirm, Progress, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorState, LoadingState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { rankSkipped, type Qualification } from '../lib/dispatch';
import { compareText, formatDate, formatDateTime, formatMeters, today } from '../lib/format';
import { useAsync } from '../lib/useAsync';

const REFRESH_MS = 30_000;

/** Services and every dispatchable staff member, to tell which skipped staff could still be assigned. */
interface Directory {
  services: Map<string, ServiceTypeView>;
  staff: Map<string, StaffView>;
}

async function loadDirectory(): Promise<Directory> {
  const [services, providers] = await Promise.all([api.catalogServices(), api.providers()]);
  const lists = await Promise.allSettled(providers.filter((p) => p.kind !== 'childcare').map((p) => api.providerStaff(p.id)));
  const staff = new Map<string, StaffView>();
  for (const l of lists) if (l.status === 'fulfilled') for (const s of l.value) staff.set(s.id, s);
  return { services: new Map(services.map((s) => [s.code, s])), staff };
}

export default function Escalations() {
  const list = useAsync(() => api.escalations(), []);
  const directory = useAsync(loadDirectory, []);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);

  // Escalations are time-critical: the list refreshes itself.
  useEffect(() => {
    const t = setInterval(list.reload, REFRESH_MS);
    return () => clearInterval(t);
  }, [list.reload]);

  const rows = useMemo(() => {
    const q = search.trim();
    return (list.data ?? []).filter((o) => !q || o.elderName.includes(q) || o.serviceName.includes(q) || o.address.includes(q));
  }, [list.data, search]);

  const services = useMemo(() => [...new Set((list.data ?? []).map((o) => o.serviceName))], [list.data]);

  const columns: ColumnsType<OrderView> = [
    {
      title: '服务',
      dataIndex: 'serviceName',
      filters: services.map((s) => ({ text: s, value: s })),
      onFilter: (v, o) => o.serviceName === v,
      render: (_: unknown, o) => (
        <Space>
          {o.serviceName}
          {o.urgent && <Tag color="red">紧急</Tag>}
        </Space>
      ),
    },
    { title: '老人', dataIndex: 'elderName', sorter: (a, b) => compareText(a.elderName, b.elderName) },
    { title: '服务地址', dataIndex: 'address', ellipsis: true },
    {
      title: '期望时间',
      key: 'window',
      render: (_: unknown, o) => (o.asap || !o.windowStart ? <Tag>尽快</Tag> : `${formatDateTime(o.windowStart)}${o.windowEnd ? ` – ${formatDateTime(o.windowEnd).slice(11)}` : ''}`),
      sorter: (a, b) => compareText(a.windowStart, b.windowStart),
    },
    { title: '下单时间', dataIndex: 'createdAt', render: formatDateTime, sorter: (a, b) => compareText(a.createdAt, b.createdAt), defaultSortOrder: 'ascend' },
    { title: '状态', dataIndex: 'statusLabel', render: (t: string) => <Tag color="orange">{t}</Tag> },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, o) => <RedispatchButton order={o} onDone={list.reload} />,
    },
  ];

  return (
    <div>
      <PageTitle
        title="待派单"
        extra={
          <Space>
            <Input.Search allowClear placeholder="搜索老人、服务、地址" onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 240 }} />
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              刷新
            </Button>
          </Space>
        }
      >
        自动派单无人接单的订单：查看每轮候选人与跳过原因，人工指派或重新派单（每 30 秒自动刷新）
      </PageTitle>
      <Card>
        {list.error !== undefined && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<OrderView>
            rowKey="id"
            loading={list.loading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, showSizeChanger: true, showTotal: (n) => `共 ${n} 单` }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待人工派单的订单" /> }}
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
              expandedRowRender: (o) => <OrderDispatch order={o} directory={directory.data ?? null} onChanged={list.reload} />,
            }}
          />
        )}
      </Card>
    </div>
  );
}

function RedispatchButton({ order, onDone }: { order: OrderView; onDone(): void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title="重新自动派单？"
      description="从最小服务圈开始重新寻找服务人员"
      okText="重新派单"
      cancelText="取消"
      onConfirm={async () => {
        setBusy(true);
        try {
          await api.redispatch(order.id);
          message.success(`已重新派单：${order.elderName} · ${order.serviceName}`);
          onDone();
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button size="small" icon={<SendOutlined />} loading={busy}>
        重新派单
      </Button>
    </Popconfirm>
  );
}

function OrderDispatch({ order, directory, onChanged }: { order: OrderView; directory: Directory | null; onChanged(): void }) {
  const rounds = useAsync(() => api.dispatchRounds(order.id), [order.id]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="订单号">
          <Typography.Text copyable code>
            {order.id.slice(0, 8)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="价格">
          {formatFen(order.price.priceFen)}（补贴 {formatFen(order.price.subsidyFen)}，自付 {formatFen(order.price.payFen)}）
        </Descriptions.Item>
        <Descriptions.Item label="备注">{order.notes ?? '—'}</Descriptions.Item>
      </Descriptions>
      {order.events.length > 0 && (
        <Timeline
          style={{ marginTop: 8 }}
          items={order.events.slice(-5).map((e) => ({ children: `${formatDateTime(e.at)} ${e.label}${e.note ? `：${e.note}` : ''}` }))}
        />
      )}
      {rounds.loading ? (
        <LoadingState tip="读取派单记录…" />
      ) : rounds.error !== undefined ? (
        <ErrorState compact error={rounds.error} onRetry={rounds.reload} />
      ) : !rounds.data?.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无派单记录" />
      ) : (
        <Collapse
          size="small"
          defaultActiveKey={[String(rounds.data[rounds.data.length - 1].roundNo)]}
          items={[...rounds.data].reverse().map((r) => ({
            key: String(r.roundNo),
            label: (
              <Space wrap>
                <Typography.Text strong>第 {r.roundNo} 轮</Typography.Text>
                <span>服务圈半径 {formatMeters(r.radiusMeters)}</span>
                <Tag color={r.candidates.length ? 'blue' : 'default'}>候选 {r.candidates.length}</Tag>
                <Tag>跳过 {r.skipped.length}</Tag>
                {r.offeredTo.length > 0 && <Tag color="geekblue">已邀约 {r.offeredTo.length}</Tag>}
                {offerSummary(r).map(([status, label, n]) => (
                  <Tag key={status} color={OFFER_OUTCOME_COLORS[status]}>
                    {label} {n}
                  </Tag>
                ))}
                <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
              </Space>
            ),
            children: <RoundDetail order={order} round={r} directory={directory} onAssigned={onChanged} />,
          }))}
        />
      )}
    </Space>
  );
}

/** How an offer ended, as a tag: declined and timed-out are told apart (a pattern of either says something different). */
const OFFER_OUTCOME_COLORS: Record<OfferStatus, string> = { offered: 'blue', accepted: 'green', declined: 'orange', expired: 'red', withdrawn: 'default' };

/** Per outcome, how many of the round's offers ended that way: 已婉拒 1, 超时未响应 2 … */
export function offerSummary(round: Pick<DispatchRoundView, 'offers'>): [OfferStatus, string, number][] {
  const counts = new Map<OfferStatus, [string, number]>();
  for (const o of round.offers ?? []) counts.set(o.status, [o.statusLabel, (counts.get(o.status)?.[1] ?? 0) + 1]);
  return [...counts].map(([status, [label, n]]) => [status, label, n]);
}

function RoundDetail({ order, round, directory, onAssigned }: { order: OrderView; round: DispatchRoundView; directory: Directory | null; onAssigned(): void }) {
  const outcomes = new Map((round.offers ?? []).map((o) => [o.staffId, o]));
  const candidates: ColumnsType<DispatchCandidateView> = [
    {
      title: '服务人员',
      dataIndex: 'staffName',
      render: (n: string, c) => {
        const offer = outcomes.get(c.staffId);
        if (!offer) return n;
        const when = offer.respondedAt ? ` ${formatDateTime(offer.respondedAt).slice(11)}` : '';
        return (
          <Space>
            {n}
            <Tag color={OFFER_OUTCOME_COLORS[offer.status]} title={`邀约 ${formatDateTime(offer.offeredAt)}`}>
              {offer.statusLabel}
              {when}
            </Tag>
          </Space>
        );
      },
    },
    { title: '距离', dataIndex: 'distanceMeters', render: formatMeters, sorter: (a, b) => a.distanceMeters - b.distanceMeters },
    {
      title: '综合得分',
      dataIndex: 'score',
      sorter: (a, b) => a.score - b.score,
      defaultSortOrder: 'descend',
      render: (s: number, c) => <Progress aria-label={`${c.staffName}综合得分`} percent={Math.round(s * 1000) / 10} size="small" style={{ width: 120 }} format={(p) => `${p}`} />,
    },
    {
      title: '分项（距离 / 评分 / 负载 / 公平）',
      key: 'components',
      render: (_: unknown, c) => (
        <Space size={4}>
          {(['distance', 'rating', 'load', 'fairness'] as const).map((k) => (
            <Tooltip key={k} title={{ distance: '距离', rating: '评分', load: '空闲度', fairness: '今日派单公平' }[k]}>
              <Tag>{Math.round(c.components[k] * 100)}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { title: '操作', key: 'assign', render: (_: unknown, c) => <AssignButton order={order} staffId={c.staffId} staffName={c.staffName} onDone={onAssigned} /> },
  ];
  type SkipRow = DispatchSkipView & { qualification: Qualification | null };
  const day = order.windowStart ? formatDate(order.windowStart) : today();
  const skippedRows: SkipRow[] = rankSkipped(round.skipped, directory?.staff ?? new Map(), directory?.services.get(order.serviceCode), day);
  const skipped: ColumnsType<SkipRow> = [
    { title: '服务人员', dataIndex: 'staffName', width: 140 },
    { title: '跳过原因', dataIndex: 'reason', filters: [...new Set(round.skipped.map((s) => s.reason))].map((r) => ({ text: r, value: r })), onFilter: (v, s) => s.reason === v },
    {
      title: `能否承接「${order.serviceName}」`,
      key: 'qualification',
      filters: [
        { text: '技能证书符合', value: 'yes' },
        { text: '不符合', value: 'no' },
      ],
      onFilter: (v, s) => (v === 'yes' ? s.qualification?.qualified === true : s.qualification?.qualified === false),
      render: (_: unknown, s) =>
        !s.qualification ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : s.qualification.qualified ? (
          <Tag color="green">技能证书符合</Tag>
        ) : (
          <Typography.Text type="secondary">{s.qualification.missing.join('，')}</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'assign',
      width: 110,
      render: (_: unknown, s) => <AssignButton order={order} staffId={s.staffId} staffName={s.staffName} skippedFor={s.reason} qualified={s.qualification?.qualified} onDone={onAssigned} />,
    },
  ];
  const reasons = skipReasonCounts(round.skipped);
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text strong>候选人（{round.candidates.length}）</Typography.Text>
      <Table<DispatchCandidateView> rowKey="staffId" size="small" columns={candidates} dataSource={round.candidates} pagination={false} locale={{ emptyText: <Typography.Text type="secondary">本轮没有符合条件的候选人</Typography.Text> }} />
      {round.skipped.length > 0 && (
        <>
          <Space wrap>
            <Typography.Text strong>已跳过（{round.skipped.length}）</Typography.Text>
            {directory && <Typography.Text type="secondary">其中技能证书符合 {skippedRows.filter((r) => r.qualification?.qualified).length} 人（排在前面，可电话联系后指派）</Typography.Text>}
            {reasons.map(([reason, n]) => (
              <Tag key={reason} color="orange">
                {reason} × {n}
              </Tag>
            ))}
          </Space>
          <Table<SkipRow> rowKey="staffId" size="small" columns={skipped} dataSource={skippedRows} pagination={skippedRows.length > 5 ? { pageSize: 5, size: 'small' } : false} />
        </>
      )}
    </Space>
  );
}

/** Why staff were passed over, most common first. */
export function skipReasonCounts(skipped: readonly DispatchSkipView[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
}

function AssignButton({ order, staffId, staffName, skippedFor, qualified, onDone }: { order: OrderView; staffId: string; staffName: string; skippedFor?: string; qualified?: boolean; onDone(): void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title={`指派给 ${staffName}？`}
      description={
        skippedFor
          ? `该人员本轮被跳过（${skippedFor}）${qualified === false ? '，且技能或证书不符合，服务端会拒绝' : ''}，请先电话确认其可以接单`
          : `${order.elderName} · ${order.serviceName}`
      }
      okText="指派"
      cancelText="取消"
      onConfirm={async () => {
        setBusy(true);
        try {
          await api.assign(order.id, staffId);
          message.success(`已指派给 ${staffName}`);
          onDone();
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button size="small" type={!skippedFor || qualified ? 'primary' : 'default'} icon={<UserSwitchOutlined />} loading={busy}>
        指派
      </Button>
    </Popconfirm>
  );
}
