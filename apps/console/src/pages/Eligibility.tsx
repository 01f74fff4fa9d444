import { AuditOutlined, ReloadOutlined } from '@ant-design/icons';
import { SUBSIDY_CATEGORY_LABELS, SUBSIDY_VERIFICATION_LABELS, type EligibilityItemView, type SubsidyVerification } from '@carecircle/shared';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { OfficialListImport } from '../components/OfficialListImport';
import { PageTitle } from '../components/PageTitle';
import { compareText, formatDate, formatDateTime, today } from '../lib/format';
import { validated } from '../lib/forms';
import { useAsync } from '../lib/useAsync';

const STATUS_COLORS: Record<SubsidyVerification, string> = { unverified: 'gold', verified: 'green', rejected: 'red' };

export default function Eligibility() {
  const [status, setStatus] = useState<SubsidyVerification>('unverified');
  const list = useAsync(() => api.eligibility(status), [status]);
  const [current, setCurrent] = useState<EligibilityItemView | null>(null);
  const [search, setSearch] = useState('');

  const rows = useMemo(() => {
    const q = search.trim();
    return (list.data ?? []).filter((e) => !q || e.elderName.includes(q) || e.householdName.includes(q) || (e.communityName ?? '').includes(q));
  }, [list.data, search]);

  const columns: ColumnsType<EligibilityItemView> = [
    { title: '老人', dataIndex: 'elderName', sorter: (a, b) => compareText(a.elderName, b.elderName) },
    { title: '年龄', dataIndex: 'age', sorter: (a, b) => a.age - b.age, width: 80 },
    { title: '社区', dataIndex: 'communityName', render: (c: string | null) => c ?? '—', filters: [...new Set((list.data ?? []).map((e) => e.communityName ?? '—'))].map((c) => ({ text: c, value: c })), onFilter: (v, e) => (e.communityName ?? '—') === v },
    { title: '家庭', dataIndex: 'householdName' },
    {
      title: '申报类别',
      dataIndex: 'declaredCategory',
      render: (c: EligibilityItemView['declaredCategory']) => <Tag color="blue">{SUBSIDY_CATEGORY_LABELS[c]}</Tag>,
      filters: [...new Set((list.data ?? []).map((e) => e.declaredCategory))].map((c) => ({ text: SUBSIDY_CATEGORY_LABELS[c], value: c })),
      onFilter: (v, e) => e.declaredCategory === v,
    },
    { title: '佐证材料说明', dataIndex: 'evidenceNote', ellipsis: true, render: (n: string | null) => n ?? <Typography.Text type="secondary">未填写</Typography.Text> },
    { title: '申报时间', dataIndex: 'declaredAt', render: formatDateTime, sorter: (a, b) => compareText(a.declaredAt, b.declaredAt), defaultSortOrder: 'ascend' },
    ...(status === 'verified' ? [{ title: '有效期至', dataIndex: 'validUntil', render: formatDate, sorter: (a: EligibilityItemView, b: EligibilityItemView) => compareText(a.validUntil, b.validUntil) }] : []),
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, e) => (
        <Space>
          <Button size="small" type={e.verification === 'unverified' ? 'primary' : 'default'} onClick={() => setCurrent(e)}>
            {e.verification === 'unverified' ? '核验' : '重新核验'}
          </Button>
          <Link to={`/audit?entityId=${e.elderId}`}>
            <AuditOutlined /> 记录
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="补贴资格核验"
        extra={
          <Space>
            <OfficialListImport onImported={list.reload} />
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              刷新
            </Button>
          </Space>
        }
      >
        家属申报的补贴类别（特困、低保、高龄…）经核验后才享受补贴；通过须填写有效期，不通过须说明理由
      </PageTitle>
      <Card>
        <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
          <Tabs
            activeKey={status}
            onChange={(k) => setStatus(k as SubsidyVerification)}
            items={(['unverified', 'verified', 'rejected'] as const).map((s) => ({ key: s, label: SUBSIDY_VERIFICATION_LABELS[s] }))}
            style={{ marginBottom: 0 }}
          />
          <Input.Search allowClear placeholder="搜索老人、家庭、社区" onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 240 }} />
        </Space>
        {list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<EligibilityItemView>
            rowKey="elderId"
            loading={list.loading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 人` }}
            locale={{ emptyText: <EmptyState description={status === 'unverified' ? '没有待核验的申报' : '暂无记录'} /> }}
          />
        )}
      </Card>
      {current && (
        <VerifyModal
          item={current}
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

interface VerifyForm {
  decision: 'verified' | 'rejected';
  validUntil?: Dayjs;
  note?: string;
}

function VerifyModal({ item, onClose, onDone }: { item: EligibilityItemView; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<VerifyForm>();
  const decision = Form.useWatch('decision', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const todayStr = today();

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await api.verifyEligibility(item.elderId, {
        decision: v.decision,
        validUntil: v.decision === 'verified' ? v.validUntil?.format('YYYY-MM-DD') : undefined,
        note: v.note?.trim() || undefined,
      });
      message.success(`${item.elderName}：${v.decision === 'verified' ? '核验通过' : '核验不通过'}`);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        form.setFields(err.fields.map((f) => ({ name: f.field as keyof VerifyForm, errors: [f.message] })));
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={`核验补贴资格：${item.elderName}`} okText="提交" cancelText="取消" onOk={() => void submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={560}>
      <Descriptions size="small" column={2} bordered style={{ margin: '16px 0' }}>
        <Descriptions.Item label="申报类别">{SUBSIDY_CATEGORY_LABELS[item.declaredCategory]}</Descriptions.Item>
        <Descriptions.Item label="当前状态">
          <Tag color={STATUS_COLORS[item.verification]}>{SUBSIDY_VERIFICATION_LABELS[item.verification]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="年龄">{item.age} 岁</Descriptions.Item>
        <Descriptions.Item label="社区">{item.communityName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="佐证材料" span={2}>
          {item.evidenceNote ?? '未填写'}
        </Descriptions.Item>
      </Descriptions>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<VerifyForm> form={form} layout="vertical" initialValues={{ decision: 'verified', validUntil: dayjs(todayStr).add(1, 'year') }}>
        <Form.Item name="decision" label="核验结论">
          <Radio.Group>
            <Radio.Button value="verified">通过</Radio.Button>
            <Radio.Button value="rejected">不通过</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {decision !== 'rejected' && (
          <Form.Item
            name="validUntil"
            label="资格有效期至"
            rules={[
              { required: true, message: '核验通过须填写有效期' },
              { validator: (_, v?: Dayjs) => (!v || v.format('YYYY-MM-DD') > todayStr ? Promise.resolve() : Promise.reject(new Error('有效期须晚于今天'))) },
            ]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') <= todayStr} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={decision === 'rejected' ? '不通过理由（家属可见）' : '备注'}
          rules={decision === 'rejected' ? [{ required: true, whitespace: true, message: '不通过须填写理由' }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={decision === 'rejected' ? '如：低保证明已过期，请重新提交' : '选填'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
