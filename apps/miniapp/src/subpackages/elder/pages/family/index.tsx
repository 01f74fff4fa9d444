import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ElderButton from '../../../../components/ElderButton'
import ElderPage, { ElderPageState } from '../../../../components/ElderPage'
import { useLoader } from '../../../../hooks/useLoader'
import { elderRoutes } from '../../../../services/elder-routes'
import { backToElderHome, exitFor, linkParams, loadElderScreen, useModeParams } from '../../data'
import './index.scss'

/** 138 1234 5678: read in groups, the way people say numbers. */
function groupedPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '')
  return /^1\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : phone
}

function call(phone: string) {
  // The phone's own dialler asks before calling: that is the confirmation, and hanging up the undo.
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}

export default function ElderFamilyPage() {
  const params = useModeParams()
  const { data, loading, error, reload } = useLoader(() => loadElderScreen(params))

  if (!data) {
    return (
      <ElderPage>
        <ElderPageState loading={loading} error={error} onRetry={() => void reload()} exit={exitFor(params)} />
      </ElderPage>
    )
  }

  const { home } = data
  const homeUrl = elderRoutes.home(linkParams(data, params))

  return (
    <ElderPage previewOf={params.preview ? home.name : null} className='elder-family'>
      <Text className='elder__title'>我的家人</Text>

      {home.family.length === 0 ? (
        <View className='elder-card'>
          <Text className='elder-card__title'>还没有家人的电话</Text>
          <Text className='elder-card__line'>请家人在手机上打开「CareCircle」，在老人资料里填上紧急联系人。</Text>
        </View>
      ) : null}

      {home.family.map((f, i) => (
        <View key={`${f.phone}-${i}`} className='elder-card'>
          <Text className='elder-card__title'>
            {f.name}（{f.relation}）
          </Text>
          <Text className='elder-card__line'>{groupedPhone(f.phone)}</Text>
          <View className='elder-family__call'>
            <ElderButton kind='primary' onClick={() => call(f.phone)}>
              打电话给{f.name}
            </ElderButton>
          </View>
        </View>
      ))}

      <View className='elder-family__back'>
        <ElderButton kind='plain' onClick={() => backToElderHome(homeUrl)}>
          返回首页
        </ElderButton>
      </View>
    </ElderPage>
  )
}
