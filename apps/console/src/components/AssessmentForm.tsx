import { ASSESSMENT_DOMAINS, type AssessmentInput, type FieldError } from '@carecircle/shared';
import { Alert, Button, Card, Col, DatePicker, Progress, Radio, Row, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { today } from '../lib/format';
import { ASSESSMENT_ITEM_COUNT, GRADE_COLORS, liveScore, type AssessmentAnswers } from '../lib/assessment';

/**
 * 老年人能力评估 (GB/T 42195-2022): the 26 items by domain, each scored 0–max (higher is more
 * able); the total and the grade update as the assessor fills it in, with the shared scoring.
 */
export function AssessmentForm({
  onSubmit,
  submitting = false,
  fieldErrors = [],
  initial = {},
}: {
  onSubmit(input: AssessmentInput): void | Promise<void>;
  submitting?: boolean;
  fieldErrors?: FieldError[];
  initial?: AssessmentAnswers;
}) {
  const [answers, setAnswers] = useState<AssessmentAnswers>(initial);
  const [assessedOn, setAssessedOn] = useState<Dayjs>(dayjs(today()));
  const [tried, setTried] = useState(false);
  const score = useMemo(() => liveScore(answers), [answers]);
  const serverError = (code: string) => fieldErrors.find((f) => f.field === `items.${code}` || f.field === code)?.message;

  function set(code: string, value: number) {
    setAnswers((a) => ({ ...a, [code]: value }));
  }

  function fillDomain(code: string) {
    const domain = ASSESSMENT_DOMAINS.find((d) => d.code === code);
    if (!domain) return;
    setAnswers((a) => {
      const next = { ...a };
      for (const item of domain.items) if (typeof next[item.code] !== 'number') next[item.code] = item.max;
      return next;
    });
  }

  function submit() {
    setTried(true);
    if (!score.complete || !score.grade) return;
    const items: Record<string, number> = {};
    for (const [k, v] of Object.entries(answers)) if (typeof v === 'number') items[k] = v;
    void onSubmit({ assessedOn: assessedOn.format('YYYY-MM-DD'), items });
  }

  return (
    <Row gutter={16} align="top">
      <Col span={16}>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">每项按评估标准打分，分值越高表示能力越好；全部 {ASSESSMENT_ITEM_COUNT} 项填完后给出能力等级。</Typography.Text>
          {ASSESSMENT_DOMAINS.map((d) => {
            const ds = score.domains.find((x) => x.code === d.code)!;
            return (
              <Card
                key={d.code}
                size="small"
                title={`${d.label}（${ds.score}/${ds.max} 分）`}
                extra={
                  ds.answered < ds.count ? (
                    <Button size="small" type="link" onClick={() => fillDomain(d.code)}>
                      其余项记满分
                    </Button>
                  ) : (
                    <Tag color="green">已填完</Tag>
                  )
                }
              >
                {d.items.map((item) => {
                  const missing = tried && typeof answers[item.code] !== 'number';
                  const err = serverError(item.code);
                  return (
                    <div key={item.code} data-item={item.code} className={`cc-item-row${missing || err ? ' cc-missing' : ''}`}>
                      <span className="cc-item-label" id={`item-${item.code}`}>
                        {item.label}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {' '}
                          （0–{item.max}）
                        </Typography.Text>
                        {err && (
                          <Typography.Text type="danger" style={{ fontSize: 12 }}>
                            {' '}
                            {err}
                          </Typography.Text>
                        )}
                      </span>
                      <Radio.Group
                        aria-labelledby={`item-${item.code}`}
                        size="small"
                        optionType="button"
                        buttonStyle="solid"
                        value={answers[item.code]}
                        onChange={(e) => set(item.code, e.target.value as number)}
                        options={Array.from({ length: item.max + 1 }, (_, v) => ({ label: String(v), value: v }))}
                      />
                    </div>
                  );
                })}
              </Card>
            );
          })}
        </Space>
      </Col>
      <Col span={8}>
        <Card size="small" title="评估结果" style={{ position: 'sticky', top: 0 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <div>
              <Typography.Text type="secondary">总分</Typography.Text>
              <div className="cc-kpi-value" data-testid="assessment-total">
                {score.total} <Typography.Text type="secondary">/ {score.max}</Typography.Text>
              </div>
            </div>
            <div data-testid="assessment-grade">
              {score.gradeLabel && score.grade ? (
                <Tag color={GRADE_COLORS[score.grade]} style={{ fontSize: 16, padding: '4px 10px' }}>
                  {score.gradeLabel}
                </Tag>
              ) : (
                <Typography.Text type="secondary">
                  已填 {score.answered}/{ASSESSMENT_ITEM_COUNT} 项，填完后给出等级
                </Typography.Text>
              )}
            </div>
            {score.domains.map((d) => (
              <div key={d.code}>
                <Typography.Text>
                  {d.label} {d.score}/{d.max}
                </Typography.Text>
                <Progress aria-label={`${d.label}得分`} percent={Math.round((d.score / d.max) * 100)} size="small" showInfo={false} status={d.answered === d.count ? 'normal' : 'active'} />
              </div>
            ))}
            <div>
              <Typography.Text type="secondary">评估日期</Typography.Text>
              <DatePicker style={{ width: '100%' }} allowClear={false} value={assessedOn} onChange={(d) => d && setAssessedOn(d)} disabledDate={(d) => d.isAfter(dayjs())} aria-label="评估日期" />
            </div>
            {tried && !score.complete && <Alert type="warning" showIcon message={`还有 ${ASSESSMENT_ITEM_COUNT - score.answered} 项未填`} />}
            {score.errors.length > 0 && <Alert type="error" showIcon message={score.errors[0].message} />}
            <Button type="primary" block loading={submitting} onClick={submit}>
              提交评估
            </Button>
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
