import type { OrderStatus, OrderView } from '@carecircle/shared'
import { formatFen, isFinal } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../components/EmptyState'
import PageState from '../../components/PageState'
import { useLoader } from '../../hooks/useLoader'
import { navigate, redirectToLogin, routes } from '../../services/navigation'
import { listOrders } from '../../services/orders'
import { hasSession } from '../../services/storage'
import { formatDateTimeCn } from '../../utils/dates'
import { formatWindow } from '../../utils/time-slots'
import './index.scss'

/** Tag tone per status; the status is always written out too, so colour is never the only cue. */
function tone(status: OrderStatus): 'active' | 'waiting' | 'done' | 'alert' {
  if (status === 'escalated') return 'alert'
  if (status === 'accepted' || status === 'en_route' || status === 'in_service') return 'active'
  if (status === 'completed' || isFinal(status)) return 'done'
  return 'waiting'
}

/** What this order costs the family: 实付, or for a cancelled one the fee if any. */
function payText(order: OrderView): string {
  if (order.status !== 'cancelled') return `实付 ${formatFen(order.price.payFen)}`
  return order.cancelFeeFen > 0 ? `取消费 ${formatFen(order.cancelFeeFen)}` : '未收费'
}

function OrderCard({ order }: { order: OrderView }) {
  return (
    <View role='button' className='order-card' onClick={() => navigate(routes.order(order.id))}>
      <View className='order-card__head'>
        <Text className='order-card__service'>{order.serviceName}</Text>
        <Text className={`order-card__status order-card__status--${tone(order.status)}`}>{order.statusLabel}</Text>
      </View>
      <View className='order-card__row'>
        <Text className='order-card__key'>服务对象</Text>
        <Text className='order-card__value'>{order.elderName}</Text>
      </View>
      <View className='order-card__row'>
        <Text className='order-card__key'>上门时间</Text>
        <Text className='order-card__value'>{formatWindow(order.windowStart, order.windowEnd)}</Text>
      </View>
      {order.staff ? (
        <View className='order-card__row'>
          <Text className='order-card__key'>服务人员</Text>
          <Text className='order-card__value'>{order.staff.name}</Text>
        </View>
      ) : null}
      <View className='order-card__foot'>
        <Text className='order-card__time'>下单 {formatDateTimeCn(order.createdAt)}</Text>
        <Text className='order-card__pay'>{payText(order)}</Text>
      </View>
    </View>
  )
}

export default function OrdersPage() {
  const loggedIn = hasSession()
  const { data: orders, loading, error, reload } = useLoader(() => listOrders(), { enabled: loggedIn })

  useDidShow(() => {
    if (!hasSession()) redirectToLogin()
  })

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!orders) {
    return (
      <View className='cc-page'>
        <PageState loading={loading || !loggedIn} error={error} onRetry={reload} />
      </View>
    )
  }

  if (orders.length === 0) {
    return (
      <View className='cc-page'>
        <View className='cc-card cc-card--padded'>
          <EmptyState
            mark='单'
            title='还没有订单'
            description='为家中老人预约助洁、助浴、陪诊等上门服务。下单后，服务人员和上门进度都会显示在这里。'
          >
            <Button type='primary' size='large' block onClick={() => navigate(routes.services())}>
              预约上门服务
            </Button>
          </EmptyState>
        </View>
      </View>
    )
  }

  const ongoing = orders.filter((o) => !isFinal(o.status) && o.status !== 'completed')
  const past = orders.filter((o) => isFinal(o.status) || o.status === 'completed')

  return (
    <View className='cc-page orders'>
      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}
      <View className='orders__new'>
        <Button type='primary' block onClick={() => navigate(routes.services())}>
          ＋ 预约上门服务
        </Button>
      </View>
      {ongoing.length ? <Text className='orders__group'>进行中（{ongoing.length}）</Text> : null}
      {ongoing.map((o) => (
        <OrderCard key={o.id} order={o} />
      ))}
      {past.length ? <Text className='orders__group'>已结束（{past.length}）</Text> : null}
      {past.map((o) => (
        <OrderCard key={o.id} order={o} />
      ))}
    </View>
  )
}
