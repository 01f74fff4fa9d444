import { ReloadOutlined } from '@ant-design/icons';
import { SUBSIDY_CATEGORY_LABELS, type WorklistEntryView } from '@carecircle/shared';
import { Badge, Button, Card, InputNumber, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { RegionMonthBar } from '../components/RegionMonthBar';
import { useConsole } from '../context';
import { compareText, formatDate } from '../lib/format';
import { kpiApi } from '../lib/kpiApi';
import { useAsync } from '../lib/useAsync';

type Tab = 'unserved' | 'unassessed' | 'expiring';

const TABS: { key: Tab; label: string; hint: string }[] = [
  { key: 'unserved', label: '应服尽服', hint: '已核验享受补贴、本月尚无已完成服务或助餐的老人' },
  { key: 'unassessed', label: '应评尽评', hint: '80 岁以上、没有有效能力评估的老人' },
  { key: 'expiring', label: '评估即将到期', hint: '能力评估将在所选天数内到期的老人' },
];

/** 工作清单: who still needs a service, an assessment, or a re-assessment. */
export default function Worklists() {
  const { regionId, month } = useConsole();
  const [tab, setTab] = useState<Tab>('unserved');
  const [days, setDays] = useState(30);
  const lists = useAsync(() => kpiApi.worklists(month, days, regionId ?? undefined), [month, days, regionId]);

  const columns: ColumnsType<WorklistEntryView> = [
    { title: '老人', dataIndex: 'elderName', sorter: (a, b) => compareText(a.elderName, b.elderName) },
    { title: '年龄', dataIndex: 'age', width: 80, sorter: (a, b) => a.age - b.age },
    { title: '社区', dataIndex: 'communityName', render: (c: string | null) => c ?? '—', sorter: (a, b) => compareText(a.communityName, b.communityName) },
    ...(tab === 'unserved'
      ? [
          { title: '补贴类别', dataIndex: 'category', render: (c: WorklistEntryView['category']) => (c ? <Tag color="blue">{SUBSIDY_CATEGORY_LABELS[c]}</Tag> : '—') },
          { title: '资格有效期至', dataIndex: 'validUntil', render: (v: string | null) => (v ? formatDate(v) : '长期') },
          { title: '上次服务', dataIndex: 'lastServedAt', render: (v: string | null) => (v ? formatDate(v) : <Typography.Text type="danger">从未</Typography.Text>) },
        ]
      : [{ title: '评估有效期至', dataIndex: 'validUntil', render: (v: string | null) => (v ? formatDate(v) : '未评估'), sorter: (a: WorklistEntryView, b: WorklistEntryView) => compareText(a.validUntil, b.validUntil) }]),
    { title: '原因', dataIndex: 'reason' },
    {
      title: '处理',
      key: 'go',
      render: (_: unknown, e) => (tab === 'unserved' ? <Link to={`/audit?entityId=${e.elderId}`}>记录</Link> : <Link to="/assessments">去评估</Link>),
    },
  ];

  return (
    <div>
      <PageTitle
        title="工作清单"
        extra={
          <Button icon={<ReloadOutlined />} onClick={lists.reload}>
            刷新
          </Button>
        }
      >
        应服尽服、应评尽评：本月还需要联系或评估的老人
      </PageTitle>
      <RegionMonthBar
        extra={
          tab === 'expiring' && (
            <Space>
              <Typography.Text type="secondary">到期天数</Typography.Text>
              <InputNumber aria-label="到期天数" min={1} max={365} value={days} onChange={(v) => v && setDays(v)} addonAfter="天内" style={{ width: 140 }} />
            </Space>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as Tab)}
          items={TABS.map((t) => ({ key: t.key, label: <Space size={4}>{t.label}<Badge count={lists.data?.[t.key].length ?? 0} showZero color={t.key === 'unserved' ? '#fa541c' : '#1677ff'} overflowCount={999} /></Space> }))}
        />
        <Typography.Paragraph type="secondary">{TABS.find((t) => t.key === tab)!.hint}</Typography.Paragraph>
        {lists.error !== undefined ? (
          <ErrorState error={lists.error} onRetry={lists.reload} />
        ) : (
          <Table<WorklistEntryView> size="middle" rowKey="elderId" loading={lists.loading} columns={columns} dataSource={lists.data?.[tab] ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: '清单为空，本项已全部完成' }} />
        )}
      </Card>
    </div>
  );
}
