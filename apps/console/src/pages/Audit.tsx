import { ReloadOutlined } from '@ant-design/icons';
import type { AuditEntryView } from '@carecircle/shared';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { compareText, formatDateTime } from '../lib/format';
import { useAsync } from '../lib/useAsync';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  eligibility_verified: '补贴资格核验通过',
  eligibility_rejected: '补贴资格核验不通过',
  statement_adjust: '调整结算单',
  statement_approve: '审批结算单',
  complaint_handle: '处理投诉',
  provider_status: '变更机构状态',
  policy_add: '发布政策版本',
  order_assign: '人工指派',
  order_redispatch: '重新派单',
  assessment_create: '提交能力评估',
  elder_view: '查看老人档案',
  elder_update: '修改老人档案',
  id_number_view: '查看身份证号',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = { elder: '老人', statement: '结算单', complaint: '投诉', provider: '机构', order: '订单', policy: '政策表', child: '婴幼儿' };

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export default function Audit() {
  const [params, setParams] = useSearchParams();
  const entityId = params.get('entityId') ?? '';
  const list = useAsync(() => api.audit(entityId || undefined), [entityId]);
  const data = list.data ?? [];

  const columns: ColumnsType<AuditEntryView> = [
    { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime, sorter: (a, b) => compareText(a.at, b.at), defaultSortOrder: 'descend' },
    {
      title: '操作人',
      dataIndex: 'userName',
      width: 140,
      render: (n: string, e) => n || <Typography.Text type="secondary">{e.userId.slice(0, 8)}</Typography.Text>,
      filters: [...new Set(data.map((e) => e.userName || e.userId))].map((u) => ({ text: u, value: u })),
      onFilter: (v, e) => (e.userName || e.userId) === v,
    },
    {
      title: '操作',
      dataIndex: 'action',
      render: (a: string) => <Tag color={a.includes('reject') ? 'red' : a.includes('view') ? 'default' : 'blue'}>{auditActionLabel(a)}</Tag>,
      filters: [...new Set(data.map((e) => e.action))].map((a) => ({ text: auditActionLabel(a), value: a })),
      onFilter: (v, e) => e.action === v,
    },
    { title: '对象类型', dataIndex: 'entity', width: 110, render: (t: string) => AUDIT_ENTITY_LABELS[t] ?? t },
    {
      title: '对象编号',
      dataIndex: 'entityId',
      render: (id: string) => (
        <Space>
          <Typography.Text code copyable={{ text: id }}>
            {id.length > 12 ? `${id.slice(0, 8)}…` : id}
          </Typography.Text>
          {id !== entityId && (
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
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
        }
      >
        谁在何时查看或修改了哪条敏感记录（个人信息保护法要求留痕）；最近 200 条
      </PageTitle>
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            key={entityId}
            allowClear
            defaultValue={entityId}
            placeholder="按对象编号筛选（老人、结算单…）"
            enterButton="筛选"
            style={{ width: 420 }}
            onSearch={(v) => setParams(v.trim() ? { entityId: v.trim() } : {})}
          />
          {entityId && (
            <Button type="link" onClick={() => setParams({})}>
              显示全部
            </Button>
          )}
        </Space>
        {list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<AuditEntryView>
            rowKey="id"
            loading={list.loading}
            columns={columns}
            dataSource={data}
            pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 条` }}
            locale={{ emptyText: <EmptyState description={entityId ? '该对象没有审计记录' : '暂无审计记录'} /> }}
          />
        )}
      </Card>
    </div>
  );
}
