import type { OfferView } from '@carecircle/shared'
import { formatDistance } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatCountdown, isRunningOut, secondsLeft } from '../../../../utils/countdown'
import { formatDuration, formatWindow } from '../../../../utils/time-slots'

interface OfferCardProps {
  offer: OfferView
  now: number
  busy: boolean
  onAccept: () => void
  onDecline: () => void
}

/** One dispatched offer: what, where, how far, how long left to answer, and two big buttons. */
export default function OfferCard({ offer, now, busy, onAccept, onDecline }: OfferCardProps) {
  const { job } = offer
  const left = secondsLeft(offer.expiresAt, now)
  return (
    <View className={`cc-card cc-card--padded offer${job.urgent ? ' offer--urgent' : ''}`}>
      <View className='offer__head'>
        <Text className='offer__service'>{job.serviceName}</Text>
        {job.urgent ? <Text className='offer__urgent'>紧急</Text> : null}
        <Text className={`offer__countdown${isRunningOut(left) ? ' offer__countdown--hurry' : ''}`}>剩 {formatCountdown(left)}</Text>
      </View>
      <Text className='offer__line'>
        {job.elderName} · {formatWindow(job.windowStart, job.windowEnd)} · {formatDuration(job.durationMinutes)}
      </Text>
      <Text className='offer__address'>{job.address}</Text>
      <Text className='offer__distance'>距您 {formatDistance(offer.distanceMeters)}</Text>
      {job.notes ? <Text className='offer__notes'>备注：{job.notes}</Text> : null}
      <View className='offer__actions'>
        <Button className='offer__btn' disabled={busy} onClick={onDecline}>
          拒绝
        </Button>
        <Button className='offer__btn' type='primary' loading={busy} onClick={onAccept}>
          接单
        </Button>
      </View>
    </View>
  )
}
