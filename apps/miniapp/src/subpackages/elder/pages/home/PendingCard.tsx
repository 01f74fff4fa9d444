import { useState } from 'react'
import type { ElderHomeView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import ElderButton from '../../../../components/ElderButton'
import ElderConfirm from '../../../../components/ElderConfirm'
import { spokenTime } from '../../logic/words'

export type PendingItem = ElderHomeView['pendingConfirmations'][number]
export type Decision = 'confirm' | 'refuse'

interface PendingCardProps {
  item: PendingItem
  /** Only the elder's own login answers; a family member previewing sees the question without buttons. */
  canAnswer: boolean
  busy: boolean
  /** How many more wait after this one (one question per screen). */
  more: number
  now: Date
  onDecide: (decision: Decision) => void
}

const QUESTIONS: Record<Decision, { question: string; detail: string; yes: string }> = {
  confirm: { question: '确定要这个服务吗？', detail: '确定后，服务人员会按约定的时间上门。', yes: '是的，要' },
  refuse: { question: '确定不需要吗？', detail: '确定后这次服务就取消了，家人会收到通知。改主意了，可以请家人再下单。', yes: '是的，不需要' },
}

/** A service the family ordered, waiting for the elder's yes or no; each answer is asked twice, on this screen. */
export default function PendingCard({ item, canAnswer, busy, more, now, onDecide }: PendingCardProps) {
  const [asking, setAsking] = useState<Decision | null>(null)
  const when = spokenTime(item.windowStart, now)
  const deadline = spokenTime(item.deadline || null, now)
  const q = asking ? QUESTIONS[asking] : null

  return (
    <View className='elder-card elder-card--attention elder-pending'>
      <Text className='elder-card__title'>{item.orderedBy}帮您约了「{item.serviceName}」</Text>
      <Text className='elder-card__line'>时间：{when ?? '尽快上门'}</Text>
      {deadline ? <Text className='elder-card__meta'>请在{deadline} 前回答。没回答的话，按家人的安排办。</Text> : null}

      {!canAnswer ? (
        <Text className='elder-card__meta elder-pending__note'>这件事要老人本人在自己的手机上回答。</Text>
      ) : q && asking ? (
        <ElderConfirm
          question={q.question}
          detail={q.detail}
          yesLabel={q.yes}
          yesKind={asking === 'confirm' ? 'primary' : 'danger'}
          busy={busy}
          onYes={() => onDecide(asking)}
          onNo={() => setAsking(null)}
        />
      ) : (
        <View className='elder__pair'>
          <ElderButton kind='primary' onClick={() => setAsking('confirm')}>
            确认，要
          </ElderButton>
          <ElderButton kind='plain' onClick={() => setAsking('refuse')}>
            不需要
          </ElderButton>
        </View>
      )}

      {more > 0 ? <Text className='elder-card__meta'>还有 {more} 件等您回答，回答完这件就会出现。</Text> : null}
    </View>
  )
}
