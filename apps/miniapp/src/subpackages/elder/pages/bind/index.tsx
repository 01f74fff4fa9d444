import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ElderButton from '../../../../components/ElderButton'
import ElderPage from '../../../../components/ElderPage'
import { errorMessage } from '../../../../services/api-error'
import { claimElderLogin } from '../../../../services/elder'
import { elderHomeUrl, setDeviceElderMode, setElderOptOut } from '../../../../services/elder-mode'
import { LOGIN_PAGE, goBackOr } from '../../../../services/navigation'
import { hasSession } from '../../../../services/storage'
import { normaliseBindCode } from '../../logic/bind-code'
import './index.scss'

/** On the elder's own phone: the code a family member generated makes this account the elder's (长辈版 from then on). */
export default function ElderBindPage() {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const loggedIn = hasSession()
  const ready = normaliseBindCode(code).length >= 6

  async function bind() {
    if (busy || !ready) return
    setBusy(true)
    setError(null)
    try {
      const me = await claimElderLogin(normaliseBindCode(code))
      if (!me.elderId) throw new Error('绑定没有成功，请让家人重新生成绑定码')
      setElderOptOut(false)
      const mode = { userId: me.id, elderId: me.elderId, self: true }
      setDeviceElderMode(mode)
      await Taro.reLaunch({ url: elderHomeUrl(mode) })
    } catch (err) {
      setError(errorMessage(err, '绑定没有成功，请再试一次'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ElderPage className='elder-bind'>
      <Text className='elder__title'>用绑定码进入长辈版</Text>
      <Text className='elder__text'>请家人在他们的手机上打开「我的 › 长辈版 › 绑定与确认设置」，点「生成长辈版绑定码」，把看到的 10 位字母和数字输在下面。</Text>

      {!loggedIn ? (
        <View className='elder__stack elder-bind__form'>
          <Text className='elder__error'>请先登录，再输入绑定码。</Text>
          <ElderButton kind='primary' onClick={() => Taro.reLaunch({ url: LOGIN_PAGE })}>
            去登录
          </ElderButton>
        </View>
      ) : (
        <View className='elder__stack elder-bind__form'>
          <Text className='elder__hint' id='elder-bind-label'>
            绑定码
          </Text>
          <Input
            className='elder-bind__input'
            value={code}
            maxlength={12}
            placeholder='例如 K7P2QX8M3D'
            placeholderClass='elder-bind__placeholder'
            ariaLabel='绑定码'
            onInput={(e) => setCode(normaliseBindCode(e.detail.value))}
            onConfirm={() => void bind()}
          />
          {error ? <Text className='elder__error'>{error}</Text> : null}
          <ElderButton size='xl' kind='primary' loading={busy} disabled={!ready} onClick={() => void bind()}>
            确定
          </ElderButton>
          <ElderButton kind='plain' disabled={busy} onClick={() => goBackOr()}>
            返回
          </ElderButton>
        </View>
      )}
    </ElderPage>
  )
}
