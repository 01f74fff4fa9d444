import type { ComplaintView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { listComplaints } from '../../../../services/complaints'
import { goOrders, navigate, routes } from '../../../../services/navigation'
import ComplaintCard from '../../components/ComplaintCard'
import { isComplaintOpen, sortNewestFirst } from '../../logic/complaints'
import './index.scss'

/** 我的投诉: every complaint of my households, newest first, with its progress and the 街道's reply. */
export default function ComplaintsPage() {
  const { data, loading, error, reload } = useLoader<ComplaintView[]>(listComplaints)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const complaints = sortNewestFirst(data)
  const open = complaints.filter((c) => isComplaintOpen(c.status)).length

  return (
    <View className='cc-page complaints'>
      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}
      {complaints.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='诉' title='还没有投诉' description='对上门服务不满意时，可以在订单详情里点「投诉」。街道会联系服务机构核实处理，并在这里答复您。'>
            <Button type='primary' fill='outline' onClick={goOrders}>
              查看我的订单
            </Button>
          </EmptyState>
        </View>
      ) : (
        <>
          <Text className='complaints__summary'>
            共 {complaints.length} 条{open > 0 ? `，${open} 条正在处理` : '，都已办结'}
          </Text>
          {complaints.map((c) => (
            <View key={c.id} className='cc-card cc-card--padded'>
              <ComplaintCard complaint={c} showOrder onOpenOrder={() => navigate(routes.order(c.orderId))} />
            </View>
          ))}
        </>
      )}
    </View>
  )
}
