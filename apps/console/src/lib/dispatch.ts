import { CERTIFICATE_LABELS, PRE_JOB_TRAINING_MISSING, SERVICE_LABELS, type DispatchSkipView, type ServiceTypeView, type StaffView } from '@carecircle/shared';

export interface Qualification {
  /** Has the service's skill and, where it needs one, a certificate valid on the service day. */
  qualified: boolean;
  /** What is missing, in words; empty when qualified. */
  missing: string[];
}

/**
 * Whether a staff member could be assigned the service at all (skills and 持证上岗), as the server
 * checks on assign. The order may need more (a certificate for the elder's grade): the server
 * still has the last word.
 */
export function qualification(staff: Pick<StaffView, 'skills' | 'certificates'>, service: Pick<ServiceTypeView, 'requiredSkill' | 'requiredCertificate'>, day: string): Qualification {
  const missing: string[] = [];
  if (!staff.skills.includes(service.requiredSkill)) missing.push(`缺「${SERVICE_LABELS[service.requiredSkill] ?? service.requiredSkill}」技能`);
  if (service.requiredCertificate) {
    const valid = staff.certificates.some((c) => c.type === service.requiredCertificate && c.expiresOn >= day);
    if (!valid) missing.push(`缺有效的${CERTIFICATE_LABELS[service.requiredCertificate] ?? service.requiredCertificate}`);
  }
  return { qualified: missing.length === 0, missing };
}

/** Skipped staff with their qualification, the qualified ones first (they are whom to phone). */
export function rankSkipped(
  skipped: readonly DispatchSkipView[],
  staffById: ReadonlyMap<string, Pick<StaffView, 'skills' | 'certificates'>>,
  service: Pick<ServiceTypeView, 'requiredSkill' | 'requiredCertificate'> | undefined,
  day: string,
): (DispatchSkipView & { qualification: Qualification | null })[] {
  const rows = skipped.map((s) => {
    const staff = staffById.get(s.staffId);
    const q = staff && service ? qualification(staff, service, day) : null;
    // The server alone knows who passed a 岗前培训; its skip reason says so.
    if (q && s.reason === PRE_JOB_TRAINING_MISSING) return { ...s, qualification: { qualified: false, missing: [...q.missing, PRE_JOB_TRAINING_MISSING] } };
    return { ...s, qualification: q };
  });
  const rank = (q: Qualification | null) => (q === null ? 1 : q.qualified ? 0 : 2);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.qualification) - rank(b.r.qualification) || a.i - b.i).map((x) => x.r);
}
