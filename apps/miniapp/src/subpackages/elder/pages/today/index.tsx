import { formatDistance } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import ElderButton from '../../../../components/ElderButton'
import ElderPage, { ElderPageState } from '../../../../components/ElderPage'
import { useLoader } from '../../../../hooks/useLoader'
import { useWhileVisible } from '../../../../hooks/useWhileVisible'
import { elderRoutes } from '../../../../services/elder-routes'
import { todayYmd } from '../../../../utils/dates'
import { backToElderHome, exitFor, linkParams, loadElderScreen, useModeParams } from '../../data'
import { spokenTime } from '../../logic/words'
import './index.scss'

/** Who is coming shows up as soon as a staff member accepts. */
const REFRESH_MS = 20_000

export default function ElderTodayPage() {
  const params = useModeParams()
  const { data, loading, error, reload } = useLoader(() => loadElderScreen(params))

  useWhileVisible(() => {
    const id = setInterval(() => void reload(), REFRESH_MS)
    return () => clearInterval(id)
  })

  if (!data) {
    return (
      <ElderPage>
        <ElderPageState loading={loading} error={error} onRetry={() => void reload()} exit={exitFor(params)} />
      </ElderPage>
    )
  }

  const { home } = data
  const now = new Date()
  const today = todayYmd(now)
  const homeUrl = elderRoutes.home(linkParams(data, params))
  const empty = home.today.length === 0 && home.meals.length === 0

  return (
    <ElderPage previewOf={params.preview ? home.name : null} className='elder-today'>
      <Text className='elder__title'>今日服务</Text>
      {error ? <Text className='elder__error'>没有刷新成功：{error}</Text> : null}

      {empty ? (
        <View className='elder-card'>
          <Text className='elder-card__title'>今天没有安排</Text>
          <Text className='elder-card__line'>需要人上门帮忙，请打电话给家人；想吃饭，回到首页点「订餐」。</Text>
        </View>
      ) : null}

      {home.today.length > 0 ? <Text className='elder__heading'>上门服务</Text> : null}
      {home.today.map((o) => (
        <View key={o.orderId} className='elder-card elder-today__visit'>
          <Text className='elder-card__title'>{o.serviceName}</Text>
          <Text className='elder-card__line'>时间：{spokenTime(o.windowStart, now) ?? '尽快上门'}</Text>
          <Text className='elder-card__line'>
            {o.staffName ? `谁来：${o.staffName}` : '谁来：正在安排服务人员'}
          </Text>
          {o.staffDistanceMeters !== null ? (
            <Text className='elder-card__line'>离您还有 {formatDistance(o.staffDistanceMeters)}</Text>
          ) : null}
          <Text className='elder-card__meta'>现在：{o.statusLabel}</Text>
        </View>
      ))}

      {home.meals.length > 0 ? <Text className='elder__heading'>吃饭</Text> : null}
      {home.meals.map((m) => (
        <View key={m.bookingId} className='elder-card elder-today__meal'>
          <Text className='elder-card__title'>
            {m.date === today ? '今天' : '明天'}
            {m.periodLabel}
          </Text>
          <Text className='elder-card__line'>
            {m.canteenName} · {m.modeLabel}
          </Text>
          {m.collected ? null : (
            <>
              <Text className='elder-card__meta'>取餐码</Text>
              <Text className='elder-card__code'>{m.pickupCode}</Text>
            </>
          )}
          <Text className='elder-card__meta'>现在：{m.statusLabel}</Text>
        </View>
      ))}

      <View className='elder-today__back'>
        <ElderButton kind='plain' onClick={() => backToElderHome(homeUrl)}>
          返回首页
        </ElderButton>
      </View>
    </ElderPage>
  )
}
