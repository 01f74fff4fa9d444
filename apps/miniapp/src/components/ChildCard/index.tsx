import type { ChildView } from '@carecircle/shared'
import { AGE_CLASSES, ageClassFor } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { formatChildAge } from '../../utils/dates'
import '../ElderCard/index.scss'

interface ChildCardProps {
  child: ChildView
  onClick?: (child: ChildView) => void
}

/** A child under three, with the 托育 age class they fall in. */
export default function ChildCard({ child, onClick }: ChildCardProps) {
  const ageClass = ageClassFor(child.ageMonths)
  return (
    <View role='button' className='cc-elder-card' onClick={() => onClick?.(child)}>
      <View className='cc-elder-card__head'>
        <Text className='cc-elder-card__name'>{child.name}</Text>
        <Text className='cc-elder-card__meta'>{formatChildAge(child.ageMonths)}</Text>
        {onClick ? <Text className='cc-elder-card__more'>编辑 ›</Text> : null}
      </View>
      <View className='cc-elder-card__row'>
        <Text className='cc-elder-card__key'>出生日期</Text>
        <Text className='cc-elder-card__value'>{child.birthDate.slice(0, 10)}</Text>
      </View>
      <View className='cc-elder-card__row'>
        <Text className='cc-elder-card__key'>托育班级</Text>
        <Text className='cc-elder-card__value'>
          {ageClass ? AGE_CLASSES[ageClass].label : child.ageMonths < AGE_CLASSES.infant.minMonths ? '满 6 个月后可入托' : '已超出托育年龄'}
        </Text>
      </View>
    </View>
  )
}
