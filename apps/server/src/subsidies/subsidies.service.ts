import {
  BASIC_SERVICE_LIST_POLICY,
  basicServiceLabel,
  copayText,
  entitlementBreakdown,
  entitlementText,
  findBasicService,
  findSubsidyRule,
  priceBreakdown,
  SERVICE_LABELS,
  shanghaiDate,
  shanghaiMonth,
  SUBSIDY_STANDING_NOTES,
  subsidyStanding,
  type BasicServiceList,
  type ElderSubsidyMonthView,
  type PriceBreakdown,
  type SubsidyTable,
} from '@carecircle/shared';
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
  /** Entitlement units (uses or minutes) this grant spends of a 基本养老服务清单 item; null under a subsidy table. */
  units: number | null;
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
  async quote(manager: EntityManager, elder: ElderEntity, service: string, priceFen: number, at: Date, extraFen = 0, minutes = 0): Promise<SubsidyQuote> {
    const month = shanghaiMonth(at);
    const list = elder.regionId ? await this.regions.policyInForce(elder.regionId, BASIC_SERVICE_LIST_POLICY, at, manager) : null;
    if (list) {
      // The region's 基本养老服务清单 is the one source of what a category gets; its subsidy table, if any, is not read.
      const item = findBasicService(list.rules as unknown as BasicServiceList, elder.subsidyCategory, service);
      const used = item ? await this.usedThisMonthWithUnits(manager, elder.id, month, item.service) : { fen: 0, units: 0 };
      const subsidisable = priceFen + (item?.includesDeliveryFee ? extraFen : 0);
      const b = entitlementBreakdown(subsidisable, item, used, subsidyStanding(elder.subsidyVerification, elder.subsidyValidUntil, shanghaiDate(at)), minutes);
      const total = priceFen + extraFen;
      return {
        priceFen: total, subsidyFen: b.subsidyFen, payFen: total - b.subsidyFen, subsidyNote: b.subsidyNote, ruleKey: item?.service ?? service,
        policyId: list.id, policyVersion: list.version, month, units: item && item.entitlement.unit !== 'fen' ? b.units : null,
      };
    }
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
    return { ...breakdown, priceFen: total, payFen: total - breakdown.subsidyFen, ruleKey: rule?.service ?? '*', policyId: policy?.id ?? null, policyVersion: policy?.version ?? null, month, units: null };
  }

  /**
   * This month's subsidy for one elder, per rule of the region's table in force that applies to
   * the elder's category (and current grade): the cap, what the ledger holds, what is left.
   */
  async month(manager: EntityManager, elder: ElderEntity, at: Date): Promise<ElderSubsidyMonthView> {
    const month = shanghaiMonth(at);
    const today = shanghaiDate(at);
    const standing = subsidyStanding(elder.subsidyVerification, elder.subsidyValidUntil, today);
    const head = { elderId: elder.id, month, category: elder.subsidyCategory, verified: standing === 'verified', standing, standingNote: standing === 'verified' ? null : SUBSIDY_STANDING_NOTES[standing] };
    const list = elder.regionId ? await this.regions.policyInForce(elder.regionId, BASIC_SERVICE_LIST_POLICY, at, manager) : null;
    if (list) {
      const items = (list.rules as unknown as BasicServiceList).categories.find((c) => c.category === elder.subsidyCategory)?.items ?? [];
      const rules: ElderSubsidyMonthView['rules'] = [];
      for (const item of items) {
        const used = await this.usedThisMonthWithUnits(manager, elder.id, month, item.service);
        const { unit, perMonth } = item.entitlement;
        const usedInUnit = unit === 'fen' ? used.fen : used.units;
        rules.push({
          ruleKey: item.service, label: basicServiceLabel(item.service), kind: 'copay',
          amountFen: 'fen' in item.copay ? item.copay.fen : null, percent: 'percent' in item.copay ? item.copay.percent : null,
          monthlyCapFen: unit === 'fen' ? perMonth : null, usedFen: used.fen, remainingFen: unit === 'fen' ? Math.max(0, perMonth - used.fen) : null,
          entitlement: { unit, perMonth, used: usedInUnit, remaining: Math.max(0, perMonth - usedInUnit), text: entitlementText(item.entitlement) },
          copayText: copayText(item.copay),
        });
      }
      return { ...head, source: 'basic_service_list', rules };
    }
    const policy = elder.regionId ? await this.regions.policyInForce(elder.regionId, SUBSIDY_POLICY_KIND, at, manager) : null;
    const grade = elder.abilityGrade && elder.assessmentValidUntil && elder.assessmentValidUntil >= today ? elder.abilityGrade : null;
    const rules = ((policy?.rules as SubsidyTable | undefined)?.rules ?? []).filter((r) => r.category === elder.subsidyCategory && (!r.grades || (grade !== null && r.grades.includes(grade))));
    const out: ElderSubsidyMonthView['rules'] = [];
    for (const r of rules) {
      if (out.some((o) => o.ruleKey === r.service)) continue;
      const usedFen = await this.usedThisMonth(manager, elder.id, month, r.service);
      out.push({
        ruleKey: r.service, label: r.service === '*' ? '居家上门服务（通用）' : r.service === 'meal' ? '老年助餐' : (SERVICE_LABELS as Record<string, string>)[r.service] ?? r.service,
        kind: r.kind, amountFen: r.amountFen ?? null, percent: r.percent ?? null, monthlyCapFen: r.monthlyCapFen, usedFen, remainingFen: Math.max(0, r.monthlyCapFen - usedFen),
        entitlement: null, copayText: null,
      });
    }
    return { ...head, source: 'subsidy', rules: out };
  }

  /** What this elder has already received this month under one rule (grants minus reversals). */
  async usedThisMonth(manager: EntityManager, elderId: string, month: string, ruleKey: string): Promise<number> {
    const [{ used }] = await manager.query('SELECT COALESCE(SUM(amount_fen), 0) AS used FROM subsidy_ledger WHERE elder_id = ? AND month = ? AND rule_key = ?', [elderId, month, ruleKey]);
    return Number(used);
  }

  /** Fen received and entitlement units (uses, minutes) spent this month under one list item. */
  private async usedThisMonthWithUnits(manager: EntityManager, elderId: string, month: string, ruleKey: string): Promise<{ fen: number; units: number }> {
    const [row] = await manager.query('SELECT COALESCE(SUM(amount_fen), 0) AS fen, COALESCE(SUM(units), 0) AS units FROM subsidy_ledger WHERE elder_id = ? AND month = ? AND rule_key = ?', [elderId, month, ruleKey]);
    return { fen: Number(row.fen), units: Number(row.units) };
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
      units: quote.units,
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
      units: grant.units === null ? null : -grant.units,
    }).execute();
  }
}
