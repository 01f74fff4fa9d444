import type { ComplaintView } from '@carecircle/shared'
import { canComplain, complaintForOrder, isComplaintOpen, pendingLine, sortNewestFirst, validateComplaintText } from '../complaints'

const complaint = (id: string, orderId: string, createdAt: string): ComplaintView => ({
  id, orderId, serviceName: '助洁', elderName: '王奶奶', providerName: '玉山护理站', staffName: '李阿姨', text: '服务人员迟到一小时',
  status: 'received', statusLabel: '已受理', reply: null, creditPoints: 0, createdAt, updatedAt: createdAt,
})

describe('validateComplaintText', () => {
  it('asks for the complaint when it is empty or only spaces', () => {
    expect(validateComplaintText('')).toBe('请填写投诉内容')
    expect(validateComplaintText('   \n ')).toBe('请填写投诉内容')
  })

  it('asks for at least 5 characters, counted after trimming', () => {
    expect(validateComplaintText('  迟到了  ')).toBe('请写清楚发生了什么，至少 5 个字')
    expect(validateComplaintText('迟到一小时')).toBeNull()
  })

  it('refuses more than the server’s 1000 characters', () => {
    expect(validateComplaintText('差'.repeat(1000))).toBeNull()
    expect(validateComplaintText('差'.repeat(1001))).toBe('最多 1000 个字，请精简一下')
  })
})

describe('canComplain', () => {
  it('is offered only once a provider’s staff member has the order', () => {
    expect(canComplain({ staff: null })).toBe(false)
    expect(canComplain({ staff: { id: 's', name: '李阿姨' } as never })).toBe(true)
  })
})

describe('complaintForOrder', () => {
  it('finds the order’s newest complaint and ignores other orders', () => {
    const list = [
      complaint('c1', 'o1', '2026-11-20T02:00:00.000Z'),
      complaint('c2', 'o2', '2026-11-26T02:00:00.000Z'),
      complaint('c3', 'o1', '2026-11-25T02:00:00.000Z'),
    ]
    expect(complaintForOrder(list, 'o1')?.id).toBe('c3')
    expect(complaintForOrder(list, 'o9')).toBeNull()
  })
})

describe('sortNewestFirst', () => {
  it('orders by filing time, newest first, without changing the input', () => {
    const list = [complaint('a', 'o', '2026-11-01T00:00:00.000Z'), complaint('b', 'o', '2026-11-03T00:00:00.000Z'), complaint('c', 'o', '2026-11-02T00:00:00.000Z')]
    expect(sortNewestFirst(list).map((c) => c.id)).toEqual(['b', 'c', 'a'])
    expect(list.map((c) => c.id)).toEqual(['a', 'b', 'c'])
  })
})

describe('complaint status', () => {
  it('is open until the 街道 resolves or rejects it', () => {
    expect(isComplaintOpen('received')).toBe(true)
    expect(isComplaintOpen('investigating')).toBe(true)
    expect(isComplaintOpen('resolved')).toBe(false)
    expect(isComplaintOpen('rejected')).toBe(false)
  })

  it('tells the family what happens next while there is no reply', () => {
    expect(pendingLine('received')).toContain('已受理')
    expect(pendingLine('investigating')).toContain('调查核实')
  })
})
