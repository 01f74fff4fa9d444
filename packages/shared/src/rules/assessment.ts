/**
 * 老年人能力评估 after GB/T 42195-2022: four domains of scored items; the total gives the grade.
 * Item lists and maxima follow the standard's structure; grade thresholds are the standard's.
 */
export const AbilityGrade = {
  INTACT: 'intact',
  MILD: 'mild',
  MODERATE: 'moderate',
  SEVERE: 'severe',
  TOTAL: 'total',
} as const;
export type AbilityGrade = (typeof AbilityGrade)[keyof typeof AbilityGrade];
export const ABILITY_GRADES: readonly AbilityGrade[] = Object.values(AbilityGrade);
export const ABILITY_GRADE_LABELS: Record<AbilityGrade, string> = {
  intact: '能力完好',
  mild: '轻度失能',
  moderate: '中度失能',
  severe: '重度失能',
  total: '完全失能',
};

export interface AssessmentItem {
  code: string;
  label: string;
  max: number;
}

export const ASSESSMENT_DOMAINS: { code: string; label: string; items: AssessmentItem[] }[] = [
  {
    code: 'self_care',
    label: '自理能力',
    items: [
      { code: 'eating', label: '进食', max: 4 },
      { code: 'grooming', label: '修饰', max: 4 },
      { code: 'bathing', label: '洗澡', max: 4 },
      { code: 'dressing_upper', label: '穿/脱上衣', max: 4 },
      { code: 'dressing_lower', label: '穿/脱裤子和鞋袜', max: 4 },
      { code: 'bladder', label: '小便控制', max: 4 },
      { code: 'bowel', label: '大便控制', max: 4 },
      { code: 'toileting', label: '如厕', max: 4 },
    ],
  },
  {
    code: 'mobility',
    label: '基础运动能力',
    items: [
      { code: 'bed_transfer', label: '床上体位转移', max: 4 },
      { code: 'chair_transfer', label: '床椅转移', max: 4 },
      { code: 'walking', label: '平地行走', max: 4 },
      { code: 'stairs', label: '上下楼梯', max: 4 },
    ],
  },
  {
    code: 'mental',
    label: '精神状态',
    items: [
      { code: 'time_orientation', label: '时间定向', max: 4 },
      { code: 'space_orientation', label: '空间定向', max: 4 },
      { code: 'person_orientation', label: '人物定向', max: 4 },
      { code: 'memory', label: '记忆', max: 4 },
      { code: 'understanding', label: '理解能力', max: 4 },
      { code: 'expression', label: '表达能力', max: 4 },
      { code: 'aggression', label: '攻击行为', max: 1 },
      { code: 'depression', label: '抑郁症状', max: 1 },
      { code: 'consciousness', label: '意识水平', max: 2 },
    ],
  },
  {
    code: 'perception_social',
    label: '感知觉与社会参与',
    items: [
      { code: 'vision', label: '视力', max: 2 },
      { code: 'hearing', label: '听力', max: 2 },
      { code: 'daily_affairs', label: '执行日常事务', max: 4 },
      { code: 'tools', label: '使用交通工具外出', max: 2 },
      { code: 'social', label: '社会交往能力', max: 4 },
    ],
  },
];

export const ASSESSMENT_MAX_TOTAL = ASSESSMENT_DOMAINS.reduce((s, d) => s + d.items.reduce((t, i) => t + i.max, 0), 0);

/** GB/T 42195-2022 thresholds on the 90-point total. */
export function gradeForTotal(total: number): AbilityGrade {
  if (total >= 90) return 'intact';
  if (total >= 66) return 'mild';
  if (total >= 46) return 'moderate';
  if (total >= 30) return 'severe';
  return 'total';
}

export interface ScoredAssessment {
  domains: { code: string; label: string; score: number; max: number }[];
  total: number;
  grade: AbilityGrade;
}

/** Checks every item is present and in range; returns the per-domain scores, total and grade. */
export function scoreAssessment(items: Record<string, number>): ScoredAssessment | { errors: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const domains = ASSESSMENT_DOMAINS.map((d) => {
    let score = 0;
    for (const item of d.items) {
      const v = items[item.code];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > item.max) errors.push({ field: `items.${item.code}`, message: `「${item.label}」应为 0–${item.max} 的整数` });
      else score += v;
    }
    return { code: d.code, label: d.label, score, max: d.items.reduce((t, i) => t + i.max, 0) };
  });
  const known = new Set(ASSESSMENT_DOMAINS.flatMap((d) => d.items.map((i) => i.code)));
  for (const key of Object.keys(items)) if (!known.has(key)) errors.push({ field: `items.${key}`, message: '不是评估量表中的项目' });
  if (errors.length) return { errors };
  const total = domains.reduce((s, d) => s + d.score, 0);
  return { domains, total, grade: gradeForTotal(total) };
}
