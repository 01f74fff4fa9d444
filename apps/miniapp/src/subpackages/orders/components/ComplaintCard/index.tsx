import type { ComplaintView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { formatDateTimeCn } from '../../../../utils/dates'
import { pendingLine } from '../../logic/complaints'
import './index.scss'

interface ComplaintCardProps {
  complaint: ComplaintView
  /** The list names the order (service · elder); on the order's own page that is already said. */
  showOrder?: boolean
  onOpenOrder?: () => void
}

/** One complaint: its status, what the family wrote and the 街道's reply (or what happens next). */
export default function ComplaintCard({ complaint, showOrder = false, onOpenOrder }: ComplaintCardProps) {
  const who = [complaint.providerName, complaint.staffName].filter(Boolean).join(' · ')
  return (
    <View className='complaint-card'>
      <View className='complaint-card__head'>
        <Text className='complaint-card__title'>{showOrder ? `${complaint.serviceName} · ${complaint.elderName}` : '我的投诉'}</Text>
        <Text className={`cc-badge complaint-card__status complaint-card__status--${complaint.status}`}>{complaint.statusLabel}</Text>
      </View>
      <Text className='complaint-card__meta'>
        {formatDateTimeCn(complaint.createdAt)} 提交{who ? ` · ${who}` : ''}
      </Text>
      <Text className='complaint-card__text'>{complaint.text}</Text>
      {complaint.reply ? (
        <View className='complaint-card__reply'>
          <Text className='complaint-card__reply-label'>街道答复</Text>
          <Text className='complaint-card__reply-text'>{complaint.reply}</Text>
        </View>
      ) : (
        <Text className='complaint-card__pending'>{pendingLine(complaint.status)}</Text>
      )}
      {onOpenOrder ? (
        <View role='button' className='complaint-card__link' onClick={onOpenOrder}>
          <Text>查看订单 ›</Text>
        </View>
      ) : null}
    </View>
  )
}
