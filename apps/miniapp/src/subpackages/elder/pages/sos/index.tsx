import { useEffect, useRef, useState } from 'react'
import type { GeoPoint, SosView } from '@carecircle/shared'
import { ErrorCode } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import ElderButton from '../../../../components/ElderButton'
import ElderPage from '../../../../components/ElderPage'
import { ApiError, errorMessage } from '../../../../services/api-error'
import { cancelSos, getSos, raiseSos } from '../../../../services/elder'
import { decoded, elderRoutes } from '../../../../services/elder-routes'
import { backToElderHome, useModeParams } from '../../data'
import { HOLD_MS } from '../../logic/hold'
import { cancelDeadline, cancelSecondsLeft, isSettled, sosPhase, sosWords } from '../../logic/sos-status'
import { useHold } from './useHold'
import { locateForSos } from './where'
import './index.scss'

/** "谁在赶来" is polled every 3 s while the screen is on. */
const POLL_MS = 3000
/** The position is asked for when the finger goes down; it may add at most this much after the hold. */
const LOCATION_GRACE_MS = 1500

interface Live {
  sos: SosView
  /** End of the cancel window on this phone's clock. */
  deadline: number
}

function callEmergency() {
  Taro.makePhoneCall({ phoneNumber: '120' }).catch(() => undefined)
}

export default function ElderSosPage() {
  const params = useModeParams()
  const { params: raw } = useRouter()
  const existingId = decoded(raw.sosId)
  // A family member previewing or rehearsing never sends anyone out.
  const drill = raw.drill === '1' || params.preview === true
  const homeUrl = elderRoutes.home(params)

  const [live, setLive] = useState<Live | null>(null)
  const [calling, setCalling] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const [now, setNow] = useState(() => Date.now())
  const [visible, setVisible] = useState(true)
  const location = useRef<Promise<GeoPoint | null> | null>(null)

  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  async function raise() {
    setCalling(true)
    setError(null)
    try {
      const where = await (location.current ?? Promise.resolve(null))
      const sos = await raiseSos({
        ...(params.elderId ? { elderId: params.elderId } : {}),
        ...(where ? { location: where } : {}),
        ...(drill ? { drill: true } : {}),
      })
      const received = Date.now()
      setNow(received)
      setLive({ sos, deadline: cancelDeadline(sos, received) })
    } catch (err) {
      setError(errorMessage(err, '没有呼叫出去'))
      hold.reset()
    } finally {
      setCalling(false)
      location.current = null
    }
  }

  const hold = useHold(() => void raise())

  // A call already running (from the home card): show its progress.
  useEffect(() => {
    if (!existingId) return
    getSos(existingId)
      .then((sos) => {
        const received = Date.now()
        setLive({ sos, deadline: cancelDeadline(sos, received) })
      })
      .catch((err) => setError(errorMessage(err, '没有打开')))
  }, [existingId])

  const phase = live ? sosPhase(live.sos, live.deadline, now) : null
  const secondsLeft = live ? cancelSecondsLeft(live.deadline, now) : 0
  const settled = phase ? isSettled(phase) : false

  // The countdown number, once a quarter second while it runs.
  useEffect(() => {
    if (phase !== 'cancel-window') return
    const id = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(id)
  }, [phase])

  // 谁在赶来: poll while the screen is on and the call is still open.
  useEffect(() => {
    if (!live || settled || !visible) return
    const id = setInterval(() => {
      getSos(live.sos.id)
        .then((sos) => {
          setLive((prev) => (prev && prev.sos.id === sos.id ? { ...prev, sos } : prev))
          setNow(Date.now())
        })
        .catch(() => undefined)
    }, POLL_MS)
    return () => clearInterval(id)
  }, [live?.sos.id, settled, visible])

  async function cancel() {
    if (!live || cancelling) return
    setCancelling(true)
    try {
      const sos = await cancelSos(live.sos.id)
      setLive({ ...live, sos })
    } catch (err) {
      if (err instanceof ApiError && err.error === ErrorCode.SOS_CANCEL_WINDOW_PASSED) {
        setNote('呼叫已经发出，不能取消了。有人来了，跟他说明情况就好。')
        setLive({ ...live, deadline: Date.now() })
      } else {
        setError(errorMessage(err, '没有取消成功，请再按一次'))
      }
    } finally {
      setCancelling(false)
    }
  }

  function again() {
    setLive(null)
    setNote(null)
    setError(null)
    hold.reset()
  }

  const holding = hold.state.kind === 'holding'
  const progress = hold.state.kind === 'holding' ? hold.state.progress : hold.state.kind === 'fired' ? 1 : 0
  const degrees = Math.round(progress * 360)

  return (
    <ElderPage className='elder-sos'>
      {drill ? <Text className='elder-sos__drill'>演练：只通知家人和街道值班，不会派服务人员上门</Text> : null}

      {!live ? (
        <>
          <Text className='elder__title'>一键呼叫</Text>
          <Text className='elder__text'>用手指按住红色圆圈不放，等圆圈转满（{HOLD_MS / 1000} 秒），就会叫附近的服务人员和您的家人。</Text>
          <View className='elder-sos__ring-wrap'>
            <View
              className={`elder-sos__ring${holding ? ' elder-sos__ring--holding' : ''}`}
              style={{ background: `conic-gradient(#8f1c12 ${degrees}deg, #f2c9c4 ${degrees}deg)` }}
              catchMove
              ariaRole='button'
              onTouchStart={() => {
                if (calling) return
                location.current = locateForSos(HOLD_MS + LOCATION_GRACE_MS)
                hold.press()
              }}
              onTouchEnd={(e) => {
                // The cancel button appears under the finger: lifting it must not become a click on it.
                e.preventDefault?.()
                hold.release()
              }}
              onTouchCancel={() => hold.release()}
            >
              <View className='elder-sos__button'>
                <Text className='elder-sos__button-text'>{calling ? '正在呼叫' : holding ? '继续按住' : '按住呼叫'}</Text>
                <Text className='elder-sos__button-sub'>{calling ? '请稍等' : holding ? `${Math.max(1, Math.ceil((1 - progress) * (HOLD_MS / 1000)))} 秒` : '2 秒'}</Text>
              </View>
            </View>
          </View>
          {hold.state.kind === 'idle' && hold.state.tooShort ? (
            <Text className='elder__error'>还没有呼叫。要一直按住，等红圈转满再松手。</Text>
          ) : null}
        </>
      ) : (
        <SosStatus
          live={live}
          phase={phase!}
          secondsLeft={secondsLeft}
          cancelling={cancelling}
          onCancel={() => void cancel()}
          onAgain={again}
        />
      )}

      {error ? <Text className='elder__error'>{error}</Text> : null}
      {note ? <Text className='elder__ok'>{note}</Text> : null}

      <View className='elder-sos__footer elder__stack'>
        <ElderButton kind='plain' detail='情况危急，直接打急救电话' onClick={callEmergency}>
          打 120
        </ElderButton>
        {phase !== 'cancel-window' ? (
          <ElderButton kind='plain' onClick={() => backToElderHome(homeUrl)}>
            返回首页
          </ElderButton>
        ) : null}
      </View>
    </ElderPage>
  )
}

interface SosStatusProps {
  live: Live
  phase: NonNullable<ReturnType<typeof sosPhase>>
  secondsLeft: number
  cancelling: boolean
  onCancel: () => void
  onAgain: () => void
}

/** The finger that held the ring may still be lifting when 取消呼叫 appears: taps that soon are not the elder's choice. */
const CANCEL_ARM_MS = 800

function SosStatus({ live, phase, secondsLeft, cancelling, onCancel, onAgain }: SosStatusProps) {
  const words = sosWords(live.sos, phase, secondsLeft)
  const [shownAt] = useState(() => Date.now())
  const cancelIfMeant = () => {
    if (Date.now() - shownAt >= CANCEL_ARM_MS) onCancel()
  }
  return (
    <View className={`elder-sos__status elder-sos__status--${phase}`}>
      <Text className='elder__title'>{words.headline}</Text>
      {phase === 'cancel-window' ? (
        <View className='elder-sos__countdown' ariaLabel={`还剩 ${secondsLeft} 秒可以取消`}>
          <Text className='elder-sos__seconds'>{secondsLeft}</Text>
          <Text className='elder-sos__seconds-unit'>秒</Text>
        </View>
      ) : null}
      {words.detail ? <Text className='elder__text elder-sos__detail'>{words.detail}</Text> : null}
      {phase === 'cancel-window' ? (
        <ElderButton size='xl' kind='plain' className='elder-sos__cancel' loading={cancelling} onClick={cancelIfMeant}>
          取消呼叫
        </ElderButton>
      ) : null}
      {phase === 'cancelled' || phase === 'drill-done' ? (
        <ElderButton kind='danger' onClick={onAgain}>
          {phase === 'cancelled' ? '重新呼叫' : '再演练一次'}
        </ElderButton>
      ) : null}
    </View>
  )
}
