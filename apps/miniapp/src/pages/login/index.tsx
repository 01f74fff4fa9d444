import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { getPrivacyPolicy } from '../../services/account'
import { accountRoutes } from '../../services/account-routes'
import { type ConsentAfterLogin, consentAfterLogin } from '../../services/consent'
import { openHomeAfterLogin } from '../../services/elder-mode'
import { openPrivacyGuide } from '../../services/privacy'
import LoginPanel from './LoginPanel'
import './index.scss'

export default function LoginPage() {
  // The version this page says the person agrees to by logging in; recorded on the server after login.
  const [policyVersion, setPolicyVersion] = useState<string | null>(null)
  // Read when the login answers (the tap may come before the policy has loaded).
  const shownVersion = useRef<string | null>(null)
  useEffect(() => {
    getPrivacyPolicy()
      .then((p) => {
        shownVersion.current = p.version
        setPolicyVersion(p.version)
      })
      .catch(() => undefined)
  }, [])

  async function onLoggedIn() {
    let next: ConsentAfterLogin = 'done'
    try {
      next = await consentAfterLogin(shownVersion.current)
    } catch {
      // Not recorded now (offline): the app asks again at the next start.
    }
    if (next === 'ask') {
      await Taro.reLaunch({ url: accountRoutes.askConsent() })
      return
    }
    // An elder's own login opens 长辈版; everyone else 首页.
    await openHomeAfterLogin()
  }

  return (
    <View className='cc-page login'>
      <View className='login__brand'>
        <Text className='login__name'>CareCircle</Text>
        <Text className='login__slogan'>一老一小 · 15 分钟社区照护圈</Text>
        <Text className='login__intro'>为家中老人预约助餐、上门服务，为 3 岁以下的孩子预约托育。</Text>
      </View>

      <View className='login__privacy'>
        <Text>登录即表示您已阅读并同意</Text>
        <Text className='cc-link login__privacy-link' onClick={openPrivacyGuide}>
          《CareCircle 隐私保护指引》{policyVersion ? `（${policyVersion} 版）` : ''}
        </Text>
      </View>
      <Text className='login__privacy-note'>我们只收集照护所需的信息，身份证号等敏感信息加密保存、脱敏显示。</Text>

      <LoginPanel onLoggedIn={onLoggedIn} />
    </View>
  )
}
