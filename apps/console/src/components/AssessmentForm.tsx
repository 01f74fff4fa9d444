import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ASSESSMENT_DIAGNOSIS_KINDS,
  ASSESSMENT_DIAGNOSIS_LABELS,
  ASSESSMENT_DOMAINS,
  CARE_RISK_EVENT_LABELS,
  CARE_RISK_EVENT_TYPES,
  CARE_RISK_WINDOW_DAYS,
  type AssessmentInput,
  type FieldError,
} from '@carecircle/shared';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Input, Progress, Radio, Row, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { today } from '../lib/format';
import { ASSESSMENT_ITEM_COUNT, countsForRisk, factsInput, GRADE_COLORS, gradeExplanation, liveScore, NO_FACTS, type AssessmentAnswers, type FormFacts } from '../lib/assessment';

/**
 * 老年人能力评估 (GB/T 42195-2022): the 26 items of 附录B by domain, each scored 0–max (higher is
 * more able), and the facts behind 附录C C.4 能力等级变更依据 (昏迷, diagnoses, care-risk events
 * with dates). The raw total, the grade by the total and the final grade with the rule that set it
 * update as the assessor fills it in, with the shared scoring.
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
  const [facts, setFacts] = useState<FormFacts>(NO_FACTS);
  const [tried, setTried] = useState(false);
  const day = assessedOn.format('YYYY-MM-DD');
  const score = useMemo(() => liveScore(answers, facts, day), [answers, facts, day]);
  const serverError = (code: string) => fieldErrors.find((f) => f.field === `items.${code}` || f.field === code)?.message;
  /** The first message for a fact row (`riskEvents.0` …): the server's, or the form's own once submitted. */
  const factError = (prefix: string) =>
    fieldErrors.find((f) => f.field === prefix || f.field.startsWith(`${prefix}.`))?.message ??
    (tried ? score.errors.find((f) => f.field === prefix || f.field.startsWith(`${prefix}.`))?.message : undefined);

  function set(code: string, value: number) {
    setAnswers((a) => ({ ...a, [code]: value }));
  }

  function setComa(coma: boolean) {
    setFacts((f) => ({ ...f, coma }));
    // B.3.9 意识水平: 昏迷 scores 0.
    if (coma) set('consciousness', 0);
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
    if (!score.complete || !score.grade || score.errors.length) return;
    const items: Record<string, number> = {};
    for (const [k, v] of Object.entries(answers)) if (typeof v === 'number') items[k] = v;
    void onSubmit({ assessedOn: day, items, ...factsInput(facts) });
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
          <GradeFacts facts={facts} setFacts={setFacts} setComa={setComa} assessedOn={day} inWindow={score.riskEventsInWindow} errorFor={factError} />
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
            <Typography.Text type="secondary">最终等级</Typography.Text>
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
            {score.rawGrade && score.grade && (
              <>
                <Typography.Text data-testid="assessment-raw-grade">按总分的初步等级：{score.rawGradeLabel}</Typography.Text>
                <Typography.Text type={score.rules.length ? 'warning' : 'secondary'} data-testid="assessment-rules">
                  {gradeExplanation({ rawGrade: score.rawGrade, grade: score.grade, rules: score.rules })}
                  {score.rules.length > 0 && score.rules[0].code !== 'coma' ? `；依据：${score.rules.map((r) => r.label).join('；')}` : ''}
                </Typography.Text>
              </>
            )}
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
            {score.errors.length > 0 && (score.complete || tried) && <Alert type="error" showIcon message={score.errors[0].message} />}
            <Button type="primary" block loading={submitting} onClick={submit}>
              提交评估
            </Button>
          </Space>
        </Card>
      </Col>
    </Row>
  );
}

/** 附录C C.4 能力等级变更依据: 昏迷, diagnoses and care-risk events with their dates. */
function GradeFacts({
  facts,
  setFacts,
  setComa,
  assessedOn,
  inWindow,
  errorFor,
}: {
  facts: FormFacts;
  setFacts(update: (f: FormFacts) => FormFacts): void;
  setComa(coma: boolean): void;
  assessedOn: string;
  inWindow: number;
  errorFor(prefix: string): string | undefined;
}) {
  const dateValue = (d?: string) => (d ? dayjs(d) : null);
  const notAfterAssessment = (d: Dayjs) => d.format('YYYY-MM-DD') > assessedOn;
  const setDiagnosis = (i: number, patch: Partial<FormFacts['diagnoses'][number]>) =>
    setFacts((f) => ({ ...f, diagnoses: f.diagnoses.map((d, j) => (j === i ? { ...d, ...patch } : d)) }));
  const setEvent = (i: number, patch: Partial<FormFacts['riskEvents'][number]>) =>
    setFacts((f) => ({ ...f, riskEvents: f.riskEvents.map((e, j) => (j === i ? { ...e, ...patch } : e)) }));

  return (
    <Card size="small" title="能力等级变更依据" extra={<Typography.Text type="secondary">GB/T 42195-2022 附录C C.4</Typography.Text>} data-testid="grade-facts">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Checkbox checked={facts.coma} onChange={(e) => setComa(e.target.checked)}>
          处于昏迷状态（直接评定为完全失能，「意识水平」记 0 分）
        </Checkbox>

        <Typography.Text strong>疾病诊断</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          确诊痴呆，或精神科专科医生诊断的其他精神和行为障碍，在原有能力级别上提高一个等级。
        </Typography.Text>
        {facts.diagnoses.map((d, i) => {
          const err = errorFor(`diagnoses.${i}`);
          return (
            <div key={i} data-diagnosis={i} className={err ? 'cc-missing' : undefined}>
              <Space wrap>
                <Radio.Group
                  aria-label={`诊断 ${i + 1} 类别`}
                  size="small"
                  optionType="button"
                  value={d.kind}
                  onChange={(e) => setDiagnosis(i, { kind: e.target.value })}
                  options={ASSESSMENT_DIAGNOSIS_KINDS.map((k) => ({ value: k, label: ASSESSMENT_DIAGNOSIS_LABELS[k] }))}
                />
                <Input size="small" aria-label={`诊断 ${i + 1} 名称`} placeholder="诊断名称（如 阿尔茨海默病）" maxLength={100} value={d.name} onChange={(e) => setDiagnosis(i, { name: e.target.value })} style={{ width: 200 }} />
                {d.kind === 'mental_disorder' && (
                  <Checkbox checked={d.byPsychiatrist === true} onChange={(e) => setDiagnosis(i, { byPsychiatrist: e.target.checked })}>
                    精神科专科医生诊断
                  </Checkbox>
                )}
                <DatePicker size="small" aria-label={`诊断 ${i + 1} 日期`} placeholder="诊断日期（选填）" value={dateValue(d.diagnosedOn)} disabledDate={notAfterAssessment} onChange={(v) => setDiagnosis(i, { diagnosedOn: v ? v.format('YYYY-MM-DD') : undefined })} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除诊断 ${i + 1}`} onClick={() => setFacts((f) => ({ ...f, diagnoses: f.diagnoses.filter((_, j) => j !== i) }))} />
              </Space>
              {d.kind === 'mental_disorder' && d.byPsychiatrist !== true && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  非精神科专科医生诊断：记录在案，不提高等级
                </Typography.Text>
              )}
              {err && (
                <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
                  {err}
                </Typography.Text>
              )}
            </div>
          );
        })}
        <Button size="small" icon={<PlusOutlined />} onClick={() => setFacts((f) => ({ ...f, diagnoses: [...f.diagnoses, { kind: 'dementia' }] }))}>
          添加诊断
        </Button>

        <Typography.Text strong>照护风险事件</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="risk-window">
          近{CARE_RISK_WINDOW_DAYS}天内（评估日及之前 {CARE_RISK_WINDOW_DAYS - 1} 天）共 {inWindow} 次；2 次及以上在原有能力级别上提高一个等级。
        </Typography.Text>
        {facts.riskEvents.map((e, i) => {
          const err = errorFor(`riskEvents.${i}`);
          const counts = countsForRisk(e.date, assessedOn);
          return (
            <div key={i} data-risk-event={i} className={err ? 'cc-missing' : undefined}>
              <Space wrap>
                <Radio.Group
                  aria-label={`事件 ${i + 1} 类别`}
                  size="small"
                  optionType="button"
                  value={e.type}
                  onChange={(ev) => setEvent(i, { type: ev.target.value })}
                  options={CARE_RISK_EVENT_TYPES.map((t) => ({ value: t, label: CARE_RISK_EVENT_LABELS[t] }))}
                />
                <DatePicker size="small" aria-label={`事件 ${i + 1} 日期`} placeholder="发生日期" value={dateValue(e.date)} disabledDate={notAfterAssessment} onChange={(v) => setEvent(i, { date: v ? v.format('YYYY-MM-DD') : undefined })} />
                <Input size="small" aria-label={`事件 ${i + 1} 说明`} placeholder="说明（选填）" maxLength={200} value={e.note} onChange={(ev) => setEvent(i, { note: ev.target.value })} style={{ width: 180 }} />
                {e.date && !counts && <Tag>不在近{CARE_RISK_WINDOW_DAYS}天内</Tag>}
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除事件 ${i + 1}`} onClick={() => setFacts((f) => ({ ...f, riskEvents: f.riskEvents.filter((_, j) => j !== i) }))} />
              </Space>
              {err && (
                <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
                  {err}
                </Typography.Text>
              )}
            </div>
          );
        })}
        <Button size="small" icon={<PlusOutlined />} onClick={() => setFacts((f) => ({ ...f, riskEvents: [...f.riskEvents, { type: 'fall' }] }))}>
          添加事件
        </Button>
      </Space>
    </Card>
  );
}
