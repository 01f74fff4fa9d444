/**
 * 双随机 draws that anyone can reproduce: the same seed and the same pools always give the same
 * result, on the server and in the console ("reproduce this draw"). No platform crypto here, so it
 * runs the same in Node, the browser and the mini-program.
 *
 * Seed string → four 32-bit words by cyrb128 (a public-domain string hash) → sfc32 generator
 * (Chris Doty-Humphrey's Small Fast Counter, as in PractRand) → partial Fisher–Yates over the pool
 * sorted by id, so the order the pool was listed in does not change the result.
 */

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A generator of uniform numbers in [0, 1) fully determined by `seed`. */
export function seededRandom(seed: string): () => number {
  let [a, b, c, d] = cyrb128(seed);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** `n` distinct ids from `pool`, in the order drawn; the whole (sorted) pool when n ≥ its size. */
export function drawSample(seed: string, pool: readonly string[], n: number): string[] {
  const items = [...new Set(pool)].sort();
  const take = Math.max(0, Math.min(Math.floor(n), items.length));
  const random = seededRandom(seed);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items.slice(0, take);
}

export interface InspectionDrawInput {
  seed: string;
  providerPool: readonly string[];
  inspectorPool: readonly string[];
  providerCount: number;
  inspectorCount: number;
}

export interface InspectionDrawResult {
  providerIds: string[];
  inspectorIds: string[];
}

/** 双随机：随机抽取检查对象、随机选派执法检查人员 — two independent draws from one seed. */
export function drawInspection(input: InspectionDrawInput): InspectionDrawResult {
  return {
    providerIds: drawSample(`${input.seed}|providers`, input.providerPool, input.providerCount),
    inspectorIds: drawSample(`${input.seed}|inspectors`, input.inspectorPool, input.inspectorCount),
  };
}
