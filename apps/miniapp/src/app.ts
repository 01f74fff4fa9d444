import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { enhanceAccessibility } from './platform/a11y'
import './nutui'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    enhanceAccessibility()
  })
  return children
}

export default App
