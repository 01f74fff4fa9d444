import type { CreditRecordView } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { RegionsService } from '../regions/regions.service.js';

const CREDIT_START = 100;
const DEFAULT_SUSPEND_BELOW = 60;

export type CreditSubject = 'provider' | 'staff';

/** SQL: the current credit score of the subject whose id is in `idColumn` (what `creditOf` computes, for use inside a query). */
export function creditScoreSql(subjectType: CreditSubject, idColumn: string): string {
  return `(${CREDIT_START} - COALESCE((SELECT SUM(ce.points) FROM credit_events ce WHERE ce.subject_type = '${subjectType}' AND ce.subject_id = ${idColumn}), 0))`;
}

/**
 * 信用: one deduction path for every source — confirmed complaints, failed inspections, check-in
 * overrides without good reason. A provider that falls below the region's `credit` policy
 * threshold (`suspendBelow`) is suspended and taken off the recommended list, so dispatch skips it.
 */
@Injectable()
export class CreditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
  ) {}

  async creditOf(subjectType: CreditSubject, subjectId: string, m: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ lost }] = await m.query('SELECT COALESCE(SUM(points), 0) AS lost FROM credit_events WHERE subject_type = ? AND subject_id = ?', [subjectType, subjectId]);
    return CREDIT_START - Number(lost);
  }

  async suspendBelow(regionId: string, m: EntityManager = this.dataSource.manager): Promise<number> {
    const policy = await this.regions.policyInForce(regionId, 'credit', this.clock.now(), m);
    return (policy?.rules as { suspendBelow?: number } | undefined)?.suspendBelow ?? DEFAULT_SUSPEND_BELOW;
  }

  /** Once per subject and source (a retried request does not deduct twice). */
  async deduct(m: EntityManager, subjectType: CreditSubject, subjectId: string, points: number, reason: string, sourceId: string, regionId: string): Promise<void> {
    await m.query('INSERT IGNORE INTO credit_events (subject_type, subject_id, points, reason, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)', [subjectType, subjectId, points, reason.slice(0, 200), sourceId, this.clock.now()]);
    if (subjectType !== 'provider') return;
    if ((await this.creditOf('provider', subjectId, m)) < (await this.suspendBelow(regionId, m))) {
      await m.query(`UPDATE providers SET status = 'suspended', recommended = 0 WHERE id = ?`, [subjectId]);
    }
  }

  /** The events and current score; the caller has checked the subject is in scope. */
  async record(subjectType: CreditSubject, subjectId: string, name: string, regionId: string): Promise<CreditRecordView> {
    const events: { id: string; points: number; reason: string; source_id: string; created_at: Date }[] = await this.dataSource.query(
      'SELECT id, points, reason, source_id, created_at FROM credit_events WHERE subject_type = ? AND subject_id = ? ORDER BY created_at DESC, id DESC',
      [subjectType, subjectId],
    );
    return {
      subjectType, subjectId, name,
      score: await this.creditOf(subjectType, subjectId),
      suspendBelow: await this.suspendBelow(regionId),
      events: events.map((e) => ({ id: String(e.id), points: e.points, reason: e.reason, sourceId: e.source_id, at: new Date(e.created_at).toISOString() })),
    };
  }
}
