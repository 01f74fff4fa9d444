import { useEffect, useRef, useState } from 'react'
import type { JobView, OfferView, StaffMeView } from '@carecircle/shared'
import { ACTIVE_JOB_STATUSES, ErrorCode } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useSubmit } from '../../../../hooks/useSubmit'
import { useWhileVisible } from '../../../../hooks/useWhileVisible'
import { ApiError, errorMessage } from '../../../../services/api-error'
import { goHome, navigate, routes } from '../../../../services/navigation'
import { acceptOffer, declineOffer, departForJob, getStaffMe, listJobs, listOffers, setDuty } from '../../../../services/staff'
import { startPresence, stopPresence } from '../../../../services/staff-presence'
import { setOnDutyHere } from '../../../../services/storage'
import { askToSubscribe, prepareSubscribe } from '../../../../services/subscribe'
import { secondsLeft } from '../../../../utils/countdown'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import JobCard from './JobCard'
import OfferCard from './OfferCard'
import TrainingNotice, { noOffersText } from './TrainingNotice'
import './index.scss'

const POLL_MS = 5000

export default function WorkbenchPage() {
  const [me, setMe] = useState<StaffMeView | null>(null)
  const [offers, setOffers] = useState<OfferView[]>([])
  const [jobs, setJobs] = useState<JobView[]>([])
  const [loadError, setLoadError] = useState<string | null>(null)
  const [notStaff, setNotStaff] = useState<string | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [busy, setBusy] = useState<string | null>(null)
  useEffect(() => {
    void prepareSubscribe('duty')
  }, [])
  const notStaffRef = useRef(false)

  async function refreshLists() {
    const [o, j] = await Promise.all([listOffers(), listJobs()])
    setOffers(o)
    setJobs(j)
  }

  async function loadAll() {
    setLoadError(null)
    try {
      const staff = await getStaffMe()
      setMe(staff)
      setOnDutyHere(staff.onDuty)
      if (staff.onDuty) startPresence()
      else stopPresence()
      await refreshLists()
    } catch (err) {
      if (err instanceof ApiError && err.error === ErrorCode.NOT_STAFF) {
        notStaffRef.current = true
        setNotStaff(err.message)
      } else setLoadError(errorMessage(err, '加载失败，请稍后再试'))
    }
  }

  // New offers every 5 s and a countdown every second, only while the workbench is on screen.
  useWhileVisible(() => {
    void loadAll()
    const poll = setInterval(() => {
      if (!notStaffRef.current) refreshLists().catch(() => undefined)
    }, POLL_MS)
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => {
      clearInterval(poll)
      clearInterval(tick)
    }
  })

  const activeJobs = jobs.filter((j) => ACTIVE_JOB_STATUSES.includes(j.status))
  const doneJobs = jobs.filter((j) => j.status === 'completed').slice(0, 5)

  const { submitting: switching, run: switchDuty } = useSubmit(async (onDuty: boolean) => {
    if (!me || me.onDuty === onDuty) return
    if (!onDuty && activeJobs.length > 0) {
      const ok = await confirm('下班', `您还有 ${activeJobs.length} 个进行中的服务。下班后不再接收新派单，进行中的服务仍需完成。`, '下班')
      if (!ok) return
    }
    try {
      const updated = await setDuty(onDuty)
      setMe(updated)
      setOnDutyHere(updated.onDuty)
      if (updated.onDuty) startPresence()
      else stopPresence()
      toastSuccess(updated.onDuty ? '已上班' : '已下班')
      await refreshLists().catch(() => undefined)
    } catch (err) {
      toastError(err, '切换失败，请稍后再试')
    }
  })

  async function respond(offer: OfferView, accept: boolean) {
    if (busy) return
    setBusy(offer.id)
    try {
      if (accept) {
        await acceptOffer(offer.id)
        toastSuccess('接单成功')
      } else {
        await declineOffer(offer.id)
        toastSuccess('已拒绝')
      }
      setOffers((list) => list.filter((o) => o.id !== offer.id))
    } catch (err) {
      // OFFER.TAKEN / OFFER.EXPIRED: someone else was faster or the time ran out; say so and refresh.
      toastError(err, accept ? '接单失败' : '操作失败')
    } finally {
      setBusy(null)
      await refreshLists().catch(() => undefined)
    }
  }

  async function depart(job: JobView) {
    if (busy) return
    setBusy(job.orderId)
    try {
      await departForJob(job.orderId)
      toastSuccess('已出发')
      await refreshLists()
    } catch (err) {
      toastError(err, '操作失败')
    } finally {
      setBusy(null)
    }
  }

  if (notStaff) {
    return (
      <View className='cc-page'>
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='工' title='当前账号不是服务人员' description={`${notStaff}。机构添加您之后，重新进入本页即可接单。`}>
            <Button block onClick={goHome}>
              返回首页
            </Button>
          </EmptyState>
        </View>
      </View>
    )
  }

  if (!me) {
    return (
      <View className='cc-page'>
        <PageState loading={!loadError} error={loadError} onRetry={() => void loadAll()} />
      </View>
    )
  }

  const openOffers = offers.filter((o) => secondsLeft(o.expiresAt, now) > 0)

  return (
    <View className='cc-page bench'>
      <View className='cc-card cc-card--padded bench__me'>
        <View className='bench__who'>
          <Text className='bench__name'>{me.name}</Text>
          <Text className='cc-muted'>
            {me.providerName} · ★ {(me.ratingX100 / 100).toFixed(1)} 分
          </Text>
          <Text className='cc-muted'>
            进行中 {me.activeJobs} / 最多 {me.maxConcurrentJobs} 单
          </Text>
        </View>
        <View className='duty' role='radiogroup' aria-label='上下班'>
          <View
            role='radio'
            aria-checked={me.onDuty}
            className={`duty__option${me.onDuty ? ' duty__option--on' : ''}`}
            onClick={() => {
              if (switching) return
              if (!me.onDuty) askToSubscribe('duty')
              void switchDuty(true)
            }}
          >
            <Text>{me.onDuty ? '✓ 上班中' : '上班'}</Text>
          </View>
          <View
            role='radio'
            aria-checked={!me.onDuty}
            className={`duty__option duty__option--off${!me.onDuty ? ' duty__option--on' : ''}`}
            onClick={() => !switching && void switchDuty(false)}
          >
            <Text>{!me.onDuty ? '✓ 已下班' : '下班'}</Text>
          </View>
        </View>
        <Text className='bench__duty-note'>
          {switching ? '正在切换…' : me.onDuty ? '正在接收附近的派单，并每 30 秒上报一次位置。' : '下班时不会收到派单，也不上报位置。'}
        </Text>
      </View>
      <TrainingNotice me={me} />

      <Text className='bench__group'>新派单{openOffers.length ? `（${openOffers.length}）` : ''}</Text>
      {openOffers.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <Text className='cc-muted'>{noOffersText(me)}</Text>
        </View>
      ) : (
        openOffers.map((offer) => (
          <OfferCard
            key={offer.id}
            offer={offer}
            now={now}
            busy={busy === offer.id}
            onAccept={() => void respond(offer, true)}
            onDecline={() => void respond(offer, false)}
          />
        ))
      )}

      <Text className='bench__group'>我的任务{activeJobs.length ? `（${activeJobs.length}）` : ''}</Text>
      {activeJobs.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <Text className='cc-muted'>还没有进行中的任务。接单后，出发、签到、签退都在这里。</Text>
        </View>
      ) : (
        activeJobs.map((job) => (
          <JobCard
            key={job.orderId}
            job={job}
            busy={busy === job.orderId}
            onOpen={() => navigate(routes.staffJob(job.orderId))}
            onDepart={() => void depart(job)}
          />
        ))
      )}

      {doneJobs.length ? <Text className='bench__group'>最近完成</Text> : null}
      {doneJobs.map((job) => (
        <JobCard key={job.orderId} job={job} onOpen={() => navigate(routes.staffJob(job.orderId))} />
      ))}
    </View>
  )
}
