import { ReloadOutlined } from '@ant-design/icons';
import { AUDIT_ENTITIES, AUDIT_ENTITY_LABELS, type AuditEntity, type AuditEntryView } from '@carecircle/shared';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { AUDIT_ACTION_FILTERS, auditParamsFrom, auditQueryFrom } from '../lib/audit';
import { formatDateTime } from '../lib/format';
import { useAsync } from '../lib/useAsync';

interface FilterForm {
  entity?: AuditEntity;
  action?: string;
  userName?: string;
  entityId?: string;
  days?: [dayjs.Dayjs, dayjs.Dayjs] | null;
}

export default function Audit() {
  const [params, setParams] = useSearchParams();
  const query = auditQueryFrom(params);
  const key = params.toString();
  const first = useAsync(() => api.audit(query), [key]);
  const [more, setMore] = useState<AuditEntryView[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [form] = Form.useForm<FilterForm>();
  useEffect(() => {
    setMore([]);
    setExhausted(false);
    form.setFieldsValue({ ...query, days: query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : undefined });
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps

  const data = [...(first.data ?? []), ...more];
  const pageFull = (first.data?.length ?? 0) === 200 && !exhausted;

  async function loadMore() {
    setLoadingMore(true);
    try {
      const next = await api.audit({ ...query, beforeId: data[data.length - 1]?.id });
      setMore((m) => [...m, ...next]);
      if (next.length < 200) setExhausted(true);
    } finally {
      setLoadingMore(false);
    }
  }

  function apply(values: FilterForm) {
    const [from, to] = values.days ?? [];
    setParams(auditParamsFrom({ entity: values.entity, action: values.action, userName: values.userName, entityId: values.entityId, from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') }));
  }

  const columns: ColumnsType<AuditEntryView> = [
    { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
    { title: '操作人', dataIndex: 'userName', width: 130, render: (n: string, e) => n || <Typography.Text type="secondary">{e.userId.slice(0, 8)}</Typography.Text> },
    { title: '操作', dataIndex: 'actionLabel', render: (label: string, e) => <Tag color={e.action.includes('reject') ? 'red' : e.action === 'view' ? 'default' : 'blue'}>{label}</Tag> },
    { title: '对象', dataIndex: 'subject', render: (s: string | null, e) => `${AUDIT_ENTITY_LABELS[e.entity as AuditEntity] ?? e.entity}${s ? `：${s}` : ''}` },
    {
      title: '对象编号',
      dataIndex: 'entityId',
      render: (id: string) => (
        <Space>
          <Typography.Text code copyable={{ text: id }}>
            {id.length > 12 ? `${id.slice(0, 8)}…` : id}
          </Typography.Text>
          {id !== query.entityId && (
            <Button size="small" type="link" onClick={() => setParams({ entityId: id })}>
              只看此对象
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="审计日志"
        extra={
          <Button icon={<ReloadOutlined />} onClick={first.reload}>
            刷新
          </Button>
        }
      >
        谁在何时查看或修改了哪条敏感记录（个人信息保护法要求留痕），最新的在前
      </PageTitle>
      <Card>
        <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 12 }}>
          <Form.Item name="entity" label="对象类型">
            <Select allowClear placeholder="全部" style={{ width: 130 }} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: AUDIT_ENTITY_LABELS[e] }))} />
          </Form.Item>
          <Form.Item name="action" label="操作">
            <Select allowClear placeholder="全部" style={{ width: 170 }} options={AUDIT_ACTION_FILTERS} />
          </Form.Item>
          <Form.Item name="userName" label="操作人">
            <Input allowClear placeholder="姓名包含" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="days" label="日期">
            <DatePicker.RangePicker allowEmpty={[false, false]} />
          </Form.Item>
          <Form.Item name="entityId" label="对象编号">
            <Input allowClear placeholder="老人、结算单…的编号" style={{ width: 300 }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              筛选
            </Button>
            {key && <Button onClick={() => setParams({})}>清除筛选</Button>}
          </Space>
        </Form>
        {first.error !== undefined ? (
          <ErrorState error={first.error} onRetry={first.reload} />
        ) : (
          <>
            <Table<AuditEntryView>
              rowKey="id"
              loading={first.loading}
              columns={columns}
              dataSource={data}
              pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => `已载入 ${n} 条` }}
              locale={{ emptyText: <EmptyState description={key ? '没有符合条件的审计记录' : '暂无审计记录'} /> }}
            />
            {pageFull && (
              <Button block loading={loadingMore} onClick={() => void loadMore()} style={{ marginTop: 12 }}>
                载入更早的 200 条
              </Button>
            )}
          </>
        )}
      </Card>
    </div>
  );
}
