import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './index.scss'

export type ElderButtonKind = 'primary' | 'danger' | 'plain'

interface ElderButtonProps {
  children: ReactNode
  onClick?: () => void
  kind?: ElderButtonKind
  /** `xl` for the few main choices of a screen (≥ 88 px tall), `lg` for everything else (≥ 64 px). */
  size?: 'xl' | 'lg'
  /** A second, smaller line under the label (今天 2 件 / 离您 350 米). */
  detail?: string | null
  loading?: boolean
  disabled?: boolean
  className?: string
}

/** A 长辈版 button: full width, at least 64 px tall, label in words (never an icon alone), grows with its text. */
export default function ElderButton({ children, onClick, kind = 'plain', size = 'lg', detail, loading, disabled, className }: ElderButtonProps) {
  return (
    <Button
      block
      className={`elder-btn elder-btn--${kind} elder-btn--${size}${className ? ` ${className}` : ''}`}
      loading={loading}
      disabled={disabled}
      onClick={() => onClick?.()}
    >
      <Text className='elder-btn__label'>{children}</Text>
      {detail ? <Text className='elder-btn__detail'>{detail}</Text> : null}
    </Button>
  )
}
