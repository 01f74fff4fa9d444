import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { RegionPolicyView } from '@carecircle/shared';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, ApiError, errorMessage } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { useConsole } from '../context';
import { chinaIso, formatDateTime } from '../lib/format';
import { currentRules, parseRules, POLICY_KIND_LABELS, POLICY_KIND_PATTERN, policyKindLabel, policyStates, type PolicyState } from '../lib/policies';
import { regionName, regionTree } from '../lib/regions';
import { validated } from '../lib/forms';
import { useAsync } from '../lib/useAsync';

const STATE_TAGS: Record<PolicyState, { color: string; label: string }> = {
  current: { color: 'green', label: '当前生效' },
  scheduled: { color: 'blue', label: '待生效' },
  superseded: { color: 'default', label: '历史版本' },
};

export default function Policies() {
  const { regions, regionId: sharedRegion } = useConsole();
  const [regionId, setRegionId] = useState<string | null>(sharedRegion);
  const region = regionId ?? sharedRegion;
  const [kind, setKind] = useState<string | undefined>(undefined);
  const list = useAsync(() => api.policies(region!), [region], { skip: !region });
  const [editing, setEditing] = useState<{ kind?: string; rules?: unknown } | null>(null);
  const tree = useMemo(() => regionTree(regions), [regions]);

  const kinds = useMemo(() => [...new Set((list.data ?? []).map((p) => p.kind))].sort(), [list.data]);
  const states = useMemo(() => policyStates(list.data ?? []), [list.data]);
  const rows = useMemo(
    () => (list.data ?? []).filter((p) => !kind || p.kind === kind).sort((a, b) => a.kind.localeCompare(b.kind) || b.version - a.version),
    [list.data, kind],
  );

  const columns: ColumnsType<RegionPolicyView> = [
    { title: '政策类型', dataIndex: 'kind', render: (k: string) => <span>{policyKindLabel(k)} <Typography.Text type="secondary" code>{k}</Typography.Text></span> },
    { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => `v${v}`, sorter: (a, b) => a.version - b.version },
    { title: '生效时间', dataIndex: 'effectiveFrom', width: 170, render: formatDateTime, sorter: (a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom) },
    {
      title: '状态',
      key: 'state',
      width: 110,
      render: (_: unknown, p) => {
        const s = STATE_TAGS[states.get(p.id) ?? 'superseded'];
        return <Tag color={s.color}>{s.label}</Tag>;
      },
      filters: Object.entries(STATE_TAGS).map(([value, t]) => ({ text: t.label, value })),
      onFilter: (v, p) => states.get(p.id) === v,
    },
    { title: '规则摘要', key: 'summary', ellipsis: true, render: (_: unknown, p) => <Typography.Text type="secondary">{JSON.stringify(p.rules).slice(0, 120)}</Typography.Text> },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_: unknown, p) => (
        <Button size="small" onClick={() => setEditing({ kind: p.kind, rules: p.rules })}>
          以此新建版本
        </Button>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="政策表"
        extra={
          <Space>
            <Button type="primary" icon={<PlusOutlined />} disabled={!region} onClick={() => setEditing({ kind, rules: kind ? currentRules(list.data ?? [], kind) : undefined })}>
              新增版本
            </Button>
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              刷新
            </Button>
          </Space>
        }
      >
        补贴标准、探访分级、托育指导价等规则按地区保存为数据，带生效时间和版本历史；已下的订单按当时的版本计价
      </PageTitle>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">地区</Typography.Text>
          <TreeSelect aria-label="政策地区" style={{ width: 220 }} treeData={tree} value={region ?? undefined} onChange={(v: string) => setRegionId(v)} treeDefaultExpandAll />
          <Typography.Text type="secondary">类型</Typography.Text>
          <Select
            aria-label="政策类型"
            allowClear
            placeholder="全部类型"
            style={{ width: 240 }}
            value={kind}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k, label: `${policyKindLabel(k)}（${k}）` }))}
          />
        </Space>
        {list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<RegionPolicyView>
            rowKey="id"
            loading={list.loading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 15, showTotal: (n) => `共 ${n} 个版本` }}
            expandable={{ expandedRowRender: (p) => <pre className="cc-json">{JSON.stringify(p.rules, null, 2)}</pre> }}
            locale={{ emptyText: <EmptyState description={`${regionName(regions, region)} 没有单独的政策表（按上级地区的执行）`} /> }}
          />
        )}
      </Card>
      {editing && region && (
        <PolicyEditor
          regionId={region}
          regionLabel={regionName(regions, region)}
          existing={list.data ?? []}
          initialKind={editing.kind}
          initialRules={editing.rules}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            setKind(p.kind);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

interface EditorForm {
  kind: string;
  effectiveFrom: Dayjs;
  rules: string;
}

function PolicyEditor({
  regionId,
  regionLabel,
  existing,
  initialKind,
  initialRules,
  onClose,
  onSaved,
}: {
  regionId: string;
  regionLabel: string;
  existing: RegionPolicyView[];
  initialKind?: string;
  initialRules?: unknown;
  onClose(): void;
  onSaved(p: RegionPolicyView): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EditorForm>();
  const text = Form.useWatch('rules', form) ?? '';
  const kind = Form.useWatch('kind', form) ?? initialKind ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseRules(text);
  const nextVersion = Math.max(0, ...existing.filter((p) => p.kind === kind).map((p) => p.version)) + 1;
  const kindOptions = [...new Set([...existing.map((p) => p.kind), ...Object.keys(POLICY_KIND_LABELS)])].map((k) => ({ value: k, label: `${policyKindLabel(k)}（${k}）` }));

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    const p = parseRules(v.rules);
    if ('error' in p) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.addPolicy(regionId, { kind: v.kind.trim(), effectiveFrom: chinaIso(v.effectiveFrom), rules: p.rules });
      message.success(`已发布 ${policyKindLabel(saved.kind)} v${saved.version}，${formatDateTime(saved.effectiveFrom)} 生效`);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) form.setFields(err.fields.map((f) => ({ name: f.field as keyof EditorForm, errors: [f.message] })));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function formatJson() {
    if ('rules' in parsed) form.setFieldValue('rules', JSON.stringify(parsed.rules, null, 2));
  }

  return (
    <Modal open width={760} title={`新增政策版本 · ${regionLabel}`} okText="发布" cancelText="取消" onOk={() => void submit()} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<EditorForm>
        form={form}
        layout="vertical"
        initialValues={{
          kind: initialKind,
          effectiveFrom: dayjs().add(1, 'day').startOf('day'),
          rules: initialRules === undefined ? '{\n  \n}' : JSON.stringify(initialRules, null, 2),
        }}
      >
        <Space size="large" align="start" wrap>
          <Form.Item
            name="kind"
            label="政策类型"
            style={{ width: 300 }}
            rules={[
              { required: true, message: '请选择或输入政策类型' },
              { pattern: POLICY_KIND_PATTERN, message: '小写英文和下划线，如 subsidy' },
            ]}
            extra={kind ? `将发布为 v${nextVersion}` : undefined}
          >
            <Input list="policy-kinds" placeholder="如 subsidy" autoComplete="off" />
          </Form.Item>
          <datalist id="policy-kinds">
            {kindOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </datalist>
          <Form.Item name="effectiveFrom" label="生效时间（北京时间）" rules={[{ required: true, message: '请选择生效时间' }]} extra="此前的订单仍按旧版本计价">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="rules"
          label={
            <Space>
              规则内容（JSON）
              <Button size="small" type="link" onClick={formatJson} disabled={'error' in parsed}>
                格式化
              </Button>
            </Space>
          }
          rules={[{ validator: (_, v?: string) => { const r = parseRules(v ?? ''); return 'error' in r ? Promise.reject(new Error(r.error)) : Promise.resolve(); } }]}
        >
          <Input.TextArea rows={16} spellCheck={false} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }} aria-label="规则 JSON" />
        </Form.Item>
        {'error' in parsed ? <Typography.Text type="danger">{parsed.error}</Typography.Text> : <Typography.Text type="success">JSON 有效</Typography.Text>}
      </Form>
    </Modal>
  );
}
