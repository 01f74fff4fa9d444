import { Text, View } from '@tarojs/components'
import './index.scss'

interface QuantityStepperProps {
  value: number
  max: number
  /** Read out with the buttons: 番茄炒蛋套餐. */
  name: string
  onChange: (value: number) => void
}

/** − 2 + with 44 px buttons; at 0 only a 「+ 选这个」 button, so an untouched menu stays calm. */
export default function QuantityStepper({ value, max, name, onChange }: QuantityStepperProps) {
  if (value === 0) {
    return (
      <View
        className={`meal-stepper__add${max === 0 ? ' meal-stepper__add--off' : ''}`}
        aria-label={`选这个：${name}`}
        role='button'
        onClick={() => {
          if (max > 0) onChange(1)
        }}
      >
        <Text>{max === 0 ? '已售罄' : '＋ 选这个'}</Text>
      </View>
    )
  }
  return (
    <View className='meal-stepper'>
      <View className='meal-stepper__btn' aria-label={`${name}减一份`} role='button' onClick={() => onChange(value - 1)}>
        <Text>−</Text>
      </View>
      <Text className='meal-stepper__value'>{value}</Text>
      <View
        className={`meal-stepper__btn${value >= max ? ' meal-stepper__btn--off' : ''}`}
        aria-label={`${name}加一份`}
        role='button'
        onClick={() => {
          if (value < max) onChange(value + 1)
        }}
      >
        <Text>＋</Text>
      </View>
    </View>
  )
}
