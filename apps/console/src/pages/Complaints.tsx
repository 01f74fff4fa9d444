import { ReloadOutlined } from '@ant-design/icons';
import type { ComplaintStatus, ComplaintView } from '@carecircle/shared';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api, ApiError, errorMessage } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { compareText, formatDateTime } from '../lib/format';
import { validated } from '../lib/forms';
import { useAsync } from '../lib/useAsync';

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { received: '已受理', investigating: '调查中', resolved: '已查实处理', rejected: '未查实' };
const STATUS_COLORS: Record<ComplaintStatus, string> = { received: 'gold', investigating: 'blue', resolved: 'green', rejected: 'default' };
type Filter = ComplaintStatus | 'open' | 'all';

export function isClosed(c: Pick<ComplaintView, 'status'>): boolean {
  return c.status === 'resolved' || c.status === 'rejected';
}

export default function Complaints() {
  const [filter, setFilter] = useState<Filter>('open');
  // The API filters by one status; 待处理 (received + investigating) is filtered here.
  const list = useAsync(() => api.complaints(filter === 'open' || filter === 'all' ? undefined : filter), [filter]);
  const [current, setCurrent] = useState<ComplaintView | null>(null);
  const [search, setSearch] = useState('');

  const rows = useMemo(() => {
    const q = search.trim();
    return (list.data ?? [])
      .filter((c) => filter !== 'open' || !isClosed(c))
      .filter((c) => !q || c.text.includes(q) || c.elderName.includes(q) || (c.providerName ?? '').includes(q) || (c.staffName ?? '').includes(q));
  }, [list.data, filter, search]);

  const columns: ColumnsType<ComplaintView> = [
    { title: '投诉时间', dataIndex: 'createdAt', render: formatDateTime, sorter: (a, b) => compareText(a.createdAt, b.createdAt), defaultSortOrder: 'descend', width: 150 },
    { title: '老人', dataIndex: 'elderName', width: 90 },
    { title: '服务', dataIndex: 'serviceName', width: 100 },
    {
      title: '机构 / 人员',
      key: 'who',
      render: (_: unknown, c) => (
        <span>
          {c.providerName ?? '—'}
          {c.staffName && <Typography.Text type="secondary"> / {c.staffName}</Typography.Text>}
        </span>
      ),
      filters: [...new Set((list.data ?? []).map((c) => c.providerName ?? '—'))].map((p) => ({ text: p, value: p })),
      onFilter: (v, c) => (c.providerName ?? '—') === v,
    },
    { title: '投诉内容', dataIndex: 'text', ellipsis: true },
    { title: '状态', dataIndex: 'status', width: 110, render: (s: ComplaintStatus, c) => <Tag color={STATUS_COLORS[s]}>{c.statusLabel || COMPLAINT_STATUS_LABELS[s]}</Tag> },
    { title: '扣信用分', dataIndex: 'creditPoints', width: 110, sorter: (a, b) => a.creditPoints - b.creditPoints, render: (p: number) => (p > 0 ? <Typography.Text type="danger">-{p}</Typography.Text> : '—') },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_: unknown, c) => (
        <Button size="small" type={isClosed(c) ? 'link' : 'primary'} onClick={() => setCurrent(c)}>
          {isClosed(c) ? '查看' : '处理'}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="投诉处理"
        extra={
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
        }
      >
        家属对服务的投诉：调查、答复家属；查实的扣减机构与服务人员信用分（低于门槛的机构自动暂停派单）
      </PageTitle>
      <Card>
        <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
          <Tabs
            activeKey={filter}
            onChange={(k) => setFilter(k as Filter)}
            items={[
              { key: 'open', label: '待处理' },
              { key: 'received', label: '已受理' },
              { key: 'investigating', label: '调查中' },
              { key: 'resolved', label: '已查实处理' },
              { key: 'rejected', label: '未查实' },
              { key: 'all', label: '全部' },
            ]}
          />
          <Input.Search allowClear placeholder="搜索内容、老人、机构、人员" onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 260 }} />
        </Space>
        {list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<ComplaintView>
            rowKey="id"
            loading={list.loading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 件` }}
            locale={{ emptyText: <EmptyState description={filter === 'open' ? '没有待处理的投诉' : '暂无投诉'} /> }}
          />
        )}
      </Card>
      {current && (
        <HandleModal
          complaint={current}
          onClose={() => setCurrent(null)}
          onDone={() => {
            setCurrent(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

interface HandleForm {
  status: ComplaintStatus;
  reply?: string;
  creditPoints?: number;
}

function HandleModal({ complaint, onClose, onDone }: { complaint: ComplaintView; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<HandleForm>();
  const status = Form.useWatch('status', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const closed = isClosed(complaint);
  const closing = status === 'resolved' || status === 'rejected';

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await api.handleComplaint(complaint.id, {
        status: v.status,
        reply: v.reply?.trim() || undefined,
        creditPoints: v.status === 'resolved' ? v.creditPoints ?? 0 : undefined,
      });
      message.success(`投诉已更新：${COMPLAINT_STATUS_LABELS[v.status]}`);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) form.setFields(err.fields.map((f) => ({ name: f.field as keyof HandleForm, errors: [f.message] })));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={closed ? '投诉详情' : '处理投诉'}
      okText="提交"
      cancelText={closed ? '关闭' : '取消'}
      onOk={() => void submit()}
      okButtonProps={{ style: closed ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Descriptions size="small" column={2} bordered style={{ margin: '16px 0' }}>
        <Descriptions.Item label="老人">{complaint.elderName}</Descriptions.Item>
        <Descriptions.Item label="服务">{complaint.serviceName}</Descriptions.Item>
        <Descriptions.Item label="机构">{complaint.providerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="服务人员">{complaint.staffName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="投诉时间">{formatDateTime(complaint.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="订单">
          <Typography.Text code copyable={{ text: complaint.orderId }}>
            {complaint.orderId.slice(0, 8)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="投诉内容" span={2}>
          {complaint.text}
        </Descriptions.Item>
        {closed && (
          <>
            <Descriptions.Item label="结论">{COMPLAINT_STATUS_LABELS[complaint.status]}</Descriptions.Item>
            <Descriptions.Item label="扣信用分">{complaint.creditPoints || '—'}</Descriptions.Item>
            <Descriptions.Item label="答复" span={2}>
              {complaint.reply ?? '—'}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {!closed && (
        <>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          <Form<HandleForm> form={form} layout="vertical" initialValues={{ status: complaint.status === 'received' ? 'investigating' : 'resolved', reply: complaint.reply ?? undefined, creditPoints: 5 }}>
            <Form.Item name="status" label="处理状态">
              <Radio.Group>
                <Radio.Button value="investigating">调查中</Radio.Button>
                <Radio.Button value="resolved">查实并处理</Radio.Button>
                <Radio.Button value="rejected">未查实</Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="reply" label="给家属的答复" rules={closing ? [{ required: true, whitespace: true, message: '办结时请填写给家属的答复' }] : []}>
              <Input.TextArea rows={4} maxLength={1000} showCount placeholder={closing ? '说明调查结果与处理措施' : '选填：告知家属正在调查'} />
            </Form.Item>
            {status === 'resolved' && (
              <Form.Item name="creditPoints" label="扣减信用分（机构与服务人员各扣）" extra="信用分满分 100，机构低于门槛（默认 60）将被暂停派单" rules={[{ required: true, message: '请填写扣分（可为 0）' }]}>
                <InputNumber min={0} max={100} precision={0} addonAfter="分" style={{ width: 180 }} />
              </Form.Item>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}
