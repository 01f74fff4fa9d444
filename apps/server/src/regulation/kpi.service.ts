import {
  daysInMonth,
  ErrorCode,
  shanghaiDate,
  shanghaiMonth,
  type KpiBreakdownView,
  type KpiDrillDownView,
  type KpiIndicatorView,
  type KpiRecordView,
  type KpiSummaryView,
  type KpiTrendView,
  type RegionFiguresView,
} from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VisitsService } from '../care/visits.service.js';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RegionsService } from '../regions/regions.service.js';
import { QualificationService } from '../training/qualification.service.js';
import { requireStartedMonth } from '../common/periods.js';
import { calendarDay } from '../common/typeorm.js';
import { monthRange } from './month-range.js';
import { OperatorScope } from './operator-scope.service.js';

type Targets = Partial<Record<string, number>>;

/** The region (and everything under it) and the month an indicator is computed for. */
export interface KpiArea {
  root: { id: string; name: string; code: string; level: string };
  ids: string[];
  inIds: string;
  names: Map<string, string>;
  /** 社区 of the area: its community-level regions, or the root itself when it is one. */
  communities: { id: string; name: string }[];
  month: string;
  monthStart: string;
  monthEnd: string;
  /** The day states are read on: the month's last day, or today for the running month. */
  asOf: string;
  /** The month has not ended: figures are month to date. */
  partial: boolean;
  /** The month as UTC instants [from, to) of Shanghai time. */
  from: Date;
  to: Date;
  year: number;
}

export interface KpiResult {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  records: KpiRecordView[];
  figures: RegionFiguresView[];
}

export interface KpiIndicatorDef {
  code: string;
  label: string;
  unit: KpiIndicatorView['unit'];
  rule: string;
  numeratorLabel: string;
  denominatorLabel: string;
  /**
   * How a month still running is judged: `count` — the figure counts up over the month against a
   * fixed base, so the target is pro-rated to the days gone; `month` — a rate or average of the
   * month so far, kept against its target but not judged (进行中); `as_of` — a state read on the day.
   */
  accrues: 'count' | 'month' | 'as_of';
  compute(area: KpiArea): Promise<KpiResult>;
}

const DONE = `('completed', 'rated')`;

/**
 * The indicators the city reports, computed live from the records against the region's targets
 * (policy `kpi_targets`, data). Every figure is computed from the very list of records its
 * drill-down returns. Percentages are fractions 0–1 in value and target (KPI_PERCENT_SCALE).
 * To add an indicator, add one entry to `definitions()`.
 */
@Injectable()
export class KpiService {
  readonly indicators: KpiIndicatorDef[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OperatorScope,
    private readonly regions: RegionsService,
    private readonly visits: VisitsService,
    private readonly qualification: QualificationService,
    private readonly clock: Clock,
  ) {
    this.indicators = this.definitions();
  }

  /** Without a month: the running month (Asia/Shanghai) as of today. */
  async summary(principal: Principal, regionId: string, month = shanghaiMonth(this.clock.now())): Promise<KpiSummaryView> {
    await this.scope.requireRegion(principal.userId, regionId);
    const area = await this.area(regionId, month);
    return { regionId, regionName: area.root.name, month, partial: area.partial, asOf: area.asOf, indicators: await this.computeAll(area) };
  }

  /** The region and each region directly under it (街道 → 社区), all indicators each. */
  async breakdown(principal: Principal, regionId: string, month: string): Promise<KpiBreakdownView> {
    await this.scope.requireRegion(principal.userId, regionId);
    const children: { id: string }[] = await this.dataSource.query('SELECT id FROM regions WHERE parent_id = ? ORDER BY code', [regionId]);
    const out: KpiBreakdownView['regions'] = [];
    let first: KpiArea | null = null;
    for (const id of [regionId, ...children.map((c) => c.id)]) {
      const area = await this.area(id, month);
      first ??= area;
      out.push({ regionId: id, regionName: area.root.name, level: area.root.level, indicators: await this.computeAll(area) });
    }
    return { month, partial: first!.partial, asOf: first!.asOf, regions: out };
  }

  async drillDown(principal: Principal, code: string, regionId: string, month: string): Promise<KpiDrillDownView> {
    await this.scope.requireRegion(principal.userId, regionId);
    const def = this.definition(code);
    const area = await this.area(regionId, month);
    const result = await def.compute(area);
    const indicator = this.view(def, area, result, await this.targets(area));
    return {
      indicator, regionId, regionName: area.root.name, month, rule: def.rule, numeratorLabel: def.numeratorLabel, denominatorLabel: def.denominatorLabel,
      figures: result.figures, records: result.records,
    };
  }

  /** One indicator month by month over a year, each month against the target in force then. */
  async trend(principal: Principal, code: string, regionId: string, year: number): Promise<KpiTrendView> {
    await this.scope.requireRegion(principal.userId, regionId);
    const def = this.definition(code);
    const current = shanghaiDate(this.clock.now()).slice(0, 7);
    const points: KpiTrendView['points'] = [];
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      if (month > current) {
        points.push({ month, value: null, target: null, met: null });
        continue;
      }
      const area = await this.area(regionId, month);
      const view = this.view(def, area, await def.compute(area), await this.targets(area));
      points.push({ month, value: view.value, target: view.target, met: view.met });
    }
    return { code, label: def.label, unit: def.unit, regionId, year, points };
  }

  async computeAll(area: KpiArea): Promise<KpiIndicatorView[]> {
    const targets = await this.targets(area);
    const out: KpiIndicatorView[] = [];
    for (const def of this.indicators) out.push(this.view(def, area, await def.compute(area), targets));
    return out;
  }

  async area(regionId: string, month: string): Promise<KpiArea> {
    requireStartedMonth(month, this.clock.now());
    const root = await this.regions.requireRegion(regionId);
    const ids = await this.regions.subtreeIds([regionId]);
    const inIds = `IN (${ids.map(() => '?').join(',')})`;
    const rows: { id: string; name: string; level: string }[] = await this.dataSource.query(`SELECT id, name, level FROM regions WHERE id ${inIds} ORDER BY code`, ids);
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const communities = rows.filter((r) => r.level === 'community').map((r) => ({ id: r.id, name: r.name }));
    const { first, last, from, to } = monthRange(month);
    const today = shanghaiDate(this.clock.now());
    return {
      root: { id: root.id, name: root.name, code: root.code, level: root.level }, ids, inIds, names, communities, month,
      monthStart: first, monthEnd: last, asOf: today < last ? today : last, partial: today <= last, from, to, year: Number(month.slice(0, 4)),
    };
  }

  private definition(code: string): KpiIndicatorDef {
    const def = this.indicators.find((d) => d.code === code);
    if (!def) throw new DomainError(ErrorCode.NOT_FOUND, '没有这项指标');
    return def;
  }

  private async targets(area: KpiArea): Promise<Targets> {
    const at = new Date(`${area.asOf}T23:59:59.999+08:00`);
    return ((await this.regions.policyInForce(area.root.id, 'kpi_targets', at))?.rules ?? {}) as Targets;
  }

  private view(def: KpiIndicatorDef, area: KpiArea, r: KpiResult, targets: Targets): KpiIndicatorView {
    const raw = targets[def.code];
    const monthTarget = typeof raw === 'number' ? raw : null;
    const prorated = area.partial && def.accrues === 'count' && monthTarget !== null;
    const elapsed = Number(area.asOf.slice(8, 10)) / daysInMonth(area.month);
    const target = prorated ? round(monthTarget * elapsed, 4) : monthTarget;
    const judged = target !== null && r.value !== null && !(area.partial && def.accrues === 'month');
    return {
      code: def.code, label: def.label, unit: def.unit, value: r.value, target, monthTarget, prorated, partial: area.partial, met: judged ? r.value! >= target! : null,
      drillDown: `/api/kpi/indicators/${def.code}/records?regionId=${area.root.id}&month=${area.month}`,
      numerator: r.numerator, denominator: r.denominator,
    };
  }

  // ---- the indicators ---------------------------------------------------------------------------

  private definitions(): KpiIndicatorDef[] {
    return [
      {
        code: 'visit_rate', accrues: 'month', label: '特殊困难老年人月探访率', unit: '%',
        rule: '按地区探访计划（visit_plan）应探访的老人中，已按计划探访的人数占比：每周探访的老人每周都要有已完成的探访，每月探访的老人本月要有；进行中的月份只看已到探访期的周期',
        numeratorLabel: '本月已探访', denominatorLabel: '应探访老人',
        compute: (a) => this.visitRate(a),
      },
      {
        code: 'home_community_coverage', accrues: 'month', label: '居家社区养老服务覆盖率', unit: '%',
        rule: '本月有老人接受过居家上门服务或助餐服务的社区，占全部社区的比例',
        numeratorLabel: '本月有服务的社区', denominatorLabel: '社区',
        compute: (a) => this.communityCoverage(a),
      },
      {
        code: 'home_service_share', accrues: 'count', label: '接受居家上门服务老人数占比', unit: '%',
        rule: '本月接受过居家上门服务（已完成，不含送餐）的老人数 ÷ 当年 60 岁以上人口（地区基础数据）',
        numeratorLabel: '本月接受上门服务的老人', denominatorLabel: '60 岁以上人口',
        compute: (a) => this.homeServiceShare(a),
      },
      {
        code: 'meal_capacity_per_day', accrues: 'month', label: '老年助餐服务日均供餐能力', unit: '份/日',
        rule: '本月各助餐点排餐名额（堂食+自取+送餐）合计 ÷ 有排餐的天数',
        numeratorLabel: '本月供餐名额', denominatorLabel: '供餐天数',
        compute: (a) => this.meals(a, 'capacity'),
      },
      {
        code: 'meals_per_day', accrues: 'month', label: '老年助餐日均供餐数', unit: '份/日',
        rule: '本月已用餐/已取/已送达的助餐份数 ÷ 有排餐的天数',
        numeratorLabel: '本月已供餐份数', denominatorLabel: '供餐天数',
        compute: (a) => this.meals(a, 'served'),
      },
      {
        code: 'places_per_thousand', accrues: 'as_of', label: '每千人口托位数', unit: '个',
        rule: '已审核托育机构的托位数 ÷ 当年常住人口 × 1000',
        numeratorLabel: '托位', denominatorLabel: '常住人口',
        compute: (a) => this.childcarePlaces(a, 'per_thousand'),
      },
      {
        code: 'puhui_share', accrues: 'as_of', label: '普惠性托位占比', unit: '%',
        rule: '普惠托位 ÷ 全部托位（已审核托育机构）',
        numeratorLabel: '普惠托位', denominatorLabel: '托位',
        compute: (a) => this.childcarePlaces(a, 'puhui'),
      },
      {
        code: 'childcare_coverage', accrues: 'as_of', label: '社区托育服务覆盖率', unit: '%',
        rule: '有已审核托育机构提供托位的社区，占全部社区的比例',
        numeratorLabel: '有托育服务的社区', denominatorLabel: '社区',
        compute: (a) => this.childcareCoverage(a),
      },
      {
        code: 'certified_rate', accrues: 'as_of', label: '养老护理人员持证上岗率', unit: '%',
        rule: '已审核居家养老机构的在册护理员（不含志愿者）中，持有有效护理类证书（养老护理员、护士、康复治疗师）的人数占比（按月末或今天）',
        numeratorLabel: '持证护理员', denominatorLabel: '护理员',
        compute: (a) => this.qualificationRate(a, 'certified'),
      },
      {
        code: 'pre_job_training_rate', accrues: 'as_of', label: '岗前培训率', unit: '%',
        rule: '已审核机构的在册服务人员（不含时间银行志愿者）中，已通过岗前培训的人数占比（按月末或今天）',
        numeratorLabel: '已通过岗前培训', denominatorLabel: '服务人员',
        compute: (a) => this.qualificationRate(a, 'trained'),
      },
      {
        code: 'assessment_rate', accrues: 'as_of', label: '生活能力评估率', unit: '%',
        rule: '在册老人中，能力评估在有效期内的人数占比（按月末或今天）',
        numeratorLabel: '评估有效的老人', denominatorLabel: '在册老人',
        compute: (a) => this.assessmentRate(a),
      },
      {
        code: 'volunteer_ratio', accrues: 'as_of', label: '老年志愿者注册比例', unit: '%',
        rule: '已登记出生年份且年满 60 岁的注册志愿者 ÷ 当年 60 岁以上人口（地区基础数据）',
        numeratorLabel: '60 岁以上注册志愿者', denominatorLabel: '60 岁以上人口',
        compute: (a) => this.volunteerRatio(a),
      },
      {
        code: 'satisfaction', accrues: 'month', label: '服务满意度（平均星级）', unit: '分',
        rule: '本月完成并评价的服务订单的平均星级',
        numeratorLabel: '星级合计', denominatorLabel: '评价订单',
        compute: (a) => this.ratings(a, 'mean'),
      },
      {
        code: 'satisfaction_share', accrues: 'month', label: '服务满意率（4 星及以上）', unit: '%',
        rule: '本月完成并评价的服务订单中，4 星及以上的占比',
        numeratorLabel: '4 星及以上', denominatorLabel: '评价订单',
        compute: (a) => this.ratings(a, 'share'),
      },
    ];
  }

  private async visitRate(a: KpiArea): Promise<KpiResult> {
    const { elders } = await this.visits.standing(a.ids, a.month);
    return ratio(elders.map((v) => {
      const done = v.periods.map((p) => (p.visitedAt ? `${p.label}已探访 ${shanghaiDate(p.visitedAt)}` : p.opened ? `${p.label}未探访` : `${p.label}未到探访期`));
      const detail = v.plan.frequency === 'monthly' ? (v.periods[0].visitedAt ? `已探访 ${shanghaiDate(v.periods[0].visitedAt)}` : v.periods[0].opened ? '本月未探访' : '本月未探访（未到探访期）') : `每周探访：${done.join('，')}`;
      return this.record('elder', v.elder.id, v.elder.name, a.names.get(v.elder.regionId!) ?? null, `${v.plan.reasons.join('、')}；${detail}`, 1, v.visited, true);
    }));
  }

  private async communityCoverage(a: KpiArea): Promise<KpiResult> {
    const served = await this.servedElders(a);
    const perCommunity = new Map<string, number>();
    for (const s of served) perCommunity.set(s.regionId, (perCommunity.get(s.regionId) ?? 0) + 1);
    const communities = a.communities.length ? a.communities : a.root.level === 'community' ? [{ id: a.root.id, name: a.root.name }] : [];
    return ratio(communities.map((c) => {
      const n = perCommunity.get(c.id) ?? 0;
      return this.record('region', c.id, c.name, c.name, n ? `本月 ${n} 位老人接受服务` : '本月无人接受服务', 1, n > 0, true);
    }));
  }

  /** Elders of the area who had a completed home service or a served meal this month. */
  private async servedElders(a: KpiArea): Promise<{ elderId: string; name: string; regionId: string; services: number; meals: number }[]> {
    const rows: { id: string; name: string; region_id: string; kind: 'service' | 'meal'; n: string }[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.region_id, 'service' AS kind, COUNT(*) AS n FROM orders o JOIN elders e ON e.id = o.elder_id
        WHERE e.region_id ${a.inIds} AND o.status IN ${DONE} AND o.service_code <> 'meal_delivery' AND o.completed_at >= ? AND o.completed_at < ? GROUP BY e.id, e.name, e.region_id
       UNION ALL
       SELECT e.id, e.name, e.region_id, 'meal' AS kind, COUNT(*) AS n FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id JOIN elders e ON e.id = b.elder_id LEFT JOIN orders o ON o.id = b.delivery_order_id
        WHERE e.region_id ${a.inIds} AND s.date BETWEEN ? AND ? AND (b.status IN ('served', 'picked_up', 'delivered') OR o.status IN ${DONE}) GROUP BY e.id, e.name, e.region_id`,
      [...a.ids, a.from, a.to, ...a.ids, a.monthStart, a.monthEnd],
    );
    const by = new Map<string, { elderId: string; name: string; regionId: string; services: number; meals: number }>();
    for (const r of rows) {
      const e = by.get(r.id) ?? { elderId: r.id, name: r.name, regionId: r.region_id, services: 0, meals: 0 };
      if (r.kind === 'service') e.services += Number(r.n);
      else e.meals += Number(r.n);
      by.set(r.id, e);
    }
    return [...by.values()];
  }

  private async homeServiceShare(a: KpiArea): Promise<KpiResult> {
    const rows: { id: string; name: string; region_id: string; n: string; services: string }[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.region_id, COUNT(*) AS n, GROUP_CONCAT(DISTINCT o.service_code ORDER BY o.service_code) AS services FROM orders o JOIN elders e ON e.id = o.elder_id
        WHERE e.region_id ${a.inIds} AND o.status IN ${DONE} AND o.service_code <> 'meal_delivery' AND o.completed_at >= ? AND o.completed_at < ?
        GROUP BY e.id, e.name, e.region_id ORDER BY e.name`,
      [...a.ids, a.from, a.to],
    );
    const records = rows.map((r) => this.record('elder', r.id, r.name, a.names.get(r.region_id) ?? null, `本月完成 ${r.n} 次上门服务（${r.services}）`, 1, true, false));
    return this.perPopulation(a, records, 'elderly60', 1);
  }

  private async meals(a: KpiArea, what: 'capacity' | 'served'): Promise<KpiResult> {
    const canteens: { id: string; name: string; region_id: string; capacity: string }[] = await this.dataSource.query(
      `SELECT p.id, p.name, p.region_id, SUM(s.cap_dine_in + s.cap_pickup + s.cap_delivery) AS capacity FROM meal_slots s JOIN providers p ON p.id = s.provider_id
        WHERE p.region_id ${a.inIds} AND s.date BETWEEN ? AND ? AND s.cancelled_at IS NULL GROUP BY p.id, p.name, p.region_id ORDER BY p.name`,
      [...a.ids, a.monthStart, a.monthEnd],
    );
    const [{ days }] = await this.dataSource.query(
      `SELECT COUNT(DISTINCT s.date) AS days FROM meal_slots s JOIN providers p ON p.id = s.provider_id WHERE p.region_id ${a.inIds} AND s.date BETWEEN ? AND ? AND s.cancelled_at IS NULL`,
      [...a.ids, a.monthStart, a.monthEnd],
    );
    let records: KpiRecordView[];
    if (what === 'capacity') {
      records = canteens.map((c) => this.record('canteen', c.id, c.name, a.names.get(c.region_id) ?? null, `本月排餐名额 ${c.capacity} 份`, Number(c.capacity), true, false));
    } else {
      const rows: { id: string; elder: string; canteen: string; region_id: string; date: string | Date; period: string }[] = await this.dataSource.query(
        `SELECT b.id, e.name AS elder, p.name AS canteen, p.region_id, s.date, s.period FROM meal_bookings b JOIN meal_slots s ON s.id = b.slot_id JOIN providers p ON p.id = s.provider_id
           JOIN elders e ON e.id = b.elder_id LEFT JOIN orders o ON o.id = b.delivery_order_id
          WHERE p.region_id ${a.inIds} AND s.date BETWEEN ? AND ? AND s.cancelled_at IS NULL AND (b.status IN ('served', 'picked_up', 'delivered') OR o.status IN ${DONE})
          ORDER BY s.date, p.name, s.period`,
        [...a.ids, a.monthStart, a.monthEnd],
      );
      records = rows.map((r) => this.record('booking', r.id, r.elder, a.names.get(r.region_id) ?? null, `${r.canteen} ${calendarDay(r.date)} ${r.period === 'lunch' ? '午餐' : '晚餐'}`, 1, true, false));
    }
    const numerator = records.reduce((s, r) => s + r.amount, 0);
    const d = Number(days);
    return { value: d ? round(numerator / d, 1) : null, numerator, denominator: d, records, figures: [] };
  }

  private async childcareClasses(a: KpiArea): Promise<{ id: string; name: string; provider: string; provider_id: string; region_id: string; capacity: number; puhui: number }[]> {
    return this.dataSource.query(
      `SELECT c.id, c.name, p.name AS provider, p.id AS provider_id, p.region_id, c.capacity, c.puhui FROM childcare_classes c JOIN providers p ON p.id = c.provider_id
        WHERE p.status = 'approved' AND p.region_id ${a.inIds} ORDER BY p.name, c.name`,
      a.ids,
    );
  }

  private async childcarePlaces(a: KpiArea, what: 'per_thousand' | 'puhui'): Promise<KpiResult> {
    const classes = await this.childcareClasses(a);
    const records = classes.map((c) =>
      this.record('class', c.id, `${c.provider} ${c.name}`, a.names.get(c.region_id) ?? null, `${c.capacity} 个托位${c.puhui ? '（普惠）' : ''}`, c.capacity, what === 'per_thousand' || !!c.puhui, what === 'puhui'),
    );
    return what === 'puhui' ? ratio(records) : this.perPopulation(a, records, 'residents', 1000, 2);
  }

  private async childcareCoverage(a: KpiArea): Promise<KpiResult> {
    const classes = await this.childcareClasses(a);
    const communities = a.communities.length ? a.communities : a.root.level === 'community' ? [{ id: a.root.id, name: a.root.name }] : [];
    return ratio(communities.map((c) => {
      const here = classes.filter((k) => k.region_id === c.id && k.capacity > 0);
      const places = here.reduce((s, k) => s + k.capacity, 0);
      const providers = [...new Set(here.map((k) => k.provider))];
      return this.record('region', c.id, c.name, c.name, here.length ? `${providers.join('、')}：${places} 个托位` : '无托育机构', 1, here.length > 0, true);
    }));
  }

  /** 持证上岗率 and 岗前培训率 from the staff records the 人员资质 page counts, so both pages agree. */
  private async qualificationRate(a: KpiArea, what: 'certified' | 'trained'): Promise<KpiResult> {
    const staff = await this.qualification.staffRecords(a.ids, a.asOf);
    const counted = what === 'certified' ? staff.filter((s) => s.providerKind === 'home_care') : staff;
    return ratio(counted.map((s) => {
      const detail = what === 'certified' ? (s.certifiedUntil ? `证书有效至 ${s.certifiedUntil}` : '无有效护理证书') : s.trained ? '已通过岗前培训' : '未完成岗前培训';
      return this.record('staff', s.id, s.name, a.names.get(s.regionId) ?? null, `${s.providerName}；${detail}`, 1, what === 'certified' ? s.certifiedUntil !== null : s.trained, true);
    }));
  }

  private async assessmentRate(a: KpiArea): Promise<KpiResult> {
    const rows: { id: string; name: string; region_id: string; valid_until: string | Date | null }[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.region_id,
              GREATEST(COALESCE((SELECT MAX(x.valid_until) FROM elder_assessments x WHERE x.elder_id = e.id AND x.assessed_on <= ?), '1000-01-01'), COALESCE(e.assessment_valid_until, '1000-01-01')) AS valid_until
         FROM elders e WHERE e.deleted_at IS NULL AND e.region_id ${a.inIds} AND e.created_at < ? ORDER BY e.name`,
      [a.asOf, ...a.ids, a.to],
    );
    return ratio(rows.map((r) => {
      const until = r.valid_until ? calendarDay(r.valid_until) : '1000-01-01';
      const valid = until >= a.asOf;
      return this.record('elder', r.id, r.name, a.names.get(r.region_id) ?? null, until === '1000-01-01' ? '未评估' : valid ? `评估有效至 ${until}` : `评估已于 ${until} 过期`, 1, valid, true);
    }));
  }

  private async volunteerRatio(a: KpiArea): Promise<KpiResult> {
    const rows: { id: string; name: string; provider: string; region_id: string; birth_year: number | null }[] = await this.dataSource.query(
      `SELECT s.id, s.name, p.name AS provider, p.region_id, s.birth_year FROM provider_staff s JOIN providers p ON p.id = s.provider_id
        WHERE s.is_volunteer = 1 AND p.region_id ${a.inIds} AND s.created_at < ? ORDER BY s.name`,
      [...a.ids, a.to],
    );
    const records = rows.map((r) => {
      const age = r.birth_year === null ? null : a.year - Number(r.birth_year);
      return this.record('volunteer', r.id, r.name, a.names.get(r.region_id) ?? null, `${r.provider}；${age === null ? '未登记年龄' : `${age} 岁`}`, 1, age !== null && age >= 60, false);
    });
    return this.perPopulation(a, records, 'elderly60', 1);
  }

  private async ratings(a: KpiArea, what: 'mean' | 'share'): Promise<KpiResult> {
    const rows: { id: string; elder: string; region_id: string; service_code: string; stars: number }[] = await this.dataSource.query(
      `SELECT o.id, e.name AS elder, e.region_id, o.service_code, o.rating_stars AS stars FROM orders o JOIN elders e ON e.id = o.elder_id
        WHERE e.region_id ${a.inIds} AND o.rating_stars IS NOT NULL AND o.completed_at >= ? AND o.completed_at < ? ORDER BY o.completed_at`,
      [...a.ids, a.from, a.to],
    );
    if (what === 'share') return ratio(rows.map((r) => this.record('order', r.id, r.elder, a.names.get(r.region_id) ?? null, `${r.service_code} ${r.stars} 星`, 1, Number(r.stars) >= 4, true)));
    const records = rows.map((r) => this.record('order', r.id, r.elder, a.names.get(r.region_id) ?? null, `${r.service_code} ${r.stars} 星`, Number(r.stars), true, true));
    const numerator = records.reduce((s, r) => s + r.amount, 0);
    return { value: records.length ? round(numerator / records.length, 2) : null, numerator, denominator: records.length, records, figures: [] };
  }

  /** Records summed in the numerator over a population figure of the year (reference data) as denominator. */
  private async perPopulation(a: KpiArea, records: KpiRecordView[], field: 'elderly60' | 'residents', per: number, digits = 4): Promise<KpiResult> {
    const figures = await this.regions.figuresForArea(a.root.id, a.ids, a.year);
    const known = figures.filter((f) => f[field] !== null);
    const denominator = known.length ? known.reduce((s, f) => s + (f[field] ?? 0), 0) : null;
    const numerator = records.filter((r) => r.inNumerator).reduce((s, r) => s + r.amount, 0);
    return { value: denominator ? round((numerator / denominator) * per, digits) : null, numerator, denominator, records, figures };
  }

  private record(entity: KpiRecordView['entity'], id: string, name: string, communityName: string | null, detail: string, amount: number, inNumerator: boolean, inDenominator: boolean): KpiRecordView {
    return { entity, id, name, communityName, detail, amount, inNumerator, inDenominator };
  }
}

/** Numerator and denominator summed over the records; the value is their fraction (4 places). */
function ratio(records: KpiRecordView[]): KpiResult {
  const numerator = records.filter((r) => r.inNumerator).reduce((s, r) => s + r.amount, 0);
  const denominator = records.filter((r) => r.inDenominator).reduce((s, r) => s + r.amount, 0);
  return { value: denominator ? round(numerator / denominator, 4) : null, numerator, denominator, records, figures: [] };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

