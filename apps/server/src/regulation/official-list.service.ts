import {
  ErrorCode,
  isValidIdNumber,
  maskIdNumber,
  shanghaiDate,
  SUBSIDY_CATEGORY_LABELS,
  type OfficialListConfirmView,
  type OfficialListPreviewView,
  type OfficialListRowView,
  type SubsidyCategory,
} from '@carecircle/shared';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { Clock } from '../common/clock.js';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ElderEntity } from '../households/entities/elder.entity.js';
import { AuditService } from './audit.service.js';
import { headerIndex, parseCsv } from './csv.js';
import { OperatorScope } from './operator-scope.service.js';

const COLUMNS = {
  name: ['姓名', 'name'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', 'idNumber'],
  category: ['类别', '补贴类别', '救助类别', 'category'],
  validUntil: ['有效期至', '有效期', '截止日期', 'validUntil'],
};

const MAX_ROWS = 5000;

/** Category names as the civil-affairs lists write them, and our codes. */
const CATEGORY_NAMES: [string, SubsidyCategory][] = [
  ...(Object.entries(SUBSIDY_CATEGORY_LABELS) as [SubsidyCategory, string][]).filter(([c]) => c !== 'none').flatMap(([code, label]): [string, SubsidyCategory][] => [[label, code], [code, code]]),
  ['特困', 'tekun'], ['特困人员', 'tekun'], ['低保户', 'dibao'], ['低保对象', 'dibao'], ['低收入家庭', 'low_income'], ['低边', 'low_income'],
  ['计生特殊家庭', 'family_planning_special'], ['计划生育特殊困难家庭', 'family_planning_special'], ['高龄老人', 'advanced_age'], ['优抚', 'priority_care'], ['优抚对象', 'priority_care'],
];

interface Parsed extends OfficialListRowView {
  hash: string | null;
}

/**
 * The official list from 民政 (姓名, 身份证号, 类别, 有效期至), matched to the elders in the
 * operator's regions by the ID-number blind index; on confirm the matched elders are verified
 * with the list's category and valid-until. Elders outside the operator's regions are reported
 * unmatched, as if they did not exist.
 */
@Injectable()
export class OfficialListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly scope: OperatorScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async preview(principal: Principal, csv: string): Promise<OfficialListPreviewView> {
    return summarise(await this.match(principal, csv));
  }

  async confirm(principal: Principal, csv: string): Promise<OfficialListConfirmView> {
    const rows = await this.match(principal, csv);
    const matched = rows.filter((r) => r.status === 'matched');
    await this.dataSource.transaction(async (m) => {
      for (const r of matched) {
        await m.getRepository(ElderEntity).update({ id: r.elderId! }, {
          subsidyCategory: r.category!, subsidyVerification: 'verified', subsidyValidUntil: r.validUntil, eligibilityNote: `按民政官方名单核验（第 ${r.row} 行）`,
        });
        await this.audit.record(principal.userId, 'eligibility_list_import', 'elder', r.elderId!, m);
      }
    });
    return { ...summarise(rows), applied: matched.length };
  }

  private async match(principal: Principal, csv: string): Promise<Parsed[]> {
    const records = parseCsv(csv);
    if (records.length === 0) throw invalid('文件为空');
    const { index, missing } = headerIndex(records[0].fields, COLUMNS);
    if (missing.length) throw invalid(`第 1 行（表头）缺少列：${missing.map((k) => COLUMNS[k][0]).join('、')}`);
    if (records.length === 1) throw invalid('文件只有表头，没有名单数据');
    if (records.length - 1 > MAX_ROWS) throw invalid(`一次最多导入 ${MAX_ROWS} 行，请分批导入`);
    const today = shanghaiDate(this.clock.now());
    const seen = new Map<string, number>();
    const rows: Parsed[] = records.slice(1).map((rec) => {
      const cell = (k: keyof typeof COLUMNS) => rec.fields[index[k]] ?? '';
      const name = cell('name');
      const idNumber = cell('idNumber').replace(/\s/g, '').toUpperCase();
      const categoryText = cell('category').replace(/\s/g, '');
      const category = CATEGORY_NAMES.find(([n]) => n === categoryText)?.[1] ?? null;
      const validUntil = parseDate(cell('validUntil'));
      const problems: string[] = [];
      if (!name) problems.push('姓名为空');
      if (!isValidIdNumber(idNumber)) problems.push('身份证号无效（应为 18 位，校验位正确）');
      if (!category) problems.push(`类别“${categoryText}”无法识别（可用：${Object.values(SUBSIDY_CATEGORY_LABELS).slice(1).join('、')}）`);
      if (!validUntil) problems.push('有效期至应为日期，如 2027-12-31');
      else if (validUntil <= today) problems.push(`有效期至 ${validUntil} 已过`);
      const row: Parsed = {
        row: rec.line, name, idNumberMasked: idNumber ? maskIdNumber(idNumber) : '', category, validUntil, status: 'invalid', elderId: null, communityName: null,
        message: problems.length ? `第 ${rec.line} 行：${problems.join('；')}` : null, hash: null,
      };
      if (problems.length) return row;
      const first = seen.get(idNumber);
      if (first !== undefined) return { ...row, status: 'conflict', message: `第 ${rec.line} 行：与第 ${first} 行身份证号重复` };
      seen.set(idNumber, rec.line);
      return { ...row, status: 'unmatched', hash: this.cipher.blindIndex(idNumber) };
    });

    const hashes = rows.filter((r) => r.hash).map((r) => r.hash!);
    const mine = new Set(await this.scope.regionIds(principal.userId));
    const elders: { id: string; name: string; region_id: string | null; id_number_hash: string; community: string | null; subsidy_category: SubsidyCategory; subsidy_verification: string }[] = hashes.length
      ? await this.dataSource.query(
          `SELECT e.id, e.name, e.region_id, e.id_number_hash, r.name AS community, e.subsidy_category, e.subsidy_verification FROM elders e LEFT JOIN regions r ON r.id = e.region_id
            WHERE e.deleted_at IS NULL AND e.id_number_hash IN (${hashes.map(() => '?').join(',')})`,
          hashes,
        )
      : [];
    const byHash = new Map(elders.filter((e) => e.region_id && mine.has(e.region_id)).map((e) => [e.id_number_hash, e]));
    return rows.map((r) => {
      const elder = r.hash ? byHash.get(r.hash) : undefined;
      if (r.status !== 'unmatched') return r;
      if (!elder) return { ...r, message: '未在您负责地区的在册老人中找到此身份证号' };
      const base = { ...r, elderId: elder.id, communityName: elder.community };
      if (elder.name !== r.name) return { ...base, status: 'conflict', message: `第 ${r.row} 行：姓名与在册老人不一致（在册：${elder.name}），请核对后再导入` };
      const change = elder.subsidy_category !== r.category ? `类别将由“${SUBSIDY_CATEGORY_LABELS[elder.subsidy_category]}”改为“${SUBSIDY_CATEGORY_LABELS[r.category!]}”` : null;
      return { ...base, status: 'matched', message: change };
    });
  }
}

function summarise(rows: Parsed[]): OfficialListPreviewView {
  const count = (s: OfficialListRowView['status']) => rows.filter((r) => r.status === s).length;
  return {
    total: rows.length, matched: count('matched'), unmatched: count('unmatched'), conflicts: count('conflict'), invalid: count('invalid'),
    rows: rows.map(({ hash: _hash, ...r }) => r),
  };
}

/** 2027-12-31, 2027/12/31, 2027.12.31, 2027年12月31日 → YYYY-MM-DD; null when not a real date. */
function parseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function invalid(message: string): DomainError {
  return new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields: [{ field: 'csv', message }] });
}
