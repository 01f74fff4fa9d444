import { CheckCircleFilled, CloseCircleFilled, RightOutlined } from '@ant-design/icons';
import type { KpiIndicatorView } from '@carecircle/shared';
import { Card, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { drillDownRoute, formatKpiValue, KPI_STATE_LABELS, kpiGap, kpiProgress, kpiState, normalizeIndicator } from '../lib/kpi';

const STATE_COLORS = { met: 'success', unmet: 'error', in_progress: 'processing', no_target: 'default', no_data: 'default' } as const;

/** One indicator: the figure, its target, met or not, and the records behind it. */
export function KpiCard({ indicator }: { indicator: KpiIndicatorView }) {
  const ind = normalizeIndicator(indicator);
  const state = kpiState(ind);
  const progress = kpiProgress(ind);
  const gap = kpiGap(ind);
  const route = drillDownRoute(ind.drillDown);
  return (
    <Card
      size="small"
      title={ind.label}
      data-testid={`kpi-${ind.code}`}
      extra={
        route ? (
          <Link to={route} aria-label={`${ind.label}明细`}>
            明细 <RightOutlined />
          </Link>
        ) : null
      }
      style={{ height: '100%' }}
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
          <span className="cc-kpi-value">{formatKpiValue(ind.value, ind.unit)}</span>
          <Tag color={STATE_COLORS[state]} icon={state === 'met' ? <CheckCircleFilled /> : state === 'unmet' ? <CloseCircleFilled /> : undefined}>
            {KPI_STATE_LABELS[state]}
          </Tag>
        </Space>
        <Typography.Text type="secondary">
          {ind.prorated ? '按日进度目标' : '目标'} {ind.target === null ? '—' : formatKpiValue(ind.target, ind.unit)}
          {ind.prorated && ind.monthTarget !== null ? `（全月 ${formatKpiValue(ind.monthTarget, ind.unit)}）` : ''}
          {state === 'unmet' && gap !== null && gap > 0 ? `，差 ${formatKpiValue(gap, ind.unit)}` : ''}
        </Typography.Text>
        {progress !== null && <Progress aria-label={`${ind.label}完成目标的进度`} percent={progress} size="small" status={state === 'met' ? 'success' : state === 'unmet' ? 'exception' : 'normal'} showInfo={false} />}
      </Space>
    </Card>
  );
}
