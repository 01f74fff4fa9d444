import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ChildcareCentreView, MeView, PriorityFactView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../../../services/api-error'
import type { CentreWaitlistEntryView } from '../../../../../services/childcare'
import { api } from '../../../../../services/request'
import CentrePage from '..'

jest.mock('../../../../../services/request', () => ({
  api: { get: jest.fn(), post: jest.fn(), request: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  const Taro = { ...stub.default, stopPullDownRefresh: jest.fn() }
  return {
    __esModule: true,
    default: Taro,
    useDidShow: (fn: () => void) => effect(() => fn(), []),
    usePullDownRefresh: jest.fn(),
    useRouter: () => ({ params: { centreId: 'ct1' } }),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick, disabled }: { children: unknown; onClick: () => void; disabled?: boolean }) => (
    <button onClick={onClick} disabled={disabled}>
      {children as string}
    </button>
  ),
  Input: ({ value, onChange, nativeProps }: { value: string; onChange: (v: string) => void; nativeProps?: Record<string, string> }) => (
    <input aria-label={nativeProps?.['aria-label']} value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))

const me: MeView = { id: 'u9', nickname: '园长', roles: ['operator'] as MeView['roles'], householdIds: [], elderId: null }
const centre: ChildcareCentreView = {
  id: 'ct1', name: '小橡树普惠托育中心', address: '同心路 8 号', location: { lat: 31.38, lng: 120.98 }, phone: null, licensedPlaces: 60,
  openTime: '07:30', closeTime: '18:00', distanceMeters: null, puhui: true,
  classes: [{ id: 'k1', centreId: 'ct1', ageClass: 'toddler', ageLabel: '12–24 个月', name: '托小班', capacity: 15, puhui: true, prices: { full_day: 180000 }, dailyQuota: 0, enrolled: 15, free: 0, waitlist: 2 }],
}
const roster = { classId: 'k1', className: '托小班', date: '2026-05-20', children: [] }

function fact(over: Partial<PriorityFactView>): PriorityFactView {
  return { fact: 'multi_child', label: '多孩家庭', points: 30, status: 'pending', statusLabel: '待核验', evidenceNote: '二孩出生证明 P-0456', decisionNote: null, decidedAt: null, ...over }
}

function entry(over: Partial<CentreWaitlistEntryView>): CentreWaitlistEntryView {
  return {
    id: 'w1', childId: 'c1', childName: '赵小米', classId: 'k1', className: '托小班', centreName: centre.name, careType: 'full_day',
    status: 'waiting', statusLabel: '轮候中', position: 2, score: 0, reasons: ['多孩家庭（待核验，通过后 +30）', '同分按登记先后（先到先得）'],
    facts: [fact({})], requestedMonth: '2026-06', startMonth: null, monthNote: null, offerExpiresAt: null, createdAt: '2026-05-20T01:00:00.000Z', log: [], ...over,
  }
}

const other = entry({ id: 'w2', childId: 'c2', childName: '钱多多', position: 1, score: 20, reasons: ['双职工家庭 +20'], facts: [fact({ fact: 'dual_working', label: '双职工家庭', points: 20, status: 'verified', statusLabel: '已核验' })] })

function serve(...lists: CentreWaitlistEntryView[][]) {
  const queue = [...lists]
  ;(api.get as jest.Mock).mockImplementation((path: string) => {
    if (path === '/api/me') return Promise.resolve(me)
    if (path === '/api/childcare/centres') return Promise.resolve([centre])
    if (path === '/api/childcare/classes/k1/roster') return Promise.resolve(roster)
    if (path === '/api/childcare/centres/ct1/waitlist') return Promise.resolve(queue.length > 1 ? queue.shift() : queue[0])
    return Promise.reject(new Error(`unexpected GET ${path}`))
  })
}

const waitlistGets = () => (api.get as jest.Mock).mock.calls.filter(([p]) => p === '/api/childcare/centres/ct1/waitlist').length
const card = (childName: string) => screen.getByText(childName).closest('.care-cwait') as HTMLElement

async function openWaitlist() {
  render(<CentrePage />)
  fireEvent.click(await screen.findByText('轮候名单（2）'))
}

describe('CentrePage: verifying declared priorities', () => {
  it('verifies a pending fact, then reloads the queue in its new order', async () => {
    serve([other, entry({})], [entry({ position: 1, score: 30, reasons: ['多孩家庭 +30'], facts: [fact({ status: 'verified', statusLabel: '已核验' })] }), { ...other, position: 2 }])
    ;(api.post as jest.Mock).mockResolvedValue(entry({ score: 30 }))
    await openWaitlist()
    expect(within(card('钱多多')).queryByText('核验通过')).toBeNull()
    const mine = within(card('赵小米'))
    expect(mine.getByText('证明：二孩出生证明 P-0456')).toBeTruthy()
    expect(mine.getByText('排第 2 位')).toBeTruthy()

    fireEvent.click(mine.getByText('核验通过'))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/childcare/waitlist/w1/facts/multi_child/decision', { verified: true }))
    await waitFor(() => expect(within(card('赵小米')).getByText('排第 1 位')).toBeTruthy())
    expect(waitlistGets()).toBe(2)
    expect(within(card('赵小米')).getByText('已核验')).toBeTruthy()
    expect(within(card('赵小米')).queryByText('核验通过')).toBeNull()
    expect(within(card('钱多多')).getByText('排第 2 位')).toBeTruthy()
    const names = Array.from(document.querySelectorAll('.care-cwait__child')).map((n) => n.textContent)
    expect(names).toEqual(['赵小米', '钱多多'])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已核验通过' }))
  })

  it('asks why before refusing, sends the reason and shows it once the queue is reloaded', async () => {
    const refused = fact({ status: 'rejected', statusLabel: '未通过', decisionNote: '出生证明编号与户口簿不符，请补交户口簿' })
    serve([other, entry({})], [other, entry({ facts: [refused], reasons: ['多孩家庭（核验未通过，不计分）'] })])
    ;(api.post as jest.Mock).mockResolvedValue(entry({}))
    await openWaitlist()
    fireEvent.click(within(card('赵小米')).getByText('不通过'))
    fireEvent.click(screen.getByText('确认不通过'))
    expect(await screen.findByText('请写明不通过的原因，让家长知道需要补充什么')).toBeTruthy()
    expect(api.post).not.toHaveBeenCalled()

    fireEvent.change(screen.getByLabelText('赵小米「多孩家庭」不通过的原因'), { target: { value: ' 出生证明编号与户口簿不符，请补交户口簿 ' } })
    fireEvent.click(screen.getByText('确认不通过'))
    await waitFor(() =>
      expect(api.post).toHaveBeenCalledWith('/api/childcare/waitlist/w1/facts/multi_child/decision', { verified: false, note: '出生证明编号与户口簿不符，请补交户口簿' }),
    )
    expect(await screen.findByText('核验说明：出生证明编号与户口簿不符，请补交户口簿')).toBeTruthy()
    expect(within(card('赵小米')).getByText('未通过')).toBeTruthy()
    expect(screen.queryByText('确认不通过')).toBeNull()
  })

  it('keeps the reason form open with the server’s message under it when the note is refused', async () => {
    serve([other, entry({})])
    ;(api.post as jest.Mock).mockRejectedValue(
      new ApiError({ statusCode: 400, error: 'VALIDATION_FAILED', message: '输入有误', details: { fields: [{ field: 'note', message: '说明最多 300 个字' }] } }),
    )
    await openWaitlist()
    fireEvent.click(within(card('赵小米')).getByText('不通过'))
    fireEvent.change(screen.getByLabelText('赵小米「多孩家庭」不通过的原因'), { target: { value: '太长' } })
    fireEvent.click(screen.getByText('确认不通过'))
    expect(await screen.findByText('说明最多 300 个字')).toBeTruthy()
    expect(screen.getByText('确认不通过')).toBeTruthy()
    expect(waitlistGets()).toBe(1)
  })

  it('offers no decision on an entry that holds a place (its order no longer changes)', async () => {
    serve([entry({ status: 'offered', statusLabel: '已为您保留托位，请确认', position: null, offerExpiresAt: '2026-05-22T04:00:00.000Z' }), other])
    render(<CentrePage />)
    fireEvent.click(await screen.findByText('轮候名单（2）'))
    expect(within(card('赵小米')).getByText('待核验')).toBeTruthy()
    expect(within(card('赵小米')).queryByText('核验通过')).toBeNull()
  })
})
