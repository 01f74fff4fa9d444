// The two Taro components our own components use, as plain DOM for @testing-library/react.
import type { ReactNode } from 'react'

interface Props {
  children?: ReactNode
  className?: string
  onClick?: () => void
}

export function View({ children, className, onClick }: Props) {
  return (
    <div className={className} onClick={onClick}>
      {children}
    </div>
  )
}

export function Text({ children, className, onClick }: Props) {
  return (
    <span className={className} onClick={onClick}>
      {children}
    </span>
  )
}
