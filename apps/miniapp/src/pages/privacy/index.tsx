import { useState } from 'react'
import type { ConsentStateView, PrivacyPolicyView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageState from '../../components/PageState'
import { useLoader } from '../../hooks/useLoader'
import { useSubmit } from '../../hooks/useSubmit'
import { getConsent, getPrivacyPolicy, withdrawConsent } from '../../services/account'
import { agreeToPolicy, policyUpdatedSince } from '../../services/consent'
import { openHomeAfterLogin } from '../../services/elder-mode'
import { CONSENT_CHANNEL } from '../../services/privacy'
import { hasSession } from '../../services/storage'
import { confirm, toastError, toastSuccess } from '../../utils/feedback'
import './index.scss'

interface GuideData {
  policy: PrivacyPolicyView
  /** Only when logged in and asked to agree. */
  consent: ConsentStateView | null
}

/** Back to where the person was, or into the app when the guide was opened right after login. */
function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void openHomeAfterLogin()
}

/**
 * The privacy guide, as the server publishes it (the version is what consent is recorded for).
 * With `?ask=1` (after login or at start, when the server has no consent to this version) it ends
 * with 同意 / 不同意, the way WeChat asks again when a mini-program's privacy guide changes.
 */
export default function PrivacyPage() {
  const { params } = useRouter()
  const ask = params.ask === '1' && hasSession()
  const { data, loading, error, reload } = useLoader<GuideData>(async () => {
    const [policy, consent] = await Promise.all([getPrivacyPolicy(), ask ? getConsent() : Promise.resolve(null)])
    return { policy, consent }
  })
  const [declined, setDeclined] = useState(false)

  const { submitting: agreeing, run: agree } = useSubmit(async () => {
    if (!data) return
    try {
      await agreeToPolicy(data.policy.version)
      toastSuccess('已同意')
      leave()
    } catch (err) {
      toastError(err, '提交失败，请稍后再试')
      // A newer version was published meanwhile: show that one.
      void reload()
    }
  })

  const { submitting: declining, run: decline } = useSubmit(async () => {
    const ok = await confirm('不同意隐私保护指引', '不同意将不能下新的服务订单。您可以随时在「我的 → 隐私与数据」阅读并重新同意。', '不同意')
    if (!ok) return
    try {
      await withdrawConsent(CONSENT_CHANNEL)
      setDeclined(true)
      leave()
    } catch (err) {
      toastError(err, '提交失败，请稍后再试')
    }
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const { policy, consent } = data
  const asking = ask && !declined && consent !== null && consent.consentedVersion !== policy.version ? consent : null

  return (
    <View className='cc-page privacy'>
      {asking ? (
        <View className='cc-card cc-card--padded privacy__ask'>
          <Text className='privacy__ask-title'>{policyUpdatedSince(asking) ? '隐私保护指引已更新' : '请阅读隐私保护指引'}</Text>
          <Text className='privacy__line'>
            {policyUpdatedSince(asking)
              ? `您之前同意的是 ${asking.consentedVersion} 版。请阅读新版本，同意后继续使用。`
              : '请阅读下面的内容，同意后继续使用。'}
          </Text>
        </View>
      ) : null}
      <Text className='cc-title'>{policy.title}</Text>
      <Text className='privacy__version'>
        {policy.version} 版 · {policy.publishedOn} 发布
      </Text>
      {policy.sections.map((section) => (
        <View key={section.heading} className='cc-card cc-card--padded'>
          <Text className='privacy__title'>{section.heading}</Text>
          <Text className='privacy__line'>{section.body}</Text>
        </View>
      ))}
      {asking ? (
        <View className='cc-actions privacy__actions'>
          <Button type='primary' size='large' block loading={agreeing} disabled={declining} onClick={() => void agree()}>
            同意并继续
          </Button>
          <Button size='large' block loading={declining} disabled={agreeing} onClick={() => void decline()}>
            不同意
          </Button>
        </View>
      ) : null}
    </View>
  )
}
