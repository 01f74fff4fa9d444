import { findSubsidyRule, priceBreakdown, SERVICE_LABELS, shanghaiDate, shanghaiMonth, SUBSIDY_STANDING_NOTES, subsidyStanding, type ElderSubsidyMonthView, type PriceBreakdown, type SubsidyTable } from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ElderEntity } from '../households/entities/elder.entity.js';
import { RegionsService } from '../regions/regions.service.js';
import { SubsidyLedgerEntity } from './entities/subsidy-ledger.entity.js';

export const SUBSIDY_POLICY_KIND = 'subsidy';

export interface SubsidyQuote extends PriceBreakdown {
  ruleKey: string;
  policyId: string | null;
  policyVersion: number | null;
  month: string;
}

export interface SubsidySource {
  sourceType: 'order' | 'meal' | 'childcare';
  sourceId: string;
  service: string;
}

/** The one subsidy ledger every kind of order writes to, and the checkout arithmetic that reads it. */
@Injectable()
export class SubsidiesService {
  constructor(private readonly regions: RegionsService) {}

  /**
   * What this elder would get for this service now, from the region's table in force and
   * what the month's ledger already holds. Call inside the transaction that holds the elder's
   * row lock when the result will be granted, so two orders cannot both spend the last of a cap.
   */
  async quote(manager: EntityManager, elder: ElderEntity, service: string, priceFen: number, at: Date, extraFen = 0): Promise<SubsidyQuote> {
    const month = shanghaiMonth(at);
    const policy = elder.regionId ? await this.regions.policyInForce(elder.regionId, SUBSIDY_POLICY_KIND, at, manager) : null;
    // The ability grade counts only while its assessment is valid.
    const today = shanghaiDate(at);
    const grade = elder.abilityGrade && elder.assessmentValidUntil && elder.assessmentValidUntil >= today ? elder.abilityGrade : null;
    const rule = findSubsidyRule((policy?.rules as SubsidyTable | undefined) ?? null, elder.subsidyCategory, service, grade);
    const used = rule ? await this.usedThisMonth(manager, elder.id, month, rule.service) : 0;
    // A fee beside the price (meal delivery) is subsidised only where the rule says so.
    const subsidisable = priceFen + (rule?.includesDeliveryFee ? extraFen : 0);
    // Until an operator verifies the category (and while the verification has not run out), no subsidy applies.
    const breakdown = priceBreakdown(subsidisable, rule, used, subsidyStanding(elder.subsidyVerification, elder.subsidyValidUntil, today));
    const total = priceFen + extraFen;
    return { ...breakdown, priceFen: total, payFen: total - breakdown.subsidyFen, ruleKey: rule?.service ?? '*', policyId: policy?.id ?? null, policyVersion: policy?.version ?? null, month };
  }

  /**
   * This month's subsidy for one elder, per rule of the region's table in force that applies to
   * the elder's category (and current grade): the cap, what the ledger holds, what is left.
   */
  async month(manager: EntityManager, elder: ElderEntity, at: Date): Promise<ElderSubsidyMonthView> {
    const month = shanghaiMonth(at);
    const today = shanghaiDate(at);
    const policy = elder.regionId ? await this.regions.policyInForce(elder.regionId, SUBSIDY_POLICY_KIND, at, manager) : null;
    const grade = elder.abilityGrade && elder.assessmentValidUntil && elder.assessmentValidUntil >= today ? elder.abilityGrade : null;
    const rules = ((policy?.rules as SubsidyTable | undefined)?.rules ?? []).filter((r) => r.category === elder.subsidyCategory && (!r.grades || (grade !== null && r.grades.includes(grade))));
    const standing = subsidyStanding(elder.subsidyVerification, elder.subsidyValidUntil, today);
    const out: ElderSubsidyMonthView['rules'] = [];
    for (const r of rules) {
      if (out.some((o) => o.ruleKey === r.service)) continue;
      const usedFen = await this.usedThisMonth(manager, elder.id, month, r.service);
      out.push({
        ruleKey: r.service, label: r.service === '*' ? '居家上门服务（通用）' : r.service === 'meal' ? '老年助餐' : (SERVICE_LABELS as Record<string, string>)[r.service] ?? r.service,
        kind: r.kind, amountFen: r.amountFen ?? null, percent: r.percent ?? null, monthlyCapFen: r.monthlyCapFen, usedFen, remainingFen: Math.max(0, r.monthlyCapFen - usedFen),
      });
    }
    return {
      elderId: elder.id, month, category: elder.subsidyCategory, verified: standing === 'verified', standing,
      standingNote: standing === 'verified' ? null : SUBSIDY_STANDING_NOTES[standing], rules: out,
    };
  }

  /** What this elder has already received this month under one rule (grants minus reversals). */
  async usedThisMonth(manager: EntityManager, elderId: string, month: string, ruleKey: string): Promise<number> {
    const [{ used }] = await manager.query('SELECT COALESCE(SUM(amount_fen), 0) AS used FROM subsidy_ledger WHERE elder_id = ? AND month = ? AND rule_key = ?', [elderId, month, ruleKey]);
    return Number(used);
  }

  /** 补需方: the subsidy taken off the family's price at checkout, owed by government to whoever serves. */
  async grantDemandSide(manager: EntityManager, elder: ElderEntity, source: SubsidySource, quote: SubsidyQuote): Promise<void> {
    if (quote.subsidyFen <= 0) return;
    await manager.getRepository(SubsidyLedgerEntity).insert({
      elderId: elder.id,
      childId: null,
      sourceType: source.sourceType,
      sourceId: source.sourceId,
      entry: 'grant',
      month: quote.month,
      category: elder.subsidyCategory,
      service: source.service,
      ruleKey: quote.ruleKey,
      amountFen: quote.subsidyFen,
      side: 'demand',
      payer: '街道民政',
      payee: '服务机构',
      payeeProviderId: null,
      fundingSource: '居家养老服务补贴',
      policyId: quote.policyId,
      policyVersion: quote.policyVersion,
    });
  }

  /** Records which provider will be paid the subsidy, once someone accepts the job. */
  async assignPayee(manager: EntityManager, source: SubsidySource, providerId: string): Promise<void> {
    await manager.getRepository(SubsidyLedgerEntity).update({ sourceType: source.sourceType, sourceId: source.sourceId, entry: 'grant' }, { payeeProviderId: providerId });
  }

  /** Gives a cancelled order's subsidy back to the elder's month: a negative row, never an edit. */
  async reverse(manager: EntityManager, source: Omit<SubsidySource, 'service'>): Promise<void> {
    const grant = await manager.getRepository(SubsidyLedgerEntity).findOneBy({ sourceType: source.sourceType, sourceId: source.sourceId, entry: 'grant' });
    if (!grant) return;
    await manager.getRepository(SubsidyLedgerEntity).createQueryBuilder().insert().orIgnore().values({
      ...grant,
      id: undefined,
      createdAt: undefined,
      entry: 'reversal',
      amountFen: -grant.amountFen,
    }).execute();
  }
}
