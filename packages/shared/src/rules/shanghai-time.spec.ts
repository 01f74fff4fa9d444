import { shanghaiClock, shanghaiDate, shanghaiMonth, shanghaiParts } from './shanghai-time';

describe('Asia/Shanghai wall clock', () => {
  it('turns the UTC evening into the next Shanghai morning', () => {
    const at = new Date('2026-11-30T16:05:00Z');
    expect(shanghaiDate(at)).toBe('2026-12-01');
    expect(shanghaiMonth(at)).toBe('2026-12');
    expect(shanghaiParts(at)).toEqual({ year: 2026, month: 12, day: 1, hour: 0, minute: 5, weekday: 2 });
    expect(shanghaiClock(at)).toBe('00:05');
  });

  it('is the same whatever the process time zone says', () => {
    const at = new Date('2026-06-15T03:30:00Z');
    expect(shanghaiClock(at)).toBe('11:30');
    expect(shanghaiParts(at).weekday).toBe(1);
  });
});
