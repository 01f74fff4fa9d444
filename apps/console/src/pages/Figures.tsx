import { MEAL_PERIOD_LABELS, formatFen, type ChildcareFiguresView, type MealFiguresView, type MealPeriod } from '@carecircle/shared';
import { Card, Col, Descriptions, Progress, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { EChart, type ChartOption } from '../components/EChart';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { RegionMonthBar } from '../components/RegionMonthBar';
import { useConsole } from '../context';
import { mealBars } from '../lib/charts';
import { compareText, formatPercent } from '../lib/format';
import { DEFAULT_TARGETS } from '../lib/kpi';
import { regionName } from '../lib/regions';
import { useAsync } from '../lib/useAsync';

type Tab = 'meals' | 'childcare';

export default function Figures() {
  const { tab } = useParams<{ tab: string }>();
  const navigate = useNavigate();
  const active: Tab = tab === 'childcare' ? 'childcare' : 'meals';
  return (
    <div>
      <PageTitle title="助餐与托育">老年助餐供餐能力与名额使用、婴幼儿托位供给（每千人口托位数、普惠占比）</PageTitle>
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(`/figures/${k}`)}
        items={[
          { key: 'meals', label: '老年助餐', children: active === 'meals' ? <Meals /> : null },
          { key: 'childcare', label: '婴幼儿托育', children: active === 'childcare' ? <Childcare /> : null },
        ]}
      />
    </div>
  );
}

interface MealRow {
  key: string;
  canteenName: string;
  period: MealPeriod;
  mealsServed: number;
  capacity: number;
  booked: number;
  capacityUse: number;
}

function Meals() {
  const { month } = useConsole();
  const meals = useAsync(() => api.mealFigures(month), [month]);
  const m: MealFiguresView | undefined = meals.data;
  const rows: MealRow[] = useMemo(
    () => (m?.canteens ?? []).flatMap((c) => c.periods.map((p) => ({ key: `${c.canteenId}-${p.period}`, canteenName: c.canteenName, ...p }))),
    [m],
  );
  const columns: ColumnsType<MealRow> = [
    { title: '助餐点', dataIndex: 'canteenName', sorter: (a, b) => compareText(a.canteenName, b.canteenName), filters: [...new Set(rows.map((r) => r.canteenName))].map((n) => ({ text: n, value: n })), onFilter: (v, r) => r.canteenName === v },
    { title: '餐次', dataIndex: 'period', render: (p: MealPeriod) => MEAL_PERIOD_LABELS[p], filters: [{ text: '午餐', value: 'lunch' }, { text: '晚餐', value: 'dinner' }], onFilter: (v, r) => r.period === v },
    { title: '已供餐（份）', dataIndex: 'mealsServed', align: 'right', sorter: (a, b) => a.mealsServed - b.mealsServed },
    { title: '已预订（份）', dataIndex: 'booked', align: 'right', sorter: (a, b) => a.booked - b.booked },
    { title: '名额（份）', dataIndex: 'capacity', align: 'right', sorter: (a, b) => a.capacity - b.capacity },
    { title: '名额使用率', dataIndex: 'capacityUse', sorter: (a, b) => a.capacityUse - b.capacityUse, render: (u: number, r) => <Progress aria-label={`${r.canteenName}${MEAL_PERIOD_LABELS[r.period]}名额使用率`} percent={Math.round(u * 1000) / 10} size="small" style={{ width: 160 }} /> },
  ];
  return (
    <>
      <RegionMonthBar showRegion={false} extra={<Typography.Text type="secondary">助餐数据按月统计全部助餐点</Typography.Text>} />
      {meals.error !== undefined ? (
        <ErrorState error={meals.error} onRetry={meals.reload} />
      ) : !m || meals.loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : m.canteens.length === 0 ? (
        <EmptyState description={`${month} 没有助餐点数据`} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            {m.canteens.map((c) => (
              <Col key={c.canteenId} span={8}>
                <Card size="small" title={c.canteenName}>
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label="日均供餐">{c.mealsServedPerDay} 份/日</Descriptions.Item>
                    <Descriptions.Item label="本月助餐补贴">{formatFen(c.subsidyFen)}</Descriptions.Item>
                  </Descriptions>
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="各食堂各餐次供餐与名额使用率">
            <EChart ariaLabel="各食堂各餐次供餐柱状图" option={mealBars(m)} height={300} />
          </Card>
          <Table<MealRow> size="small" columns={columns} dataSource={rows} pagination={false} />
        </Space>
      )}
    </>
  );
}

interface CommunityFigures extends ChildcareFiguresView {
  name: string;
}

function Childcare() {
  const { regionId, regions } = useConsole();
  const children = useMemo(() => regions.filter((r) => r.parentId === regionId), [regions, regionId]);
  const figures = useAsync(() => api.childcareFigures(regionId!), [regionId], { skip: !regionId });
  const perCommunity = useAsync(
    async () => Promise.all(children.map(async (c): Promise<CommunityFigures> => ({ ...(await api.childcareFigures(c.id)), name: c.name }))),
    [children],
    { skip: children.length === 0 },
  );
  const f = figures.data;
  const columns: ColumnsType<CommunityFigures> = [
    { title: '社区', dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
    { title: '常住人口', dataIndex: 'population', align: 'right', render: (p: number | null) => (p === null ? '—' : p.toLocaleString('zh-CN')) },
    { title: '托位', dataIndex: 'places', align: 'right', sorter: (a, b) => a.places - b.places },
    {
      title: '每千人口托位数',
      dataIndex: 'placesPerThousand',
      align: 'right',
      sorter: (a, b) => (a.placesPerThousand ?? 0) - (b.placesPerThousand ?? 0),
      render: (v: number | null) => (v === null ? '—' : <Typography.Text type={v >= DEFAULT_TARGETS.placesPerThousand ? 'success' : 'danger'}>{v}</Typography.Text>),
    },
    { title: '普惠托位', dataIndex: 'puhuiPlaces', align: 'right' },
    { title: '普惠占比', dataIndex: 'puhuiShare', align: 'right', render: (s: number, r) => (r.places === 0 ? '—' : formatPercent(s)) },
    { title: '在托', dataIndex: 'enrolled', align: 'right' },
    { title: '轮候', dataIndex: 'waitlistLength', align: 'right' },
  ];
  return (
    <>
      <RegionMonthBar showMonth={false} />
      {figures.error !== undefined ? (
        <ErrorState error={figures.error} onRetry={figures.reload} />
      ) : !f || figures.loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={`${regionName(regions, regionId)} 托育供给`}>
            <Descriptions bordered size="small" column={4}>
              <Descriptions.Item label="常住人口">{f.population === null ? '—' : f.population.toLocaleString('zh-CN')}</Descriptions.Item>
              <Descriptions.Item label="托位总数">{f.places}</Descriptions.Item>
              <Descriptions.Item label="每千人口托位数">
                {f.placesPerThousand ?? '—'} <Target met={(f.placesPerThousand ?? 0) >= DEFAULT_TARGETS.placesPerThousand} text={`目标 ${DEFAULT_TARGETS.placesPerThousand}`} />
              </Descriptions.Item>
              <Descriptions.Item label="普惠托位">{f.puhuiPlaces}</Descriptions.Item>
              <Descriptions.Item label="普惠占比">
                {formatPercent(f.puhuiShare)} <Target met={f.puhuiShare * 100 >= DEFAULT_TARGETS.puhuiShare} text={`目标 ${DEFAULT_TARGETS.puhuiShare}%`} />
              </Descriptions.Item>
              <Descriptions.Item label="在托">{f.enrolled} 人</Descriptions.Item>
              <Descriptions.Item label="入托率">{formatPercent(f.occupancy)}</Descriptions.Item>
              <Descriptions.Item label="轮候">{f.waitlistLength} 人</Descriptions.Item>
            </Descriptions>
          </Card>
          {children.length > 0 && (
            <Card size="small" title="按下级地区">
              {perCommunity.error !== undefined ? (
                <ErrorState compact error={perCommunity.error} onRetry={perCommunity.reload} />
              ) : (
                <>
                  {perCommunity.data && <EChart ariaLabel="各社区每千人口托位数柱状图" option={placesBars(perCommunity.data)} height={260} />}
                  <Table<CommunityFigures> rowKey="regionId" size="small" loading={perCommunity.loading} columns={columns} dataSource={perCommunity.data ?? []} pagination={false} />
                </>
              )}
            </Card>
          )}
        </Space>
      )}
    </>
  );
}

function Target({ met, text }: { met: boolean; text: string }) {
  return <Tag color={met ? 'success' : 'error'}>{`${text}，${met ? '已达标' : '未达标'}`}</Tag>;
}

function placesBars(rows: CommunityFigures[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 64, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => r.name) },
    yAxis: [
      { type: 'value', name: '每千人口托位', max: (v: { max: number }) => Math.ceil(Math.max(v.max, DEFAULT_TARGETS.placesPerThousand * 1.2)) },
      { type: 'value', name: '普惠占比', max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        type: 'bar',
        name: '每千人口托位数',
        barMaxWidth: 40,
        data: rows.map((r) => r.placesPerThousand ?? 0),
        markLine: { symbol: 'none', data: [{ yAxis: DEFAULT_TARGETS.placesPerThousand }], label: { formatter: `目标 ${DEFAULT_TARGETS.placesPerThousand}`, position: 'insideEndTop' }, lineStyle: { type: 'dashed', color: '#1f6feb' } },
      },
      { type: 'line', name: '普惠占比', yAxisIndex: 1, data: rows.map((r) => Math.round(r.puhuiShare * 1000) / 10) },
    ],
  };
}
