import { useState } from 'react'
import type { OrderView, RateOrderInput } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import { labelled } from '../../../../components/FormField'
import { useSubmit } from '../../../../hooks/useSubmit'
import { rateOrder } from '../../../../services/orders'
import { toastError, toastSuccess } from '../../../../utils/feedback'

const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']
const GOOD_TAGS = ['准时', '耐心细致', '专业', '干净利落', '态度好']
const BAD_TAGS = ['迟到', '不够细致', '态度欠佳', '超时']

export const tagsFor = (stars: number): string[] => (stars >= 4 ? GOOD_TAGS : BAD_TAGS)

interface RatingFormProps {
  order: OrderView
  onRated: (order: OrderView) => void
}

/** 评价: stars, a few tags and an optional comment, right on the order once the service is done. */
export default function RatingForm({ order, onRated }: RatingFormProps) {
  const [stars, setStars] = useState(0)
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')

  const { submitting, run: submit } = useSubmit(async () => {
    if (stars === 0) {
      toastError('请先点星星打分')
      return
    }
    const input: RateOrderInput = { stars, tags, ...(comment.trim() ? { comment: comment.trim() } : {}) }
    try {
      onRated(await rateOrder(order.id, input))
      toastSuccess('感谢您的评价')
    } catch (err) {
      toastError(err, '评价失败，请稍后再试')
    }
  })

  function pickStars(n: number) {
    // Switching between praise and complaint clears the tags of the other kind.
    if (n >= 4 !== stars >= 4) setTags([])
    setStars(n)
  }

  return (
    <View className='cc-card cc-card--padded rating'>
      <Text className='detail__group-title'>评价本次服务</Text>
      <View className='rating__stars'>
        {[1, 2, 3, 4, 5].map((n) => (
          <Text key={n} className={`rating__star${n <= stars ? ' rating__star--on' : ''}`} onClick={() => pickStars(n)}>
            {n <= stars ? '★' : '☆'}
          </Text>
        ))}
      </View>
      <Text className='rating__words'>{stars ? `${stars} 星 · ${STAR_WORDS[stars]}` : '点星星打分'}</Text>
      {stars ? (
        <ChoiceChips
          options={tagsFor(stars).map((t) => ({ value: t, label: t }))}
          selected={tags}
          onToggle={(t) => setTags((s) => (s.includes(t) ? s.filter((x) => x !== t) : [...s, t]))}
        />
      ) : null}
      <View className='rating__comment'>
        <TextArea {...labelled('评价内容')} value={comment} onChange={setComment} placeholder='说说服务怎么样（选填）' maxLength={500} rows={3} />
      </View>
      <Button type='primary' block loading={submitting} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  )
}
