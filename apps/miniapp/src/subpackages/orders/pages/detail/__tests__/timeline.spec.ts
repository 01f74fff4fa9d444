import type { OrderEventView, OrderStatus } from '@carecircle/shared'
import { buildTimeline, waitingNote } from '../timeline'

const ev = (status: OrderStatus, minute: number, note: string | null = null): OrderEventView => ({
  status, label: status, note, at: `2026-11-27T02:${String(minute).padStart(2, '0')}:00.000Z`,
})

describe('buildTimeline', () => {
  it('shows the five steps, the next one to come named as what the family waits for', () => {
    const steps = buildTimeline({ status: 'offered', events: [ev('created', 0), ev('dispatching', 0), ev('offered', 1)] })
    expect(steps.map((s) => [s.label, s.state])).toEqual([
      ['已下单', 'done'],
      ['等待接单', 'current'],
      ['服务人员出发', 'todo'],
      ['已到达', 'todo'],
      ['服务完成', 'todo'],
    ])
    expect(steps[0].at).toBe('2026-11-27T02:00:00.000Z')
    expect(steps[1].at).toBeNull()
  })

  it('tells the family what they are waiting for, including a hand-over to a person for dispatch', () => {
    expect(waitingNote('offered')).toBe('正在为您联系附近的服务人员')
    expect(waitingNote('escalated')).toContain('人工派单')
    expect(waitingNote('accepted')).toBeNull()
  })

  it('puts each step’s time and note from the events', () => {
    const steps = buildTimeline({
      status: 'in_service',
      events: [ev('created', 0), ev('offered', 1), ev('accepted', 2, '周护理 已接单'), ev('en_route', 10), ev('in_service', 25)],
    })
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'current'])
    expect(steps[4].label).toBe('服务中')
    expect(steps[1]).toMatchObject({ label: '已接单', at: '2026-11-27T02:02:00.000Z', note: '周护理 已接单' })
    expect(steps[3]).toMatchObject({ label: '已到达', at: '2026-11-27T02:25:00.000Z' })
  })

  it('counts 出发 as passed when staff checked in straight away', () => {
    const steps = buildTimeline({ status: 'in_service', events: [ev('created', 0), ev('accepted', 2), ev('in_service', 20)] })
    expect(steps[2]).toMatchObject({ label: '服务人员出发', state: 'done', at: null })
  })

  it('ends at 已取消 with its note, dropping the steps that will not come', () => {
    const steps = buildTimeline({
      status: 'cancelled',
      events: [ev('created', 0), ev('accepted', 2), ev('cancelled', 4, '老人临时外出（按机构规定收取取消费 0.00 元）')],
    })
    expect(steps.map((s) => s.label)).toEqual(['已下单', '已接单', '已取消'])
    expect(steps[2]).toMatchObject({ state: 'done', at: '2026-11-27T02:04:00.000Z', note: '老人临时外出（按机构规定收取取消费 0.00 元）' })
  })

  it('adds 已评价 once rated', () => {
    const steps = buildTimeline({ status: 'rated', events: [ev('created', 0), ev('accepted', 1), ev('en_route', 2), ev('in_service', 3), ev('completed', 50), ev('rated', 55, '5 星')] })
    expect(steps.map((s) => s.label)).toEqual(['已下单', '已接单', '服务人员出发', '已到达', '服务完成', '已评价'])
    expect(steps.every((s) => s.state === 'done')).toBe(true)
  })
})
