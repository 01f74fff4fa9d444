import { Picker, Text, View } from '@tarojs/components'
import type { BirthDateFieldProps } from './birth-date-types'

/** weapp: WeChat's native date wheel. */
export default function BirthDateField({ value, min, max, onChange }: BirthDateFieldProps) {
  return (
    <Picker mode='date' value={value || max} start={min} end={max} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='cc-input-box'>
        <Text className={value ? '' : 'cc-placeholder'}>{value || '请选择出生日期'}</Text>
      </View>
    </Picker>
  )
}
