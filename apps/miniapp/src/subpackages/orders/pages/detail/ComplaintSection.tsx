import type { ComplaintView, OrderView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { navigate, routes } from '../../../../services/navigation'
import ComplaintCard from '../../components/ComplaintCard'
import { canComplain, complaintForOrder } from '../../logic/complaints'

interface ComplaintSectionProps {
  order: OrderView
  /** The household's complaints; undefined while they load. */
  complaints: ComplaintView[] | undefined
  error: string | null
  onRetry: () => void
}

/** 投诉 on an order the provider took: the complaint already filed with its progress, or the way to file one. */
export default function ComplaintSection({ order, complaints, error, onRetry }: ComplaintSectionProps) {
  const filed = complaints ? complaintForOrder(complaints, order.id) : null
  if (filed) {
    return (
      <View className='cc-card cc-card--padded'>
        <ComplaintCard complaint={filed} />
        <View role='button' className='complaint-entry__all' onClick={() => navigate(routes.complaints())}>
          <Text>全部投诉 ›</Text>
        </View>
      </View>
    )
  }
  if (!canComplain(order)) return null
  if (!complaints) {
    if (!error) return null
    return (
      <View className='cc-card cc-card--padded complaint-entry'>
        <Text className='cc-muted'>投诉记录加载失败：{error}</Text>
        <View role='button' className='complaint-entry__all' onClick={onRetry}>
          <Text>重新加载</Text>
        </View>
      </View>
    )
  }
  return (
    <View className='cc-card cc-card--padded complaint-entry'>
      <Text className='detail__group-title'>对服务不满意？</Text>
      <Text className='complaint-entry__desc'>可以向街道投诉，街道会联系服务机构核实处理，并在这里答复您。</Text>
      <Button block fill='outline' className='complaint-entry__button' onClick={() => navigate(routes.complaint(order.id))}>
        投诉
      </Button>
    </View>
  )
}
