import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { RegionPolicyView } from '@carecircle/shared';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, errorMessage } from '../api';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { SubsidyTableEditor, SubsidyTableView } from '../components/SubsidyTableEditor';
import { useConsole } from '../context';
import { chinaIso, formatDateTime } from '../lib/format';
import { currentRules, isKnownPolicyKind, parseRules, POLICY_KIND_LABELS, POLICY_KIND_PATTERN, policyKindLabel, policyStates, type PolicyState } from '../lib/policies';
import { regionName, regionTree } from '../lib/regions';
import { validated } from '../lib/forms';
import { useAsync } from '../lib/useAsync';
import {
  fieldErrorsToCells,
  keyErrors,
  type KeyedCellError,
  locateField,
  ruleInWords,
  rulesFromTable,
  SUBSIDY_KIND,
  type SubsidyTableForm,
  tableErrors,
  tableFromRules,
} from '../lib/subsidyTable';

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
    { title: '规则摘要', key: 'summary', ellipsis: true, render: (_: unknown, p) => <Typography.Text type="secondary">{ruleSummary(p)}</Typography.Text> },
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
            expandable={{ expandedRowRender: (p) => <PolicyRules policy={p} /> }}
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

/** A subsidy table (kind `subsidy`) the table form can hold, else null. */
function subsidyRules(p: RegionPolicyView): SubsidyTableForm | null {
  return p.kind === SUBSIDY_KIND && p.rules ? tableFromRules(p.rules) : null;
}

function ruleSummary(p: RegionPolicyView): string {
  if (subsidyRules(p)) {
    const rules = (p.rules as { rules: Record<string, unknown>[] }).rules;
    const words = rules.slice(0, 3).map((r) => {
      const w = ruleInWords(r);
      return `${w.category}·${w.service} ${w.amount}`;
    });
    return `${rules.length} 条：${words.join('；')}${rules.length > 3 ? '…' : ''}`;
  }
  return JSON.stringify(p.rules).slice(0, 120);
}

/** The expanded row: a subsidy table in words, other kinds as JSON. */
function PolicyRules({ policy }: { policy: RegionPolicyView }) {
  if (!subsidyRules(policy)) return <pre className="cc-json">{JSON.stringify(policy.rules, null, 2)}</pre>;
  return (
    <div>
      <SubsidyTableView rules={(policy.rules as { rules: Record<string, unknown>[] }).rules} />
      <details style={{ marginTop: 8 }}>
        <summary>
          <Typography.Text type="secondary">查看 JSON</Typography.Text>
        </summary>
        <pre className="cc-json">{JSON.stringify(policy.rules, null, 2)}</pre>
      </details>
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
  const kindOptions = Object.keys(POLICY_KIND_LABELS).map((k) => ({ value: k, label: `${policyKindLabel(k)}（${k}）` }));

  // 补贴标准 is edited as a table; the JSON editor stays for other kinds and as an escape hatch.
  const [initialTable] = useState(() => tableFromRules(initialKind === SUBSIDY_KIND ? initialRules : currentRules(existing, SUBSIDY_KIND)));
  const [table, setTable] = useState<SubsidyTableForm>(() => initialTable ?? { rows: [], extra: { currency: 'fen' } });
  const [jsonMode, setJsonMode] = useState(initialKind === SUBSIDY_KIND && initialTable === null);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<KeyedCellError[]>([]);
  const isSubsidy = kind.trim() === SUBSIDY_KIND;
  const showTable = isSubsidy && !jsonMode;
  const localErrors = useMemo(() => keyErrors(table.rows, tableErrors(table)), [table]);
  const textAsTable = 'rules' in parsed ? tableFromRules(parsed.rules) : null;

  // Switching between the table and the JSON carries the content across.
  const shownAsTable = useRef(showTable);
  useEffect(() => {
    if (shownAsTable.current === showTable) return;
    shownAsTable.current = showTable;
    if (showTable) {
      const p = parseRules(form.getFieldValue('rules') ?? '');
      const t = 'rules' in p ? tableFromRules(p.rules) : null;
      if (t) setTable(t);
      setServerErrors([]);
    } else {
      form.setFieldValue('rules', JSON.stringify(rulesFromTable(table), null, 2));
    }
  }, [showTable, form, table]);

  async function submit() {
    const v = await validated(form);
    if (!v) return;
    let rules: Record<string, unknown>;
    if (showTable) {
      setAttempted(true);
      if (localErrors.length) return;
      rules = rulesFromTable(table);
    } else {
      const p = parseRules(v.rules);
      if ('error' in p) return;
      rules = p.rules;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.addPolicy(regionId, { kind: v.kind.trim(), effectiveFrom: chinaIso(v.effectiveFrom), rules });
      message.success(`已发布 ${policyKindLabel(saved.kind)} v${saved.version}，${formatDateTime(saved.effectiveFrom)} 生效`);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const outside = err.fields.filter((f) => locateField(f.field) === null);
        form.setFields(outside.filter((f) => f.field === 'kind' || f.field === 'effectiveFrom').map((f) => ({ name: f.field as keyof EditorForm, errors: [f.message] })));
        if (showTable) setServerErrors(keyErrors(table.rows, fieldErrorsToCells(err.fields)));
        else {
          const inRules = err.fields.filter((f) => locateField(f.field) !== null).map((f) => f.message);
          if (inRules.length) form.setFields([{ name: 'rules', errors: inRules }]);
        }
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function formatJson() {
    if ('rules' in parsed) form.setFieldValue('rules', JSON.stringify(parsed.rules, null, 2));
  }

  const modeSwitch = isSubsidy ? (
    showTable ? (
      <Button size="small" type="link" onClick={() => setJsonMode(true)}>
        以 JSON 编辑
      </Button>
    ) : (
      <Button size="small" type="link" onClick={() => setJsonMode(false)} disabled={!textAsTable} title={textAsTable ? undefined : 'JSON 不是补贴表的格式（{ "rules": [ … ] }），无法转为表格'}>
        以表格编辑
      </Button>
    )
  ) : null;

  return (
    <Modal
      open
      width={showTable ? 1280 : 760}
      title={`新增政策版本 · ${regionLabel}`}
      okText="发布"
      cancelText="取消"
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {showTable && attempted && localErrors.length > 0 && <Alert type="warning" showIcon message={`补贴表还有 ${localErrors.length} 处需要修改（见表格中的红字），改好后再发布`} style={{ marginBottom: 12 }} />}
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
              { validator: (_, v?: string) => (!v || isKnownPolicyKind(v.trim()) ? Promise.resolve() : Promise.reject(new Error('没有这种政策表，请从列表中选择'))) },
            ]}
            extra={kind ? `${policyKindLabel(kind.trim())} · 将发布为 v${nextVersion}` : undefined}
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
        {showTable ? (
          <div>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Text strong>补贴规则（每条：哪类老人、哪项服务、补多少、每月最多补多少）</Typography.Text>
              {modeSwitch}
            </Space>
            <SubsidyTableEditor
              value={table}
              onChange={(t) => {
                setTable(t);
                setServerErrors((list) => list.filter((e) => e.rowKey === null || t.rows.some((r) => r.key === e.rowKey)));
              }}
              errors={[...localErrors, ...serverErrors]}
              revealAll={attempted}
              onCellEdited={(rowKey, column) => setServerErrors((list) => list.filter((e) => !(e.rowKey === rowKey && (e.column === column || e.column === null))))}
            />
          </div>
        ) : (
          <>
            <Form.Item
              name="rules"
              label={
                <Space>
                  规则内容（JSON）
                  <Button size="small" type="link" onClick={formatJson} disabled={'error' in parsed}>
                    格式化
                  </Button>
                  {modeSwitch}
                </Space>
              }
              rules={[{ validator: (_, v?: string) => { const r = parseRules(v ?? ''); return 'error' in r ? Promise.reject(new Error(r.error)) : Promise.resolve(); } }]}
            >
              <Input.TextArea rows={16} spellCheck={false} style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }} aria-label="规则 JSON" />
            </Form.Item>
            {'error' in parsed ? <Typography.Text type="danger">{parsed.error}</Typography.Text> : <Typography.Text type="success">JSON 有效</Typography.Text>}
          </>
        )}
      </Form>
    </Modal>
  );
}
