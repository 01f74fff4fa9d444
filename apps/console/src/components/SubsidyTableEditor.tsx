import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { SubsidyRule } from '@carecircle/shared';
import { Alert, Button, Checkbox, InputNumber, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import {
  ABILITY_GRADE_OPTIONS,
  duplicateRow,
  emptyRow,
  type KeyedCellError,
  ruleInWords,
  type SubsidyColumn,
  type SubsidyFormRow,
  SUBSIDY_CATEGORY_OPTIONS,
  SUBSIDY_KIND_OPTIONS,
  SUBSIDY_SERVICE_OPTIONS,
  type SubsidyRuleWords,
  type SubsidyTableForm,
} from '../lib/subsidyTable';

/** A published subsidy table in words (the expanded row of a 补贴标准 version). */
export function SubsidyTableView({ rules }: { rules: readonly Partial<SubsidyRule>[] }) {
  const rows = rules.map((r, i) => ({ key: i, ...ruleInWords(r) }));
  const columns: ColumnsType<SubsidyRuleWords & { key: number }> = [
    { title: '补贴类别', dataIndex: 'category', width: 150 },
    { title: '服务项目', dataIndex: 'service', width: 120 },
    { title: '补贴方式', dataIndex: 'kind', width: 100 },
    { title: '金额或比例', dataIndex: 'amount', width: 130 },
    { title: '每月上限（元）', dataIndex: 'monthlyCap', width: 130, align: 'right' },
    { title: '含配送费', dataIndex: 'includesDeliveryFee', width: 90 },
    { title: '限能力等级', dataIndex: 'grades' },
  ];
  return <Table size="small" pagination={false} bordered columns={columns} dataSource={rows} aria-label="补贴标准" locale={{ emptyText: '此版本没有补贴规则' }} />;
}

/**
 * The subsidy table as rows of pickers and amounts in 元. Errors arrive pinned to rows by key;
 * a row just added shows its own only once `revealAll` (after a publish attempt) or once it is edited.
 */
export function SubsidyTableEditor({
  value,
  onChange,
  errors,
  revealAll,
  onCellEdited,
}: {
  value: SubsidyTableForm;
  onChange(next: SubsidyTableForm): void;
  errors: readonly KeyedCellError[];
  revealAll: boolean;
  /** A cell was changed (so a server message about it no longer applies). */
  onCellEdited?(rowKey: string, column: SubsidyColumn): void;
}) {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const rows = value.rows;

  const shown = (rowKey: string) => revealAll || !fresh.has(rowKey);
  const messages = (rowKey: string, column: SubsidyColumn | null) => (shown(rowKey) ? errors.filter((e) => e.rowKey === rowKey && e.column === column).map((e) => e.message) : []);
  const tableMessages = errors.filter((e) => e.rowKey === null).map((e) => e.message);

  function setRows(next: SubsidyFormRow[]) {
    onChange({ ...value, rows: next });
  }

  function edit(row: SubsidyFormRow, column: SubsidyColumn, patch: Partial<SubsidyFormRow>) {
    setRows(rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r)));
    if (fresh.has(row.key)) setFresh(new Set([...fresh].filter((k) => k !== row.key)));
    onCellEdited?.(row.key, column);
  }

  function add() {
    const row = emptyRow();
    setFresh(new Set([...fresh, row.key]));
    setRows([...rows, row]);
  }

  function duplicate(row: SubsidyFormRow) {
    const i = rows.indexOf(row);
    setRows([...rows.slice(0, i + 1), duplicateRow(row), ...rows.slice(i + 1)]);
  }

  function remove(row: SubsidyFormRow) {
    setRows(rows.filter((r) => r.key !== row.key));
  }

  const cell = (row: SubsidyFormRow, column: SubsidyColumn, control: (status: '' | 'error') => ReactNode) => {
    const list = messages(row.key, column);
    return (
      <div>
        {control(list.length ? 'error' : '')}
        {list.map((m) => (
          <div key={m} className="cc-cell-error">
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {m}
            </Typography.Text>
          </div>
        ))}
      </div>
    );
  };

  const n = (row: SubsidyFormRow) => rows.indexOf(row) + 1;
  const columns: ColumnsType<SubsidyFormRow> = [
    {
      title: '#',
      key: 'n',
      width: 44,
      render: (_: unknown, row) => (
        <div>
          {n(row)}
          {messages(row.key, null).map((m) => (
            <div key={m}>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                {m}
              </Typography.Text>
            </div>
          ))}
        </div>
      ),
    },
    {
      title: '补贴类别',
      key: 'category',
      width: 170,
      render: (_: unknown, row) =>
        cell(row, 'category', (status) => (
          <Select aria-label={`第 ${n(row)} 条 补贴类别`} status={status} style={{ width: '100%' }} placeholder="选择类别" value={row.category} options={SUBSIDY_CATEGORY_OPTIONS} onChange={(v: string) => edit(row, 'category', { category: v })} />
        )),
    },
    {
      title: '服务项目',
      key: 'service',
      width: 160,
      render: (_: unknown, row) =>
        cell(row, 'service', (status) => (
          <Select
            aria-label={`第 ${n(row)} 条 服务项目`}
            status={status}
            style={{ width: '100%' }}
            placeholder="选择服务"
            showSearch
            optionFilterProp="label"
            value={row.service}
            options={SUBSIDY_SERVICE_OPTIONS}
            onChange={(v: string) => edit(row, 'service', { service: v })}
          />
        )),
    },
    {
      title: '补贴方式',
      key: 'kind',
      width: 120,
      render: (_: unknown, row) =>
        cell(row, 'kind', (status) => (
          <Select aria-label={`第 ${n(row)} 条 补贴方式`} status={status} style={{ width: '100%' }} value={row.kind} options={SUBSIDY_KIND_OPTIONS} onChange={(v: string) => edit(row, 'kind', { kind: v })} />
        )),
    },
    {
      title: '金额或比例',
      key: 'amount',
      width: 180,
      render: (_: unknown, row) =>
        cell(row, 'amount', (status) =>
          row.kind === 'percent' ? (
            <InputNumber
              aria-label={`第 ${n(row)} 条 补贴比例（%）`}
              status={status}
              style={{ width: '100%' }}
              precision={0}
              suffix="%"
              placeholder="1–100"
              value={row.percent ?? null}
              onChange={(v) => edit(row, 'amount', { percent: typeof v === 'number' ? v : null })}
            />
          ) : (
            <InputNumber
              aria-label={`第 ${n(row)} 条 每次补贴（元）`}
              status={status}
              style={{ width: '100%' }}
              precision={2}
              step={1}
              suffix="元/次"
              placeholder="0.00"
              value={row.amountYuan ?? null}
              onChange={(v) => edit(row, 'amount', { amountYuan: typeof v === 'number' ? v : null })}
            />
          ),
        ),
    },
    {
      title: '每月上限（元）',
      key: 'monthlyCap',
      width: 140,
      render: (_: unknown, row) =>
        cell(row, 'monthlyCap', (status) => (
          <InputNumber
            aria-label={`第 ${n(row)} 条 每月上限（元）`}
            status={status}
            style={{ width: '100%' }}
            precision={2}
            step={10}
            placeholder="0.00"
            value={row.monthlyCapYuan ?? null}
            onChange={(v) => edit(row, 'monthlyCap', { monthlyCapYuan: typeof v === 'number' ? v : null })}
          />
        )),
    },
    {
      title: (
        <Tooltip title="仅助餐：补贴是否也可用于配送费">
          <span>含配送费</span>
        </Tooltip>
      ),
      key: 'includesDeliveryFee',
      width: 80,
      render: (_: unknown, row) =>
        cell(row, 'includesDeliveryFee', () => (
          <Checkbox
            aria-label={`第 ${n(row)} 条 含配送费`}
            disabled={row.service !== 'meal'}
            checked={row.service === 'meal' && row.includesDeliveryFee}
            onChange={(e) => edit(row, 'includesDeliveryFee', { includesDeliveryFee: e.target.checked })}
          />
        )),
    },
    {
      title: '限能力等级',
      key: 'grades',
      render: (_: unknown, row) =>
        cell(row, 'grades', (status) => (
          <Select
            aria-label={`第 ${n(row)} 条 限能力等级`}
            status={status}
            mode="multiple"
            allowClear
            style={{ width: '100%', minWidth: 160 }}
            placeholder="不限"
            value={row.grades}
            options={ABILITY_GRADE_OPTIONS}
            onChange={(v: string[]) => edit(row, 'grades', { grades: v })}
          />
        )),
    },
    {
      title: '操作',
      key: 'actions',
      width: 84,
      render: (_: unknown, row) => (
        <Space size={0}>
          <Tooltip title="复制此条">
            <Button type="text" size="small" icon={<CopyOutlined />} aria-label={`复制第 ${n(row)} 条`} onClick={() => duplicate(row)} />
          </Tooltip>
          <Tooltip title="删除此条">
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除第 ${n(row)} 条`} onClick={() => remove(row)} />
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <div>
      {tableMessages.map((m) => (
        <Alert key={m} type="error" showIcon message={m} style={{ marginBottom: 8 }} />
      ))}
      <Table<SubsidyFormRow>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ y: 420 }}
        locale={{ emptyText: '还没有补贴规则，点击下方「添加一条」' }}
      />
      <Space style={{ marginTop: 8 }}>
        <Button icon={<PlusOutlined />} onClick={add}>
          添加一条
        </Button>
        <Typography.Text type="secondary">同一类别、同一服务（及能力等级）只能有一条；「全部服务」用于没有单独规定的服务。金额按元填写，保存为分。</Typography.Text>
      </Space>
    </div>
  );
}
