import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ElderButton from '../../../../components/ElderButton'
import ElderConfirm from '../../../../components/ElderConfirm'
import ElderPage, { ElderPageState } from '../../../../components/ElderPage'
import { useLoader } from '../../../../hooks/useLoader'
import { useWhileVisible } from '../../../../hooks/useWhileVisible'
import { errorMessage } from '../../../../services/api-error'
import { decideOrder } from '../../../../services/elder'
import { leaveElderMode } from '../../../../services/elder-mode'
import { elderRoutes } from '../../../../services/elder-routes'
import { goBackOr, navigate } from '../../../../services/navigation'
import { greeting, shanghaiHour, todayYmd } from '../../../../utils/dates'
import { exitFor, linkParams, loadElderScreen, useModeParams } from '../../data'
import { deviceName } from '../../logic/words'
import PendingCard, { type Decision } from './PendingCard'
import './index.scss'

/** New orders from the family and a staff member setting off show up without touching anything. */
const REFRESH_MS = 30_000

interface Answered {
  decision: Decision
  serviceName: string
  orderedBy: string
}

function thisDevice(): string | undefined {
  return deviceName(() => (typeof Taro.getDeviceInfo === 'function' ? Taro.getDeviceInfo() : Taro.getSystemInfoSync()))
}

export default function ElderHomePage() {
  const params = useModeParams()
  const { data, loading, error, reload } = useLoader(() => loadElderScreen(params))
  const [busy, setBusy] = useState(false)
  const [answered, setAnswered] = useState<Answered | null>(null)
  const [answerError, setAnswerError] = useState<string | null>(null)
  const [leaving, setLeaving] = useState(false)

  useWhileVisible(() => {
    const id = setInterval(() => void reload(), REFRESH_MS)
    return () => clearInterval(id)
  })

  if (!data) {
    return (
      <ElderPage>
        <ElderPageState loading={loading} error={error} onRetry={() => void reload()} exit={exitFor(params)} />
      </ElderPage>
    )
  }

  const { home, self } = data
  const link = linkParams(data, params)
  const pending = home.pendingConfirmations[0] ?? null
  const now = new Date()

  async function decide(decision: Decision) {
    if (!pending || busy) return
    setBusy(true)
    setAnswerError(null)
    try {
      await decideOrder(pending.orderId, decision, thisDevice())
      setAnswered({ decision, serviceName: pending.serviceName, orderedBy: pending.orderedBy })
      await reload()
    } catch (err) {
      setAnswerError(errorMessage(err, '没有发出去，请再试一次'))
    } finally {
      setBusy(false)
    }
  }

  const today = todayYmd(now)
  // The list also carries tomorrow's visits; the button counts today's only.
  const thingsToday = home.today.filter((o) => !o.windowStart || todayYmd(new Date(o.windowStart)) === today).length + home.meals.filter((m) => m.date === today && !m.collected).length
  const nextMeal = home.meals.find((m) => !m.collected)
  const lastCollected = [...home.meals].reverse().find((m) => m.collected && m.date === today)

  return (
    <ElderPage previewOf={params.preview ? home.name : null} className='elder-home'>
      <Text className='elder__title'>
        {home.name}，{greeting(shanghaiHour(now))}
      </Text>

      {error ? <Text className='elder__error'>没有刷新成功：{error}</Text> : null}

      {home.activeSos ? (
        <View className='elder-card elder-card--alarm'>
          <Text className='elder-card__title'>您的呼叫：{home.activeSos.statusLabel}</Text>
          {home.activeSos.staffName ? <Text className='elder-card__line'>{home.activeSos.staffName}正在赶来</Text> : null}
          <View className='elder-home__card-action'>
            <ElderButton kind='danger' onClick={() => navigate(elderRoutes.sos({ ...link, sosId: home.activeSos?.id }))}>
              查看呼叫进展
            </ElderButton>
          </View>
        </View>
      ) : null}

      {answered ? (
        <Text className='elder__ok'>
          {answered.decision === 'confirm'
            ? `已告诉${answered.orderedBy}：您要「${answered.serviceName}」。`
            : `已告诉${answered.orderedBy}：您不需要「${answered.serviceName}」。改主意了，请打电话给家人再约。`}
        </Text>
      ) : null}
      {answerError ? <Text className='elder__error'>{answerError}</Text> : null}

      {pending ? (
        <PendingCard
          key={pending.orderId}
          item={pending}
          canAnswer={self && !params.preview}
          busy={busy}
          more={home.pendingConfirmations.length - 1}
          now={now}
          onDecide={(d) => void decide(d)}
        />
      ) : null}

      <View className='elder__stack elder-home__main'>
        <ElderButton
          size='xl'
          kind='plain'
          detail={thingsToday > 0 ? `今天有 ${thingsToday} 件事` : '今天没有安排'}
          onClick={() => navigate(elderRoutes.today(link))}
        >
          今日服务
        </ElderButton>
        <ElderButton
          size='xl'
          kind='primary'
          detail={
            nextMeal
              ? `已订好${nextMeal.date === today ? '今天' : '明天'}${nextMeal.periodLabel}`
              : lastCollected
                ? `今天${lastCollected.periodLabel}${lastCollected.statusLabel}`
                : '订今天、明天的饭'
          }
          onClick={() => navigate(elderRoutes.meal(link))}
        >
          订餐
        </ElderButton>
        <ElderButton size='xl' kind='danger' detail='按住 2 秒，叫人来帮忙' onClick={() => navigate(elderRoutes.sos(link))}>
          一键呼叫
        </ElderButton>
        <ElderButton
          size='xl'
          kind='plain'
          detail={home.family.length ? `${home.family.map((f) => f.name).slice(0, 2).join('、')}，点一下打电话` : '还没有家人电话'}
          onClick={() => navigate(elderRoutes.family(link))}
        >
          我的家人
        </ElderButton>
      </View>

      <View className='elder-home__footer'>
        {params.preview ? (
          <ElderButton kind='plain' onClick={() => goBackOr()}>
            退出预览
          </ElderButton>
        ) : leaving ? (
          <ElderConfirm
            question='换成普通版吗？'
            detail='普通版字小、功能多，适合家人帮忙操作。以后可在「我的」里换回长辈版。'
            yesLabel='是的，换'
            yesKind='plain'
            onYes={() => void leaveElderMode()}
            onNo={() => setLeaving(false)}
          />
        ) : (
          <ElderButton kind='plain' onClick={() => setLeaving(true)}>
            切换到普通版
          </ElderButton>
        )}
      </View>
    </ElderPage>
  )
}
