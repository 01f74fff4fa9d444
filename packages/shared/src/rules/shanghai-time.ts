/**
 * Times are stored UTC and shown in Asia/Shanghai (UTC+8 all year, no daylight saving), whatever
 * zone the server, the browser or the phone is set to.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** Calendar day in Asia/Shanghai, YYYY-MM-DD (days and months are Shanghai's). */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Calendar month in Asia/Shanghai, YYYY-MM: the period subsidy caps count in. */
export function shanghaiMonth(at: Date): string {
  return shanghaiDate(at).slice(0, 7);
}

export interface ShanghaiParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday */
  weekday: number;
}

/** The wall-clock reading of an instant in Asia/Shanghai. */
export function shanghaiParts(at: Date): ShanghaiParts {
  const d = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: d.getUTCDay() };
}

/** HH:mm in Asia/Shanghai. */
export function shanghaiClock(at: Date): string {
  const { hour, minute } = shanghaiParts(at);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** YYYY-MM plus n months (n may be negative). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Days in a calendar month YYYY-MM. */
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The last month that has ended (Asia/Shanghai): the latest a monthly settlement may cover. */
export function lastEndedMonth(now: Date): string {
  return shiftMonth(shanghaiMonth(now), -1);
}
