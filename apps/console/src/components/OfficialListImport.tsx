import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { SUBSIDY_CATEGORY_LABELS, type OfficialListPreviewView, type OfficialListRowView } from '@carecircle/shared';
import { Alert, App, Button, Modal, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { errorMessage } from '../api';
import { kpiApi } from '../lib/kpiApi';
import { readText } from '../lib/readText';
import { OFFICIAL_ROW_STATUS } from '../lib/kpiTrend';

const columns: ColumnsType<OfficialListRowView> = [
  { title: '行', dataIndex: 'row', width: 60 },
  { title: '姓名', dataIndex: 'name' },
  { title: '身份证号', dataIndex: 'idNumberMasked' },
  { title: '类别', dataIndex: 'category', render: (c: OfficialListRowView['category']) => (c ? SUBSIDY_CATEGORY_LABELS[c] : '—') },
  { title: '有效期至', dataIndex: 'validUntil', render: (v: string | null) => v ?? '—' },
  { title: '社区', dataIndex: 'communityName', render: (c: string | null) => c ?? '—' },
  {
    title: '结果',
    dataIndex: 'status',
    width: 100,
    render: (s: OfficialListRowView['status']) => <Tag color={OFFICIAL_ROW_STATUS[s].color}>{OFFICIAL_ROW_STATUS[s].label}</Tag>,
    filters: Object.entries(OFFICIAL_ROW_STATUS).map(([value, s]) => ({ text: s.label, value })),
    onFilter: (v, r) => r.status === v,
  },
  { title: '说明', dataIndex: 'message', render: (m: string | null) => m ?? '' },
];

/**
 * 导入民政官方名单: upload the CSV (姓名, 身份证号, 类别, 有效期至), check the preview of what
 * matched, then confirm; matched elders become verified with the list's category and valid-until.
 */
export function OfficialListImport({ onImported }: { onImported?: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<OfficialListPreviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setCsv(null);
    setPreview(null);
    setError(null);
    setFileName('');
  };

  const read = async (file: File) => {
    reset();
    setFileName(file.name);
    setBusy(true);
    try {
      const text = await readText(file);
      setCsv(text);
      setPreview(await kpiApi.previewOfficialList(text));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!csv) return;
    setBusy(true);
    try {
      const result = await kpiApi.confirmOfficialList(csv);
      message.success(`已按官方名单核验 ${result.applied} 位老人`);
      setOpen(false);
      reset();
      onImported?.();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<CloudUploadOutlined />} onClick={() => setOpen(true)}>
        导入官方名单
      </Button>
      <Modal
        title="导入民政官方名单"
        open={open}
        width={1000}
        onCancel={() => {
          setOpen(false);
          reset();
        }}
        footer={
          <Space>
            <Button onClick={reset} disabled={busy || !csv}>
              重新选择
            </Button>
            <Button type="primary" loading={busy} disabled={!preview || preview.matched === 0} onClick={() => void confirm()}>
              确认核验 {preview ? `${preview.matched} 位` : ''}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          CSV 文件（UTF-8，可由 Excel 另存为），表头：姓名, 身份证号, 类别, 有效期至。按身份证号匹配您负责地区的在册老人；只有“已匹配”的行会被核验，姓名不一致等冲突请核对后再导入。
        </Typography.Paragraph>
        {!preview && (
          <Upload.Dragger
            accept=".csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void read(file);
              return false;
            }}
            disabled={busy}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入 CSV 文件</p>
          </Upload.Dragger>
        )}
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={`${fileName ? `${fileName}：` : ''}${error}`} />}
        {preview && (
          <>
            <Space size="large" style={{ margin: '8px 0 12px' }}>
              <Statistic title="总行数" value={preview.total} />
              <Statistic title="已匹配" value={preview.matched} valueStyle={{ color: '#389e0d' }} />
              <Statistic title="未匹配" value={preview.unmatched} />
              <Statistic title="有冲突" value={preview.conflicts} valueStyle={{ color: preview.conflicts ? '#d46b08' : undefined }} />
              <Statistic title="格式错误" value={preview.invalid} valueStyle={{ color: preview.invalid ? '#cf1322' : undefined }} />
            </Space>
            <Table<OfficialListRowView> size="small" rowKey="row" columns={columns} dataSource={preview.rows} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
          </>
        )}
      </Modal>
    </>
  );
}

