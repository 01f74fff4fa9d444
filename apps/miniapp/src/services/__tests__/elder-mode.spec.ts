import { elderHomeUrl, elderModeFor } from '../elder-mode'

describe('elderModeFor (长辈版 by default for an elder’s own login)', () => {
  const elder = { id: 'u-elder', elderId: 'e1' }
  const family = { id: 'u-family', elderId: null }

  it('opens 长辈版 for the elder’s own login unless they chose 普通版 on this device', () => {
    expect(elderModeFor(elder, null, false)).toEqual({ userId: 'u-elder', elderId: 'e1', self: true })
    expect(elderModeFor(elder, null, true)).toBeNull()
  })

  it('keeps a switch the family set on this device, for that account only', () => {
    const stored = { userId: 'u-family', elderId: 'e2', self: false }
    expect(elderModeFor(family, stored, false)).toBe(stored)
    expect(elderModeFor({ id: 'someone-else', elderId: null }, stored, false)).toBeNull()
    expect(elderModeFor(family, null, false)).toBeNull()
  })

  it('sends the elder id only when a family member uses 长辈版', () => {
    expect(elderHomeUrl({ userId: 'u', elderId: 'e1', self: true })).toBe('/subpackages/elder/pages/home/index')
    expect(elderHomeUrl({ userId: 'u', elderId: 'e2', self: false })).toBe('/subpackages/elder/pages/home/index?elderId=e2')
  })
})
