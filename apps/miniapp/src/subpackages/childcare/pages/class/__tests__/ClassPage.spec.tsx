import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ChildcareCentreView, EnrolResultView, HouseholdView, MeView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../../../services/api-error'
import { api } from '../../../../../services/request'
import ClassPage from '..'

jest.mock('../../../../../services/request', () => ({
  api: { get: jest.fn(), post: jest.fn(), request: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  const Taro = { ...stub.default, pageScrollTo: jest.fn(() => Promise.resolve()), redirectTo: jest.fn(() => Promise.resolve()) }
  return {
    __esModule: true,
    default: Taro,
    useDidShow: (fn: () => void) => effect(() => fn(), []),
    useRouter: () => ({ params: { centreId: 'ct1', classId: 'k1', childId: 'c1' } }),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick, disabled }: { children: unknown; onClick: () => void; disabled?: boolean }) => (
    <button onClick={onClick} disabled={disabled}>
      {children as string}
    </button>
  ),
  Input: ({ value, onChange, placeholder, nativeProps }: { value: string; onChange: (v: string) => void; placeholder?: string; nativeProps?: Record<string, string> }) => (
    <input aria-label={nativeProps?.['aria-label']} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))

/** A child of 15 months today: the 托小班 (12–24 months) fits for the months offered. */
function birthDateMonthsAgo(months: number): string {
  const d = new Date()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - months)
  return d.toISOString().slice(0, 10)
}

const me: MeView = { id: 'u1', nickname: '小赵', roles: ['family'] as MeView['roles'], householdIds: ['h1'], elderId: null }
const household = {
  id: 'h1', name: '赵家', regionId: null, myRole: 'owner', members: [], elders: [],
  children: [{ id: 'c1', householdId: 'h1', name: '赵小米', birthDate: birthDateMonthsAgo(15), ageMonths: 15, idNumberMasked: null }],
} as unknown as HouseholdView
const centre: ChildcareCentreView = {
  id: 'ct1', name: '小橡树普惠托育中心', address: '同心路 8 号', location: { lat: 31.38, lng: 120.98 }, phone: null, licensedPlaces: 60,
  openTime: '07:30', closeTime: '18:00', distanceMeters: null, puhui: true,
  classes: [{ id: 'k1', centreId: 'ct1', ageClass: 'toddler', ageLabel: '12–24 个月', name: '托小班', capacity: 15, puhui: true, prices: { full_day: 180000 }, dailyQuota: 0, enrolled: 15, free: 0, waitlist: 3 }],
}
const joined = { enrolment: null, waitlist: { id: 'w1', position: 4 } } as unknown as EnrolResultView

function routeGets() {
  ;(api.get as jest.Mock).mockImplementation((path: string) => {
    if (path === '/api/me') return Promise.resolve(me)
    if (path === '/api/households') return Promise.resolve([{ id: 'h1', name: '赵家' }])
    if (path === '/api/households/h1') return Promise.resolve(household)
    if (path === '/api/childcare/centres') return Promise.resolve([centre])
    if (path === '/api/childcare/enrolments') return Promise.resolve([])
    return Promise.reject(new Error(`unexpected GET ${path}`))
  })
}

/** The form row (label, control, its error) an element sits in. */
function fieldOf(el: HTMLElement): HTMLElement {
  const field = el.closest('.cc-field')
  if (!field) throw new Error('not inside a form field')
  return field as HTMLElement
}

const enrolCalls = () => (api.request as jest.Mock).mock.calls.filter(([o]) => o.path === '/api/childcare/enrolments')

describe('ClassPage: joining the waitlist with priority facts', () => {
  beforeEach(() => {
    routeGets()
    ;(api.request as jest.Mock).mockResolvedValue(joined)
  })

  it('asks for evidence for each ticked fact, refuses to send without it, then sends it as priorityEvidence', async () => {
    render(<ClassPage />)
    expect(await screen.findByText('加入轮候')).toBeTruthy()
    expect(screen.queryByLabelText('「多孩家庭」的证明')).toBeNull()

    fireEvent.click(screen.getByText('多孩家庭'))
    const note = screen.getByLabelText('「多孩家庭」的证明') as HTMLInputElement
    expect(note.placeholder).toBe('如：二孩出生证明编号、户口簿上的子女信息')
    expect(screen.queryByLabelText('「双职工家庭」的证明')).toBeNull()

    fireEvent.click(screen.getByText('确认加入轮候'))
    const missing = await screen.findByText('请写明「多孩家庭」的证明，机构核验通过后才计分')
    expect(fieldOf(missing).textContent).toContain('「多孩家庭」的证明')
    expect(enrolCalls()).toHaveLength(0)

    fireEvent.change(note, { target: { value: ' 二孩出生证明 P320583-2021-0456 ' } })
    expect(screen.queryByText(/请写明「多孩家庭」的证明/)).toBeNull()
    fireEvent.click(screen.getByText('确认加入轮候'))
    await waitFor(() => expect(enrolCalls()).toHaveLength(1))
    expect(enrolCalls()[0][0].data).toEqual(
      expect.objectContaining({
        childId: 'c1', classId: 'k1', careType: 'full_day', waitlistIfFull: true,
        priorityFacts: ['multi_child'],
        priorityEvidence: [{ fact: 'multi_child', note: '二孩出生证明 P320583-2021-0456' }],
      }),
    )
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/childcare/pages/result/index?waitlistId=w1' }))
  })

  it('does not send the note of a fact that was unticked again', async () => {
    render(<ClassPage />)
    fireEvent.click(await screen.findByText('双职工家庭'))
    fireEvent.change(screen.getByLabelText('「双职工家庭」的证明'), { target: { value: '在职证明' } })
    fireEvent.click(screen.getByText('✓ 双职工家庭'))
    expect(screen.queryByLabelText('「双职工家庭」的证明')).toBeNull()
    fireEvent.click(screen.getByText('确认加入轮候'))
    await waitFor(() => expect(enrolCalls()).toHaveLength(1))
    const sent = enrolCalls()[0][0].data
    expect(sent.priorityFacts).toEqual([])
    expect(sent.priorityEvidence).toBeUndefined()
  })

  it('shows the server’s evidence refusal next to the fact it names', async () => {
    ;(api.request as jest.Mock).mockRejectedValueOnce(
      new ApiError({
        statusCode: 400, error: 'VALIDATION_FAILED', message: '请为「双职工家庭」写明证明（如户口簿、在职证明上的信息），托育机构或街道核验通过后才计分',
        details: { fields: [{ field: 'priorityEvidence', message: '「双职工家庭」缺少证明说明' }] },
      }),
    ).mockRejectedValueOnce(
      new ApiError({ statusCode: 400, error: 'VALIDATION_FAILED', message: '输入有误', details: { fields: [{ field: 'priorityEvidence.0.note', message: '证明说明最多 300 个字' }] } }),
    )
    render(<ClassPage />)
    fireEvent.click(await screen.findByText('多孩家庭'))
    fireEvent.click(screen.getByText('双职工家庭'))
    fireEvent.change(screen.getByLabelText('「多孩家庭」的证明'), { target: { value: '户口簿：另有一名 2021 年出生的孩子' } })
    fireEvent.change(screen.getByLabelText('「双职工家庭」的证明'), { target: { value: '单位' } })
    fireEvent.click(screen.getByText('确认加入轮候'))

    const named = await screen.findByText('「双职工家庭」缺少证明说明')
    expect(fieldOf(named).textContent).toContain('「双职工家庭」的证明')
    expect(fieldOf(named).textContent).not.toContain('「多孩家庭」的证明')
    expect(screen.queryByText('预约未成功')).toBeNull()

    // A nested field names the sent item by its index: the first one sent was 多孩家庭.
    fireEvent.change(screen.getByLabelText('「双职工家庭」的证明'), { target: { value: '父母双方在职证明：苏州某某公司、昆山某某医院' } })
    fireEvent.click(screen.getByText('确认加入轮候'))
    const indexed = await screen.findByText('证明说明最多 300 个字')
    expect(fieldOf(indexed).textContent).toContain('「多孩家庭」的证明')
    expect(enrolCalls()[1][0].data.priorityEvidence).toEqual([
      { fact: 'multi_child', note: '户口簿：另有一名 2021 年出生的孩子' },
      { fact: 'dual_working', note: '父母双方在职证明：苏州某某公司、昆山某某医院' },
    ])
  })
})
