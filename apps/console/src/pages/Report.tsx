import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import type { KpiExportIndicator } from '@carecircle/shared';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, errorMessage } from '../api';
import { ErrorState, LoadingState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { RegionMonthBar } from '../components/RegionMonthBar';
import { useConsole } from '../context';
import { saveBlob } from '../lib/download';
import { formatDateTime } from '../lib/format';
import { formatKpiValue } from '../lib/kpi';
import { kpiApi } from '../lib/kpiApi';
import { shown } from '../lib/kpiTrend';
import { useAsync } from '../lib/useAsync';

const columns: ColumnsType<KpiExportIndicator> = [
  { title: '指标', dataIndex: 'label' },
  { title: '数值', key: 'value', render: (_: unknown, i) => formatKpiValue(shown(i.value, i.unit), i.unit) },
  { title: '目标', key: 'target', render: (_: unknown, i) => formatKpiValue(shown(i.target, i.unit), i.unit) },
  { title: '达标', dataIndex: 'met', render: (m: boolean | null) => (m === null ? '—' : m ? '达标' : <Typography.Text type="danger">未达标</Typography.Text>) },
  { title: '分子', dataIndex: 'numerator', render: (n: number | null) => n ?? '—' },
  { title: '分母', dataIndex: 'denominator', render: (n: number | null) => n ?? '—' },
];

/** 月报: the month's indicators for the region and each 社区, printable, and the CSV/JSON for upward reporting. */
export default function Report() {
  const { regionId, month } = useConsole();
  const { message } = App.useApp();
  const report = useAsync(() => kpiApi.report(regionId!, month), [regionId, month], { skip: !regionId });

  const download = async (format: 'csv' | 'json') => {
    try {
      const file = await api.kpiReportFile(regionId!, month, format, `kpi-${month}.${format}`);
      saveBlob(file.blob, file.filename);
    } catch (err) {
      message.error(`下载失败：${errorMessage(err)}`);
    }
  };

  return (
    <div className="cc-report">
      <style>{'@media print { .ant-layout-sider, .cc-no-print { display: none !important; } .cc-report .ant-card { box-shadow: none; border: none; } }'}</style>
      <div className="cc-no-print">
        <PageTitle
          title="月报"
          extra={
            <Space>
              <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!report.data}>
                打印
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => void download('csv')} disabled={!regionId}>
                下载 CSV
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => void download('json')} disabled={!regionId}>
                下载 JSON
              </Button>
            </Space>
          }
        >
          向上级报送的月度指标（导出字段见 docs/kpi-export.md，百分比在文件中为 0–1 小数）
        </PageTitle>
        <RegionMonthBar />
      </div>
      {report.loading ? (
        <LoadingState />
      ) : report.error !== undefined ? (
        <ErrorState error={report.error} onRetry={report.reload} />
      ) : report.data ? (
        <Card>
          <Typography.Title level={3} style={{ textAlign: 'center' }}>
            {report.data.region.name} {report.data.month} 养老托育服务月报
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            生成时间 {formatDateTime(report.data.generatedAt)} · 口径版本 {report.data.schemaVersion}
          </Typography.Paragraph>
          <Table<KpiExportIndicator> size="small" bordered rowKey="code" columns={columns} dataSource={report.data.indicators} pagination={false} />
          {report.data.regions.map((r) => (
            <div key={r.id} style={{ marginTop: 24 }}>
              <Typography.Title level={5}>{r.name}</Typography.Title>
              <Table<KpiExportIndicator> size="small" bordered rowKey="code" columns={columns} dataSource={r.indicators} pagination={false} />
            </div>
          ))}
        </Card>
      ) : null}
    </div>
  );
}
