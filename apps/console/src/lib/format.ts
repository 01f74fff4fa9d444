import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The service runs in Chinese cities: times are shown and entered in China time, whatever the browser's zone. */
export const ZONE = 'Asia/Shanghai';

/** This month in China (Asia/Shanghai, UTC+8), YYYY-MM, whatever the browser's zone. */
export function currentMonth(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** Today in China, YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD HH:mm') : iso;
}

/** A calendar date (`2027-11-27`) stays as it is; a timestamp becomes its date in China. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = dayjs(iso);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD') : iso;
}

/** The wall-clock time picked in a date picker, meant as China time, as ISO 8601 with +08:00. */
export function chinaIso(picked: Dayjs): string {
  return `${picked.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits).replace(/\.0+$/, '')}%`;
}

export function formatMeters(m: number | null | undefined): string {
  if (m === null || m === undefined) return '—';
  return m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${Math.round(m)} 米`;
}

/** Compare for antd table sorters. */
export function compareText(a: string | null | undefined, b: string | null | undefined): number {
  return (a ?? '').localeCompare(b ?? '', 'zh-CN');
}
