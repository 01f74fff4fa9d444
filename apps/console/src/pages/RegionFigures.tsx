import { SaveOutlined, UploadOutlined } from '@ant-design/icons';
import type { RegionFiguresInput, RegionFiguresView } from '@carecircle/shared';
import { Alert, App, Button, Card, DatePicker, InputNumber, Space, Table, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../api';
import { ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { RegionMonthBar } from '../components/RegionMonthBar';
import { useConsole } from '../context';
import { kpiApi } from '../lib/kpiApi';
import { readText } from '../lib/readText';
import { useAsync } from '../lib/useAsync';

const LEVEL_LABELS: Record<string, string> = { district: '区', street: '街道', community: '社区' };
const FIELDS: { key: keyof RegionFiguresInput; label: string }[] = [
  { key: 'residents', label: '常住人口' },
  { key: 'elderly60', label: '60 岁以上人口' },
  { key: 'children0to3', label: '0–3 岁儿童' },
];

/** 地区基础数据: residents, people 60+ and children 0–3 per 社区 and year — the denominators of the indicators. */
export default function RegionFigures() {
  const { regionId, month } = useConsole();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(month.slice(0, 4)));
  const figures = useAsync(() => kpiApi.regionFigures(regionId!, year), [regionId, year], { skip: !regionId });
  const [edits, setEdits] = useState<Record<string, RegionFiguresInput>>({});
  const [importError, setImportError] = useState<string | null>(null);

  const current = (r: RegionFiguresView): RegionFiguresInput => edits[r.regionId] ?? { residents: r.residents, elderly60: r.elderly60, children0to3: r.children0to3 };
  const save = async (r: RegionFiguresView) => {
    try {
      await kpiApi.putRegionFigures(r.regionId, year, current(r));
      message.success(`已保存 ${r.regionName} ${year} 年基础数据`);
      setEdits(({ [r.regionId]: _saved, ...rest }) => rest);
      figures.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const importCsv = async (file: File) => {
    setImportError(null);
    try {
      const result = await kpiApi.importRegionFigures(await readText(file));
      message.success(`已导入 ${result.imported} 行`);
      figures.reload();
    } catch (err) {
      setImportError(errorMessage(err));
    }
  };

  const columns: ColumnsType<RegionFiguresView> = [
    { title: '地区', dataIndex: 'regionName', render: (n: string, r) => `${n}（${LEVEL_LABELS[r.regionLevel] ?? r.regionLevel}）` },
    ...FIELDS.map((f) => ({
      title: f.label,
      key: f.key,
      render: (_: unknown, r: RegionFiguresView) => (
        <InputNumber
          aria-label={`${r.regionName}${f.label}`}
          min={0}
          precision={0}
          style={{ width: 140 }}
          value={current(r)[f.key]}
          onChange={(v) => setEdits((e) => ({ ...e, [r.regionId]: { ...current(r), [f.key]: v === null ? null : Number(v) } }))}
        />
      ),
    })),
    {
      title: '',
      key: 'save',
      render: (_: unknown, r) => (
        <Button size="small" type="primary" icon={<SaveOutlined />} disabled={!edits[r.regionId]} onClick={() => void save(r)}>
          保存
        </Button>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="地区基础数据"
        extra={
          <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(file) => (void importCsv(file), false)}>
            <Button icon={<UploadOutlined />}>导入 CSV</Button>
          </Upload>
        }
      >
        各社区每年的常住人口、60 岁以上人口、0–3 岁儿童数，是各项指标的分母
      </PageTitle>
      <RegionMonthBar
        showMonth={false}
        extra={
          <Space>
            <Typography.Text type="secondary">年度</Typography.Text>
            <DatePicker aria-label="选择年度" picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} />
          </Space>
        }
      />
      {importError && <Alert style={{ marginBottom: 12 }} type="error" showIcon closable onClose={() => setImportError(null)} message={`导入失败：${importError}`} />}
      <Card>
        {figures.error !== undefined ? (
          <ErrorState error={figures.error} onRetry={figures.reload} />
        ) : (
          <Table<RegionFiguresView> size="middle" rowKey="regionId" loading={figures.loading} columns={columns} dataSource={figures.data ?? []} pagination={false} />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          CSV 表头：社区,年份,常住人口,60岁以上人口,0-3岁儿童（社区可填名称或编码）。有社区数据时，街道的指标按各社区之和计算。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
