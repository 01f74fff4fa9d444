import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface EmptyStateProps {
  /** One or two characters drawn in the round badge. */
  mark?: string
  title: string
  description?: string
  children?: ReactNode
}

/** Says what is missing and what to do next; the actions go in children. */
export default function EmptyState({ mark = '＋', title, description, children }: EmptyStateProps) {
  return (
    <View className='cc-empty'>
      <View className='cc-empty__mark'>
        <Text>{mark}</Text>
      </View>
      <Text className='cc-empty__title'>{title}</Text>
      {description ? <Text className='cc-empty__desc'>{description}</Text> : null}
      {children ? <View className='cc-empty__actions'>{children}</View> : null}
    </View>
  )
}
