import { AuditOutlined } from '@ant-design/icons';
import { SUBSIDY_CATEGORY_LABELS, SUBSIDY_VERIFICATION_LABELS, type EligibilityItemView, type SubsidyVerification } from '@carecircle/shared';
import { Button, DatePicker, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../api';
import { OfficialListImport } from '../components/OfficialListImport';
import { ReviewList, ReviewModal, type ReviewHandlers } from '../components/ReviewList';
import { compareText, formatDate, formatDateTime, today } from '../lib/format';

const STATUS_COLORS: Record<SubsidyVerification, string> = { unverified: 'gold', verified: 'green', rejected: 'red' };
const TABS = (['unverified', 'verified', 'rejected'] as const).map((s) => ({ key: s, label: SUBSIDY_VERIFICATION_LABELS[s] }));

export default function Eligibility() {
  return (
    <ReviewList<EligibilityItemView, SubsidyVerification>
      title="补贴资格核验"
      description="家属申报的补贴类别（特困、低保、高龄…）经核验后才享受补贴；通过须填写有效期，不通过须说明理由"
      actions={(reload) => <OfficialListImport onImported={reload} />}
      tabs={TABS}
      initialTab="unverified"
      load={(status) => api.eligibility(status)}
      searchPlaceholder="搜索老人、家庭、社区"
      searchWidth={240}
      searchText={searchText}
      rowKey="elderId"
      unit="人"
      emptyText={(status) => (status === 'unverified' ? '没有待核验的申报' : '暂无记录')}
      columns={({ data, tab: status, review }) => [
        { title: '老人', dataIndex: 'elderName', sorter: (a, b) => compareText(a.elderName, b.elderName) },
        { title: '年龄', dataIndex: 'age', sorter: (a, b) => a.age - b.age, width: 80 },
        { title: '社区', dataIndex: 'communityName', render: (c: string | null) => c ?? '—', filters: [...new Set(data.map((e) => e.communityName ?? '—'))].map((c) => ({ text: c, value: c })), onFilter: (v, e) => (e.communityName ?? '—') === v },
        { title: '家庭', dataIndex: 'householdName' },
        {
          title: '申报类别',
          dataIndex: 'declaredCategory',
          render: (c: EligibilityItemView['declaredCategory']) => <Tag color="blue">{SUBSIDY_CATEGORY_LABELS[c]}</Tag>,
          filters: [...new Set(data.map((e) => e.declaredCategory))].map((c) => ({ text: SUBSIDY_CATEGORY_LABELS[c], value: c })),
          onFilter: (v, e) => e.declaredCategory === v,
        },
        { title: '佐证材料说明', dataIndex: 'evidenceNote', ellipsis: true, render: (n: string | null) => n ?? <Typography.Text type="secondary">未填写</Typography.Text> },
        { title: '申报时间', dataIndex: 'declaredAt', render: formatDateTime, sorter: (a, b) => compareText(a.declaredAt, b.declaredAt), defaultSortOrder: 'ascend' },
        ...(status === 'verified' ? [{ title: '有效期至', dataIndex: 'validUntil', render: formatDate, sorter: (a: EligibilityItemView, b: EligibilityItemView) => compareText(a.validUntil, b.validUntil) }] : []),
        {
          title: '操作',
          key: 'actions',
          render: (_: unknown, e) => (
            <Space>
              <Button size="small" type={e.verification === 'unverified' ? 'primary' : 'default'} onClick={() => review(e)}>
                {e.verification === 'unverified' ? '核验' : '重新核验'}
              </Button>
              <Link to={`/audit?entityId=${e.elderId}`}>
                <AuditOutlined /> 记录
              </Link>
            </Space>
          ),
        },
      ]}
      renderReview={(e, handlers) => <VerifyModal item={e} {...handlers} />}
    />
  );
}

function searchText(e: EligibilityItemView): (string | null)[] {
  return [e.elderName, e.householdName, e.communityName];
}

interface VerifyForm {
  decision: 'verified' | 'rejected';
  validUntil?: Dayjs;
  note?: string;
}

function VerifyModal({ item, onClose, onDone }: { item: EligibilityItemView } & ReviewHandlers) {
  const [form] = Form.useForm<VerifyForm>();
  const decision = Form.useWatch('decision', form);
  const todayStr = today();

  return (
    <ReviewModal<VerifyForm>
      title={`核验补贴资格：${item.elderName}`}
      width={560}
      details={[
        { key: 'category', label: '申报类别', children: SUBSIDY_CATEGORY_LABELS[item.declaredCategory] },
        { key: 'verification', label: '当前状态', children: <Tag color={STATUS_COLORS[item.verification]}>{SUBSIDY_VERIFICATION_LABELS[item.verification]}</Tag> },
        { key: 'age', label: '年龄', children: `${item.age} 岁` },
        { key: 'community', label: '社区', children: item.communityName ?? '—' },
        { key: 'evidence', label: '佐证材料', span: 2, children: item.evidenceNote ?? '未填写' },
      ]}
      form={form}
      initialValues={{ decision: 'verified', validUntil: dayjs(todayStr).add(1, 'year') }}
      submit={async (v) => {
        await api.verifyEligibility(item.elderId, {
          decision: v.decision,
          validUntil: v.decision === 'verified' ? v.validUntil?.format('YYYY-MM-DD') : undefined,
          note: v.note?.trim() || undefined,
        });
        return `${item.elderName}：${v.decision === 'verified' ? '核验通过' : '核验不通过'}`;
      }}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="decision" label="核验结论">
        <Radio.Group>
          <Radio.Button value="verified">通过</Radio.Button>
          <Radio.Button value="rejected">不通过</Radio.Button>
        </Radio.Group>
      </Form.Item>
      {decision !== 'rejected' && (
        <Form.Item
          name="validUntil"
          label="资格有效期至"
          rules={[
            { required: true, message: '核验通过须填写有效期' },
            { validator: (_, v?: Dayjs) => (!v || v.format('YYYY-MM-DD') > todayStr ? Promise.resolve() : Promise.reject(new Error('有效期须晚于今天'))) },
          ]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') <= todayStr} />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={decision === 'rejected' ? '不通过理由（家属可见）' : '备注'}
        rules={decision === 'rejected' ? [{ required: true, whitespace: true, message: '不通过须填写理由' }] : []}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={decision === 'rejected' ? '如：低保证明已过期，请重新提交' : '选填'} />
      </Form.Item>
    </ReviewModal>
  );
}
