import { useEffect, useState } from 'react'
import type { CanteenView } from '@carecircle/shared'
import { formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { errorMessage } from '../../../../services/api-error'
import { mealRoutes } from '../../../../services/meal-routes'
import { listCanteens } from '../../../../services/meals'
import { navigate, routes } from '../../../../services/navigation'
import { distanceText, formatOpenDays, periodHours } from '../../logic/format'
import { initialElder, lastMealElder, loadWhoFor, rememberMealElder } from '../../logic/elders'
import { param } from '../../logic/params'
import './index.scss'

function CanteenCard({ canteen, self, onClick }: { canteen: CanteenView; self: boolean; onClick: () => void }) {
  const distance = distanceText(canteen.distanceMeters, self)
  return (
    <View role='button' className='canteen-card' onClick={onClick}>
      <View className='canteen-card__head'>
        <Text className='canteen-card__name'>{canteen.name}</Text>
        {distance ? <Text className='canteen-card__distance'>{distance}</Text> : null}
      </View>
      <View className='canteen-card__badges'>
        {canteen.deliversHere ? (
          <Text className='canteen-card__badge canteen-card__badge--yes'>可送餐上门 · 送餐费 {formatFen(canteen.deliveryFeeFen)}</Text>
        ) : (
          <Text className='canteen-card__badge'>不在送餐范围 · 可堂食或自取</Text>
        )}
      </View>
      {canteen.periods.map((p) => (
        <Text key={p.period} className='canteen-card__hours'>
          {periodHours(p)}
        </Text>
      ))}
      <Text className='canteen-card__meta'>{formatOpenDays(canteen.openDays)}营业 · {canteen.address}</Text>
      <View className='canteen-card__foot'>
        {canteen.phone ? (
          <Text
            className='canteen-card__call'
            onClick={(e) => {
              e.stopPropagation()
              Taro.makePhoneCall({ phoneNumber: canteen.phone as string }).catch(() => undefined)
            }}
          >
            电话 {canteen.phone}
          </Text>
        ) : (
          <Text />
        )}
        <Text className='canteen-card__go'>看菜单订餐 ›</Text>
      </View>
    </View>
  )
}

export default function CanteensPage() {
  const { params } = useRouter()
  const asked = param(params, 'elderId')
  const { data, loading, error, reload } = useLoader(loadWhoFor)
  const [elderId, setElderId] = useState<string | null>(null)
  const [canteens, setCanteens] = useState<CanteenView[] | null>(null)
  const [canteenError, setCanteenError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!data || elderId) return
    setElderId(initialElder(data.elders, asked, data.me, lastMealElder()))
  }, [data])

  useEffect(() => {
    if (!elderId) return
    let live = true
    setCanteens(null)
    setCanteenError(null)
    listCanteens(elderId)
      .then((list) => live && setCanteens(list))
      .catch((err: unknown) => live && setCanteenError(errorMessage(err, '助餐点加载失败')))
    return () => {
      live = false
    }
  }, [elderId, attempt])

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const elder = data.elders.find((e) => e.id === elderId) ?? null
  const self = data.me.elderId !== null && data.me.elderId === elderId

  function choose(id: string) {
    setElderId(id)
    rememberMealElder(id)
  }

  return (
    <View className='cc-page meals-canteens'>
      <View className='meals-canteens__top'>
        <Text className='cc-title'>{data.me.elderId && data.elders.length === 1 ? '我要订餐' : '为谁订餐'}</Text>
        <Text className='meals-canteens__mine' onClick={() => navigate(mealRoutes.bookings())}>
          我的订餐 ›
        </Text>
      </View>
      {data.elders.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='老' title='还没有添加家中老人' description='添加老人的资料（住址、饮食需求、补贴类别）后，就可以为老人订餐，并自动减去政府补贴。'>
            {data.householdId ? (
              <Button type='primary' block onClick={() => navigate(routes.addElder(data.householdId as string))}>
                添加家中老人
              </Button>
            ) : (
              <Button type='primary' block onClick={() => navigate(routes.createHousehold())}>
                创建家庭
              </Button>
            )}
          </EmptyState>
        </View>
      ) : (
        <View className='cc-card cc-card--padded'>
          <ChoiceChips
            size='large'
            options={data.elders.map((e) => ({ value: e.id, label: `${e.name}（${e.age}岁）` }))}
            selected={elderId ? [elderId] : []}
            onToggle={choose}
          />
          {!elder ? <Text className='meals-canteens__hint'>先选老人：按老人住址找最近的助餐点，并按老人的补贴类别计算价格。</Text> : null}
          {elder?.address ? <Text className='meals-canteens__hint'>住址：{elder.address}</Text> : null}
        </View>
      )}

      {elder ? (
        <>
          <Text className='meals-canteens__section'>附近助餐点（由近到远）</Text>
          {canteenError ? (
            <PageState error={canteenError} onRetry={() => setAttempt((n) => n + 1)} />
          ) : !canteens ? (
            <PageState loading />
          ) : canteens.length === 0 ? (
            <View className='cc-card cc-card--padded'>
              <EmptyState mark='餐' title='附近还没有开放的助餐点' description='街道正在增设社区食堂。可以先预约上门服务里的「助餐送餐」，或拨打街道电话咨询。'>
                <Button block onClick={() => navigate(routes.services(elder.id))}>
                  看看上门服务
                </Button>
              </EmptyState>
            </View>
          ) : (
            canteens.map((c) => <CanteenCard key={c.id} canteen={c} self={self} onClick={() => navigate(mealRoutes.menu(c.id, elder.id))} />)
          )}
        </>
      ) : null}
    </View>
  )
}
