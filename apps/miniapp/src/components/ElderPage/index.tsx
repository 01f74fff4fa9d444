import { type ReactNode, useState } from 'react'
import { Text, View } from '@tarojs/components'
import ElderButton from '../ElderButton'
import { readTextScale } from './text-scale'
import './index.scss'

/** From this text scale on (WeChat 关怀模式 is about 1.4×), buttons side by side stack instead. */
export const LARGE_TEXT_SCALE = 1.25

interface ElderPageProps {
  children: ReactNode
  className?: string
  /** A family member is looking at the elder's screen: said at the top, in words. */
  previewOf?: string | null
}

/**
 * The root of every 长辈版 page: large type (body ≥ 18 px, titles ≥ 22 px at 375 design width),
 * high contrast, nothing with a fixed height, so 30 px text and a 1.4× system scale still fit.
 */
export default function ElderPage({ children, className, previewOf }: ElderPageProps) {
  const [scale] = useState(readTextScale)
  return (
    <View className={`elder${scale >= LARGE_TEXT_SCALE ? ' elder--large' : ''}${className ? ` ${className}` : ''}`}>
      {previewOf ? (
        <View className='elder__preview'>
          <Text>预览：这是{previewOf}看到的长辈版，呼叫只做演练</Text>
        </View>
      ) : null}
      {children}
    </View>
  )
}

interface ElderPageStateProps {
  loading: boolean
  error: string | null
  onRetry: () => void
  /** A way out when the page cannot load (回到普通版 / 返回). */
  exit?: { label: string; onClick: () => void } | null
}

/** Loading and load-failed, in the same large type. */
export function ElderPageState({ loading, error, onRetry, exit }: ElderPageStateProps) {
  if (!error) {
    return <Text className='elder__title'>{loading ? '正在打开，请稍等…' : ''}</Text>
  }
  return (
    <View className='elder__stack'>
      <Text className='elder__title'>没有打开</Text>
      <Text className='elder__error'>{error}</Text>
      <ElderButton kind='primary' onClick={onRetry}>
        再试一次
      </ElderButton>
      {exit ? (
        <ElderButton kind='plain' onClick={exit.onClick}>
          {exit.label}
        </ElderButton>
      ) : null}
    </View>
  )
}
