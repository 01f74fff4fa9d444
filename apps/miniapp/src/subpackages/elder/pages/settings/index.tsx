import { useState } from 'react'
import type { ElderListItemView, MeView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { getMe } from '../../../../services/auth'
import { type DeviceElderMode, elderHomeUrl, getDeviceElderMode, setDeviceElderMode, setElderOptOut } from '../../../../services/elder-mode'
import { elderRoutes } from '../../../../services/elder-routes'
import { getHousehold, listHouseholds } from '../../../../services/households'
import { navigate } from '../../../../services/navigation'
import { toastSuccess } from '../../../../utils/feedback'
import './index.scss'

interface SettingsData {
  me: MeView
  elders: ElderListItemView[]
}

async function loadSettings(): Promise<SettingsData> {
  const [me, households] = await Promise.all([getMe(), listHouseholds()])
  const full = await Promise.all(households.map((h) => getHousehold(h.id)))
  return { me, elders: full.flatMap((h) => h.elders) }
}

function DeviceSwitch({ label, on, onToggle }: { label: string; on: boolean; onToggle: () => void }) {
  return (
    <View
      className={`elder-settings__switch${on ? ' elder-settings__switch--on' : ''}`}
      ariaRole='switch'
      {...{ 'aria-checked': on ? 'true' : 'false' }}
      onClick={onToggle}
    >
      <Text className='elder-settings__switch-label'>{label}</Text>
      <View className='elder-settings__toggle'>
        <Text className='elder-settings__toggle-text'>{on ? '已开启' : '已关闭'}</Text>
        <View className='elder-settings__knob' />
      </View>
    </View>
  )
}

/**
 * 长辈版 for the family: which elder's 长辈版 this device opens (a parent's phone or tablet), a preview
 * of what the elder sees, and per elder the binding code, confirmation of proxy orders and a drill.
 */
export default function ElderSettingsPage() {
  const { data, loading, error, reload } = useLoader(loadSettings)
  const [mode, setMode] = useState<DeviceElderMode | null>(getDeviceElderMode)

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const { me, elders } = data

  function toggle(elderId: string, self: boolean) {
    const on = mode?.userId === me.id && mode.elderId === elderId
    const next = on ? null : { userId: me.id, elderId, self }
    setDeviceElderMode(next)
    if (self) setElderOptOut(on)
    setMode(next)
    toastSuccess(on ? '已关闭长辈版' : '已开启长辈版')
  }

  function open(next: DeviceElderMode) {
    Taro.reLaunch({ url: elderHomeUrl(next) })
  }

  const isOn = (elderId: string) => mode?.userId === me.id && mode.elderId === elderId

  return (
    <View className='cc-page elder-settings'>
      <Text className='cc-title'>长辈版</Text>
      <Text className='cc-muted elder-settings__intro'>
        大字、大按钮，只有今日服务、订餐、一键呼叫和家人电话。开启后，这台手机打开 CareCircle 就直接进入长辈版。
      </Text>

      {me.elderId ? (
        <View className='cc-card cc-card--padded'>
          <Text className='elder-settings__name'>本人账号</Text>
          <Text className='cc-muted'>这是老人自己的账号，默认使用长辈版。</Text>
          <DeviceSwitch label='在此设备使用长辈版' on={isOn(me.elderId)} onToggle={() => toggle(me.elderId as string, true)} />
          <Button type='primary' block onClick={() => open({ userId: me.id, elderId: me.elderId as string, self: true })}>
            进入长辈版
          </Button>
        </View>
      ) : null}

      {elders.length === 0 && !me.elderId ? (
        <View className='cc-card cc-card--padded'>
          <Text className='elder-settings__name'>还没有家中老人</Text>
          <Text className='cc-muted'>先在首页添加老人，再为他们开启长辈版。老人本人用自己的手机时，请在下面输入家人给的绑定码。</Text>
        </View>
      ) : null}

      {elders.map((elder) => (
        <View key={elder.id} className='cc-card cc-card--padded elder-settings__elder'>
          <Text className='elder-settings__name'>{elder.name}</Text>
          <DeviceSwitch label='在此设备使用长辈版' on={isOn(elder.id)} onToggle={() => toggle(elder.id, false)} />
          <View className='cc-row-actions'>
            <Button block onClick={() => navigate(elderRoutes.home({ elderId: elder.id, preview: true }))}>
              预览长辈版
            </Button>
            <Button type='primary' fill='outline' block onClick={() => navigate(elderRoutes.setup(elder.id))}>
              绑定与确认设置
            </Button>
          </View>
        </View>
      ))}

      <View className='cc-card'>
        <View role='button' className='elder-settings__row' onClick={() => navigate(elderRoutes.bind())}>
          <View className='elder-settings__row-main'>
            <Text className='elder-settings__row-title'>我是老人：输入绑定码</Text>
            <Text className='cc-muted'>在老人自己的手机上，用家人生成的绑定码进入长辈版</Text>
          </View>
          <Text className='elder-settings__arrow'>›</Text>
        </View>
      </View>
    </View>
  )
}
