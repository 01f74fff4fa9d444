import { drawInspection, drawSample, seededRandom } from './random-draw.js';

const POOL = Array.from({ length: 40 }, (_, i) => `p-${String(i).padStart(2, '0')}`);

describe('seeded random draw', () => {
  it('gives the same numbers for the same seed and different ones for another seed', () => {
    const a = seededRandom('2026-11 玉山镇');
    const b = seededRandom('2026-11 玉山镇');
    const c = seededRandom('2026-12 玉山镇');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('reproduces a draw from its seed, whatever order the pool was listed in', () => {
    const drawn = drawSample('seed-1', POOL, 5);
    expect(drawn).toHaveLength(5);
    expect(new Set(drawn).size).toBe(5);
    expect(drawSample('seed-1', [...POOL].reverse(), 5)).toEqual(drawn);
    expect(drawSample('seed-2', POOL, 5)).not.toEqual(drawn);
  });

  it('takes the whole pool when asked for more than it holds, and nothing from an empty pool', () => {
    expect(drawSample('s', ['b', 'a', 'a'], 5).sort()).toEqual(['a', 'b']);
    expect(drawSample('s', [], 3)).toEqual([]);
    expect(drawSample('s', POOL, 0)).toEqual([]);
  });

  it('draws every member about equally often over many seeds', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const id of drawSample(`s${i}`, POOL.slice(0, 10), 2)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // 4000 draws × 2 of 10 → 800 each expected.
    for (const n of counts.values()) expect(Math.abs(n - 800)).toBeLessThan(120);
  });

  it('draws providers and inspectors independently from one seed', () => {
    const input = { seed: 'KS-2026-11', providerPool: POOL, inspectorPool: ['i1', 'i2', 'i3', 'i4'], providerCount: 3, inspectorCount: 2 };
    const result = drawInspection(input);
    expect(drawInspection({ ...input })).toEqual(result);
    expect(result.providerIds).toEqual(drawSample('KS-2026-11|providers', POOL, 3));
    expect(result.inspectorIds).toHaveLength(2);
  });
});
