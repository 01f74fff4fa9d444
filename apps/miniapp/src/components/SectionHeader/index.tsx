import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function SectionHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <View className='cc-section-header'>
      <Text className='cc-section-header__title'>{title}</Text>
      {extra ? <View className='cc-section-header__extra'>{extra}</View> : null}
    </View>
  )
}
