import type { SosView } from '@carecircle/shared'
import { cancelDeadline, cancelSecondsLeft, isSettled, sosPhase, sosWords } from '../sos-status'

const created = '2026-11-27T02:00:00.000Z'
const until = '2026-11-27T02:00:10.000Z'

function sos(over: Partial<SosView> = {}): SosView {
  return {
    id: 's1', elderId: 'e1', elderName: '王建国', drill: false, status: 'pending', statusLabel: '正在呼叫', cancelUntil: until,
    orderId: null, staffName: null, staffDistanceMeters: null, events: [], createdAt: created, outcome: null, closedAt: null, ...over,
  }
}

describe('the 10-second cancel window', () => {
  it('counts 10 … 1 on the phone clock from when the answer arrived, even when that clock is hours off', () => {
    const received = Date.parse('2026-11-27T09:30:00.000Z') // phone 7.5 h ahead of the server
    const deadline = cancelDeadline(sos(), received)
    expect(cancelSecondsLeft(deadline, received)).toBe(10)
    expect(cancelSecondsLeft(deadline, received + 300)).toBe(10)
    expect(cancelSecondsLeft(deadline, received + 1000)).toBe(9)
    expect(cancelSecondsLeft(deadline, received + 9001)).toBe(1)
    expect(cancelSecondsLeft(deadline, received + 10_000)).toBe(0)
    expect(cancelSecondsLeft(deadline, received + 60_000)).toBe(0)
  })

  it('offers 取消 while seconds remain, then shows the call as sent (no cancel, no navigation)', () => {
    const received = 1_000_000
    const deadline = cancelDeadline(sos(), received)
    expect(sosPhase(sos(), deadline, received + 9_999)).toBe('cancel-window')
    expect(sosPhase(sos(), deadline, received + 10_000)).toBe('waiting')
    expect(sosWords(sos(), 'cancel-window', 7).detail).toContain('7 秒后')
  })

  it('follows the server once it moves on', () => {
    const d = 0
    expect(sosPhase(sos({ status: 'dispatched' }), d, 0)).toBe('waiting')
    expect(sosPhase(sos({ status: 'cancelled' }), d, 0)).toBe('cancelled')
    expect(sosPhase(sos({ status: 'drill_done' }), d, 0)).toBe('drill-done')
    expect(isSettled('cancelled')).toBe(true)
    expect(isSettled('answered')).toBe(false)
  })

  it('says who is coming and how far, or who will phone', () => {
    expect(sosWords(sos({ staffName: '周护理', staffDistanceMeters: 420 }), 'answered', 0)).toEqual({ headline: '周护理正在赶来', detail: '离您还有 420 米' })
    expect(sosWords(sos(), 'escalated', 0).headline).toBe('街道值班人员将电话联系您')
    expect(sosWords(sos({ drill: true }), 'cancel-window', 3).headline).toBe('演练：正在呼叫')
  })

  it('falls back to the server instant when createdAt is unreadable', () => {
    expect(cancelDeadline(sos({ createdAt: 'x' }), 5)).toBe(Date.parse(until))
  })
})

describe('a call whose emergency job ended', () => {
  it('says nobody is on the way once the job is completed or cancelled, and stops polling', () => {
    const done = sos({ status: 'closed', outcome: 'completed', staffName: '周护理' })
    expect(sosPhase(done, 0, 0)).toBe('done')
    expect(isSettled('done')).toBe(true)
    expect(sosWords(done, 'done', 0).headline).toBe('呼叫已结束')
    expect(sosWords(done, 'done', 0).detail).toContain('周护理已上门处理完毕')
    const cancelled = sos({ status: 'closed', outcome: 'cancelled' })
    expect(sosPhase(cancelled, 0, 0)).toBe('job-cancelled')
    expect(isSettled('job-cancelled')).toBe(true)
    expect(sosWords(cancelled, 'job-cancelled', 0).detail).toContain('没有人正在赶来')
  })
})
