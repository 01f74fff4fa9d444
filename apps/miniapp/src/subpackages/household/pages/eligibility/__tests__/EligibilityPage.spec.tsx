import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ElderView, EligibilityStatusView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../../../services/api-error'
import { api } from '../../../../../services/request'
import EligibilityPage from '..'

jest.mock('../../../../../services/request', () => ({
  api: { get: jest.fn(), post: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const { useEffect: effect } = jest.requireActual('react')
  const Taro = { ...stub.default, showModal: jest.fn(), pageScrollTo: jest.fn(() => Promise.resolve()), redirectTo: jest.fn(() => Promise.resolve()) }
  return {
    __esModule: true,
    default: Taro,
    useDidShow: (fn: () => void) => effect(() => fn(), []),
    useRouter: () => ({ params: { elderId: 'e1' } }),
  }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
  TextArea: ({ value, onChange, nativeProps }: { value: string; onChange: (v: string) => void; nativeProps?: Record<string, string> }) => (
    <textarea aria-label={nativeProps?.['aria-label']} value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))

const elder = {
  id: 'e1', name: '王奶奶', gender: 'female', age: 82, idNumberMasked: '3*****************', address: '玉山镇朝阳路 1 号',
  location: { lat: 31.385, lng: 120.981 }, regionId: 'c1', livingSituation: 'alone', subsidyCategory: 'none', subsidyVerification: 'unverified',
  emergencyContacts: [], dietaryNeeds: [],
} as unknown as ElderView
const none: EligibilityStatusView = { elderId: 'e1', category: 'none', verification: 'unverified', validUntil: null, evidenceNote: null, decisionNote: null, declaredAt: null }

function routeGets(status: EligibilityStatusView, e: ElderView = elder) {
  ;(api.get as jest.Mock).mockImplementation((path: string) => {
    if (path === '/api/elders/e1') return Promise.resolve(e)
    if (path === '/api/elders/e1/eligibility') return Promise.resolve(status)
    return Promise.reject(new Error(`unexpected GET ${path}`))
  })
}

describe('EligibilityPage', () => {
  beforeEach(() => {
    ;(Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'elder-detail' }, { route: 'eligibility' }])
    ;(Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true })
    ;(api.post as jest.Mock).mockResolvedValue({ elderId: 'e1', declaredCategory: 'dibao', verification: 'unverified' })
  })

  it('asks for a category and the evidence, then declares and goes back with a message', async () => {
    routeGets(none)
    render(<EligibilityPage />)
    expect(await screen.findByText('还没有申报')).toBeTruthy()
    expect(screen.getByText(/核验通过后才按新的类别享受补贴/)).toBeTruthy()
    expect(screen.queryByText('无')).toBeNull()

    fireEvent.click(screen.getByText('提交申报'))
    expect(await screen.findByText('请选择补贴类别')).toBeTruthy()
    expect(screen.getByText('请说明证明材料，例如证件名称和编号')).toBeTruthy()
    expect(api.post).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('低保'))
    expect(screen.queryByText('请选择补贴类别')).toBeNull()
    fireEvent.change(screen.getByLabelText('证明材料说明'), { target: { value: ' 低保证编号 KS2026-0012 ' } })
    expect(screen.getByText('17/300')).toBeTruthy()
    fireEvent.click(screen.getByText('提交申报'))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/elders/e1/eligibility', { category: 'dibao', evidenceNote: '低保证编号 KS2026-0012' }))
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    Taro.eventCenter.trigger('__afterTaroRouterChange')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，等待街道核验' }))
    expect(Taro.showModal).not.toHaveBeenCalled()
  })

  it('shows why the 街道 said no and starts the new declaration from the old one', async () => {
    routeGets({ ...none, category: 'tekun', verification: 'rejected', evidenceNote: '特困证', decisionNote: '请补充特困供养证编号', declaredAt: '2026-11-20T02:00:00.000Z' })
    render(<EligibilityPage />)
    expect(await screen.findByText('街道说明：请补充特困供养证编号')).toBeTruthy()
    expect(screen.getByText('未通过')).toBeTruthy()
    expect(screen.getByText('申报时间：11月20日 10:00')).toBeTruthy()
    expect(screen.getByText('✓ 特困供养')).toBeTruthy()
    expect((screen.getByLabelText('证明材料说明') as HTMLTextAreaElement).value).toBe('特困证')
    fireEvent.change(screen.getByLabelText('证明材料说明'), { target: { value: '特困供养证 TK-88' } })
    fireEvent.click(screen.getByText('提交重新申报'))
    await waitFor(() => expect(api.post).toHaveBeenCalledWith('/api/elders/e1/eligibility', { category: 'tekun', evidenceNote: '特困供养证 TK-88' }))
  })

  it('asks before replacing a verified category, and sends nothing when the family declines', async () => {
    routeGets({ ...none, category: 'dibao', verification: 'verified', validUntil: '2027-11-30', evidenceNote: '低保证 1' })
    ;(Taro.showModal as jest.Mock).mockResolvedValue({ confirm: false })
    render(<EligibilityPage />)
    expect(await screen.findByText('有效期至 2027年11月30日')).toBeTruthy()
    fireEvent.click(screen.getByText('高龄'))
    fireEvent.click(screen.getByText('提交重新申报'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled())
    expect(api.post).not.toHaveBeenCalled()
  })

  it('puts the server’s field message under its field and warns when the elder has no 街道', async () => {
    routeGets(none, { ...elder, regionId: null })
    ;(api.post as jest.Mock).mockRejectedValue(
      new ApiError({ statusCode: 400, error: 'VALIDATION_FAILED', message: '输入有误', details: { fields: [{ field: 'evidenceNote', message: '最多 300 个字' }] } }),
    )
    render(<EligibilityPage />)
    expect(await screen.findByText(/街道无法核验/)).toBeTruthy()
    fireEvent.click(screen.getByText('低保'))
    fireEvent.change(screen.getByLabelText('证明材料说明'), { target: { value: '低保证' } })
    fireEvent.click(screen.getByText('提交申报'))
    expect(await screen.findByText('最多 300 个字')).toBeTruthy()
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })
})
