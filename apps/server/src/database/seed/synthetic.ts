/** Deterministic synthetic data for the demo district and its history: the same on every machine. */

/** A small deterministic PRNG, so every machine seeds the same district. */
export function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A point `meters` away from the centre in a random direction. */
export function around(rand: () => number, center: { lat: number; lng: number }, maxMeters: number) {
  const r = maxMeters * Math.sqrt(rand());
  const theta = 2 * Math.PI * rand();
  const dLat = (r * Math.cos(theta)) / 111_320;
  const dLng = (r * Math.sin(theta)) / (111_320 * Math.cos((center.lat * Math.PI) / 180));
  return { lat: Number((center.lat + dLat).toFixed(7)), lng: Number((center.lng + dLng).toFixed(7)) };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A checksum-valid ID number for demo people (region 320583 = 昆山市). */
export function demoIdNumber(birth: string, seq: number, male: boolean): string {
  const order = String(seq * 2 + (male ? 1 : 0)).padStart(3, '0').slice(-3);
  const body = `320583${birth.replace(/-/g, '')}${order}`;
  const sum = body.split('').reduce((acc, ch, i) => acc + Number(ch) * ID_WEIGHTS[i], 0);
  return body + '10X98765432'[sum % 11];
}
