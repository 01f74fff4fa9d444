const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The GB 11643 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/**
 * What is wrong with a GB 11643 resident identity number (6-digit address code, 8-digit birth
 * date, 3-digit sequence, check character), or null. With `today` (YYYY-MM-DD) a birth date after
 * it is refused too.
 */
export function idNumberProblem(value: string, today?: string): string | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位（最后一位可以是 X）';
  const birth = id.slice(6, 14);
  if (!isValidYmd(birth)) return `身份证号中的出生日期 ${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)} 不存在`;
  if (today && `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}` > today) return '身份证号中的出生日期晚于今天，请核对';
  if (idCheckChar(id) !== id[17]) return '身份证号校验位不正确，请逐位核对';
  return null;
}

/** GB 11643 resident identity number: 18 characters, valid birth date (not after `today` when given), valid check character. */
export function isValidIdNumber(value: string, today?: string): boolean {
  return idNumberProblem(value, today) === null;
}

/** The birth date written in an identity number, as YYYY-MM-DD. */
export function birthDateFromIdNumber(value: string): string | null {
  const id = value.trim().toUpperCase();
  if (!isValidIdNumber(id)) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

function isValidYmd(ymd: string): boolean {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  if (y < 1890 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * 3*****************: only the first character (the province group, which the address already
 * tells) stays visible. Every response that carries this also carries the age, gender and address
 * (county), and any visible birth-date, sequence or check digit would shrink the candidates below
 * 10^5 (docs/security.md, test/households/id-candidates.int-spec.ts).
 */
export function maskIdNumber(value: string): string {
  const id = value.trim();
  if (id.length <= 1) return '*'.repeat(id.length);
  return id.slice(0, 1) + '*'.repeat(id.length - 1);
}

/** Mainland mobile numbers: 11 digits starting with 1. */
export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function isValidMobilePhone(value: string): boolean {
  return MOBILE_PHONE_PATTERN.test(value.trim());
}

/** 138****5678 */
export function maskPhone(value: string): string {
  const phone = value.trim();
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 张** / 欧阳** : only the family name stays visible (two-character compound surnames kept). */
export function maskName(value: string): string {
  const name = value.trim();
  if (name.length <= 1) return name;
  const keep = name.length >= 4 ? 2 : 1;
  return name.slice(0, keep) + '*'.repeat(name.length - keep);
}
