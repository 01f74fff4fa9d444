import type { ComplaintStatus, ComplaintView } from '@carecircle/shared';
import { Button, Form, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import { api } from '../api';
import { ReviewList, ReviewModal, type ReviewHandlers } from '../components/ReviewList';
import { compareText, formatDateTime } from '../lib/format';

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = { received: '已受理', investigating: '调查中', resolved: '已查实处理', rejected: '未查实' };
const STATUS_COLORS: Record<ComplaintStatus, string> = { received: 'gold', investigating: 'blue', resolved: 'green', rejected: 'default' };
type Filter = ComplaintStatus | 'open' | 'all';

const TABS: { key: Filter; label: string }[] = [
  { key: 'open', label: '待处理' },
  { key: 'received', label: '已受理' },
  { key: 'investigating', label: '调查中' },
  { key: 'resolved', label: '已查实处理' },
  { key: 'rejected', label: '未查实' },
  { key: 'all', label: '全部' },
];

export function isClosed(c: Pick<ComplaintView, 'status'>): boolean {
  return c.status === 'resolved' || c.status === 'rejected';
}

export default function Complaints() {
  return (
    <ReviewList<ComplaintView, Filter>
      title="投诉处理"
      description="家属对服务的投诉：调查、答复家属；查实的扣减机构与服务人员信用分（低于门槛的机构自动暂停派单）"
      tabs={TABS}
      initialTab="open"
      // The API filters by one status; 待处理 (received + investigating) is filtered here.
      load={(f) => api.complaints(f === 'open' || f === 'all' ? undefined : f)}
      inTab={inTab}
      searchPlaceholder="搜索内容、老人、机构、人员"
      searchWidth={260}
      searchText={searchText}
      rowKey="id"
      unit="件"
      emptyText={(f) => (f === 'open' ? '没有待处理的投诉' : '暂无投诉')}
      columns={({ data, review }) => [
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
          filters: [...new Set(data.map((c) => c.providerName ?? '—'))].map((p) => ({ text: p, value: p })),
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
            <Button size="small" type={isClosed(c) ? 'link' : 'primary'} onClick={() => review(c)}>
              {isClosed(c) ? '查看' : '处理'}
            </Button>
          ),
        },
      ]}
      renderReview={(c, handlers) => <HandleModal complaint={c} {...handlers} />}
    />
  );
}

function inTab(c: ComplaintView, f: Filter): boolean {
  return f !== 'open' || !isClosed(c);
}

function searchText(c: ComplaintView): (string | null)[] {
  return [c.text, c.elderName, c.providerName, c.staffName];
}

interface HandleForm {
  status: ComplaintStatus;
  reply?: string;
  creditPoints?: number;
}

function HandleModal({ complaint, onClose, onDone }: { complaint: ComplaintView } & ReviewHandlers) {
  const [form] = Form.useForm<HandleForm>();
  const status = Form.useWatch('status', form);
  const closed = isClosed(complaint);
  const closing = status === 'resolved' || status === 'rejected';

  return (
    <ReviewModal<HandleForm>
      title={closed ? '投诉详情' : '处理投诉'}
      width={620}
      readOnly={closed}
      details={[
        { key: 'elder', label: '老人', children: complaint.elderName },
        { key: 'service', label: '服务', children: complaint.serviceName },
        { key: 'provider', label: '机构', children: complaint.providerName ?? '—' },
        { key: 'staff', label: '服务人员', children: complaint.staffName ?? '—' },
        { key: 'createdAt', label: '投诉时间', children: formatDateTime(complaint.createdAt) },
        {
          key: 'order',
          label: '订单',
          children: (
            <Typography.Text code copyable={{ text: complaint.orderId }}>
              {complaint.orderId.slice(0, 8)}
            </Typography.Text>
          ),
        },
        { key: 'text', label: '投诉内容', span: 2, children: complaint.text },
        ...(closed
          ? [
              { key: 'conclusion', label: '结论', children: COMPLAINT_STATUS_LABELS[complaint.status] },
              { key: 'creditPoints', label: '扣信用分', children: complaint.creditPoints || '—' },
              { key: 'reply', label: '答复', span: 2, children: complaint.reply ?? '—' },
            ]
          : []),
      ]}
      form={form}
      initialValues={{ status: complaint.status === 'received' ? 'investigating' : 'resolved', reply: complaint.reply ?? undefined, creditPoints: 5 }}
      submit={async (v) => {
        await api.handleComplaint(complaint.id, {
          status: v.status,
          reply: v.reply?.trim() || undefined,
          creditPoints: v.status === 'resolved' ? v.creditPoints ?? 0 : undefined,
        });
        return `投诉已更新：${COMPLAINT_STATUS_LABELS[v.status]}`;
      }}
      onClose={onClose}
      onDone={onDone}
    >
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
    </ReviewModal>
  );
}
