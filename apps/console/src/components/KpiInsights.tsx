import type { KpiBreakdownView, KpiIndicatorView } from '@carecircle/shared';
import { Card, Col, DatePicker, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useConsole } from '../context';
import { drillDownRoute, formatKpiValue, kpiState, normalizeIndicator } from '../lib/kpi';
import { kpiApi } from '../lib/kpiApi';
import { trendOption } from '../lib/kpiTrend';
import { useAsync } from '../lib/useAsync';
import { EChart } from './EChart';
import { EmptyState, ErrorState } from './PageState';

/** One indicator over a year against its target. */
export function KpiTrendCard({ indicators, initialCode, regionId, initialYear }: { indicators: KpiIndicatorView[]; initialCode?: string; regionId: string; initialYear: number }) {
  const [code, setCode] = useState(initialCode ?? indicators[0]?.code ?? 'visit_rate');
  const [year, setYear] = useState(initialYear);
  const trend = useAsync(() => kpiApi.trend(code, regionId, year), [code, regionId, year]);
  const option = useMemo(() => (trend.data ? trendOption(trend.data) : null), [trend.data]);
  return (
    <Card
      size="small"
      title="年度趋势"
      extra={
        <Space>
          {indicators.length > 1 && (
            <Select aria-label="选择指标" style={{ width: 240 }} value={code} onChange={setCode} options={indicators.map((i) => ({ value: i.code, label: i.label }))} />
          )}
          <DatePicker aria-label="选择年份" picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} disabledDate={(d) => d.isAfter(dayjs().endOf('year'))} />
        </Space>
      }
    >
      {trend.loading ? <Skeleton active paragraph={{ rows: 6 }} /> : trend.error !== undefined ? <ErrorState compact error={trend.error} onRetry={trend.reload} /> : option ? <EChart ariaLabel={`${trend.data!.label}${year}年逐月趋势`} option={option} /> : null}
    </Card>
  );
}

type BreakdownRow = KpiBreakdownView['regions'][number];

/** Every indicator for the region and each 社区 under it, each figure linking to its records. */
export function KpiBreakdownTable({ data }: { data: KpiBreakdownView }) {
  const codes = data.regions[0]?.indicators ?? [];
  const columns: ColumnsType<BreakdownRow> = [
    { title: '地区', dataIndex: 'regionName', fixed: 'left', width: 120, render: (n: string, _r, i) => (i === 0 ? <strong>{n}（合计）</strong> : n) },
    ...codes.map((c, i) => ({
      title: c.label,
      key: c.code,
      width: 120,
      render: (_: unknown, r: BreakdownRow) => {
        const ind = normalizeIndicator(r.indicators[i]);
        const state = kpiState(ind);
        const route = drillDownRoute(ind.drillDown);
        const text = formatKpiValue(ind.value, ind.unit);
        const color = state === 'met' ? '#389e0d' : state === 'unmet' ? '#cf1322' : undefined;
        return route && ind.value !== null ? (
          <Link to={route} style={{ color }} aria-label={`${r.regionName}${ind.label}明细`}>
            {text}
          </Link>
        ) : (
          <Typography.Text type="secondary">{text}</Typography.Text>
        );
      },
    })),
  ];
  return <Table<BreakdownRow> size="small" rowKey="regionId" columns={columns} dataSource={data.regions} pagination={false} scroll={{ x: 120 * (codes.length + 1) }} />;
}

/** The dashboard's lower half: the trend of one indicator and the per-社区 table. */
export function KpiInsights({ indicators }: { indicators: KpiIndicatorView[] | null }) {
  const { regionId, month } = useConsole();
  const breakdown = useAsync(() => kpiApi.breakdown(regionId!, month), [regionId, month], { skip: !regionId });
  if (!regionId) return null;
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col span={24}>{indicators && indicators.length > 0 && <KpiTrendCard indicators={indicators} regionId={regionId} initialYear={Number(month.slice(0, 4))} />}</Col>
      <Col span={24}>
        <Card size="small" title={<Space>各社区指标 <Tag>{month}</Tag></Space>}>
          {breakdown.loading ? (
            <Skeleton active />
          ) : breakdown.error !== undefined ? (
            <ErrorState compact error={breakdown.error} onRetry={breakdown.reload} />
          ) : breakdown.data && breakdown.data.regions.length ? (
            <KpiBreakdownTable data={breakdown.data} />
          ) : (
            <EmptyState description="没有可分解的地区" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
