import { ReloadOutlined } from '@ant-design/icons';
import type { VisitRateView } from '@carecircle/shared';
import { Button, Card, Col, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../api';
import { EChart } from '../components/EChart';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { RegionMonthBar } from '../components/RegionMonthBar';
import { useConsole } from '../context';
import { asOfLabel } from '../lib/kpi';
import { visitBars } from '../lib/charts';
import { compareText, formatDateTime, formatPercent } from '../lib/format';
import { regionName } from '../lib/regions';
import { useAsync } from '../lib/useAsync';

type Community = VisitRateView['communities'][number];
type Overdue = VisitRateView['overdue'][number];

export default function Visits() {
  const { regionId, month, regions } = useConsole();
  const visits = useAsync(() => api.visitRate(regionId!, month), [regionId, month], { skip: !regionId });
  const v = visits.data;

  const communityColumns: ColumnsType<Community> = [
    { title: '社区', dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
    { title: '应探访', dataIndex: 'required', align: 'right', sorter: (a, b) => a.required - b.required },
    { title: '已探访', dataIndex: 'visited', align: 'right', sorter: (a, b) => a.visited - b.visited },
    {
      title: '探访率',
      dataIndex: 'rate',
      sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1),
      defaultSortOrder: 'ascend',
      render: (r: number | null, c) => (r === null ? '—' : <Progress aria-label={`${c.name}探访率`} percent={Math.round(r * 1000) / 10} size="small" status={r >= 1 ? 'success' : v?.partial ? 'active' : 'exception'} style={{ width: 180 }} />),
    },
  ];

  const reasons = [...new Set((v?.overdue ?? []).flatMap((o) => o.reasons))];
  const overdueColumns: ColumnsType<Overdue> = [
    { title: '老人', dataIndex: 'elderName', sorter: (a, b) => compareText(a.elderName, b.elderName) },
    {
      title: '社区',
      dataIndex: 'communityName',
      filters: [...new Set((v?.overdue ?? []).map((o) => o.communityName))].map((c) => ({ text: c, value: c })),
      onFilter: (val, o) => o.communityName === val,
      sorter: (a, b) => compareText(a.communityName, b.communityName),
    },
    {
      title: '需探访原因',
      dataIndex: 'reasons',
      filters: reasons.map((r) => ({ text: r, value: r })),
      onFilter: (val, o) => o.reasons.includes(String(val)),
      render: (rs: string[]) => (
        <Space size={4} wrap>
          {rs.map((r) => (
            <Tag key={r} color={r.includes('独居') || r.includes('失能') ? 'red' : 'orange'}>
              {r}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '未探访的周期',
      dataIndex: 'missing',
      render: (ms: string[], o) => `${o.frequency === 'weekly' ? '每周探访：' : ''}${ms.join('、')}`,
    },
    {
      title: '上次探访',
      dataIndex: 'lastVisitAt',
      sorter: (a, b) => compareText(a.lastVisitAt, b.lastVisitAt),
      render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="danger">从未探访</Typography.Text>),
    },
  ];

  return (
    <div>
      <PageTitle
        title="探访"
        extra={
          <Button icon={<ReloadOutlined />} onClick={visits.reload}>
            刷新
          </Button>
        }
      >
        特殊困难老年人（独居、失独、高龄、特困/低保、重度失能）月探访率，城市考核目标 100%
      </PageTitle>
      <RegionMonthBar />
      {visits.error !== undefined ? (
        <Card>
          <ErrorState error={visits.error} onRetry={visits.reload} />
        </Card>
      ) : !v || visits.loading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={6}>
              <Card size="small">
                <Statistic
                  title={`${regionName(regions, regionId)} · ${month} 探访率${v.partial ? `（${asOfLabel(v)}）` : ''}`}
                  value={v.rate === null ? '—' : formatPercent(v.rate)}
                  valueStyle={{ color: v.rate === null || v.partial ? undefined : v.rate >= 1 ? '#237804' : '#cf1322' }}
                /> 
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="应探访" value={v.required} suffix="人" />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="已探访" value={v.visited} suffix="人" />
              </Card>
            </Col>
            <Col span={6}>
              <Card size="small">
                <Statistic title="逾期未探访" value={v.overdue.length} suffix="人" valueStyle={v.overdue.length ? { color: '#cf1322' } : undefined} />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title="各社区探访率">
                {v.communities.length ? <EChart ariaLabel="各社区月探访率柱状图" option={visitBars(v)} height={300} /> : <EmptyState description="没有需要探访的老人" />}
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title="按社区">
                <Table<Community> rowKey="regionId" size="small" columns={communityColumns} dataSource={v.communities} pagination={false} locale={{ emptyText: <EmptyState description="无社区数据" /> }} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={`逾期未探访名单（${v.overdue.length}）`}>
            <Table<Overdue>
              rowKey="elderId"
              size="small"
              columns={overdueColumns}
              dataSource={v.overdue}
              pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 人` }}
              locale={{ emptyText: <EmptyState description="本月应探访的老人都已探访" /> }}
            />
          </Card>
        </Space>
      )}
    </div>
  );
}
