import type { DietaryNeed, LivingSituation, ProviderKind, ServiceCode, SubsidyCategory, SubsidyVerification } from '@carecircle/shared';
import { birthDateFromIdNumber, shanghaiDate, shanghaiMonth } from '@carecircle/shared';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from '../../auth/entities/user.entity.js';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import { ChildEntity } from '../../households/entities/child.entity.js';
import { ElderEntity } from '../../households/entities/elder.entity.js';
import { HouseholdMemberEntity } from '../../households/entities/household-member.entity.js';
import { HouseholdEntity } from '../../households/entities/household.entity.js';
import { ProviderStaffEntity } from '../../providers/entities/provider-staff.entity.js';
import { ProviderEntity } from '../../providers/entities/provider.entity.js';
import { ProviderAdminEntity } from '../../providers/entities/provider-admin.entity.js';
import { StaffCertificateEntity } from '../../providers/entities/staff-certificate.entity.js';
import { RegionPolicyEntity } from '../../regions/entities/region-policy.entity.js';
import { RegionEntity } from '../../regions/entities/region.entity.js';
import { CanteenSettingsEntity, DishEntity, MealSlotEntity } from '../../meals/entities/meal.entities.js';
import { ChildcareCentreEntity, ChildcareClassEntity, EnrolmentEntity } from '../../childcare/entities/childcare.entities.js';
import { seedDemoHistory } from './demo-history.js';
import { DEMO_LOGINS } from './demo-logins.js';
import { DEMO_SUPERVISION_POLICIES, seedSupervision } from './demo-supervision.js';
import { around, demoIdNumber, mulberry32 } from './synthetic.js';

/** 昆山市玉山镇, around 31.385N 120.981E (GCJ-02). */
export const DEMO_CENTER = { lat: 31.385, lng: 120.981 };
const DISTRICT_CODE = 'ks';

interface DemoElder {
  grade?: 'mild' | 'moderate' | 'severe';
  name: string;
  birth: string;
  male: boolean;
  living: LivingSituation;
  category: SubsidyCategory;
  verification: SubsidyVerification;
  diet: DietaryNeed[];
  health?: string;
  community: string;
}

interface DemoHousehold {
  owner: string;
  name: string;
  community: string;
  elders: DemoElder[];
  children: { name: string; birth: string }[];
}

const HOUSEHOLDS: DemoHousehold[] = [
  {
    owner: '王芳', name: '王家', community: 'ks-ys-cy',
    elders: [
      { name: '王建国', birth: '1944-03-08', male: true, living: 'alone', category: 'advanced_age', verification: 'verified', diet: ['low_salt'], health: '高血压，每日早晚服药', community: 'ks-ys-cy' },
      { name: '王秀兰', birth: '1947-11-21', male: false, living: 'empty_nest', category: 'none', verification: 'unverified', diet: ['soft'], community: 'ks-ys-cy' },
    ],
    children: [],
  },
  {
    owner: '李强', name: '李家', community: 'ks-ys-tx',
    elders: [
      { name: '李秀英', birth: '1950-06-15', male: false, living: 'empty_nest', category: 'dibao', verification: 'verified', diet: ['low_sugar'], health: '2 型糖尿病', community: 'ks-ys-tx' },
      { name: '李德福', birth: '1948-01-30', male: true, living: 'empty_nest', category: 'dibao', verification: 'verified', diet: [], community: 'ks-ys-tx' },
    ],
    children: [{ name: '李小宝', birth: '2025-05-18' }],
  },
  {
    owner: '张伟', name: '张家', community: 'ks-ys-cb',
    elders: [
      { name: '张桂兰', birth: '1942-09-02', male: false, living: 'alone', category: 'dibao', verification: 'verified', diet: ['soft', 'low_salt'], health: '轻度失能，行动需搀扶', community: 'ks-ys-cb', grade: 'mild' },
      { name: '张德明', birth: '1955-12-12', male: true, living: 'with_family', category: 'none', verification: 'unverified', diet: [], community: 'ks-ys-cb' },
    ],
    children: [],
  },
  {
    owner: '陈静', name: '陈家', community: 'ks-ys-xc',
    elders: [
      { name: '陈淑珍', birth: '1949-04-27', male: false, living: 'lost_only_child', category: 'family_planning_special', verification: 'verified', diet: [], health: '膝关节退行性病变', community: 'ks-ys-xc' },
      { name: '陈国华', birth: '1946-08-19', male: true, living: 'lost_only_child', category: 'family_planning_special', verification: 'verified', diet: ['low_salt'], community: 'ks-ys-xc' },
      { name: '孙凤英', birth: '1938-02-14', male: false, living: 'alone', category: 'advanced_age', verification: 'unverified', diet: ['soft'], community: 'ks-ys-xc' },
    ],
    children: [],
  },
  {
    owner: '赵敏', name: '赵家', community: 'ks-ys-cy',
    elders: [
      { name: '赵玉梅', birth: '1953-10-05', male: false, living: 'left_behind', category: 'low_income', verification: 'unverified', diet: ['vegetarian'], community: 'ks-ys-cy' },
      { name: '赵志强', birth: '1945-07-23', male: true, living: 'alone', category: 'tekun', verification: 'verified', diet: [], health: '中度失能，需助浴', community: 'ks-ys-cy', grade: 'moderate' },
      { name: '刘翠英', birth: '1940-12-01', male: false, living: 'with_family', category: 'priority_care', verification: 'verified', diet: ['halal'], community: 'ks-ys-cy' },
    ],
    children: [{ name: '赵小米', birth: '2026-02-09' }],
  },
];

/** Reference data as data: residents, people 60+ and children 0–3 per 社区. */
const COMMUNITIES = [
  { code: 'ks-ys-cy', name: '朝阳社区', offset: { lat: 0.006, lng: -0.004 }, population: 18_500, elderly60: 4_100, children03: 520 },
  { code: 'ks-ys-tx', name: '同心社区', offset: { lat: -0.005, lng: 0.006 }, population: 15_200, elderly60: 3_300, children03: 430 },
  { code: 'ks-ys-cb', name: '城北社区', offset: { lat: 0.011, lng: 0.007 }, population: 12_800, elderly60: 2_900, children03: 360 },
  { code: 'ks-ys-xc', name: '新城社区', offset: { lat: -0.009, lng: -0.009 }, population: 21_300, elderly60: 3_800, children03: 690 },
];

const HOME_CARE_SKILLS: ServiceCode[] = ['cleaning', 'bathing', 'medical_escort', 'mobility', 'shopping', 'visit', 'companionship', 'rehab', 'repair', 'emergency', 'meal_delivery'];

const PROVIDERS: { kind: ProviderKind; name: string; licence: string; community: string; radius: number; staff: number }[] = [
  { kind: 'home_care', name: '安康居家养老服务中心', licence: 'JS-KS-YL-2023-0101', community: 'ks-ys-cy', radius: 5000, staff: 10 },
  { kind: 'home_care', name: '颐和居家养老服务有限公司', licence: 'JS-KS-YL-2023-0117', community: 'ks-ys-tx', radius: 5000, staff: 10 },
  { kind: 'home_care', name: '福寿家政护理服务站', licence: 'JS-KS-YL-2024-0032', community: 'ks-ys-xc', radius: 4000, staff: 10 },
  { kind: 'canteen', name: '玉山镇朝阳幸福食堂', licence: 'JY-32058-30012', community: 'ks-ys-cy', radius: 3000, staff: 3 },
  { kind: 'canteen', name: '同心社区老年助餐点', licence: 'JY-32058-30045', community: 'ks-ys-tx', radius: 3000, staff: 3 },
  { kind: 'childcare', name: '小橡树普惠托育中心', licence: 'TY-KS-2024-008', community: 'ks-ys-cb', radius: 3000, staff: 0 },
  { kind: 'childcare', name: '贝贝乐托育园', licence: 'TY-KS-2023-015', community: 'ks-ys-xc', radius: 3000, staff: 0 },
];

const STAFF_SURNAMES = '周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹';
const STAFF_GIVEN = ['秀梅', '丽华', '建军', '桂芳', '海燕', '志刚', '春兰', '国庆', '红霞', '明', '静', '伟东'];

/** The subsidy table of the street, as data: category × service → amount, with a monthly cap. */
export const DEMO_SUBSIDY_RULES = {
  currency: 'fen',
  rules: [
    // 助餐: a fixed amount per meal, its own monthly cap; for 特困 and 低保 the delivery fee is covered too.
    { category: 'tekun', service: 'meal', kind: 'fixed', amountFen: 1_000, monthlyCapFen: 30_000, includesDeliveryFee: true },
    { category: 'dibao', service: 'meal', kind: 'fixed', amountFen: 500, monthlyCapFen: 15_000, includesDeliveryFee: true },
    { category: 'low_income', service: 'meal', kind: 'fixed', amountFen: 300, monthlyCapFen: 9_000 },
    { category: 'family_planning_special', service: 'meal', kind: 'fixed', amountFen: 500, monthlyCapFen: 15_000 },
    { category: 'advanced_age', service: 'meal', kind: 'fixed', amountFen: 300, monthlyCapFen: 9_000 },
    { category: 'priority_care', service: 'meal', kind: 'fixed', amountFen: 500, monthlyCapFen: 15_000 },
    { category: 'tekun', service: '*', kind: 'percent', percent: 100, monthlyCapFen: 60_000 },
    { category: 'dibao', service: '*', kind: 'percent', percent: 80, monthlyCapFen: 40_000 },
    { category: 'low_income', service: '*', kind: 'percent', percent: 50, monthlyCapFen: 20_000 },
    { category: 'family_planning_special', service: '*', kind: 'percent', percent: 70, monthlyCapFen: 30_000 },
    { category: 'advanced_age', service: '*', kind: 'fixed', amountFen: 1_000, monthlyCapFen: 10_000 },
    { category: 'priority_care', service: '*', kind: 'percent', percent: 60, monthlyCapFen: 30_000 },
  ],
};

export interface SeedSummary {
  seeded: boolean;
  logins: typeof DEMO_LOGINS;
}

export async function isSeeded(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(RegionEntity).countBy({ code: DISTRICT_CODE })) > 0;
}

/** Loads the demo district in one transaction; does nothing when it is already there. */
export async function seedDemoDistrict(dataSource: DataSource, cipher: FieldCipher): Promise<SeedSummary> {
  if (await isSeeded(dataSource)) return { seeded: false, logins: DEMO_LOGINS };
  const rand = mulberry32(20261127);
  await dataSource.transaction(async (m) => {
    const regions = await seedRegions(m);
    const users = new Map<string, UserEntity>();
    for (const login of DEMO_LOGINS) {
      users.set(login.name, await m.getRepository(UserEntity).save({ openid: `dev:${login.name}`, nickname: login.name, roles: login.roles, elderId: null }));
    }
    let seq = 1;
    for (const h of HOUSEHOLDS) {
      const owner = users.get(h.owner)!;
      const household = await m.getRepository(HouseholdEntity).save({ name: h.name, regionId: regions.get(h.community)!.id, createdBy: owner.id });
      await m.getRepository(HouseholdMemberEntity).insert({ householdId: household.id, userId: owner.id, role: 'owner' });
      for (const e of h.elders) {
        const region = regions.get(e.community)!;
        const idNumber = demoIdNumber(e.birth, seq++, e.male);
        const spot = around(rand, { lat: region.centerLat, lng: region.centerLng }, 600);
        const elder = await m.getRepository(ElderEntity).save({
          householdId: household.id,
          name: e.name,
          gender: e.male ? 'male' : 'female',
          birthDate: birthDateFromIdNumber(idNumber)!,
          idNumberEnc: cipher.encrypt(idNumber),
          idNumberHash: cipher.blindIndex(idNumber),
          phoneEnc: cipher.encrypt(`139${String(10_000_000 + seq * 7_919).slice(-8)}`),
          address: `昆山市玉山镇${region.name}${1 + Math.floor(rand() * 30)}幢${101 + Math.floor(rand() * 5) * 100}室`,
          lat: spot.lat,
          lng: spot.lng,
          regionId: region.id,
          emergencyContactsEnc: cipher.encrypt(JSON.stringify([{ name: h.owner, phone: `138${String(20_000_000 + seq * 104_729).slice(-8)}`, relation: '子女' }])),
          healthNotesEnc: cipher.encryptNullable(e.health),
          dietaryNeeds: e.diet,
          livingSituation: e.living,
          subsidyCategory: e.category,
          subsidyVerification: e.verification,
          createdBy: owner.id,
        });
        if (e.name === '王建国') await m.getRepository(UserEntity).update({ id: users.get('王建国')!.id }, { elderId: elder.id });
        if (e.grade) await m.getRepository(ElderEntity).update({ id: elder.id }, { abilityGrade: e.grade, assessmentValidUntil: '2027-06-30' });
      }
      for (const c of h.children) {
        await m.getRepository(ChildEntity).save({ householdId: household.id, name: c.name, birthDate: c.birth, idNumberEnc: null, idNumberHash: null, createdBy: owner.id });
      }
    }
    // 李强 also manages his parents-in-law's household, so the household switcher has two entries.
    const zhang = await m.getRepository(HouseholdEntity).findOneByOrFail({ name: '张家' });
    await m.getRepository(HouseholdMemberEntity).insert({ householdId: zhang.id, userId: users.get('李强')!.id, role: 'member' });

    let staffNo = 0;
    for (const p of PROVIDERS) {
      const region = regions.get(p.community)!;
      const spot = around(rand, { lat: region.centerLat, lng: region.centerLng }, 400);
      const provider = await m.getRepository(ProviderEntity).save({
        kind: p.kind, name: p.name, licenceNo: p.licence, regionId: region.id, address: `昆山市玉山镇${region.name}服务中心`,
        lat: spot.lat, lng: spot.lng, serviceRadiusM: p.radius, status: 'approved', phone: `0512-5${String(7_000_000 + staffNo * 31).slice(-7)}`,
        cancelAfterAcceptFeeFen: 0, cancelAfterDeparturePercent: 20, recommended: true, createdBy: null,
      });
      if (p.name === '安康居家养老服务中心') await m.getRepository(ProviderAdminEntity).insert({ providerId: provider.id, userId: users.get('孙经理')!.id });
      for (let i = 0; i < p.staff; i++, staffNo++) {
        const home = around(rand, DEMO_CENTER, 3000);
        // Canteens' own couriers deliver meals; some home-care staff take deliveries too.
        const skills: ServiceCode[] = p.kind === 'canteen' ? ['meal_delivery'] : HOME_CARE_SKILLS.filter(() => rand() < 0.5);
        const isDemoLogin = p.name === '安康居家养老服务中心' && i === 0;
        const staff = await m.getRepository(ProviderStaffEntity).save({
          providerId: provider.id,
          userId: isDemoLogin ? users.get('周护理')!.id : null,
          name: isDemoLogin ? '周护理' : STAFF_SURNAMES[staffNo % STAFF_SURNAMES.length] + STAFF_GIVEN[staffNo % STAFF_GIVEN.length],
          phoneEnc: cipher.encrypt(`137${String(30_000_000 + staffNo * 65_537).slice(-8)}`),
          skills: isDemoLogin ? HOME_CARE_SKILLS : skills.length ? skills : ['visit'],
          homeLat: home.lat,
          homeLng: home.lng,
          maxConcurrentJobs: 2 + (staffNo % 2),
          ratingX100: 430 + Math.floor(rand() * 70),
          onDuty: isDemoLogin || rand() < 0.7,
          // A few home-care helpers are community volunteers who earn time-bank hours.
          isVolunteer: p.kind === 'home_care' && i >= 8,
          lastLat: null,
          lastLng: null,
          lastSeenAt: null,
        });
        // 持证上岗: most care staff hold an elder-care certificate; a few have let it lapse.
        if (p.kind === 'home_care' && (isDemoLogin || rand() < 0.7)) {
          const expired = !isDemoLogin && rand() < 0.15;
          await m.getRepository(StaffCertificateEntity).insert({ staffId: staff.id, type: 'elder_care', number: `YL-${2024}-${String(10_000 + staffNo)}`, expiresOn: expired ? '2026-06-30' : '2028-12-31' });
        }
        if (staff.skills.includes('rehab') && rand() < 0.5) {
          await m.getRepository(StaffCertificateEntity).insert({ staffId: staff.id, type: 'rehab_therapist', number: `KF-${String(20_000 + staffNo)}`, expiresOn: '2029-06-30' });
        }
        if (staff.skills.includes('repair') && rand() < 0.6) {
          await m.getRepository(StaffCertificateEntity).insert({ staffId: staff.id, type: 'electrician', number: `DG-${String(30_000 + staffNo)}`, expiresOn: '2028-03-31' });
        }
      }
    }
    await seedCanteens(m, rand);
    await seedChildcare(m, users.get('李强')!.id);
    // 岗前培训: the town trained every staff member before they started (no offers without it).
    const training = randomUUID();
    await m.query(`INSERT INTO training_sessions (id, title, kind, held_on, hours, region_id, organiser_region_id) VALUES (?, '2026 年玉山镇养老服务人员岗前培训', 'pre_job', '2026-03-15', 16, ?, ?)`, [training, regions.get('ks-ys')!.id, regions.get('ks-ys')!.id]);
    await m.query('INSERT INTO training_attendance (session_id, staff_id, passed) SELECT ?, id, 1 FROM provider_staff', [training]);
    // 吴主任 supervises 玉山镇 and every 社区 under it.
    await m.query('INSERT INTO operator_regions (user_id, region_id) VALUES (?, ?)', [users.get('吴主任')!.id, regions.get('ks-ys')!.id]);
    // Statements are maker-checker: 冯科长 approves what 吴主任 generates.
    await m.query('INSERT INTO operator_regions (user_id, region_id) VALUES (?, ?)', [users.get('冯科长')!.id, regions.get('ks-ys')!.id]);
    await seedSupervision(m, regions.get('ks-ys')!.id, users.get('吴主任')!.id);
    // Half a year of past use, so the console's figures and trends are not empty.
    await seedDemoHistory(m, cipher);
  });
  return { seeded: true, logins: DEMO_LOGINS };
}

const DISHES = [
  { name: '清蒸鲈鱼套餐', priceFen: 1800, tags: ['low_salt'], isSetMeal: true },
  { name: '番茄炒蛋套餐', priceFen: 1200, tags: ['soft'], isSetMeal: true },
  { name: '红烧肉套餐', priceFen: 1600, tags: [], isSetMeal: true },
  { name: '香菇青菜', priceFen: 600, tags: ['vegetarian', 'low_salt', 'low_sugar'], isSetMeal: false },
  { name: '小米南瓜粥', priceFen: 400, tags: ['soft', 'low_sugar', 'vegetarian'], isSetMeal: false },
  { name: '清真牛肉面', priceFen: 1500, tags: ['halal', 'soft'], isSetMeal: false },
] as const;

/** Both canteens: open Monday–Saturday, lunch and dinner, menus for the next week. */
async function seedCanteens(m: EntityManager, rand: () => number): Promise<void> {
  const canteens = await m.getRepository(ProviderEntity).findBy({ kind: 'canteen' });
  const today = shanghaiDate(new Date());
  for (const [n, canteen] of canteens.entries()) {
    const periods = [
      { period: 'lunch' as const, serveStart: '11:00', serveEnd: '12:30', cutoff: '10:00', capacity: { dine_in: 60, pickup: 30, delivery: 20 + n * 10 } },
      { period: 'dinner' as const, serveStart: '17:00', serveEnd: '18:00', cutoff: '15:00', capacity: { dine_in: 40, pickup: 20, delivery: 15 } },
    ];
    await m.getRepository(CanteenSettingsEntity).save({ providerId: canteen.id, openDays: [1, 2, 3, 4, 5, 6], deliveryRadiusM: 3000, deliveryFeeFen: 300, periods });
    for (let d = 0; d < 7; d++) {
      const date = new Date(Date.parse(`${today}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0) continue;
      for (const p of periods) {
        const slot = await m.getRepository(MealSlotEntity).save({
          providerId: canteen.id, date, period: p.period,
          serveStartAt: new Date(`${date}T${p.serveStart}:00+08:00`), serveEndAt: new Date(`${date}T${p.serveEnd}:00+08:00`), cutoffAt: new Date(`${date}T${p.cutoff}:00+08:00`),
          capDineIn: p.capacity.dine_in, capPickup: p.capacity.pickup, capDelivery: p.capacity.delivery, bookedDineIn: 0, bookedPickup: 0, bookedDelivery: 0,
          cancelledAt: null, cancelReason: null, deliveryDispatchedAt: null,
        });
        const offset = Math.floor(rand() * DISHES.length);
        const menu = [0, 1, 2, 3].map((i) => DISHES[(offset + i) % DISHES.length]);
        await m.getRepository(DishEntity).insert(menu.map((dish, i) => ({ slotId: slot.id, name: dish.name, priceFen: dish.priceFen, tags: [...dish.tags], isSetMeal: dish.isSetMeal, portionLimit: i === 0 ? 30 : null, bookedPortions: 0, sort: i })));
      }
    }
  }
}

/** Rules as data for childcare: waitlist priorities, 普惠 guidance prices, the per-child operating subsidy. */
export const DEMO_CHILDCARE_POLICIES = {
  childcare_waitlist: {
    offerHours: 48,
    rules: [
      { fact: 'sibling_enrolled', label: '同胞已在本园', points: 40 },
      { fact: 'multi_child', label: '多孩家庭', points: 30 },
      { fact: 'dual_working', label: '双职工家庭', points: 20 },
    ],
  },
  childcare_guidance: { maxFen: { full_day: 180_000, half_day: 110_000, hourly: 3_000, occasional: 15_000 } },
  // Seed policy: ¥200 per 普惠 child per month, funded city:county 4:6.
  childcare_subsidy: { perChildMonthlyFen: 20_000, split: [{ source: 'city', share: 0.4 }, { source: 'county', share: 0.6 }] },
};

/** The elder's side as data: who must be visited how often, what grades change, how long a grade lasts. */
export const DEMO_CARE_POLICIES = {
  visit_plan: {
    tiers: [
      { reason: '独居', livingSituations: ['alone'], frequency: 'monthly' },
      { reason: '失独', livingSituations: ['lost_only_child'], frequency: 'monthly' },
      { reason: '80 岁以上', minAge: 80, frequency: 'monthly' },
      { reason: '特困/低保', categories: ['tekun', 'dibao'], frequency: 'monthly' },
      { reason: '重度及以上失能', grades: ['severe', 'total'], frequency: 'weekly' },
    ],
  },
  service_requirements: {
    rules: [
      // 康复护理 for 中度失能 and above is nursing work: it needs a nurse's certificate.
      { service: 'rehab', grades: ['moderate', 'severe', 'total'], certificate: 'nursing' },
    ],
  },
  assessment: { validityMonths: 12, reminderDays: 30 },
  // The seeds' indicator targets (fractions for rates).
  kpi_targets: { visit_rate: 1, home_service_share: 0.2, places_per_thousand: 4.5, puhui_share: 0.6, certified_rate: 0.93, pre_job_training_rate: 1, assessment_rate: 1, satisfaction: 4.5, volunteer_ratio: 0.15, home_community_coverage: 1, childcare_coverage: 0.5, satisfaction_share: 0.9 },
  credit: { suspendBelow: 60, checkInOverridePoints: 5 },
  // 补供方: ¥50–300 a month per elder a home-care provider served, by ability grade; at most ¥20,000 a provider.
  operating_subsidy: { perElderByGradeFen: { mild: 5_000, moderate: 10_000, severe: 20_000, total: 30_000 }, minServicesPerElder: 1, monthlyCapFenPerProvider: 2_000_000, fundingSource: '区级财政' },
  timebank: { minutesPerServiceMinute: 1 },
};

async function seedChildcare(m: EntityManager, liQiang: string): Promise<void> {
  const centres = await m.getRepository(ProviderEntity).find({ where: { kind: 'childcare' }, order: { name: 'ASC' } });
  for (const centre of centres) {
    const puhui = centre.name.includes('普惠');
    await m.getRepository(ChildcareCentreEntity).save({ providerId: centre.id, licensedPlaces: 45 });
    const prices = puhui ? { full_day: 160_000, half_day: 100_000, hourly: 2_500, occasional: 12_000 } : { full_day: 320_000, half_day: 200_000, hourly: 6_000 };
    for (const [ageClass, name, capacity] of [['infant', '乳儿班', 10], ['toddler', '托小班', 15], ['preschool', '托大班', 20]] as const) {
      await m.getRepository(ChildcareClassEntity).save({ providerId: centre.id, ageClass, name, capacity, puhui, prices, dailyQuota: 2, enrolled: 0 });
    }
  }
  const puhuiCentre = centres.find((c) => c.name.includes('普惠'));
  const li = await m.getRepository(ChildEntity).findOneBy({ name: '李小宝' });
  if (puhuiCentre && li) {
    const toddler = await m.getRepository(ChildcareClassEntity).findOneByOrFail({ providerId: puhuiCentre.id, ageClass: 'toddler' });
    await m.getRepository(ChildcareClassEntity).update({ id: toddler.id }, { enrolled: 1 });
    const month = shanghaiMonth(new Date());
    await m.getRepository(EnrolmentEntity).save({
      householdId: li.householdId, childId: li.id, classId: toddler.id, careType: 'full_day', startMonth: month, date: null, startTime: null, endTime: null,
      status: 'active', priceFen: toddler.prices.full_day!, puhui: true, createdBy: liQiang, idempotencyKey: 'seed-li-xiaobao', requestHash: '0'.repeat(64), withdrawnAt: null,
    });
  }
}

async function seedRegions(m: EntityManager): Promise<Map<string, RegionEntity>> {
  const repo = m.getRepository(RegionEntity);
  const out = new Map<string, RegionEntity>();
  const district = await repo.save({ id: randomUUID(), code: DISTRICT_CODE, name: '昆山市', level: 'district', parentId: null, centerLat: DEMO_CENTER.lat, centerLng: DEMO_CENTER.lng, population: 2_100_000 });
  const street = await repo.save({ id: randomUUID(), code: 'ks-ys', name: '玉山镇', level: 'street', parentId: district.id, centerLat: DEMO_CENTER.lat, centerLng: DEMO_CENTER.lng, population: 67_800 });
  out.set(district.code, district).set(street.code, street);
  for (const c of COMMUNITIES) {
    const region = await repo.save({ id: randomUUID(), code: c.code, name: c.name, level: 'community', parentId: street.id, centerLat: Number((DEMO_CENTER.lat + c.offset.lat).toFixed(7)), centerLng: Number((DEMO_CENTER.lng + c.offset.lng).toFixed(7)), population: c.population });
    out.set(c.code, region);
    await m.query('UPDATE regions SET elderly_60 = ?, children_0_3 = ? WHERE id = ?', [c.elderly60, c.children03, region.id]);
    // Region reference data per year (the KPI denominators); 2025 as the statistics bureau gave it a year earlier.
    await m.query('INSERT INTO region_figures (region_id, year, residents, elderly_60, children_0_3) VALUES (?, 2025, ?, ?, ?), (?, 2026, ?, ?, ?)', [
      region.id, Math.round(c.population * 0.99), Math.round(c.elderly60 * 0.96), Math.round(c.children03 * 1.05), region.id, c.population, c.elderly60, c.children03,
    ]);
  }
  await m.getRepository(RegionPolicyEntity).save({ regionId: street.id, kind: 'subsidy', version: 1, effectiveFrom: new Date('2026-01-01T00:00:00+08:00'), rules: DEMO_SUBSIDY_RULES, createdBy: null });
  for (const [kind, rules] of [...Object.entries(DEMO_CHILDCARE_POLICIES), ...Object.entries(DEMO_CARE_POLICIES), ...Object.entries(DEMO_SUPERVISION_POLICIES)]) {
    await m.getRepository(RegionPolicyEntity).save({ regionId: street.id, kind, version: 1, effectiveFrom: new Date('2026-01-01T00:00:00+08:00'), rules, createdBy: null });
  }
  return out;
}
