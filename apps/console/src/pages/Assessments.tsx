import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AssessmentView, FieldError } from '@carecircle/shared';
import { Alert, App, Button, Card, Drawer, Input, Result, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api, ApiError, errorMessage, type WorklistItem } from '../api';
import { AssessmentForm } from '../components/AssessmentForm';
import { AssessmentOutcome } from '../components/AssessmentOutcome';
import { EmptyState, ErrorState } from '../components/PageState';
import { PageTitle } from '../components/PageTitle';
import { GRADE_COLORS } from '../lib/assessment';
import { compareText, formatDate } from '../lib/format';
import { useAsync } from '../lib/useAsync';

function reasonColor(reason: string): string {
  if (reason.includes('过期')) return 'red';
  if (reason.includes('尚未评估')) return 'orange';
  return 'gold';
}

export default function Assessments() {
  const list = useAsync(() => api.assessmentWorklist(), []);
  const [current, setCurrent] = useState<WorklistItem | null>(null);
  const [search, setSearch] = useState('');
  const rows = useMemo(() => (list.data ?? []).filter((w) => !search.trim() || w.name.includes(search.trim())), [list.data, search]);

  const columns: ColumnsType<WorklistItem> = [
    { title: '老人', dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
    {
      title: '原因',
      dataIndex: 'reason',
      render: (r: string) => <Tag color={reasonColor(r)}>{r}</Tag>,
      filters: [
        { text: '已过期', value: '过期' },
        { text: '即将到期', value: '到期' },
        { text: '尚未评估', value: '尚未评估' },
      ],
      onFilter: (v, w) => (v === '到期' ? w.reason.includes('将于') : w.reason.includes(String(v))),
    },
    { title: '评估有效期至', dataIndex: 'validUntil', render: formatDate, sorter: (a, b) => compareText(a.validUntil, b.validUntil) },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, w) => (
        <Button size="small" type="primary" icon={<FormOutlined />} onClick={() => setCurrent(w)}>
          评估
        </Button>
      ),
    },
  ];

  return (
    <div>
      <PageTitle
        title="能力评估"
        extra={
          <Space>
            <Input.Search allowClear placeholder="搜索老人" onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 200 }} />
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              刷新
            </Button>
          </Space>
        }
      >
        应评尽评：评估即将到期、已过期或 80 岁以上尚未评估的老人（GB/T 42195-2022 老年人能力评估）
      </PageTitle>
      <Card>
        {list.error !== undefined ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<WorklistItem>
            rowKey="elderId"
            loading={list.loading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 10, showTotal: (n) => `共 ${n} 人` }}
            locale={{ emptyText: <EmptyState description="没有需要评估的老人" /> }}
          />
        )}
      </Card>
      {current && (
        <AssessmentDrawer
          item={current}
          onClose={() => setCurrent(null)}
          onSaved={() => list.reload()}
        />
      )}
    </div>
  );
}

function AssessmentDrawer({ item, onClose, onSaved }: { item: WorklistItem; onClose(): void; onSaved(): void }) {
  const { message } = App.useApp();
  const history = useAsync(() => api.assessments(item.elderId), [item.elderId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<AssessmentView | null>(null);

  return (
    <Drawer open width={1040} title={`能力评估：${item.name}`} onClose={onClose} destroyOnHidden>
      {saved ? (
        <Result
          status="success"
          title={`${item.name}：${saved.gradeLabel}（总分 ${saved.total} 分）`}
          subTitle={`评估日期 ${formatDate(saved.assessedOn)}，有效期至 ${formatDate(saved.validUntil)}；评估员 ${saved.assessorName}`}
          extra={<Button onClick={onClose}>返回名单</Button>}
        >
          <AssessmentOutcome total={saved.total} rawGrade={saved.rawGrade} grade={saved.grade} rules={saved.gradeRules} />
        </Result>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon message={item.reason} description={item.validUntil ? `上次评估有效期至 ${formatDate(item.validUntil)}` : '尚无评估记录'} />
          {history.data && history.data.length > 0 && (
            <Card size="small" title="历次评估">
              <Space wrap>
                {history.data.map((h) => (
                  <Tag key={h.id} color={GRADE_COLORS[h.grade]} title={h.gradeRules.map((r) => r.label).join('；') || undefined}>
                    {formatDate(h.assessedOn)} {h.gradeLabel}（总分 {h.total} 分{h.rawGrade !== h.grade ? `，初步等级 ${h.rawGradeLabel}` : ''}）
                  </Tag>
                ))}
              </Space>
            </Card>
          )}
          {history.error !== undefined && <ErrorState compact error={history.error} onRetry={history.reload} />}
          {error && <Alert type="error" showIcon message="提交失败" description={error} />}
          <AssessmentForm
            submitting={busy}
            fieldErrors={fieldErrors}
            onSubmit={async (input) => {
              setBusy(true);
              setError(null);
              setFieldErrors([]);
              try {
                const result = await api.submitAssessment(item.elderId, input);
                setSaved(result);
                message.success(`已保存：${result.gradeLabel}`);
                onSaved();
              } catch (err) {
                if (err instanceof ApiError) setFieldErrors(err.fields);
                setError(errorMessage(err));
              } finally {
                setBusy(false);
              }
            }}
          />
          <Typography.Text type="secondary">评估结果决定补贴和服务资格（如中度失能以上的康复护理须持护士证），提交后写入老人档案。</Typography.Text>
        </Space>
      )}
    </Drawer>
  );
}
