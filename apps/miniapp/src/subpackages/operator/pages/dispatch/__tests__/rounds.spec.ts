import type { DispatchRoundView } from '@carecircle/shared'
import { summarizeRounds } from '../rounds'

const cand = (staffId: string, staffName: string, score: number) => ({
  staffId, staffName, distanceMeters: 800, score, components: { distance: 0.9, rating: 0.9, load: 1, fairness: 0.5 },
})
const round = (roundNo: number, radiusMeters: number, patch: Partial<DispatchRoundView>): DispatchRoundView => ({
  roundNo, radiusMeters, candidates: [], skipped: [], offeredTo: [], offers: [], createdAt: '2026-11-27T02:00:00.000Z', ...patch,
})

describe('summarizeRounds', () => {
  const rounds = [
    round(2, 3000, {
      candidates: [cand('s2', '姜建军', 0.89), cand('s3', '周护理', 0.87)],
      skipped: [{ staffId: 's1', staffName: '褚志刚', reason: '已婉拒此单', qualified: true }, { staffId: 's9', staffName: '韩明', reason: '不具备「助洁」技能', qualified: false }],
      offeredTo: ['s2'],
    }),
    round(1, 3000, {
      candidates: [cand('s1', '褚志刚', 0.89), cand('s2', '姜建军', 0.89)],
      offeredTo: ['s1'],
      offers: [{ staffId: 's1', staffName: '褚志刚', status: 'declined', statusLabel: '已婉拒', offeredAt: '2026-11-27T02:00:00.000Z', respondedAt: '2026-11-27T02:00:20.000Z' }],
    }),
    round(3, 5000, {
      candidates: [cand('s4', '秦秀梅', 0.75)],
      skipped: [
        { staffId: 's1', staffName: '褚志刚', reason: '已婉拒此单', qualified: true },
        { staffId: 's2', staffName: '姜建军', reason: '已婉拒此单', qualified: true },
        { staffId: 's9', staffName: '韩明', reason: '不具备「助洁」技能', qualified: false },
      ],
      offeredTo: ['s4'],
    }),
  ]

  it('lists who was tried, in order, once each, with the score of the round they were asked in', () => {
    expect(summarizeRounds(rounds).tried.map((p) => [p.staffName, p.roundNo, p.score])).toEqual([
      ['褚志刚', 1, 0.89],
      ['姜建军', 2, 0.89],
      ['秦秀梅', 3, 0.75],
    ])
  })

  it('says how each offer ended, where the server recorded it', () => {
    expect(summarizeRounds(rounds).tried.map((p) => [p.staffName, p.outcome])).toEqual([
      ['褚志刚', '已婉拒'],
      ['姜建军', null],
      ['秦秀梅', null],
    ])
  })

  it('keeps who else the last round ranked, and groups the rest of that round by reason, biggest group first', () => {
    const withSpare = [...rounds, round(4, 5000, { candidates: [cand('s4', '秦秀梅', 0.75), cand('s5', '华静', 0.74)], offeredTo: [] })]
    expect(summarizeRounds(withSpare).untried.map((c) => c.staffName)).toEqual(['华静'])
    const s = summarizeRounds(rounds)
    expect(s.roundCount).toBe(3)
    expect(s.maxRadiusMeters).toBe(5000)
    expect(s.untried).toEqual([])
    expect(s.skippedByReason).toEqual([
      { reason: '已婉拒此单', people: [{ staffId: 's1', staffName: '褚志刚' }, { staffId: 's2', staffName: '姜建军' }] },
      { reason: '不具备「助洁」技能', people: [{ staffId: 's9', staffName: '韩明' }] },
    ])
  })

  it('copes with an order that has no rounds yet', () => {
    expect(summarizeRounds([])).toEqual({ roundCount: 0, maxRadiusMeters: 0, tried: [], untried: [], skippedByReason: [] })
  })
})
