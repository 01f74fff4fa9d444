import { STAFF_RULES_POLICY, type StaffRules } from '@carecircle/shared';
import type { EntityManager } from 'typeorm';
import type { RegionsService } from '../regions/regions.service.js';

/**
 * 岗前培训: whether the region requires a passed pre-job training before staff receive work.
 * A region policy (`staff_rules`) decides; without one the city's rule applies (required).
 */
export async function preJobTrainingRequired(regions: RegionsService, regionId: string | null, at: Date, manager?: EntityManager): Promise<boolean> {
  if (!regionId) return true;
  const rules = (await regions.policyInForce(regionId, STAFF_RULES_POLICY, at, manager))?.rules as StaffRules | undefined;
  return rules?.preJobTrainingRequired !== false;
}

/**
 * SQL: 1 when the staff member (column `staffColumn`) has passed a 岗前培训, else 0. With
 * `asOfDateParam`, only sessions held on or before the date bound to that `?` count.
 */
export function preJobPassedSql(staffColumn: string, asOfDateParam = false): string {
  return `EXISTS (SELECT 1 FROM training_attendance ta JOIN training_sessions ts ON ts.id = ta.session_id
                   WHERE ta.staff_id = ${staffColumn} AND ta.passed = 1 AND ts.kind = 'pre_job'${asOfDateParam ? ' AND ts.held_on <= ?' : ''})`;
}

/**
 * Whether a staff member may be given work as far as training goes. 时间银行 volunteers are
 * exempt: they are neighbours doing light help for hours, not 护理人员 the training rule is about.
 */
export async function passesPreJobGate(manager: EntityManager, staffId: string, required: boolean): Promise<boolean> {
  if (!required) return true;
  const [row] = await manager.query(`SELECT s.is_volunteer, ${preJobPassedSql('s.id')} AS trained FROM provider_staff s WHERE s.id = ?`, [staffId]);
  return !!row && (Number(row.is_volunteer) === 1 || Number(row.trained) === 1);
}
