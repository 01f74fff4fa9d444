import type { ElderListItemView } from '@carecircle/shared'
import {
  LIVING_SITUATION_LABELS,
  SUBSIDY_CATEGORY_LABELS,
  SUBSIDY_VERIFICATION_LABELS,
  SubsidyCategory,
} from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import './index.scss'

const GENDER_LABELS = { male: '男', female: '女' } as const

interface ElderCardProps {
  elder: ElderListItemView
  onClick?: (elder: ElderListItemView) => void
}

/** One elder of the household: who, how they live, and whether their subsidy category is verified yet. */
export default function ElderCard({ elder, onClick }: ElderCardProps) {
  const hasCategory = elder.subsidyCategory !== SubsidyCategory.NONE
  return (
    <View role='button' className='cc-elder-card' onClick={() => onClick?.(elder)}>
      <View className='cc-elder-card__head'>
        <Text className='cc-elder-card__name'>{elder.name}</Text>
        <Text className='cc-elder-card__meta'>
          {GENDER_LABELS[elder.gender]} · {elder.age}岁
        </Text>
        {onClick ? <Text className='cc-elder-card__more'>详情 ›</Text> : null}
      </View>
      <View className='cc-elder-card__row'>
        <Text className='cc-elder-card__key'>居住情况</Text>
        <Text className='cc-elder-card__value'>{LIVING_SITUATION_LABELS[elder.livingSituation]}</Text>
      </View>
      <View className='cc-elder-card__row'>
        <Text className='cc-elder-card__key'>补贴类别</Text>
        <Text className='cc-elder-card__value'>{SUBSIDY_CATEGORY_LABELS[elder.subsidyCategory]}</Text>
        {hasCategory ? (
          <Text className={`cc-badge cc-badge--${elder.subsidyVerification}`}>
            {SUBSIDY_VERIFICATION_LABELS[elder.subsidyVerification]}
          </Text>
        ) : null}
      </View>
      {elder.address ? <Text className='cc-elder-card__address'>{elder.address}</Text> : null}
    </View>
  )
}
