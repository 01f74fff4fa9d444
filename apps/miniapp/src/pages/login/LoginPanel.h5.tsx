import { useEffect, useState } from 'react'
import type { DevLoginView } from '@carecircle/shared'
import { ROLE_LABELS } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ApiError, errorMessage } from '../../services/api-error'
import { listDevLogins, loginWithCode } from '../../services/auth'
import { toastError } from '../../utils/feedback'

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; logins: DevLoginView[] }
  | { kind: 'unavailable' }
  | { kind: 'error'; message: string }

function devCode(code: string): string {
  return code.startsWith('dev:') ? code : `dev:${code}`
}

/** H5 has no wx.login: on a dev server (WECHAT_MODE=dev) pick one of the seeded accounts. */
export default function LoginPanel({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [pending, setPending] = useState<string | null>(null)

  async function load() {
    setState({ kind: 'loading' })
    try {
      setState({ kind: 'ready', logins: await listDevLogins() })
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 404) setState({ kind: 'unavailable' })
      else setState({ kind: 'error', message: errorMessage(err, '无法连接服务器') })
    }
  }

  useEffect(() => {
    void load()
  }, [])

  async function login(item: DevLoginView) {
    if (pending) return
    setPending(item.code)
    try {
      await loginWithCode(devCode(item.code))
      onLoggedIn()
    } catch (err) {
      toastError(err, '登录失败，请稍后再试')
    } finally {
      setPending(null)
    }
  }

  if (state.kind === 'loading') {
    return <Text className='cc-muted'>正在读取可用的登录账号…</Text>
  }
  if (state.kind === 'unavailable') {
    return (
      <View className='cc-card cc-card--padded'>
        <Text className='login__notice'>
          网页版只在开发环境提供测试账号登录。请在微信中搜索并打开「CareCircle」小程序登录。
        </Text>
      </View>
    )
  }
  if (state.kind === 'error') {
    return (
      <View className='cc-card cc-card--padded'>
        <Text className='login__notice'>读取登录方式失败：{state.message}</Text>
        <Button type='primary' fill='outline' block onClick={() => void load()}>
          重试
        </Button>
      </View>
    )
  }
  return (
    <View className='login__panel'>
      <Text className='login__panel-title'>选择一个测试账号登录（开发环境）</Text>
      {state.logins.map((item) => (
        <View key={item.code} className='login__dev'>
          <Button
            type='primary'
            fill={pending === item.code ? 'solid' : 'outline'}
            block
            loading={pending === item.code}
            disabled={pending !== null && pending !== item.code}
            onClick={() => void login(item)}
          >
            {item.nickname}
          </Button>
          <Text className='login__dev-desc'>
            {item.roles.map((r) => ROLE_LABELS[r]).join('、')}
            {item.description ? ` · ${item.description}` : ''}
          </Text>
        </View>
      ))}
      {state.logins.length === 0 ? <Text className='cc-muted'>服务器没有提供测试账号。</Text> : null}
    </View>
  )
}
