import { ReloadOutlined, RightOutlined } from '@ant-design/icons';
import type { ChildcareFiguresView, KpiIndicatorView } from '@carecircle/shared';
import { Alert, Button, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../api';
import { EChart } from '../components/EChart';
import { gauge, mealBars, visitBars } from '../lib/charts';
import { KpiCard } from '../components/KpiCard';
import { KpiInsights } from '../components/KpiInsights';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { RegionMonthBar } from '../components/RegionMonthBar';
import { useConsole } from '../context';
import { DEFAULT_TARGETS, fallbackIndicators, asOfLabel } from '../lib/kpi';
import { regionName } from '../lib/regions';
import { useAsync } from '../lib/useAsync';

export default function Dashboard() {
  const { regionId, month, regions } = useConsole();
  const skip = !regionId;
  const summary = useAsync(() => api.kpiSummary(regionId!, month), [regionId, month], { skip });
  const visits = useAsync(() => api.visitRate(regionId!, month), [regionId, month], { skip });
  const childcare = useAsync(() => api.childcareFigures(regionId!), [regionId], { skip });
  const meals = useAsync(() => api.mealFigures(month), [month]);

  const summaryMissing = summary.error instanceof ApiError && summary.error.isMissingEndpoint;
  const indicators: KpiIndicatorView[] | null = useMemo(() => {
    if (summary.data) return summary.data.indicators;
    if (summary.error === undefined) return null;
    return fallbackIndicators({ visits: visits.data, childcare: childcare.data, meals: meals.data, month });
  }, [summary.data, summary.error, visits.data, childcare.data, meals.data, month]);

  const reloadAll = () => {
    summary.reload();
    visits.reload();
    childcare.reload();
    meals.reload();
  };

  return (
    <div>
      <PageTitle
        title="工作台"
        extra={
          <Button icon={<ReloadOutlined />} onClick={reloadAll}>
            刷新
          </Button>
        }
      >
        {regionName(regions, regionId)} · {month} 城市考核指标
        {summary.data && asOfLabel(summary.data) ? ` · ${asOfLabel(summary.data)}` : ''}
      </PageTitle>
      <RegionMonthBar />

      {summary.error !== undefined && (
        <Alert
          style={{ marginBottom: 16 }}
          type={summaryMissing ? 'info' : 'warning'}
          showIcon
          message={summaryMissing ? '指标汇总接口（/api/kpi/summary）尚未上线：以下指标由分项接口计算，目标取市级默认值' : `指标汇总读取失败：${(summary.error as Error).message}；以下指标由分项接口计算`}
        />
      )}

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {summary.loading || !indicators
          ? [0, 1, 2, 3].map((i) => (
              <Col key={i} xs={24} sm={12} xl={6}>
                <Card size="small">
                  <Skeleton active paragraph={{ rows: 2 }} />
                </Card>
              </Col>
            ))
          : indicators.map((ind) => (
              <Col key={ind.code} xs={24} sm={12} xl={cardSpan(indicators.length)}>
                <KpiCard indicator={ind} />
              </Col>
            ))}
        {indicators && indicators.length === 0 && (
          <Col span={24}>
            <Card>
              <EmptyState description="该地区本月没有可计算的指标" />
            </Card>
          </Col>
        )}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ChartCard title="特殊困难老年人月探访率（按社区）" to="/visits" state={visits}>
            {(v) => (v.communities.length ? <EChart ariaLabel="各社区月探访率柱状图" option={visitBars(v)} /> : <EmptyState description="该地区没有需要探访的老人" />)}
          </ChartCard>
        </Col>
        <Col xs={24} xl={8}>
          <ChartCard title="本月探访完成率" to="/visits" state={visits}>
            {(v) => <EChart ariaLabel="探访完成率仪表盘" option={gauge(v.rate === null ? 0 : v.rate * 100, v.partial ? '探访率（进行中）' : '探访率', 100, DEFAULT_TARGETS.visitRate, '%')} />}
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title="老年助餐：各食堂供餐（按餐次）" to="/figures/meals" state={meals}>
            {(m) => (m.canteens.length ? <EChart ariaLabel="各食堂各餐次供餐柱状图" option={mealBars(m)} /> : <EmptyState description="本月没有助餐点数据" />)}
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title="托育：每千人口托位数与普惠占比" to="/figures/childcare" state={childcare}>
            {(c) => <ChildcareGauges c={c} />}
          </ChartCard>
        </Col>
      </Row>
      <KpiInsights indicators={summary.data?.indicators ?? null} />
    </div>
  );
}

function ChildcareGauges({ c }: { c: ChildcareFiguresView }) {
  return (
    <Row>
      <Col span={12}>
        <EChart ariaLabel="每千人口托位数仪表盘" height={260} option={gauge(c.placesPerThousand ?? 0, '每千人口托位', 6, DEFAULT_TARGETS.placesPerThousand, '个')} />
      </Col>
      <Col span={12}>
        <EChart ariaLabel="普惠托位占比仪表盘" height={260} option={gauge(c.puhuiShare * 100, '普惠占比', 100, DEFAULT_TARGETS.puhuiShare, '%')} />
      </Col>
      <Col span={24}>
        <Typography.Text type="secondary">
          托位 {c.places} 个（普惠 {c.puhuiPlaces}）· 在托 {c.enrolled} 人 · 轮候 {c.waitlistLength} 人{c.population ? ` · 常住人口 ${c.population.toLocaleString('zh-CN')}` : ''}
        </Typography.Text>
      </Col>
    </Row>
  );
}

function ChartCard<T>({ title, to, state, children }: { title: string; to: string; state: { data: T | undefined; error: unknown; loading: boolean; reload(): void }; children: (data: T) => ReactNode }) {
  return (
    <Card
      title={title}
      size="small"
      extra={
        <Link to={to}>
          明细 <RightOutlined />
        </Link>
      }
    >
      {state.loading ? <Skeleton active paragraph={{ rows: 6 }} /> : state.error !== undefined ? <ErrorState compact error={state.error} onRetry={state.reload} /> : state.data ? children(state.data) : <EmptyState description="请选择地区" />}
    </Card>
  );
}

/** Four cards a row, or three when that fills the rows evenly (9 indicators: 3 × 3). */
function cardSpan(count: number): number {
  return count % 4 !== 0 && count % 3 === 0 ? 8 : 6;
}
