import type { WaitlistEntryView } from '@carecircle/shared'
import { CARE_TYPE_LABELS } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ORDER_RULE, aheadText, deadlineText, isOpenOffer, monthText, positionText, reasonLines, timeLeftText } from '../../logic/waitlist'
import PriorityFacts from '../PriorityFacts'
import './index.scss'

interface WaitlistCardProps {
  entry: WaitlistEntryView
  nowMs: number
  busy?: boolean
  onAccept?: (entry: WaitlistEntryView) => void
  onDecline?: (entry: WaitlistEntryView) => void
  onLeave?: (entry: WaitlistEntryView) => void
}

/**
 * One waitlist entry: 排第 N 位 and why, or the held place with its deadline and the two answers;
 * each declared priority with its verification, and why the start month moved when it did.
 */
export default function WaitlistCard({ entry, nowMs, busy, onAccept, onDecline, onLeave }: WaitlistCardProps) {
  const offer = isOpenOffer(entry, nowMs)
  const waiting = entry.status === 'waiting'
  const finished = !offer && !waiting
  return (
    <View className={`care-wait${offer ? ' care-wait--offer' : ''}${finished ? ' care-wait--done' : ''}`}>
      <View className='care-wait__head'>
        <Text className='care-wait__child'>{entry.childName}</Text>
        <Text className='care-wait__where'>
          {entry.centreName} · {entry.className} · {CARE_TYPE_LABELS[entry.careType]}
        </Text>
        <Text className='care-wait__where'>{monthText(entry)}</Text>
      </View>

      {entry.monthNote ? <Text className='care-wait__month-note'>{entry.monthNote}</Text> : null}

      {waiting ? (
        <View className='care-wait__position'>
          <Text className='care-wait__rank'>{positionText(entry)}</Text>
          {aheadText(entry.position) ? <Text className='care-wait__ahead'>{aheadText(entry.position)}</Text> : null}
        </View>
      ) : (
        <Text className={`care-wait__status${offer ? ' care-wait__status--offer' : ''}`}>
          {entry.status === 'offered' && !offer ? '保留的托位已过确认时限' : entry.statusLabel}
        </Text>
      )}

      {offer && entry.offerExpiresAt ? (
        <View className='care-wait__deadline'>
          <Text className='care-wait__deadline-main'>请在 {deadlineText(entry.offerExpiresAt)} 前确认</Text>
          <Text className='care-wait__deadline-left'>{timeLeftText(entry.offerExpiresAt, nowMs)}，逾期托位将转给下一位</Text>
        </View>
      ) : null}

      {waiting ? (
        <View className='care-wait__why'>
          <Text className='care-wait__why-title'>为什么排在这里（得分 {entry.score}）</Text>
          {reasonLines(entry).map((line) => (
            <Text key={line} className='care-wait__reason'>
              · {line}
            </Text>
          ))}
          <Text className='care-wait__rule'>{ORDER_RULE}</Text>
        </View>
      ) : null}

      {waiting || offer ? <PriorityFacts facts={entry.facts} /> : null}

      {offer && (onAccept || onDecline) ? (
        <View className='cc-row-actions care-wait__actions'>
          {onDecline ? (
            <Button disabled={busy} onClick={() => onDecline(entry)}>
              放弃
            </Button>
          ) : null}
          {onAccept ? (
            <Button type='primary' loading={busy} onClick={() => onAccept(entry)}>
              确认入托
            </Button>
          ) : null}
        </View>
      ) : null}

      {waiting && onLeave ? (
        <View className='care-wait__actions'>
          <Button size='small' disabled={busy} onClick={() => onLeave(entry)}>
            退出轮候
          </Button>
        </View>
      ) : null}
    </View>
  )
}
