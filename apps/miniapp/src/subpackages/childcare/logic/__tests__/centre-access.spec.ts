import Taro from '@tarojs/taro'
import type { RosterChild } from '../../../../services/childcare'
import { tokenStore } from '../../../../services/storage'
import { attendanceState, attendanceText, canRunCentre, pickupChoices } from '../centre-access'
import { shanghai } from '../../../../../test/time'

const request = Taro.request as unknown as jest.Mock

function child(over: Partial<RosterChild>): RosterChild {
  return { childId: 'c1', name: '李小宝', ageMonths: 18, careType: 'full_day', checkedInAt: null, checkedOutAt: null, pickedUpBy: null, pickupPersons: [], ...over }
}

describe('roster attendance', () => {
  it('reads 未到 / 签到 / 离园 with who picked the child up', () => {
    expect(attendanceText(child({}))).toBe('未到')
    const inAt = shanghai(2026, 4, 20, 8, 5).toISOString()
    const outAt = shanghai(2026, 4, 20, 17, 30).toISOString()
    expect(attendanceState(child({ checkedInAt: inAt }))).toBe('in')
    expect(attendanceText(child({ checkedInAt: inAt }))).toBe('08:05 签到，在园')
    expect(attendanceText(child({ checkedInAt: inAt, checkedOutAt: outAt, pickedUpBy: '李奶奶（奶奶）' }))).toBe('17:30 离园，由 李奶奶（奶奶） 接走')
  })

  it('opens the centre page to operators and centre staff only', () => {
    expect(canRunCentre({ roles: ['operator'] })).toBe(true)
    expect(canRunCentre({ roles: ['provider_staff'] })).toBe(true)
    expect(canRunCentre({ roles: ['family', 'guardian'] })).toBe(false)
  })
})

describe('pickupChoices (whom the child may go home with)', () => {
  beforeEach(() => {
    ;(Taro as unknown as { __resetStorage: () => void }).__resetStorage()
    tokenStore.save({ accessToken: 'access-1', refreshToken: 'refresh-1' })
  })

  it('uses the list the roster carries when the server sends it', async () => {
    const persons = [{ id: 'p1', name: '李奶奶', relation: '奶奶', phoneMasked: '139****1111' }]
    await expect(pickupChoices(child({ pickupPersons: persons }))).resolves.toEqual({ persons, unavailable: null })
    expect(request).not.toHaveBeenCalled()
  })

  it('offers the authorised persons the roster carries, and says what to do when there are none', async () => {
    const grandma = { id: 'p1', name: '李奶奶', phoneMasked: '139****1111', relation: '奶奶' }
    await expect(pickupChoices(child({ pickupPersons: [grandma] }))).resolves.toEqual({ persons: [grandma], unavailable: null })
    const none = await pickupChoices(child({}))
    expect(none.persons).toEqual([])
    expect(none.unavailable).toMatch(/还没有登记授权接送人/)
    expect(request).not.toHaveBeenCalled()
  })
})
