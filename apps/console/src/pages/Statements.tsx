import { CalculatorOutlined, CheckCircleOutlined, DownloadOutlined, EditOutlined, LockOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { formatFen, type StatementAnomalyView, type StatementLineView, type StatementView } from '@carecircle/shared';
import { Alert, App, Badge, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, List, Modal, Popconfirm, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../api';
import { useCurrentUserId } from '../auth';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { useConsole } from '../context';
import { saveBlob } from '../lib/download';
import { compareText, formatDateTime } from '../lib/format';
import { isLocked, statementTotals, totalMismatch, yuanToFen } from '../lib/statement';
import { validated } from '../lib/forms';
import { useAsync } from '../lib/useAsync';

const LINE_KIND_LABELS: Record<StatementLineView['kind'], string> = { supply_subsidy: '补供方', demand_subsidy: '补需方', adjustment: '人工调整' };
const FUNDING_LABELS: Record<string, string> = { city: '市级', county: '县（区）级', district: '区级', street: '街道', province: '省级', central: '中央' };

export default function Statements() {
  const { month, setMonth } = useConsole();
  const { message } = App.useApp();
  const list = useAsync(() => api.statements(month), [month]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const current = list.data?.find((s) => s.id === openId) ?? null;

  function replace(updated: StatementView) {
    list.setData((list.data ?? []).map((s) => (s.id === updated.id ? updated : s)));
  }

  async function generate() {
    setGenerating(true);
    try {
      const fresh = await api.generateStatements(month);
      list.setData(fresh);
      message.success(`已生成 ${month} 结算单 ${fresh.length} 份（已审批的不变）`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setGenerating(false);
    }
  }

  const summary = useMemo(() => {
    const all = list.data ?? [];
    return { total: all.reduce((s, x) => s + x.totalFen, 0), approved: all.filter(isLocked).length, anomalies: all.reduce((n, x) => n + x.anomalies.length, 0), count: all.length };
  }, [list.data]);

  const columns: ColumnsType<StatementView> = [
    { title: '机构', dataIndex: 'providerName', sorter: (a, b) => compareText(a.providerName, b.providerName) },
    { title: '月份', dataIndex: 'month', width: 100 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 120,
      filters: [
        { text: '草稿', value: 'draft' },
        { text: '已审批', value: 'approved' },
      ],
      onFilter: (v, s) => s.status === v,
      render: (_: unknown, s) => (isLocked(s) ? <Tag icon={<LockOutlined />} color="green">已审批锁定</Tag> : <Tag color="gold">草稿</Tag>),
    },
    { title: '明细', key: 'lines', width: 90, render: (_: unknown, s) => `${s.lines.length} 项` },
    {
      title: '异常提示',
      key: 'anomalies',
      width: 110,
      sorter: (a, b) => a.anomalies.length - b.anomalies.length,
      render: (_: unknown, s) => (s.anomalies.length ? <Badge count={s.anomalies.length} color="orange" showZero={false} /> : <Typography.Text type="secondary">无</Typography.Text>),
    },
    { title: '合计', dataIndex: 'totalFen', align: 'right', width: 140, sorter: (a, b) => a.totalFen - b.totalFen, render: (f: number) => <Typography.Text strong>{formatFen(f)}</Typography.Text> },
    {
      title: '操作',
      key: 'actions',
      width: 100,
      render: (_: unknown, s) => (
        <Button size="small" type="link" onClick={() => setOpenId(s.id)}>
          查看 / 审核
        </Button>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="补贴结算"
        extra={
          <Space>
            <DatePicker picker="month" allowClear={false} aria-label="结算月份" value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} disabledDate={(d) => d.isAfter(dayjs().endOf('month'))} />
            <Popconfirm title={`生成 ${month} 结算单？`} description="按补贴台账重新计算所有草稿结算单；已审批的不会改变" okText="生成" cancelText="取消" onConfirm={() => void generate()}>
              <Button type="primary" icon={<CalculatorOutlined />} loading={generating}>
                生成结算单
              </Button>
            </Popconfirm>
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              刷新
            </Button>
          </Space>
        }
      >
        按月为每家机构生成补贴结算单（补供方 / 补需方），复核异常、调整并审批；审批后锁定，可导出 Excel
      </PageTitle>
      {list.data && list.data.length > 0 && (
        <Card style={{ marginBottom: 16 }}>
          <Space size={48} wrap>
            <Statistic title="结算单" value={summary.count} suffix="份" />
            <Statistic title="已审批" value={summary.approved} suffix={`/ ${summary.count}`} />
            <Statistic title="异常提示" value={summary.anomalies} suffix="条" valueStyle={summary.anomalies ? { color: '#ad4e00' } : undefined} />
            <Statistic title="本月合计" value={formatFen(summary.total)} />
          </Space>
        </Card>
      )}
      <Card>
        {list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<StatementView>
            rowKey="id"
            loading={list.loading}
            columns={columns}
            dataSource={list.data ?? []}
            pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 份` }}
            locale={{ emptyText: <EmptyState description={`${month} 还没有结算单，点击「生成结算单」按补贴台账计算`} /> }}
          />
        )}
      </Card>
      <StatementDrawer statement={current} onClose={() => setOpenId(null)} onChanged={replace} />
    </div>
  );
}

function StatementDrawer({ statement: s, onClose, onChanged }: { statement: StatementView | null; onClose(): void; onChanged(s: StatementView): void }) {
  const { message } = App.useApp();
  const [adjusting, setAdjusting] = useState(false);
  const [busy, setBusy] = useState<'approve' | 'export' | null>(null);
  const me = useCurrentUserId();
  if (!s) return <Drawer open={false} onClose={onClose} />;
  const totals = statementTotals(s.lines);
  const locked = isLocked(s);
  // Maker-checker: the server refuses whoever generated or adjusted the draft; say so before they try.
  const ownDraft = !locked && me !== null && s.makerIds.includes(me);

  async function approve() {
    if (!s) return;
    setBusy('approve');
    try {
      onChanged(await api.approveStatement(s.id));
      message.success(`${s.providerName} ${s.month} 结算单已审批并锁定`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function exportExcel() {
    if (!s) return;
    setBusy('export');
    try {
      const file = await api.exportStatement(s.id, `${s.providerName}-${s.month}-补贴结算单.xlsx`);
      saveBlob(file.blob, file.filename);
    } catch (err) {
      message.error(`导出失败：${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  const lineColumns: ColumnsType<StatementLineView> = [
    { title: '类别', dataIndex: 'kind', width: 100, render: (k: StatementLineView['kind']) => <Tag color={k === 'adjustment' ? 'purple' : k === 'supply_subsidy' ? 'blue' : 'cyan'}>{LINE_KIND_LABELS[k]}</Tag> },
    { title: '项目', dataIndex: 'label' },
    { title: '资金来源', dataIndex: 'fundingSource', width: 170, render: (f: string) => FUNDING_LABELS[f] ?? f },
    { title: '笔数', dataIndex: 'count', width: 70, align: 'right' },
    { title: '金额', dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => <Typography.Text type={f < 0 ? 'danger' : undefined}>{formatFen(f)}</Typography.Text> },
  ];

  return (
    <Drawer
      open
      width={860}
      title={`${s.providerName} · ${s.month} 补贴结算单`}
      onClose={onClose}
      extra={
        <Space>
          <Button icon={<EditOutlined />} disabled={locked} onClick={() => setAdjusting(true)}>
            调整
          </Button>
          <Popconfirm
            title="审批该结算单？"
            description={s.anomalies.length ? `还有 ${s.anomalies.length} 条异常提示。审批后锁定，不能再调整。` : '审批后锁定，不能再调整。'}
            okText="审批"
            cancelText="取消"
            disabled={locked || ownDraft}
            onConfirm={() => void approve()}
          >
            <Tooltip title={ownDraft ? '您生成或调整了这张结算单，须由本街道另一位运营人员审批' : undefined}>
              <Button type="primary" icon={<CheckCircleOutlined />} disabled={locked || ownDraft} loading={busy === 'approve'}>
                {locked ? '已审批' : ownDraft ? '待他人审批' : '审批'}
              </Button>
            </Tooltip>
          </Popconfirm>
          <Button icon={<DownloadOutlined />} loading={busy === 'export'} onClick={() => void exportExcel()}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {locked && (
          <Alert
            type="success"
            showIcon
            icon={<LockOutlined />}
            message={`已于 ${formatDateTime(s.approvedAt)} 审批锁定`}
            description={
              <span>
                已锁定，不能再调整或重新生成。<Link to={`/audit?entityId=${s.id}`} style={{ textDecoration: 'underline' }}>查看调整与审批记录</Link>
              </span>
            }
          />
        )}
        {totalMismatch(s) && <Alert type="warning" showIcon message={`合计 ${formatFen(s.totalFen)} 与明细之和 ${formatFen(totals.totalFen)} 不一致，请重新生成后再审批`} />}
        <Descriptions bordered size="small" column={4}>
          <Descriptions.Item label="补供方">{formatFen(totals.supplyFen)}</Descriptions.Item>
          <Descriptions.Item label="补需方">{formatFen(totals.demandFen)}</Descriptions.Item>
          <Descriptions.Item label="人工调整">{formatFen(totals.adjustmentsFen)}</Descriptions.Item>
          <Descriptions.Item label="合计">
            <Typography.Text strong>{formatFen(s.totalFen)}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Table<StatementLineView & { key: number }> size="small" columns={lineColumns as ColumnsType<StatementLineView & { key: number }>} dataSource={s.lines.map((l, key) => ({ ...l, key }))} pagination={false} locale={{ emptyText: <Typography.Text type="secondary">本月没有补贴记录</Typography.Text> }} />
        <Card size="small" title={<span><WarningOutlined style={{ color: '#ad4e00' }} /> 异常提示（{s.anomalies.length}）</span>}>
          {s.anomalies.length === 0 ? (
            <Typography.Text type="secondary">未发现异常</Typography.Text>
          ) : (
            <List<StatementAnomalyView>
              size="small"
              dataSource={s.anomalies}
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space>
                        <Tag color="orange">{a.label}</Tag>
                        {a.orderId && <Typography.Text code copyable={{ text: a.orderId }}>订单 {a.orderId.slice(0, 8)}</Typography.Text>}
                      </Space>
                    }
                    description={a.detail}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Space>
      {adjusting && (
        <AdjustModal
          statement={s}
          onClose={() => setAdjusting(false)}
          onDone={(updated) => {
            setAdjusting(false);
            onChanged(updated);
          }}
        />
      )}
    </Drawer>
  );
}

interface AdjustForm {
  amount: string;
  reason: string;
}

function AdjustModal({ statement, onClose, onDone }: { statement: StatementView; onClose(): void; onDone(s: StatementView): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustForm>();
  const amount = Form.useWatch('amount', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = yuanToFen(amount);
  const preview = statementTotals(statement.lines, pending ?? 0);

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    const amountFen = yuanToFen(v.amount)!;
    setBusy(true);
    setError(null);
    try {
      const updated = await api.adjustStatement(statement.id, { amountFen, reason: v.reason.trim() });
      message.success(`已调整 ${formatFen(amountFen)}`);
      onDone(updated);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        form.setFields(err.fields.map((f) => ({ name: (f.field === 'amountFen' ? 'amount' : f.field) as keyof AdjustForm, errors: [f.message] })));
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title="调整结算金额" okText="确认调整" cancelText="取消" onOk={() => void submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<AdjustForm> form={form} layout="vertical">
        <Form.Item
          name="amount"
          label="调整金额（元，扣减填负数）"
          rules={[
            { required: true, message: '请填写调整金额' },
            { validator: (_, v?: string) => (!v || yuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error('请填写非零金额，最多两位小数，如 -50 或 120.50'))) },
          ]}
        >
          <Input prefix="¥" placeholder="-50.00" aria-label="调整金额" />
        </Form.Item>
        <Form.Item name="reason" label="调整原因" rules={[{ required: true, whitespace: true, message: '请填写调整原因' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：9 月 12 日助浴服务时长不足，核减" />
        </Form.Item>
      </Form>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="当前合计">{formatFen(statementTotals(statement.lines).totalFen)}</Descriptions.Item>
        <Descriptions.Item label="调整后合计">
          <Typography.Text strong data-testid="adjusted-total">
            {formatFen(preview.totalFen)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
