import { gradeProvider, type GradingCriteria, type InspectionChecklistByKind } from '@carecircle/shared';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** 等级评定 criteria and the 双随机 checklists (one per provider kind) of 玉山镇, as policy tables (data, not code). */
export const DEMO_SUPERVISION_POLICIES: { grading_criteria: GradingCriteria; inspection_checklist: InspectionChecklistByKind } = {
  grading_criteria: {
    items: [
      { code: 'facility', label: '场所与设施设备', maxPoints: 20 },
      { code: 'staffing', label: '人员配备与持证', maxPoints: 20 },
      { code: 'management', label: '内部管理与制度', maxPoints: 20 },
      { code: 'service', label: '服务质量与记录', maxPoints: 25 },
      { code: 'satisfaction', label: '服务对象满意度', maxPoints: 15 },
    ],
    levels: [
      { level: '五星', minScore: 90 },
      { level: '四星', minScore: 80 },
      { level: '三星', minScore: 70 },
      { level: '二星', minScore: 60 },
      { level: '一星', minScore: 50 },
    ],
  },
  inspection_checklist: {
    byKind: {
      home_care: {
        items: [
          { code: 'licence_displayed', label: '证照公示、备案信息与实际一致', critical: true },
          { code: 'fire_safety', label: '消防安全（通道畅通、器材有效）', critical: true },
          { code: 'certified_staff', label: '护理人员持证上岗' },
          { code: 'pre_job_training', label: '岗前培训记录' },
          { code: 'service_records', label: '服务记录完整、签到签退真实' },
          { code: 'price_publicity', label: '收费标准公示' },
          { code: 'insurance', label: '责任保险在保' },
        ],
        maxMinorFailures: 1,
        failCreditPoints: 20,
      },
      canteen: {
        items: [
          { code: 'food_licence', label: '食品经营许可证在有效期内并公示', critical: true },
          { code: 'food_samples', label: '每餐每样留样不少于 125 克、冷藏 48 小时并有记录', critical: true },
          { code: 'health_certificates', label: '从业人员持有效健康证明上岗', critical: true },
          { code: 'ingredient_records', label: '食材进货查验、索证索票记录' },
          { code: 'kitchen_hygiene', label: '后厨卫生、生熟分开、餐具消毒' },
          { code: 'menu_price_publicity', label: '菜单、价格及助餐补贴标准公示' },
          { code: 'fire_gas_safety', label: '燃气与消防安全（报警器、灭火器有效）' },
        ],
        maxMinorFailures: 1,
        failCreditPoints: 20,
      },
      childcare: {
        items: [
          { code: 'childcare_filing', label: '托育机构已在卫生健康部门备案，信息与实际一致', critical: true },
          { code: 'caregiver_qualification', label: '保育人员、保健人员具备相应资格并经无犯罪记录查询', critical: true },
          { code: 'fire_safety', label: '消防安全（疏散通道畅通、器材有效、定期演练）', critical: true },
          { code: 'staff_ratio', label: '保育人员与婴幼儿配比符合要求' },
          { code: 'infant_care_records', label: '婴幼儿照护记录（饮食、睡眠、如厕）完整' },
          { code: 'health_checks', label: '晨午检及健康观察记录' },
          { code: 'pickup_control', label: '接送核验、门禁与监控正常' },
          { code: 'fee_publicity', label: '收费项目与标准公示' },
        ],
        maxMinorFailures: 1,
        failCreditPoints: 25,
      },
    },
  },
};

/**
 * A little supervision history for the demo: the inspector roster, 安康's 备案 (with one change),
 * its grading and a satisfaction survey.
 */
export async function seedSupervision(m: EntityManager, streetId: string, operatorId: string): Promise<void> {
  for (const [name, organisation] of [['钱卫东', '昆山市民政局'], ['沈丽华', '昆山市民政局'], ['陆建平', '昆山市市场监督管理局'], ['顾晓燕', '玉山镇社会事业局']]) {
    await m.query('INSERT INTO inspectors (id, region_id, name, organisation, active) VALUES (?, ?, ?, ?, 1)', [randomUUID(), streetId, name, organisation]);
  }
  const [ankang] = await m.query(`SELECT id, region_id, licence_no FROM providers WHERE name = '安康居家养老服务中心'`);
  if (!ankang) return;
  await m.query(
    `INSERT INTO provider_filings (provider_id, licence_authority, insurer, insurance_policy_no, insurance_expires_on, updated_by, updated_at) VALUES (?, '昆山市民政局', '中国太平洋财产保险昆山支公司', 'ACPK2026320583000118', '2027-03-31', ?, '2026-03-02 02:00:00')`,
    [ankang.id, operatorId],
  );
  const changes = [
    { field: 'licenceAuthority', label: '发证机关', from: null, to: '昆山市民政局' },
    { field: 'insurer', label: '保险公司', from: null, to: '中国太平洋财产保险昆山支公司' },
    { field: 'insurancePolicyNo', label: '保单号', from: null, to: 'ACPK2026320583000118' },
    { field: 'insuranceExpiresOn', label: '保险到期日', from: null, to: '2027-03-31' },
  ];
  await m.query(`INSERT INTO provider_filing_changes (provider_id, changed_by, changes, changed_at) VALUES (?, ?, ?, '2026-03-02 02:00:00')`, [ankang.id, operatorId, JSON.stringify(changes)]);
  const criteria = DEMO_SUPERVISION_POLICIES.grading_criteria;
  const points: Record<string, number> = { facility: 18, staffing: 17, management: 17, service: 22, satisfaction: 13 };
  const outcome = gradeProvider(criteria, points);
  await m.query(
    `INSERT INTO provider_gradings (id, provider_id, region_id, policy_version, scores, total_score, max_score, level, note, graded_by, graded_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, '2026 年度等级评定', ?, '2026-06-18 02:00:00')`,
    [randomUUID(), ankang.id, ankang.region_id, JSON.stringify(criteria.items.map((i) => ({ code: i.code, label: i.label, points: points[i.code], maxPoints: i.maxPoints }))), outcome.totalScore, outcome.maxScore, outcome.level, operatorId],
  );
  await m.query(
    `INSERT INTO provider_evaluations (id, provider_id, kind, evaluator, score, sample_size, summary, evaluated_on, recorded_by, created_at) VALUES
       (?, ?, 'satisfaction', '玉山镇社会事业局回访组', 94, 86, '电话回访 86 户，服务准时、态度好；个别反映助浴时段难约', '2026-10-15', ?, '2026-10-16 02:00:00'),
       (?, ?, 'third_party', '苏州市社会组织评估中心', 88, NULL, '制度健全，护理记录规范；建议补充应急预案演练记录', '2026-09-20', ?, '2026-09-21 02:00:00')`,
    [randomUUID(), ankang.id, operatorId, randomUUID(), ankang.id, operatorId],
  );
}
