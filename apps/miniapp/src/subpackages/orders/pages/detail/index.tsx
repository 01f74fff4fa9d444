import { useRef, useState } from 'react'
import type { ComplaintView, OrderView } from '@carecircle/shared'
import { formatDistance, formatFen, isFinal } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageState from '../../../../components/PageState'
import PriceBreakdown from '../../../../components/PriceBreakdown'
import { useLoader } from '../../../../hooks/useLoader'
import { useWhileVisible } from '../../../../hooks/useWhileVisible'
import { navigate, routes } from '../../../../services/navigation'
import { listComplaints } from '../../../../services/complaints'
import { watchOrder } from '../../../../services/order-live'
import { getOrder } from '../../../../services/orders'
import { formatDateTimeCn } from '../../../../utils/dates'
import { familyActions } from '../../../../utils/order-actions'
import { formatEventTime, formatWindow } from '../../../../utils/time-slots'
import CancelPanel from './CancelPanel'
import ComplaintSection from './ComplaintSection'
import RatingForm from './RatingForm'
import StaffCard from './StaffCard'
import { buildTimeline, waitingNote } from './timeline'
import './index.scss'

function Item({ label, value }: { label: string; value: string }) {
  return (
    <View className='detail__item'>
      <Text className='detail__label'>{label}</Text>
      <Text className='detail__value'>{value}</Text>
    </View>
  )
}

/** The live line under the status: how far the staff member is, or what the family is waiting for. */
function liveLine(order: OrderView): string | null {
  if ((order.status === 'accepted' || order.status === 'en_route') && order.staffDistanceMeters !== null) {
    return `服务人员距老人家约 ${formatDistance(order.staffDistanceMeters)}`
  }
  if (order.status === 'accepted') return '服务人员已接单，出发时会通知您'
  if (order.status === 'in_service') return '服务人员已到达，正在服务'
  if (order.status === 'completed') return '服务已完成，欢迎评价'
  return waitingNote(order.status)
}

export default function OrderDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: order, loading, error, reload, setData } = useLoader<OrderView>(() => getOrder(id), { enabled: id !== '' })
  const complaints = useLoader<ComplaintView[]>(listComplaints, { enabled: id !== '' })
  const [cancelling, setCancelling] = useState(false)

  // Live status: SSE on H5, polling on weapp; only while this page is on screen and the order can still change.
  const status = useRef(order?.status)
  status.current = order?.status
  useWhileVisible(() => (id && !(status.current && isFinal(status.current)) ? watchOrder(id, () => void reload()) : () => undefined))

  usePullDownRefresh(() => {
    void Promise.all([reload(), complaints.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  if (!id) {
    return (
      <View className='cc-page'>
        <PageState error='缺少订单编号，请从订单列表进入' />
      </View>
    )
  }

  if (!order) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const actions = familyActions(order.status)
  const live = liveLine(order)
  const steps = buildTimeline(order)

  return (
    <View className='cc-page detail'>
      <View className={`cc-card cc-card--padded detail__status detail__status--${order.status}`}>
        <View className='detail__status-head'>
          <Text className='detail__status-label'>{order.statusLabel}</Text>
          {order.urgent ? <Text className='detail__urgent'>紧急</Text> : null}
        </View>
        <Text className='detail__what'>
          {order.serviceName} · {order.elderName}
        </Text>
        {live ? <Text className='detail__live'>{live}</Text> : null}
      </View>

      {order.staff ? <StaffCard staff={order.staff} /> : null}

      <View className='cc-card cc-card--padded'>
        <Text className='detail__group-title'>服务进度</Text>
        <View className='timeline'>
          {steps.map((step) => (
            <View key={step.status} className={`timeline__step timeline__step--${step.state}${step.status === 'cancelled' ? ' timeline__step--cancelled' : ''}`}>
              <View className='timeline__dot'>
                <Text>{step.state === 'done' ? (step.status === 'cancelled' ? '✕' : '✓') : ''}</Text>
              </View>
              <View className='timeline__body'>
                <View className='timeline__row'>
                  <Text className='timeline__label'>{step.label}</Text>
                  {step.at ? <Text className='timeline__time'>{formatEventTime(step.at)}</Text> : null}
                </View>
                {step.note ? <Text className='timeline__note'>{step.note}</Text> : null}
              </View>
            </View>
          ))}
        </View>
      </View>

      {actions.rate ? <RatingForm order={order} onRated={setData} /> : null}

      {order.rating ? (
        <View className='cc-card cc-card--padded'>
          <Text className='detail__group-title'>我的评价</Text>
          <Text className='detail__stars'>
            {'★'.repeat(order.rating.stars)}
            {'☆'.repeat(5 - order.rating.stars)} {order.rating.stars} 星
          </Text>
          {order.rating.tags.length ? <Text className='detail__value'>{order.rating.tags.join('、')}</Text> : null}
          {order.rating.comment ? <Text className='detail__comment'>{order.rating.comment}</Text> : null}
        </View>
      ) : null}

      <ComplaintSection order={order} complaints={complaints.data} error={complaints.error} onRetry={() => void complaints.reload()} />

      {order.serviceRecord ? (
        <View className='cc-card'>
          <Item label='服务内容' value={order.serviceRecord.tasks.join('、') || '—'} />
          <Item label='服务用时' value={`${order.serviceRecord.durationMinutes} 分钟`} />
          {order.serviceRecord.notes ? <Item label='服务备注' value={order.serviceRecord.notes} /> : null}
        </View>
      ) : null}

      <View className='cc-card'>
        <Item label='上门时间' value={formatWindow(order.windowStart, order.windowEnd)} />
        <Item label='服务地址' value={order.address} />
        {order.notes ? <Item label='备注' value={order.notes} /> : null}
        <Item label='下单时间' value={formatDateTimeCn(order.createdAt)} />
        <Item label='订单编号' value={order.id.slice(0, 8).toUpperCase()} />
      </View>

      <View className='cc-card cc-card--padded'>
        <Text className='detail__group-title'>费用</Text>
        <PriceBreakdown breakdown={order.price} cancelFeeFen={order.cancelFeeFen} payLabel={order.status === 'cancelled' ? '原应付' : undefined} />
        {order.status === 'cancelled' ? (
          <Text className='cc-note'>
            {order.cancelFeeFen > 0 ? `订单已取消，按服务机构规定收取取消费 ${formatFen(order.cancelFeeFen)}。` : '订单已取消，没有收取任何费用。'}
          </Text>
        ) : null}
      </View>

      {cancelling && actions.cancel ? (
        <CancelPanel
          order={order}
          onClose={() => setCancelling(false)}
          onCancelled={(updated) => {
            setCancelling(false)
            setData(updated)
          }}
        />
      ) : null}

      <View className='cc-actions'>
        {actions.orderAgain ? (
          <Button type='primary' size='large' block onClick={() => navigate(routes.orderForm(order.serviceCode, order.elderId))}>
            再来一单
          </Button>
        ) : null}
        {actions.cancel && !cancelling ? (
          <Button block className='detail__cancel' onClick={() => setCancelling(true)}>
            取消订单
          </Button>
        ) : null}
      </View>
    </View>
  )
}
