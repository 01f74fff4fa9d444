import { aheadText, centrePositionText, deadlineText, isOpenOffer, logNoteText, positionText, reasonLines, sortEntries, timeLeftText } from '../waitlist'
import { shanghai } from '../../../../../test/time'

describe('waitlist position and reasons', () => {
  it('says 排第 N 位 while waiting, the status otherwise', () => {
    expect(positionText({ status: 'waiting', position: 3, statusLabel: '轮候中' })).toBe('排第 3 位')
    expect(positionText({ status: 'offered', position: null, statusLabel: '已为您保留托位，请确认' })).toBe('已为您保留托位，请确认')
    expect(aheadText(1)).toBe('您排在最前面，有空位会先为您保留')
    expect(aheadText(4)).toBe('前面还有 3 位')
    expect(aheadText(null)).toBeNull()
  })

  it('words the status for the centre, not as the parent reads it', () => {
    expect(centrePositionText({ status: 'waiting', position: 1, statusLabel: '轮候中' })).toBe('排第 1 位')
    expect(centrePositionText({ status: 'offered', position: null, statusLabel: '已为您保留托位，请确认' })).toBe('已保留 · 待家长确认')
  })

  it('keeps the server reasons and says when no priority was declared', () => {
    expect(reasonLines({ score: 50, facts: [{}, {}] as never, reasons: ['多孩家庭 +30', '双职工家庭 +20', '同分按登记先后（先到先得）'] })).toEqual([
      '多孩家庭 +30',
      '双职工家庭 +20',
      '同分按登记先后（先到先得）',
    ])
    expect(reasonLines({ score: 0, facts: [], reasons: ['同分按登记先后（先到先得）'] })).toEqual(['未申报优先条件（得分 0）', '同分按登记先后（先到先得）'])
    // Declared but refused: it was declared, it just does not score.
    expect(reasonLines({ score: 0, facts: [{}] as never, reasons: ['双职工家庭（核验未通过，不计分）', '同分按登记先后（先到先得）'] })).toEqual([
      '双职工家庭（核验未通过，不计分）',
      '同分按登记先后（先到先得）',
    ])
  })

  it('lists offers first, then waiting, then finished entries', () => {
    const entries = [
      { id: 'a', status: 'cancelled', createdAt: '2026-05-03' },
      { id: 'b', status: 'waiting', createdAt: '2026-05-01' },
      { id: 'c', status: 'offered', createdAt: '2026-04-01' },
      { id: 'd', status: 'waiting', createdAt: '2026-05-02' },
    ] as const
    expect(sortEntries(entries).map((e) => e.id)).toEqual(['c', 'd', 'b', 'a'])
  })
})

describe('an offer and its deadline', () => {
  const now = shanghai(2026, 4, 20, 12, 0).getTime()
  const in47h = shanghai(2026, 4, 22, 11, 5).toISOString()

  it('shows the deadline on Shanghai’s clock and the time left', () => {
    expect(deadlineText(in47h)).toBe('5月22日 11:05')
    expect(timeLeftText(in47h, now)).toBe('还剩 47 小时 5 分')
    expect(timeLeftText(new Date(now + 12 * 60_000).toISOString(), now)).toBe('还剩 12 分钟')
    expect(timeLeftText(new Date(now - 1).toISOString(), now)).toBe('已过确认时限')
  })

  it('is open only while offered and before the deadline', () => {
    expect(isOpenOffer({ status: 'offered', offerExpiresAt: in47h }, now)).toBe(true)
    expect(isOpenOffer({ status: 'offered', offerExpiresAt: new Date(now - 1).toISOString() }, now)).toBe(false)
    expect(isOpenOffer({ status: 'waiting', offerExpiresAt: null }, now)).toBe(false)
  })

  it('turns the ISO times in log notes into words', () => {
    const iso = shanghai(2026, 4, 22, 11, 5).toISOString()
    expect(logNoteText(`有空位，保留至 ${iso}`)).toBe('有空位，保留至 5月22日 11:05')
    expect(logNoteText(null)).toBe('')
  })
})
