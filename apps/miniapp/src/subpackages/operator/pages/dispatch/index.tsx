import { useState } from 'react'
import type { DispatchCandidateView, DispatchRoundView, OrderView } from '@carecircle/shared'
import { formatDistance } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { errorMessage } from '../../../../services/api-error'
import { navigate, routes } from '../../../../services/navigation'
import { assignOrder, listDispatchRounds, listEscalations, redispatchOrder } from '../../../../services/operator'
import { formatDateTimeCn } from '../../../../utils/dates'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import { operatorActions } from '../../../../utils/order-actions'
import { formatWindow } from '../../../../utils/time-slots'
import { summarizeRounds } from './rounds'
import './index.scss'

interface RoundsState {
  rounds?: DispatchRoundView[]
  error?: string
}

interface RoundsProps {
  rounds: DispatchRoundView[]
  canAssign: boolean
  busy: string | null
  onAssign: (staffId: string, name: string) => void
}

function CandidateRow({ candidate, note, canAssign, busy, onAssign }: { candidate: DispatchCandidateView; note?: string; canAssign: boolean; busy: boolean; onAssign: () => void }) {
  const c = candidate
  return (
    <View className='round__row'>
      <View className='round__main'>
        <Text className='round__name'>
          {c.staffName} · 得分 {c.score.toFixed(2)}
          {note ? <Text className='round__note'> · {note}</Text> : null}
        </Text>
        <Text className='round__meta'>
          距离 {formatDistance(c.distanceMeters)}；距离分 {c.components.distance.toFixed(2)}，评分 {c.components.rating.toFixed(2)}，负荷{' '}
          {c.components.load.toFixed(2)}，公平 {c.components.fairness.toFixed(2)}
        </Text>
      </View>
      {canAssign ? (
        <Button size='small' type='primary' loading={busy} onClick={onAssign}>
          指派
        </Button>
      ) : null}
    </View>
  )
}

interface RoundsProps {
  rounds: DispatchRoundView[]
  canAssign: boolean
  busy: string | null
  onAssign: (staffId: string, name: string) => void
}

function Rounds({ rounds, canAssign, busy, onAssign }: RoundsProps) {
  const { roundCount, maxRadiusMeters, tried, untried, skippedByReason } = summarizeRounds(rounds)
  if (roundCount === 0) return <Text className='cc-muted'>还没有派单记录。</Text>
  return (
    <View>
      <Text className='round__summary'>
        共派单 {roundCount} 轮，最远 {formatDistance(maxRadiusMeters)}，派给过 {tried.length} 人。
      </Text>
      {tried.length ? <Text className='round__title'>已派过、未接单的人（婉拒或超时）</Text> : null}
      {tried.map((c) => (
        <CandidateRow
          key={c.staffId}
          candidate={c}
          note={c.outcome ? `第 ${c.roundNo} 轮 · ${c.outcome}` : `第 ${c.roundNo} 轮`}
          canAssign={canAssign}
          busy={busy === c.staffId}
          onAssign={() => onAssign(c.staffId, c.staffName)}
        />
      ))}
      {untried.length ? <Text className='round__title'>还可以派的人（最近一轮排名）</Text> : null}
      {untried.map((c) => (
        <CandidateRow key={c.staffId} candidate={c} canAssign={canAssign} busy={busy === c.staffId} onAssign={() => onAssign(c.staffId, c.staffName)} />
      ))}
      {skippedByReason.length ? <Text className='round__title'>没有派的人和原因</Text> : null}
      {skippedByReason.map((group) => (
        <View key={group.reason} className='round__group'>
          <Text className='round__reason'>
            {group.reason}（{group.people.length} 人）
          </Text>
          <Text className='round__meta'>{group.people.map((p) => p.staffName).join('、')}</Text>
        </View>
      ))}
    </View>
  )
}

export default function DispatchPage() {
  const { data: orders, loading, error, reload } = useLoader(listEscalations)
  const [rounds, setRounds] = useState<Record<string, RoundsState>>({})
  const [busy, setBusy] = useState<string | null>(null)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  async function toggleRounds(orderId: string) {
    if (rounds[orderId]?.rounds) {
      setRounds(({ [orderId]: _, ...rest }) => rest)
      return
    }
    setRounds((r) => ({ ...r, [orderId]: {} }))
    try {
      const list = await listDispatchRounds(orderId)
      setRounds((r) => ({ ...r, [orderId]: { rounds: list } }))
    } catch (err) {
      setRounds((r) => ({ ...r, [orderId]: { error: errorMessage(err, '加载失败') } }))
    }
  }

  async function assign(order: OrderView, staffId: string, name: string) {
    if (busy) return
    if (!(await confirm('指派服务人员', `把「${order.elderName} · ${order.serviceName}」指派给 ${name}？`, '指派'))) return
    setBusy(staffId)
    try {
      await assignOrder(order.id, staffId)
      toastSuccess(`已指派给${name}`)
      await reload()
    } catch (err) {
      toastError(err, '指派失败')
    } finally {
      setBusy(null)
    }
  }

  async function redispatch(order: OrderView) {
    if (busy) return
    setBusy(order.id)
    try {
      await redispatchOrder(order.id)
      toastSuccess('已重新派单')
      await reload()
    } catch (err) {
      toastError(err, '操作失败')
    } finally {
      setBusy(null)
    }
  }

  if (!orders) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  return (
    <View className='cc-page ops'>
      <View className='ops__links'>
        <Text className='cc-muted'>自动派单无人接的订单会转到这里，由您人工指派。</Text>
        <Text className='cc-link ops__link' onClick={() => navigate(routes.operatorProviders())}>
          机构审核 ›
        </Text>
      </View>
      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}
      {orders.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='✓' title='没有待派的订单' description='所有订单都在自动派单中。有订单转人工时会出现在这里，下拉可刷新。' />
        </View>
      ) : (
        orders.map((order) => {
          const state = rounds[order.id]
          const acts = operatorActions(order.status)
          const lastNote = order.events[order.events.length - 1]?.note
          return (
            <View key={order.id} className='cc-card cc-card--padded ops-order'>
              <View className='ops-order__head'>
                <Text className='ops-order__service'>{order.serviceName}</Text>
                {order.urgent ? <Text className='ops-order__urgent'>紧急</Text> : null}
                <Text className='ops-order__status'>{order.statusLabel}</Text>
              </View>
              <Text className='ops-order__line'>
                {order.elderName} · {formatWindow(order.windowStart, order.windowEnd)}
              </Text>
              <Text className='ops-order__line'>{order.address}</Text>
              <Text className='ops-order__meta'>下单 {formatDateTimeCn(order.createdAt)}</Text>
              {lastNote ? <Text className='cc-note'>{lastNote}</Text> : null}
              <View className='cc-row-actions ops-order__actions'>
                <Button onClick={() => void toggleRounds(order.id)}>{state?.rounds ? '收起派单过程' : '派单过程与指派'}</Button>
                {acts.redispatch ? (
                  <Button type='primary' fill='outline' loading={busy === order.id} onClick={() => void redispatch(order)}>
                    重新派单
                  </Button>
                ) : null}
              </View>
              {state ? (
                <View className='ops-order__rounds'>
                  {state.error ? (
                    <Text className='cc-field__error'>{state.error}</Text>
                  ) : state.rounds ? (
                    <Rounds rounds={state.rounds} canAssign={acts.assign} busy={busy} onAssign={(id, name) => void assign(order, id, name)} />
                  ) : (
                    <Text className='cc-muted'>正在加载…</Text>
                  )}
                </View>
              ) : null}
            </View>
          )
        })
      )}
    </View>
  )
}
