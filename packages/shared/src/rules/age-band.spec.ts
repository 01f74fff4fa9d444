import { ageClassFor, ageInMonths, ageInYears, displayAge } from './age-band.js';
import { distanceMeters, formatDistance, isWithinChina } from './geo.js';
import { formatFen } from './money.js';

describe('ages', () => {
  it('counts whole months, not yet a month before the day of birth', () => {
    expect(ageInMonths('2025-05-18', '2026-11-17')).toBe(17);
    expect(ageInMonths('2025-05-18', '2026-11-18')).toBe(18);
    expect(ageInYears('1948-05-12', '2026-05-11')).toBe(77);
    expect(ageInYears('1948-05-12', '2026-05-12')).toBe(78);
  });

  it('puts a child in the class of their age band and nowhere when outside 6–36 months', () => {
    expect(ageClassFor(5)).toBeNull();
    expect(ageClassFor(6)).toBe('infant');
    expect(ageClassFor(12)).toBe('toddler');
    expect(ageClassFor(35)).toBe('preschool');
    expect(ageClassFor(36)).toBeNull();
  });
});

describe('geo and money', () => {
  it('measures distance on the sphere', () => {
    const d = distanceMeters({ lat: 31.385, lng: 120.981 }, { lat: 31.394, lng: 120.981 });
    expect(Math.round(d)).toBe(1001);
    expect(formatDistance(347)).toBe('350 米');
    expect(formatDistance(1234)).toBe('1.2 公里');
  });

  it('tells swapped coordinates from real ones', () => {
    expect(isWithinChina({ lat: 31.385, lng: 120.981 })).toBe(true);
    expect(isWithinChina({ lat: 120.981, lng: 31.385 })).toBe(false);
  });

  it('formats fen as yuan', () => {
    expect(formatFen(1250)).toBe('¥12.50');
    expect(formatFen(-800)).toBe('-¥8.00');
    expect(formatFen(5)).toBe('¥0.05');
  });
});

import { ASSESSMENT_MAX_TOTAL, gradeForTotal, scoreAssessment } from './assessment.js';

describe('ability assessment (GB/T 42195-2022)', () => {
  it('adds up to 90 points and grades by the standard’s thresholds', () => {
    expect(ASSESSMENT_MAX_TOTAL).toBe(90);
    expect([90, 89, 66, 65, 46, 45, 30, 29, 0].map(gradeForTotal)).toEqual(['intact', 'mild', 'mild', 'moderate', 'moderate', 'severe', 'severe', 'total', 'total']);
  });

  it('names every missing or out-of-range item', () => {
    const result = scoreAssessment({ eating: 5 });
    expect('errors' in result && result.errors.map((e) => e.field)).toContain('items.eating');
    expect('errors' in result && result.errors.length).toBe(26);
  });
});

describe('displayAge', () => {
  it('counts the age reached this calendar year, changing on 1 January and not on the birthday', () => {
    expect(displayAge('1948-05-12', '2026-05-11')).toBe(78);
    expect(displayAge('1948-05-12', '2026-05-12')).toBe(78);
    expect(displayAge('1948-05-12', '2026-12-31')).toBe(78);
    expect(displayAge('1948-05-12', '2027-01-01')).toBe(79);
  });
});
