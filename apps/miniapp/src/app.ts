import type { PropsWithChildren } from 'react'
import { useDidHide, useDidShow, useLaunch } from '@tarojs/taro'
import { enhanceAccessibility } from './platform/a11y'
import { askConsentAtStart } from './services/consent'
import { startPresence, stopPresence } from './services/staff-presence'
import './nutui'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    enhanceAccessibility()
    // A saved login from before consent was recorded, or the policy changed since: ask (once per start).
    void askConsentAtStart()
  })
  // An on-duty staff member's position is reported only while the app is in the foreground.
  useDidShow(() => startPresence())
  useDidHide(() => stopPresence())
  return children
}

export default App
