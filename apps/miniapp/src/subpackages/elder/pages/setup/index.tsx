import { useState } from 'react'
import type { ConfirmationSettingsInput, ElderLoginCodeView, ElderView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { createElderLoginCode, setConfirmationSettings } from '../../../../services/elder'
import { decoded, elderRoutes } from '../../../../services/elder-routes'
import { getElder } from '../../../../services/elders'
import { navigate } from '../../../../services/navigation'
import { formatDateTimeCn } from '../../../../utils/dates'
import { toastError, toastSuccess } from '../../../../utils/feedback'
import { CONFIRMATION_DEFAULTS, TIMEOUT_OPTIONS, confirmationOf } from '../../logic/confirmation'
import './index.scss'

type Ask = 'yes' | 'no'
type OnTimeout = ConfirmationSettingsInput['onTimeout']

/** Family side, one elder: bind the elder's own phone, decide whether proxy orders wait for their yes, rehearse 一键呼叫. */
export default function ElderSetupPage() {
  const { params } = useRouter()
  const elderId = decoded(params.elderId) ?? ''
  const { data: elder, loading, error, reload } = useLoader<ElderView>(() => getElder(elderId))
  const [code, setCode] = useState<ElderLoginCodeView | null>(null)
  const [form, setForm] = useState<ConfirmationSettingsInput | null>(null)
  const [saved, setSaved] = useState(false)

  const { submitting: generating, run: generate } = useSubmit(async () => {
    try {
      setCode(await createElderLoginCode(elderId))
    } catch (err) {
      toastError(err, '生成失败，请稍后再试')
    }
  })

  const { submitting: saving, run: save } = useSubmit(async (input: ConfirmationSettingsInput) => {
    try {
      const next = await setConfirmationSettings(elderId, input)
      setForm(next)
      setSaved(true)
      toastSuccess('已保存')
    } catch (err) {
      toastError(err, '保存失败，请稍后再试')
    }
  })

  if (!elder) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const known = confirmationOf(elder)
  const current = form ?? known ?? CONFIRMATION_DEFAULTS
  const edit = (patch: Partial<ConfirmationSettingsInput>) => {
    setForm({ ...current, ...patch })
    setSaved(false)
  }

  return (
    <View className='cc-page elder-setup'>
      <Text className='cc-title'>{elder.name}的长辈版</Text>

      <Text className='elder-setup__group'>绑定老人自己的手机</Text>
      <View className='cc-card cc-card--padded'>
        <Text className='cc-muted'>
          在老人的手机上打开 CareCircle 并登录，点「我是老人：输入绑定码」，输入下面的码。绑定后老人打开就是长辈版，可以自己确认您代下的订单。
        </Text>
        {code ? (
          <View className='elder-setup__code-box'>
            <Text className='elder-setup__code'>{code.code}</Text>
            <Text className='cc-muted'>{formatDateTimeCn(code.expiresAt)} 前有效，只能用一次</Text>
          </View>
        ) : null}
        <View className='elder-setup__action'>
          <Button type='primary' block loading={generating} onClick={() => void generate()}>
            {code ? '重新生成绑定码' : '生成长辈版绑定码'}
          </Button>
        </View>
      </View>

      <Text className='elder-setup__group'>代下单要不要老人确认</Text>
      <View className='cc-card cc-card--padded'>
        <Text className='cc-muted'>
          需要确认时，您为{elder.name}下的上门服务会先出现在长辈版首页，老人点「确认」后才派人；紧急服务不等确认。
        </Text>
        {!known && !form ? <Text className='cc-note'>暂时读不到当前设置，下面是默认设置；保存后以您选的为准。</Text> : null}
        <Text className='elder-setup__label'>是否需要老人确认</Text>
        <ChoiceChips<Ask>
          options={[
            { value: 'yes', label: '需要老人确认' },
            { value: 'no', label: '不需要' },
          ]}
          selected={[current.confirmOrders ? 'yes' : 'no']}
          onToggle={(v) => edit({ confirmOrders: v === 'yes' })}
        />
        {current.confirmOrders ? (
          <>
            <Text className='elder-setup__label'>最多等多久</Text>
            <ChoiceChips<string>
              options={TIMEOUT_OPTIONS.map((o) => ({ value: String(o.minutes), label: o.label }))}
              selected={[String(current.timeoutMinutes)]}
              onToggle={(v) => edit({ timeoutMinutes: Number(v) })}
            />
            <Text className='elder-setup__label'>到时老人没回答</Text>
            <ChoiceChips<OnTimeout>
              options={[
                { value: 'proceed', label: '照常派人' },
                { value: 'cancel', label: '取消订单' },
              ]}
              selected={[current.onTimeout]}
              onToggle={(v) => edit({ onTimeout: v })}
            />
          </>
        ) : null}
        {saved ? <Text className='cc-note elder-setup__saved'>已保存，之后下的订单按这个设置。</Text> : null}
        <View className='elder-setup__action'>
          <Button type='primary' block loading={saving} onClick={() => void save(current)}>
            保存设置
          </Button>
        </View>
      </View>

      <Text className='elder-setup__group'>一键呼叫演练</Text>
      <View className='cc-card cc-card--padded'>
        <Text className='cc-muted'>
          和老人一起练习：按住红色按钮 2 秒发出呼叫，10 秒内可以取消。演练只通知家人和街道值班，不会派服务人员上门。
        </Text>
        <View className='cc-row-actions elder-setup__action'>
          <Button type='primary' fill='outline' block onClick={() => navigate(elderRoutes.sos({ elderId, drill: true }))}>
            开始演练
          </Button>
          <Button block onClick={() => navigate(elderRoutes.home({ elderId, preview: true }))}>
            预览长辈版
          </Button>
        </View>
      </View>
    </View>
  )
}
