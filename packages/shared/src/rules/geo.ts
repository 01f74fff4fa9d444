export interface GeoPoint {
  /** GCJ-02 latitude, as WeChat maps and address pickers give it. */
  lat: number;
  lng: number;
}

/** A coarse box around mainland China; anything outside is a typo or swapped lat/lng. */
export const CHINA_BOUNDS = { minLat: 3.8, maxLat: 53.6, minLng: 73.5, maxLng: 135.1 } as const;

export function isWithinChina(point: GeoPoint): boolean {
  return (
    point.lat >= CHINA_BOUNDS.minLat &&
    point.lat <= CHINA_BOUNDS.maxLat &&
    point.lng >= CHINA_BOUNDS.minLng &&
    point.lng <= CHINA_BOUNDS.maxLng
  );
}

const EARTH_RADIUS_M = 6371008.8;

/** Great-circle distance in metres. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 离您 350 米 / 离您 1.2 公里 */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters / 10) * 10} 米`;
  return `${(meters / 1000).toFixed(1)} 公里`;
}
