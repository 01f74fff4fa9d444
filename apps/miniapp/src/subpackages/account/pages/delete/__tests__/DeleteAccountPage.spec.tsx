import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { KEPT_AFTER_DELETION } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../../../services/api-error'
import { api } from '../../../../../services/request'
import { hasSession, tokenStore } from '../../../../../services/storage'
import DeleteAccountPage from '..'

jest.mock('../../../../../services/request', () => ({
  api: { post: jest.fn() },
}))
jest.mock('@tarojs/taro', () => {
  const stub = jest.requireActual('@tarojs/taro')
  const Taro = { ...stub.default, showModal: jest.fn(() => Promise.resolve({ confirm: true })) }
  return { __esModule: true, default: Taro }
})
jest.mock('@nutui/nutui-react-taro', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick: () => void }) => <button onClick={onClick}>{children as string}</button>,
  Input: ({ value, onChange, nativeProps }: { value: string; onChange: (v: string) => void; nativeProps?: Record<string, string> }) => (
    <input aria-label={nativeProps?.['aria-label']} value={value} onChange={(e) => onChange(e.target.value)} />
  ),
}))

const LABEL = '请输入「注销」二字确认'

describe('DeleteAccountPage', () => {
  beforeEach(() => {
    tokenStore.save({ accessToken: 'a', refreshToken: 'r' })
  })

  it('explains what is kept for settlement and audit, and why', () => {
    render(<DeleteAccountPage />)
    for (const kept of KEPT_AFTER_DELETION) {
      expect(screen.getByText(`· ${kept.what}`)).toBeTruthy()
      expect(screen.getByText(`为什么：${kept.why}`)).toBeTruthy()
    }
  })

  it('asks for 「注销」 typed before calling the server', async () => {
    render(<DeleteAccountPage />)
    fireEvent.click(screen.getByText('注销账号', { selector: 'button' }))
    expect(await screen.findByText(LABEL, { selector: '.cc-field__error' })).toBeTruthy()
    fireEvent.change(screen.getByLabelText(LABEL), { target: { value: '删除' } })
    fireEvent.click(screen.getByText('注销账号', { selector: 'button' }))
    expect(await screen.findByText(LABEL, { selector: '.cc-field__error' })).toBeTruthy()
    expect(api.post).not.toHaveBeenCalled()
  })

  it('shows the server’s reason when deletion is refused, and stays logged in', async () => {
    ;(api.post as jest.Mock).mockRejectedValue(
      new ApiError({ statusCode: 409, error: 'CONFLICT', message: '您还有进行中的服务订单，请等服务完成或取消订单后再注销账号', details: { orderId: 'o1' } }),
    )
    render(<DeleteAccountPage />)
    fireEvent.change(screen.getByLabelText(LABEL), { target: { value: '注销' } })
    fireEvent.click(screen.getByText('注销账号', { selector: 'button' }))
    expect(await screen.findByText('您还有进行中的服务订单，请等服务完成或取消订单后再注销账号')).toBeTruthy()
    expect(api.post).toHaveBeenCalledWith('/api/me/delete', { confirm: '注销' })
    expect(hasSession()).toBe(true)
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('after deletion tells what was deleted and kept, forgets the login and returns to the login page', async () => {
    ;(api.post as jest.Mock).mockResolvedValue({
      deletedAt: '2026-11-27T08:00:00.000Z',
      deleted: ['您的微信登录标识和昵称', '您的全部登录会话'],
      kept: KEPT_AFTER_DELETION,
    })
    render(<DeleteAccountPage />)
    fireEvent.change(screen.getByLabelText(LABEL), { target: { value: '注销' } })
    fireEvent.click(screen.getByText('注销账号', { selector: 'button' }))
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }))
    const dialog = (Taro.showModal as jest.Mock).mock.calls[0][0] as { title: string; content: string }
    expect(dialog.title).toBe('账号已注销')
    expect(dialog.content).toContain('您的微信登录标识和昵称')
    expect(dialog.content).toContain(KEPT_AFTER_DELETION[1].what)
    expect(hasSession()).toBe(false)
  })
})
