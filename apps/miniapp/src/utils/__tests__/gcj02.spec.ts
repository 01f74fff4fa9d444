import { distanceMeters } from '@carecircle/shared'
import { wgs84ToGcj02 } from '../gcj02'

describe('wgs84ToGcj02', () => {
  it('matches the published reference point (天安门)', () => {
    const p = wgs84ToGcj02({ lat: 39.915, lng: 116.404 })
    expect(p.lat).toBeCloseTo(39.91640428, 6)
    expect(p.lng).toBeCloseTo(116.41024449, 6)
  })

  it('moves a point in the demo district by a few hundred metres — more than the check-in radius', () => {
    const wgs = { lat: 31.385, lng: 120.981 }
    const moved = distanceMeters(wgs, wgs84ToGcj02(wgs))
    expect(moved).toBeGreaterThan(200)
    expect(moved).toBeLessThan(800)
  })

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02({ lat: 51.5, lng: -0.12 })).toEqual({ lat: 51.5, lng: -0.12 })
  })
})
