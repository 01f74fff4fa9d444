import { useState } from 'react'
import type { OrderView } from '@carecircle/shared'
import { formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import { labelled } from '../../../../components/FormField'
import { useSubmit } from '../../../../hooks/useSubmit'
import { cancelOrder } from '../../../../services/orders'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import { cancelConfirmText, cancelCost } from '../../../../utils/order-actions'

const REASONS = ['老人临时外出', '时间不合适', '已找到其他服务', '下错单了', '其他原因']
const OTHER = '其他原因'

interface CancelPanelProps {
  order: OrderView
  onCancelled: (order: OrderView) => void
  onClose: () => void
}

/** Why, then a confirm that says whether it is free, then the result (with the fee if one was charged). */
export default function CancelPanel({ order, onCancelled, onClose }: CancelPanelProps) {
  const [reason, setReason] = useState<string | null>(null)
  const [other, setOther] = useState('')
  const free = cancelCost(order.status) === 'free'

  const { submitting, run: submit } = useSubmit(async () => {
    const text = reason === OTHER ? other.trim() : reason
    if (!text) {
      toastError(reason === OTHER ? '请填写取消原因' : '请选择取消原因')
      return
    }
    if (!(await confirm('取消订单', cancelConfirmText(order.status), '确定取消'))) return
    try {
      const updated = await cancelOrder(order.id, { reason: text })
      onCancelled(updated)
      toastSuccess(updated.cancelFeeFen > 0 ? `已取消，取消费 ${formatFen(updated.cancelFeeFen)}` : '已取消，未收费')
    } catch (err) {
      toastError(err, '取消失败，请稍后再试')
    }
  })

  return (
    <View className='cc-card cc-card--padded cancel-panel'>
      <Text className='detail__group-title'>取消原因</Text>
      <Text className={`cc-note cancel-panel__cost${free ? ' cancel-panel__cost--free' : ''}`}>
        {free ? '服务人员还没有接单，现在取消免费。' : '服务人员已接单，现在取消可能按服务机构规定收取取消费。'}
      </Text>
      <View className='cancel-panel__reasons'>
        <ChoiceChips options={REASONS.map((r) => ({ value: r, label: r }))} selected={reason ? [reason] : []} onToggle={setReason} />
      </View>
      {reason === OTHER ? (
        <Input {...labelled('取消原因')} value={other} onChange={setOther} placeholder='请填写取消原因' maxLength={200} />
      ) : null}
      <View className='cc-row-actions cancel-panel__actions'>
        <Button onClick={onClose}>不取消了</Button>
        <Button type='danger' loading={submitting} onClick={() => void submit()}>
          确认取消
        </Button>
      </View>
    </View>
  )
}
