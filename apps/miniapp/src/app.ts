import type { PropsWithChildren } from 'react'
import { useDidHide, useDidShow, useLaunch } from '@tarojs/taro'
import { enhanceAccessibility } from './platform/a11y'
import { startPresence, stopPresence } from './services/staff-presence'
import './nutui'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    enhanceAccessibility()
  })
  // An on-duty staff member's position is reported only while the app is in the foreground.
  useDidShow(() => startPresence())
  useDidHide(() => stopPresence())
  return children
}

export default App
