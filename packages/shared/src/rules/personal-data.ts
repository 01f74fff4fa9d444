const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** GB 11643 resident identity number: 18 characters, valid birth date, valid check character. */
export function isValidIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  if (!isValidYmd(birth)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11] === id[17];
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

/** 3201**********1234: the first four and last four characters stay visible. */
export function maskIdNumber(value: string): string {
  const id = value.trim();
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
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
