/** 助老服务 that are dispatched to home-care staff. */
export const ServiceCode = {
  CLEANING: 'cleaning',
  BATHING: 'bathing',
  MEDICAL_ESCORT: 'medical_escort',
  MOBILITY: 'mobility',
  SHOPPING: 'shopping',
  VISIT: 'visit',
  COMPANIONSHIP: 'companionship',
  REHAB: 'rehab',
  REPAIR: 'repair',
  EMERGENCY: 'emergency',
  /** Delivery of booked meals: a dispatch job created at the meal's cut-off, not ordered by families. */
  MEAL_DELIVERY: 'meal_delivery',
} as const;
export type ServiceCode = (typeof ServiceCode)[keyof typeof ServiceCode];
export const SERVICE_CODES: readonly ServiceCode[] = Object.values(ServiceCode);

export const SERVICE_LABELS: Record<ServiceCode, string> = {
  cleaning: '助洁',
  bathing: '助浴',
  medical_escort: '助医陪诊',
  mobility: '助行',
  shopping: '助购',
  visit: '探访关爱',
  companionship: '精神慰藉',
  rehab: '康复护理',
  repair: '家政维修',
  emergency: '助急',
  meal_delivery: '助餐配送',
};

/** Certificates staff may hold (持证上岗). */
export const CertificateType = {
  ELDER_CARE: 'elder_care',
  NURSING: 'nursing',
  REHAB_THERAPIST: 'rehab_therapist',
  ELECTRICIAN: 'electrician',
} as const;
export type CertificateType = (typeof CertificateType)[keyof typeof CertificateType];
export const CERTIFICATE_TYPES: readonly CertificateType[] = Object.values(CertificateType);
export const CERTIFICATE_LABELS: Record<CertificateType, string> = {
  elder_care: '养老护理员证',
  nursing: '护士执业证',
  rehab_therapist: '康复治疗师证',
  electrician: '电工证',
};

export const ProviderKind = {
  HOME_CARE: 'home_care',
  CANTEEN: 'canteen',
  CHILDCARE: 'childcare',
} as const;
export type ProviderKind = (typeof ProviderKind)[keyof typeof ProviderKind];
export const PROVIDER_KINDS: readonly ProviderKind[] = Object.values(ProviderKind);
export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  home_care: '居家养老服务机构',
  canteen: '助餐点',
  childcare: '托育机构',
};

export const ProviderStatus = {
  PENDING: 'pending',
  APPROVED: 'approved',
  SUSPENDED: 'suspended',
} as const;
export type ProviderStatus = (typeof ProviderStatus)[keyof typeof ProviderStatus];
export const PROVIDER_STATUS_LABELS: Record<ProviderStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  suspended: '已暂停',
};
