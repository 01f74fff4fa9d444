import { ArrowLeftOutlined } from '@ant-design/icons';
import type { KpiRecordView, RegionFiguresView } from '@carecircle/shared';
import { Card, Col, Descriptions, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { KpiTrendCard } from '../components/KpiInsights';
import { EmptyState, ErrorState, LoadingState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { useConsole } from '../context';
import { formatKpiValue, KPI_STATE_LABELS, kpiState, normalizeIndicator } from '../lib/kpi';
import { kpiApi } from '../lib/kpiApi';
import { useAsync } from '../lib/useAsync';

const ENTITY_LABELS: Record<KpiRecordView['entity'], string> = {
  elder: '老人', order: '订单', staff: '服务人员', volunteer: '志愿者', class: '托育班级', canteen: '助餐点', booking: '助餐订单', region: '社区',
};

/** The records one indicator was computed from (drill-down): each counted in the numerator, the denominator, or both. */
export default function KpiRecords() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const ctx = useConsole();
  const regionId = params.get('regionId') ?? ctx.regionId;
  const month = params.get('month') ?? ctx.month;
  const drill = useAsync(() => kpiApi.records(code, regionId!, month), [code, regionId, month], { skip: !regionId });
  const [filter, setFilter] = useState<'all' | 'numerator' | 'rest'>('all');

  const rows = useMemo(() => {
    const all = drill.data?.records ?? [];
    if (filter === 'numerator') return all.filter((r) => r.inNumerator);
    if (filter === 'rest') return all.filter((r) => !r.inNumerator);
    return all;
  }, [drill.data, filter]);

  if (!regionId) return <EmptyState description="请先选择地区" />;
  if (drill.loading) return <LoadingState />;
  if (drill.error !== undefined) return <ErrorState error={drill.error} onRetry={drill.reload} />;
  const d = drill.data!;
  const ind = normalizeIndicator(d.indicator);
  const state = kpiState(ind);
  const ratioOfRecords = d.records.some((r) => r.inDenominator);

  const columns: ColumnsType<KpiRecordView> = [
    { title: '类型', dataIndex: 'entity', width: 100, render: (e: KpiRecordView['entity']) => ENTITY_LABELS[e] },
    { title: '名称', dataIndex: 'name' },
    { title: '社区', dataIndex: 'communityName', render: (c: string | null) => c ?? '—' },
    { title: '说明', dataIndex: 'detail' },
    ...(d.records.some((r) => r.amount !== 1) ? [{ title: '计数', dataIndex: 'amount', width: 80 }] : []),
    {
      title: '计入',
      key: 'counted',
      width: 160,
      render: (_: unknown, r: KpiRecordView) => (
        <Space size={4}>
          {r.inNumerator && <Tag color="green">{d.numeratorLabel}</Tag>}
          {r.inDenominator && !r.inNumerator && <Tag>仅{d.denominatorLabel}</Tag>}
        </Space>
      ),
    },
  ];
  const figureColumns: ColumnsType<RegionFiguresView> = [
    { title: '地区', dataIndex: 'regionName' },
    { title: '年度', dataIndex: 'year' },
    { title: '常住人口', dataIndex: 'residents', render: (n: number | null) => n?.toLocaleString('zh-CN') ?? '—' },
    { title: '60 岁以上人口', dataIndex: 'elderly60', render: (n: number | null) => n?.toLocaleString('zh-CN') ?? '—' },
    { title: '0–3 岁儿童', dataIndex: 'children0to3', render: (n: number | null) => n?.toLocaleString('zh-CN') ?? '—' },
  ];

  return (
    <div>
      <PageTitle
        title={ind.label}
        extra={
          <Link to="/dashboard">
            <ArrowLeftOutlined /> 返回工作台
          </Link>
        }
      >
        {d.regionName} · {d.month} · 指标明细（每一条计入的记录）
      </PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="数值">
                <Space>
                  <span className="cc-kpi-value">{formatKpiValue(ind.value, ind.unit)}</span>
                  <Tag color={state === 'met' ? 'success' : state === 'unmet' ? 'error' : 'default'}>{KPI_STATE_LABELS[state]}</Tag>
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="目标">{ind.target === null ? '—' : formatKpiValue(ind.target, ind.unit)}</Descriptions.Item>
              <Descriptions.Item label={d.numeratorLabel}>{ind.numerator ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={d.denominatorLabel}>{ind.denominator ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="口径">{d.rule}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <KpiTrendCard indicators={[d.indicator]} initialCode={code} regionId={regionId} initialYear={Number(month.slice(0, 4))} />
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={`计入的记录（${d.records.length} 条）`}
            extra={
              <Radio.Group
                size="small"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                options={[
                  { value: 'all', label: '全部' },
                  { value: 'numerator', label: d.numeratorLabel },
                  ...(ratioOfRecords ? [{ value: 'rest', label: `未计入${d.numeratorLabel}` }] : []),
                ]}
                optionType="button"
              />
            }
          >
            <Table<KpiRecordView> size="small" rowKey={(r) => `${r.entity}-${r.id}`} columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: '没有记录' }} />
          </Card>
        </Col>
        {d.figures.length > 0 && (
          <Col span={24}>
            <Card size="small" title={`${d.denominatorLabel}：地区基础数据`}>
              <Table<RegionFiguresView> size="small" rowKey="regionId" columns={figureColumns} dataSource={d.figures} pagination={false} />
              <Typography.Text type="secondary">分母取各社区当年基础数据之和（在“月报”页可查看导出口径）。</Typography.Text>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
