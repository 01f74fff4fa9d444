import { ABILITY_GRADE_LABELS, type AbilityGrade, type GradeRule } from '@carecircle/shared';
import { Space, Tag, Typography } from 'antd';
import { GRADE_COLORS, gradeExplanation } from '../lib/assessment';

/**
 * Raw total, grade by the total (初步等级), final grade (最终等级) and the GB/T 42195-2022 附录C C.4
 * rule(s) that set it: the same block on the live form, after saving and in the history.
 */
export function AssessmentOutcome({
  total,
  max = 90,
  rawGrade,
  grade,
  rules,
}: {
  total: number;
  max?: number;
  rawGrade: AbilityGrade;
  grade: AbilityGrade;
  rules: { code: GradeRule; label: string }[];
}) {
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="assessment-outcome">
      <div>
        <Typography.Text type="secondary">最终等级 </Typography.Text>
        <Tag color={GRADE_COLORS[grade]} style={{ fontSize: 16, padding: '4px 10px' }} data-testid="outcome-grade">
          {ABILITY_GRADE_LABELS[grade]}
        </Tag>
      </div>
      <Typography.Text data-testid="outcome-raw">
        总分 {total}/{max} 分 · 按总分的初步等级 {ABILITY_GRADE_LABELS[rawGrade]}
      </Typography.Text>
      <Typography.Text type={rules.length ? 'warning' : 'secondary'} data-testid="outcome-rules">
        {gradeExplanation({ rawGrade, grade, rules })}
        {rules.length > 0 && rules[0].code !== 'coma' ? `；依据：${rules.map((r) => r.label).join('；')}` : ''}
      </Typography.Text>
    </Space>
  );
}
