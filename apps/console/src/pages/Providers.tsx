import { CheckOutlined, PauseCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { PROVIDER_KIND_LABELS, PROVIDER_KINDS, PROVIDER_STATUS_LABELS, type ProviderStatus, type ProviderView } from '@carecircle/shared';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Segmented, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { useConsole } from '../context';
import { compareText, formatMeters } from '../lib/format';
import { regionName } from '../lib/regions';
import { useAsync } from '../lib/useAsync';

const STATUS_COLORS: Record<ProviderStatus, string> = { pending: 'gold', approved: 'green', suspended: 'red' };
type StatusFilter = ProviderStatus | 'all';

export default function Providers() {
  const { regions } = useConsole();
  const list = useAsync(() => api.providers(), []);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');

  const counts = useMemo(() => {
    const c: Record<StatusFilter, number> = { all: 0, pending: 0, approved: 0, suspended: 0 };
    for (const p of list.data ?? []) {
      c.all += 1;
      c[p.status] += 1;
    }
    return c;
  }, [list.data]);

  const rows = useMemo(() => {
    const q = search.trim();
    return (list.data ?? []).filter((p) => (status === 'all' || p.status === status) && (!q || p.name.includes(q) || p.licenceNo.includes(q) || p.address.includes(q)));
  }, [list.data, status, search]);

  const columns: ColumnsType<ProviderView> = [
    { title: '机构名称', dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (k: ProviderView['kind']) => PROVIDER_KIND_LABELS[k],
      filters: PROVIDER_KINDS.map((k) => ({ text: PROVIDER_KIND_LABELS[k], value: k })),
      onFilter: (v, p) => p.kind === v,
    },
    { title: '许可证号', dataIndex: 'licenceNo' },
    { title: '所在社区', dataIndex: 'regionId', render: (id: string) => regionName(regions, id), sorter: (a, b) => compareText(regionName(regions, a.regionId), regionName(regions, b.regionId)) },
    { title: '服务半径', dataIndex: 'serviceRadiusMeters', render: formatMeters, sorter: (a, b) => a.serviceRadiusMeters - b.serviceRadiusMeters },
    { title: '电话', dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
    { title: '状态', dataIndex: 'status', render: (s: ProviderStatus) => <Tag color={STATUS_COLORS[s]}>{PROVIDER_STATUS_LABELS[s]}</Tag> },
    {
      title: '推荐清单',
      dataIndex: 'recommended',
      filters: [
        { text: '在清单内', value: true },
        { text: '不在清单内', value: false },
      ],
      onFilter: (v, p) => p.recommended === v,
      render: (_: unknown, p) => <RecommendedSwitch provider={p} onChanged={(np) => list.setData((list.data ?? []).map((x) => (x.id === np.id ? np : x)))} />,
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, p) => (
        <Space>
          <StatusActions provider={p} onChanged={(np) => list.setData((list.data ?? []).map((x) => (x.id === np.id ? np : x)))} />
          <Link to={`/providers/${p.id}/record`}>监管档案</Link>
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="机构管理"
        extra={
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
        }
      >
        审核服务机构（通过即列入推荐清单，可接政府补贴订单），或暂停违规机构；推荐清单也可单独调整（须写明原因）
      </PageTitle>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={(['all', 'pending', 'approved', 'suspended'] as const).map((s) => ({ value: s, label: `${s === 'all' ? '全部' : PROVIDER_STATUS_LABELS[s]}（${counts[s]}）` }))}
          />
          <Input.Search allowClear placeholder="搜索名称、许可证号、地址" onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 260 }} />
        </Space>
        {list.error !== undefined && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<ProviderView>
            rowKey="id"
            loading={list.loading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 家` }}
            locale={{ emptyText: <EmptyState description="没有符合条件的机构" /> }}
          />
        )}
      </Card>
    </div>
  );
}

/** 推荐清单 membership: a switch that asks why before it changes anything (the reason goes on the provider's record). */
function RecommendedSwitch({ provider, onChanged }: { provider: ProviderView; onChanged(p: ProviderView): void }) {
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const next = !provider.recommended;
  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return; // the form shows what is missing
    const { reason } = values;
    setBusy(true);
    try {
      const updated = await api.setProviderRecommended(provider.id, { recommended: next, reason });
      message.success(`${provider.name}：已${updated.recommended ? '列入' : '移出'}推荐清单`);
      setAsking(false);
      form.resetFields();
      onChanged(updated);
    } catch (err) {
      const field = err instanceof ApiError ? err.fieldMessage('reason') : undefined;
      if (field) form.setFields([{ name: 'reason', errors: [field] }]);
      else message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const disabled = provider.status !== 'approved' && !provider.recommended;
  return (
    <>
      <Tooltip title={disabled ? '审核通过后才能列入推荐清单' : provider.recommended ? '可接政府补贴订单' : '只接自费订单'}>
        <Switch checked={provider.recommended} disabled={disabled} checkedChildren="在清单" unCheckedChildren="不在" aria-label={`${provider.name}推荐清单`} onChange={() => setAsking(true)} />
      </Tooltip>
      <Modal
        open={asking}
        title={`${next ? '列入' : '移出'}推荐清单 ·「${provider.name}」`}
        okText={next ? '列入' : '移出'}
        okButtonProps={{ danger: !next }}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <p>{next ? '列入后可接政府补贴订单。' : '移出后不再派给它政府补贴订单，自费订单照常。'}</p>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请写明原因' }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={next ? '如：复评为四星' : '如：年度等级评定为二星'} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function StatusActions({ provider, onChanged }: { provider: ProviderView; onChanged(p: ProviderView): void }) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function set(status: 'approved' | 'suspended', reason?: string) {
    setBusy(true);
    try {
      const updated = await api.setProviderStatus(provider.id, status, reason);
      message.success(`${provider.name}：${PROVIDER_STATUS_LABELS[updated.status]}`);
      onChanged(updated);
    } catch (err) {
      // Credit below the region's threshold: the server asks for a stated reason before re-approving.
      const needsReason = err instanceof ApiError && err.fields.find((f) => f.field === 'reason');
      if (status === 'approved' && !reason && needsReason) askReason(needsReason.message);
      else message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  function askReason(why: string) {
    let text = '';
    modal.confirm({
      title: `恢复「${provider.name}」须写明原因`,
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{why}</span>
          <Input.TextArea aria-label="恢复原因" rows={3} maxLength={200} placeholder="如：已完成整改并通过复查" onChange={(e) => (text = e.target.value)} />
        </Space>
      ),
      okText: '恢复',
      cancelText: '取消',
      onOk: async () => {
        if (!text.trim()) {
          message.error('请写明原因');
          throw new Error('reason required');
        }
        await set('approved', text.trim());
      },
    });
  }
  if (provider.status === 'approved') {
    return (
      <Popconfirm title={`暂停「${provider.name}」？`} description="暂停后不再向该机构派单" okText="暂停" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => set('suspended')}>
        <Button size="small" danger icon={<PauseCircleOutlined />} loading={busy}>
          暂停
        </Button>
      </Popconfirm>
    );
  }
  return (
    <Popconfirm
      title={provider.status === 'pending' ? `审核通过「${provider.name}」？` : `恢复「${provider.name}」？`}
      description="通过后列入推荐清单，可接派单"
      okText={provider.status === 'pending' ? '通过' : '恢复'}
      cancelText="取消"
      onConfirm={() => set('approved')}
    >
      <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy}>
        {provider.status === 'pending' ? '审核通过' : '恢复'}
      </Button>
    </Popconfirm>
  );
}
