import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { chinaIso, currentMonth, formatDate, formatDateTime, formatPercent, today } from './format';

describe('China time', () => {
  it('shows timestamps in China time whatever the browser zone', () => {
    expect(formatDateTime('2025-12-31T16:00:00.000Z')).toBe('2026-01-01 00:00');
    expect(formatDate('2025-12-31T16:00:00.000Z')).toBe('2026-01-01');
    expect(formatDateTime(null)).toBe('—');
  });

  it('leaves calendar dates alone', () => {
    expect(formatDate('2027-11-27')).toBe('2027-11-27');
  });

  it('this month and today are China’s', () => {
    expect(currentMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(today(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
  });

  it('sends a picked time as China time', () => {
    expect(chinaIso(dayjs('2027-01-01T00:00'))).toBe('2027-01-01T00:00:00+08:00');
  });

  it('formats fractions as percent', () => {
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.0111)).toBe('1.1%');
    expect(formatPercent(null)).toBe('—');
  });
});
