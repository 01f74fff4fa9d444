/** 兜底/普惠 subsidy categories; a declared category applies only once an operator verifies it. */
export const SubsidyCategory = {
  NONE: 'none',
  TEKUN: 'tekun',
  DIBAO: 'dibao',
  LOW_INCOME: 'low_income',
  FAMILY_PLANNING_SPECIAL: 'family_planning_special',
  ADVANCED_AGE: 'advanced_age',
  PRIORITY_CARE: 'priority_care',
} as const;
export type SubsidyCategory = (typeof SubsidyCategory)[keyof typeof SubsidyCategory];
export const SUBSIDY_CATEGORIES: readonly SubsidyCategory[] = Object.values(SubsidyCategory);
export const SUBSIDY_CATEGORY_LABELS: Record<SubsidyCategory, string> = {
  none: '无',
  tekun: '特困供养',
  dibao: '低保',
  low_income: '低收入',
  family_planning_special: '计划生育特殊家庭',
  advanced_age: '高龄',
  priority_care: '重点优抚',
};

export const SubsidyVerification = {
  UNVERIFIED: 'unverified',
  VERIFIED: 'verified',
  REJECTED: 'rejected',
} as const;
export type SubsidyVerification = (typeof SubsidyVerification)[keyof typeof SubsidyVerification];
export const SUBSIDY_VERIFICATION_LABELS: Record<SubsidyVerification, string> = {
  unverified: '待核验',
  verified: '已核验',
  rejected: '未通过',
};

export const LivingSituation = {
  WITH_FAMILY: 'with_family',
  ALONE: 'alone',
  EMPTY_NEST: 'empty_nest',
  LOST_ONLY_CHILD: 'lost_only_child',
  LEFT_BEHIND: 'left_behind',
} as const;
export type LivingSituation = (typeof LivingSituation)[keyof typeof LivingSituation];
export const LIVING_SITUATIONS: readonly LivingSituation[] = Object.values(LivingSituation);
export const LIVING_SITUATION_LABELS: Record<LivingSituation, string> = {
  with_family: '与家人同住',
  alone: '独居',
  empty_nest: '空巢',
  lost_only_child: '失独',
  left_behind: '留守',
};

export const DietaryNeed = {
  LOW_SALT: 'low_salt',
  LOW_SUGAR: 'low_sugar',
  SOFT: 'soft',
  HALAL: 'halal',
  VEGETARIAN: 'vegetarian',
} as const;
export type DietaryNeed = (typeof DietaryNeed)[keyof typeof DietaryNeed];
export const DIETARY_NEEDS: readonly DietaryNeed[] = Object.values(DietaryNeed);
export const DIETARY_NEED_LABELS: Record<DietaryNeed, string> = {
  low_salt: '低盐',
  low_sugar: '低糖',
  soft: '软食',
  halal: '清真',
  vegetarian: '素食',
};

export const HouseholdMemberRole = {
  OWNER: 'owner',
  MEMBER: 'member',
} as const;
export type HouseholdMemberRole = (typeof HouseholdMemberRole)[keyof typeof HouseholdMemberRole];

export const RegionLevel = {
  DISTRICT: 'district',
  STREET: 'street',
  COMMUNITY: 'community',
} as const;
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel];
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
};
