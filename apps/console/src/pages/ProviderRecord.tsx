import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  EVALUATION_KIND_LABELS,
  gradeProvider,
  INSPECTION_STATUS_LABELS,
  PROVIDER_DOCUMENT_KIND_LABELS,
  PROVIDER_DOCUMENT_KINDS,
  PROVIDER_KIND_LABELS,
  PROVIDER_STATUS_LABELS,
  type CreditEventView,
  type EvaluationKind,
  type EvaluationView,
  type FilingChangeView,
  type GradingView,
  type InspectionView,
  type ProviderDocumentKind,
  type ProviderDocumentView,
  type ProviderRecordView,
} from '@carecircle/shared';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Statistic, Table, Tabs, Tag, Timeline, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api';
import { EmptyState, ErrorState, LoadingState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { useConsole } from '../context';
import { saveBlob } from '../lib/download';
import { compareText, formatDate, formatDateTime } from '../lib/format';
import { regionName } from '../lib/regions';
import { creditTone, documentProblem, formatBytes, supervision } from '../lib/supervision';
import { useAsync } from '../lib/useAsync';

/** 机构监管档案: one provider's 备案, documents, grading, evaluations, inspections and credit. */
export default function ProviderRecord() {
  const { providerId = '' } = useParams();
  const { regions } = useConsole();
  const record = useAsync(() => supervision.record(providerId), [providerId]);

  if (record.loading && !record.data) return <LoadingState />;
  if (!record.data) return <ErrorState error={record.error} onRetry={record.reload} />;
  const r = record.data;
  const tone = creditTone(r.credit.score, r.credit.suspendBelow);
  return (
    <div>
      <PageTitle
        title={`${r.provider.name} · 监管档案`}
        extra={
          <Space>
            <Link to="/providers">
              <Button icon={<ArrowLeftOutlined />}>返回机构管理</Button>
            </Link>
            <Button icon={<ReloadOutlined />} onClick={record.reload}>
              刷新
            </Button>
          </Space>
        }
      >
        {PROVIDER_KIND_LABELS[r.provider.kind]} · {regionName(regions, r.provider.regionId)} · {r.provider.address}
      </PageTitle>
      <Card style={{ marginBottom: 16 }}>
        <Space size={48} wrap>
          <Statistic title="状态" valueRender={() => <Tag color={r.provider.status === 'approved' ? 'green' : r.provider.status === 'pending' ? 'gold' : 'red'}>{PROVIDER_STATUS_LABELS[r.provider.status]}</Tag>} />
          <Statistic title="推荐清单" value={r.provider.recommended ? '在清单内' : '不在清单内'} />
          <Statistic title="信用分" value={r.credit.score} suffix={<Tag color={tone.color}>{tone.label}</Tag>} />
          <Statistic title="最近评定等级" value={r.gradings[0] ? r.gradings[0].level ?? '未定级' : '尚未评定'} />
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'filing', label: '备案信息', children: <FilingTab record={r} onChanged={record.reload} /> },
            { key: 'documents', label: `备案材料（${r.documents.length}）`, children: <DocumentsTab record={r} onChanged={record.reload} /> },
            { key: 'grading', label: '等级评定', children: <GradingTab record={r} onChanged={record.reload} /> },
            { key: 'evaluations', label: '评估与满意度', children: <EvaluationsTab record={r} onChanged={record.reload} /> },
            { key: 'inspections', label: '抽查记录', children: <InspectionsTab inspections={r.inspections} /> },
            { key: 'credit', label: '信用记录', children: <CreditTab record={r} /> },
          ]}
        />
      </Card>
    </div>
  );
}

interface FilingForm {
  licenceNo: string;
  licenceAuthority: string;
  insurer?: string;
  insurancePolicyNo?: string;
  insuranceExpiresOn?: dayjs.Dayjs | null;
}

function FilingTab({ record, onChanged }: { record: ProviderRecordView; onChanged(): void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FilingForm>();
  const f = record.filing;
  const expiring = f.insuranceExpiresOn && dayjs(f.insuranceExpiresOn).isBefore(dayjs().add(30, 'day'));

  async function save(values: FilingForm) {
    setBusy(true);
    try {
      await supervision.updateFiling(record.provider.id, {
        licenceNo: values.licenceNo,
        licenceAuthority: values.licenceAuthority,
        insurer: values.insurer || undefined,
        insurancePolicyNo: values.insurancePolicyNo || undefined,
        insuranceExpiresOn: values.insuranceExpiresOn ? values.insuranceExpiresOn.format('YYYY-MM-DD') : undefined,
      });
      message.success('备案信息已更新，变更已留痕');
      setOpen(false);
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) form.setFields(err.fields.map((x) => ({ name: x.field as keyof FilingForm, errors: [x.message] })));
      else message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Descriptions bordered column={2} size="middle" extra={<Button icon={<EditOutlined />} onClick={() => { form.setFieldsValue({ ...f, insurer: f.insurer ?? undefined, insurancePolicyNo: f.insurancePolicyNo ?? undefined, licenceAuthority: f.licenceAuthority ?? '', insuranceExpiresOn: f.insuranceExpiresOn ? dayjs(f.insuranceExpiresOn) : null }); setOpen(true); }}>修改备案</Button>}>
        <Descriptions.Item label="许可证号">{f.licenceNo}</Descriptions.Item>
        <Descriptions.Item label="发证机关">{f.licenceAuthority ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="保险公司">{f.insurer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="保单号">{f.insurancePolicyNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="保险到期日">
          {formatDate(f.insuranceExpiresOn)} {expiring && <Tag color="red">即将到期或已过期</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="最近更新">{formatDateTime(f.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        变更记录
      </Typography.Title>
      {record.filingHistory.length === 0 ? <EmptyState description="尚无变更" /> : <Timeline items={record.filingHistory.map((h) => ({ children: <FilingChange change={h} /> }))} />}
      <Modal title="修改备案信息" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="licenceNo" label="许可证号" rules={[{ required: true, whitespace: true, message: '请填写许可证号' }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="licenceAuthority" label="发证机关" rules={[{ required: true, whitespace: true, message: '请填写发证机关' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="insurer" label="保险公司">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="insurancePolicyNo" label="保单号">
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="insuranceExpiresOn" label="保险到期日">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function FilingChange({ change }: { change: FilingChangeView }) {
  return (
    <div>
      <Typography.Text type="secondary">
        {formatDateTime(change.changedAt)} · {change.changedByName || '—'}
      </Typography.Text>
      {change.changes.map((c) => (
        <div key={c.field}>
          {c.label}：<Typography.Text delete>{c.from ?? '（空）'}</Typography.Text> → <Typography.Text strong>{c.to ?? '（空）'}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

function DocumentsTab({ record, onChanged }: { record: ProviderRecordView; onChanged(): void }) {
  const { message } = App.useApp();
  const [kind, setKind] = useState<ProviderDocumentKind>('licence');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    const problem = documentProblem(file);
    if (problem) return void message.error(problem);
    if (!title.trim()) return void message.error('请先填写材料名称');
    setBusy(true);
    try {
      await supervision.uploadDocument(record.provider.id, kind, title.trim(), file);
      message.success('已上传');
      setTitle('');
      onChanged();
    } catch (err) {
      // The server names the field (「file: …」); the operator needs only the sentence.
      message.error((err instanceof ApiError && err.fieldMessage('file')) || errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function download(doc: ProviderDocumentView) {
    try {
      const file = await supervision.downloadDocument(record.provider.id, doc);
      saveBlob(file.blob, file.filename);
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const columns: ColumnsType<ProviderDocumentView> = [
    { title: '材料名称', dataIndex: 'title', sorter: (a, b) => compareText(a.title, b.title) },
    { title: '类型', dataIndex: 'kindLabel', filters: PROVIDER_DOCUMENT_KINDS.map((k) => ({ text: PROVIDER_DOCUMENT_KIND_LABELS[k], value: k })), onFilter: (v, d) => d.kind === v },
    { title: '文件', dataIndex: 'fileName' },
    { title: '大小', dataIndex: 'sizeBytes', render: formatBytes, sorter: (a, b) => a.sizeBytes - b.sizeBytes },
    { title: '上传人', dataIndex: 'uploadedBy' },
    { title: '上传时间', dataIndex: 'uploadedAt', render: formatDateTime, sorter: (a, b) => compareText(a.uploadedAt, b.uploadedAt), defaultSortOrder: 'descend' },
    { title: '操作', key: 'a', render: (_: unknown, d) => <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(d)}>下载</Button> },
  ];
  return (
    <div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ProviderDocumentKind> aria-label="材料类型" value={kind} onChange={setKind} style={{ width: 170 }} options={PROVIDER_DOCUMENT_KINDS.map((k) => ({ value: k, label: PROVIDER_DOCUMENT_KIND_LABELS[k] }))} />
        <Input aria-label="材料名称" placeholder="材料名称，如 营业执照副本" value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} style={{ width: 240 }} />
        <Upload accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
          <Button type="primary" icon={<UploadOutlined />} loading={busy}>
            选择文件上传
          </Button>
        </Upload>
        <Typography.Text type="secondary">PDF、JPG 或 PNG，不超过 10 MB</Typography.Text>
      </Space>
      <Table<ProviderDocumentView> rowKey="id" columns={columns} dataSource={record.documents} pagination={{ pageSize: 10 }} locale={{ emptyText: <EmptyState description="尚未上传备案材料" /> }} />
    </div>
  );
}

function GradingTab({ record, onChanged }: { record: ProviderRecordView; onChanged(): void }) {
  const { message } = App.useApp();
  const criteria = useAsync(() => supervision.gradingCriteria(record.provider.id), [record.provider.id]);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const c = criteria.data?.criteria ?? null;
  const preview = useMemo(() => {
    if (!c) return null;
    const filled = Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number'));
    return gradeProvider(c, filled);
  }, [c, scores]);

  async function submit() {
    if (!c || !preview) return;
    if (preview.problems.length) return void message.error(preview.problems[0].message);
    setBusy(true);
    try {
      const g = await supervision.grade(record.provider.id, { scores: scores as Record<string, number>, note: note || undefined });
      message.success(`评定完成：${g.totalScore} 分，${g.level ?? '未定级'}`);
      setScores({});
      setNote('');
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const history: ColumnsType<GradingView> = [
    { title: '评定时间', dataIndex: 'gradedAt', render: formatDateTime },
    { title: '得分', dataIndex: 'totalScore', render: (v: number, g) => `${v} / ${g.maxScore}`, sorter: (a, b) => a.totalScore - b.totalScore },
    { title: '等级', dataIndex: 'level', render: (l: string | null) => (l ? <Tag color="blue">{l}</Tag> : <Tag>未定级</Tag>) },
    { title: '评分标准版本', dataIndex: 'policyVersion', render: (v: number) => `第 ${v} 版` },
    { title: '评定人', dataIndex: 'gradedByName' },
    { title: '备注', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
  ];
  return (
    <div>
      {criteria.error !== undefined && <ErrorState compact error={criteria.error} onRetry={criteria.reload} />}
      {criteria.data && !c && <EmptyState description="本地区尚未发布等级评定标准，请先在「政策表」发布 grading_criteria" />}
      {c && preview && (
        <Card size="small" title={`按评分标准第 ${criteria.data?.policyVersion} 版打分`} style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {c.items.map((item) => (
              <Space key={item.code}>
                <span style={{ display: 'inline-block', width: 140 }}>{item.label}</span>
                <InputNumber aria-label={item.label} min={0} max={item.maxPoints} value={scores[item.code] ?? null} onChange={(v) => setScores((s) => ({ ...s, [item.code]: v }))} />
                <Typography.Text type="secondary">满分 {item.maxPoints}</Typography.Text>
              </Space>
            ))}
            <Input.TextArea aria-label="评定备注" placeholder="备注（可选）" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} autoSize />
            <Space>
              <Typography.Text data-testid="grade-preview">
                合计 {preview.totalScore} / {preview.maxScore} 分 · {preview.level ?? '未定级'}
              </Typography.Text>
              <Button type="primary" onClick={() => void submit()} loading={busy}>
                提交评定
              </Button>
            </Space>
            <Typography.Text type="secondary">等级线：{[...c.levels].sort((a, b) => b.minScore - a.minScore).map((l) => `${l.level} ≥ ${l.minScore}`).join('，')}</Typography.Text>
          </Space>
        </Card>
      )}
      <Table<GradingView> rowKey="id" columns={history} dataSource={record.gradings} pagination={{ pageSize: 5 }} locale={{ emptyText: <EmptyState description="尚未评定" /> }} />
    </div>
  );
}

interface EvaluationForm {
  kind: EvaluationKind;
  evaluator: string;
  score: number;
  sampleSize?: number;
  summary: string;
  evaluatedOn: dayjs.Dayjs;
}

function EvaluationsTab({ record, onChanged }: { record: ProviderRecordView; onChanged(): void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<EvaluationForm>();
  async function save(v: EvaluationForm) {
    setBusy(true);
    try {
      await supervision.recordEvaluation(record.provider.id, { kind: v.kind, evaluator: v.evaluator, score: v.score, sampleSize: v.sampleSize ?? undefined, summary: v.summary, evaluatedOn: v.evaluatedOn.format('YYYY-MM-DD') });
      message.success('已登记');
      setOpen(false);
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) form.setFields(err.fields.map((x) => ({ name: x.field as keyof EvaluationForm, errors: [x.message] })));
      else message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  const columns: ColumnsType<EvaluationView> = [
    { title: '类型', dataIndex: 'kindLabel', filters: (['third_party', 'satisfaction'] as const).map((k) => ({ text: EVALUATION_KIND_LABELS[k], value: k })), onFilter: (v, e) => e.kind === v },
    { title: '评估机构', dataIndex: 'evaluator' },
    { title: '得分', dataIndex: 'score', sorter: (a, b) => a.score - b.score },
    { title: '样本数', dataIndex: 'sampleSize', render: (n: number | null) => n ?? '—' },
    { title: '结论', dataIndex: 'summary' },
    { title: '评估日期', dataIndex: 'evaluatedOn', sorter: (a, b) => compareText(a.evaluatedOn, b.evaluatedOn), defaultSortOrder: 'descend' },
  ];
  return (
    <div>
      <Button icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => { form.resetFields(); setOpen(true); }}>
        登记评估或调查结果
      </Button>
      <Table<EvaluationView> rowKey="id" columns={columns} dataSource={record.evaluations} pagination={{ pageSize: 10 }} locale={{ emptyText: <EmptyState description="尚无第三方评估或满意度调查" /> }} />
      <Modal title="登记评估或调查结果" open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'satisfaction', evaluatedOn: dayjs() }}>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={(['third_party', 'satisfaction'] as const).map((k) => ({ value: k, label: EVALUATION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="evaluator" label="评估机构 / 调查组织" rules={[{ required: true, whitespace: true, message: '请填写评估机构' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="score" label="得分（0–100）" rules={[{ required: true, message: '请填写得分' }]}>
            <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="sampleSize" label="样本数（满意度调查）">
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="summary" label="结论" rules={[{ required: true, whitespace: true, message: '请填写评估结论' }]}>
            <Input.TextArea maxLength={1000} autoSize />
          </Form.Item>
          <Form.Item name="evaluatedOn" label="评估日期" rules={[{ required: true, message: '请选择评估日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

function InspectionsTab({ inspections }: { inspections: InspectionView[] }) {
  const columns: ColumnsType<InspectionView> = [
    { title: '抽取时间', dataIndex: 'createdAt', render: formatDateTime, sorter: (a, b) => compareText(a.createdAt, b.createdAt), defaultSortOrder: 'descend' },
    { title: '检查人员', dataIndex: 'inspectors', render: (list: InspectionView['inspectors']) => list.map((i) => i.name).join('、') },
    { title: '状态', dataIndex: 'status', render: (s: InspectionView['status']) => <Tag>{INSPECTION_STATUS_LABELS[s]}</Tag> },
    { title: '结果', dataIndex: 'passed', render: (p: boolean | null) => (p === null ? '—' : p ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>) },
    { title: '结论', dataIndex: 'summary', render: (s: string | null) => s ?? '—' },
    { title: '信用扣分', dataIndex: 'creditPoints', render: (n: number) => (n ? `-${n}` : '—') },
    { title: '公示时间', dataIndex: 'publishedAt', render: formatDateTime },
  ];
  return <Table<InspectionView> rowKey="id" columns={columns} dataSource={inspections} pagination={{ pageSize: 10 }} locale={{ emptyText: <EmptyState description="尚未被抽查" /> }} />;
}

function CreditTab({ record }: { record: ProviderRecordView }) {
  const [staffId, setStaffId] = useState<string | null>(null);
  const events: ColumnsType<CreditEventView> = [
    { title: '时间', dataIndex: 'at', render: formatDateTime, sorter: (a, b) => compareText(a.at, b.at), defaultSortOrder: 'descend' },
    { title: '扣分', dataIndex: 'points', render: (p: number) => <Typography.Text type="danger">-{p}</Typography.Text>, sorter: (a, b) => a.points - b.points },
    { title: '原因', dataIndex: 'reason' },
  ];
  return (
    <div>
      <Typography.Paragraph type="secondary">
        起始 100 分；投诉查实、抽查不合格、超范围签到无正当理由均扣分。低于 {record.credit.suspendBelow} 分暂停派单并移出推荐清单。
      </Typography.Paragraph>
      <Table<CreditEventView> rowKey="id" columns={events} dataSource={record.credit.events} pagination={{ pageSize: 10 }} locale={{ emptyText: <EmptyState description="无扣分记录" /> }} />
      <Typography.Title level={5}>服务人员信用</Typography.Title>
      <Table
        rowKey="staffId"
        size="small"
        dataSource={record.staffCredit}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '姓名', dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
          { title: '信用分', dataIndex: 'score', sorter: (a, b) => a.score - b.score, render: (s: number) => <Tag color={s < 100 ? 'orange' : 'green'}>{s}</Tag> },
          { title: '操作', key: 'a', render: (_: unknown, s) => <Button size="small" onClick={() => setStaffId(s.staffId)}>扣分记录</Button> },
        ]}
      />
      <StaffCreditModal staffId={staffId} onClose={() => setStaffId(null)} />
    </div>
  );
}

function StaffCreditModal({ staffId, onClose }: { staffId: string | null; onClose(): void }) {
  const credit = useAsync(() => supervision.staffCredit(staffId!), [staffId], { skip: !staffId });
  return (
    <Modal title={credit.data ? `${credit.data.name} · 信用记录（${credit.data.score} 分）` : '信用记录'} open={!!staffId} onCancel={onClose} footer={null} width={640}>
      {credit.error !== undefined ? (
        <ErrorState compact error={credit.error} onRetry={credit.reload} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={credit.loading}
          dataSource={credit.data?.events ?? []}
          pagination={false}
          columns={[
            { title: '时间', dataIndex: 'at', render: formatDateTime },
            { title: '扣分', dataIndex: 'points', render: (p: number) => `-${p}` },
            { title: '原因', dataIndex: 'reason' },
          ]}
          locale={{ emptyText: <EmptyState description="无扣分记录" /> }}
        />
      )}
    </Modal>
  );
}
