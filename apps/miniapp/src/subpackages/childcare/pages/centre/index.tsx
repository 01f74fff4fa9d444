import { useEffect, useState } from 'react'
import type { ChildcareCentreView } from '@carecircle/shared'
import { CARE_TYPE_LABELS, ErrorCode, shanghaiClock } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { ApiError, errorMessage } from '../../../../services/api-error'
import { checkIn, checkOut, decidePriorityFact, getRoster, listCentreWaitlist, type CentreWaitlistEntryView, type Roster, type RosterChild } from '../../../../services/childcare'
import { goHome } from '../../../../services/navigation'
import { todayYmd } from '../../../../utils/dates'
import { toastError, toastSuccess } from '../../../../utils/feedback'
import { attendanceState, attendanceText, canRunCentre, loadMyCentres, pickupChoices, type PickupChoices } from '../../logic/centre-access'
import { dayLabel } from '../../logic/calendar'
import { param } from '../../logic/family'
import { centrePositionText, deadlineText, isLive, logEventLabel, logNoteText } from '../../logic/waitlist'
import PriorityFacts from '../../components/PriorityFacts'
import FactDecision from './FactDecision'
import './index.scss'

type Tab = 'roster' | 'waitlist'
const OUTSIDER = 'outsider'

interface Refusal {
  message: string
  at: string
}

function CheckOutPanel({ child, busy, onConfirm, onCancel }: { child: RosterChild; busy: boolean; onConfirm: (personId: string | null, label: string) => void; onCancel: () => void }) {
  const [choices, setChoices] = useState<PickupChoices | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    pickupChoices(child).then((c) => live && setChoices(c))
    return () => {
      live = false
    }
  }, [child.childId])

  if (!choices) return <Text className='care-hint'>正在读取授权接送人…</Text>
  const options = [
    ...choices.persons.map((p) => ({ value: p.id, label: `${p.name}（${p.relation}）${p.phoneMasked}` })),
    { value: OUTSIDER, label: '名单外的人' },
  ]
  const label = chosen === OUTSIDER ? '' : options.find((o) => o.value === chosen)?.label ?? ''
  return (
    <View className='care-roster__panel'>
      <Text className='care-roster__ask'>谁来接{child.name}？</Text>
      {choices.unavailable ? <Text className='cc-note'>{choices.unavailable}</Text> : null}
      {!choices.unavailable && choices.persons.length === 0 ? <Text className='cc-note'>家长还没有登记授权接送人，请联系家长。</Text> : null}
      <ChoiceChips options={options} selected={chosen ? [chosen] : []} onToggle={setChosen} />
      <View className='cc-row-actions care-roster__panel-actions'>
        <Button onClick={onCancel}>取消</Button>
        <Button type='primary' loading={busy} onClick={() => (chosen ? onConfirm(chosen === OUTSIDER ? null : chosen, label) : toastError('请先选择来接孩子的人'))}>
          确认交接
        </Button>
      </View>
    </View>
  )
}

function RosterView({ roster, busy, onCheckIn, onCheckOut, refusals }: {
  roster: Roster
  busy: boolean
  onCheckIn: (c: RosterChild) => void
  onCheckOut: (c: RosterChild, personId: string | null, label: string) => Promise<boolean>
  refusals: Record<string, Refusal>
}) {
  const [outFor, setOutFor] = useState<string | null>(null)
  const inCount = roster.children.filter((c) => attendanceState(c) === 'in').length
  const outCount = roster.children.filter((c) => attendanceState(c) === 'out').length
  return (
    <>
      <Text className='care-hint'>
        {dayLabel(roster.date)} · 应到 {roster.children.length} · 在园 {inCount} · 已离园 {outCount}
      </Text>
      {roster.children.length === 0 ? (
        <View className='cc-card cc-card--padded care-roster__empty'>
          <EmptyState mark='册' title='今天本班没有在托幼儿' description='按月入托和预约了今天计时托、临时托的幼儿会出现在这里。' />
        </View>
      ) : null}
      {roster.children.map((c) => {
        const state = attendanceState(c)
        const refusal = refusals[c.childId]
        return (
          <View key={c.childId} className={`care-roster__child care-roster__child--${state}`}>
            <View className='care-roster__head'>
              <View className='care-roster__who'>
                <Text className='care-roster__name'>{c.name}</Text>
                <Text className='care-roster__meta'>
                  {c.ageMonths} 个月 · {CARE_TYPE_LABELS[c.careType]}
                </Text>
              </View>
              {state === 'absent' ? (
                <Button type='primary' size='small' disabled={busy} onClick={() => onCheckIn(c)}>
                  签到
                </Button>
              ) : state === 'in' && outFor !== c.childId ? (
                <Button size='small' disabled={busy} onClick={() => setOutFor(c.childId)}>
                  签退
                </Button>
              ) : null}
            </View>
            <Text className={`care-roster__state care-roster__state--${state}`}>{attendanceText(c)}</Text>
            {refusal ? (
              <View className='care-problem care-roster__refusal'>
                <Text className='care-problem__title'>✕ 已拒绝交接（{refusal.at}）</Text>
                <Text className='care-problem__text'>{refusal.message}</Text>
              </View>
            ) : null}
            {outFor === c.childId ? (
              <CheckOutPanel
                child={c}
                busy={busy}
                onCancel={() => setOutFor(null)}
                onConfirm={(personId, label) => {
                  void onCheckOut(c, personId, label).then((ok) => ok && setOutFor(null))
                }}
              />
            ) : null}
          </View>
        )
      })}
    </>
  )
}

type Decide = (entry: CentreWaitlistEntryView, fact: string, verified: boolean, note: string) => Promise<string | null>

function WaitlistView({ entries, deciding, onDecide }: { entries: CentreWaitlistEntryView[]; deciding: string | null; onDecide: Decide }) {
  if (entries.length === 0) {
    return (
      <View className='cc-card cc-card--padded'>
        <EmptyState mark='候' title='本班没有轮候记录' description='班级满员时家长可加入轮候，顺序和过程会记录在这里。' />
      </View>
    )
  }
  return (
    <>
      {entries.map((e) => (
        <View key={e.id} className='care-cwait'>
          <View className='care-cwait__head'>
            <Text className='care-cwait__child'>{e.childName}</Text>
            <Text className={`care-cwait__pos${e.status === 'waiting' ? '' : ' care-cwait__pos--muted'}`}>{centrePositionText(e)}</Text>
          </View>
          <Text className='care-hint'>
            {e.className} · {CARE_TYPE_LABELS[e.careType]} · 得分 {e.score}
            {e.status === 'offered' && e.offerExpiresAt ? ` · 保留至 ${deadlineText(e.offerExpiresAt)}` : ''}
          </Text>
          <Text className='care-cwait__reasons'>{e.reasons.join('；')}</Text>
          <PriorityFacts
            facts={e.facts}
            title='家长申报的优先条件'
            noteLabel='核验说明'
            renderActions={(f) =>
              // Only a waiting entry's order can still change; the server refuses the rest.
              f.status === 'pending' && e.status === 'waiting' ? (
                <FactDecision fact={f} childName={e.childName} busy={deciding !== null} onDecide={(verified, note) => onDecide(e, f.fact, verified, note)} />
              ) : null
            }
          />
          <View className='care-cwait__log'>
            {e.log.map((l, i) => (
              <Text key={i} className='care-cwait__line'>
                {deadlineText(l.at)} {logEventLabel(l.event)}
                {l.note ? `：${logNoteText(l.note)}` : ''}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </>
  )
}

export default function CentrePage() {
  const { params } = useRouter()
  const asked = param(params, 'centreId')
  const { data, loading, error, reload } = useLoader(loadMyCentres)
  const [centreId, setCentreId] = useState<string | null>(null)
  const [classId, setClassId] = useState<string | null>(null)
  const [tab, setTab] = useState<Tab>('roster')
  const [roster, setRoster] = useState<Roster | null>(null)
  const [waitlist, setWaitlist] = useState<CentreWaitlistEntryView[] | null>(null)
  const [partError, setPartError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [refusals, setRefusals] = useState<Record<string, Refusal>>({})
  const [deciding, setDeciding] = useState<string | null>(null)

  const centre: ChildcareCentreView | null = data?.centres.find((c) => c.id === centreId) ?? null

  useEffect(() => {
    if (!data || (centreId && data.centres.some((c) => c.id === centreId))) return
    setCentreId(data.centres.find((c) => c.id === asked)?.id ?? data.centres[0]?.id ?? null)
  }, [data])

  useEffect(() => {
    if (!centre) return
    if (!classId || !centre.classes.some((k) => k.id === classId)) setClassId(centre.classes[0]?.id ?? null)
  }, [centre?.id, data])

  useEffect(() => {
    if (!centre || !classId) return
    let live = true
    setPartError(null)
    setRoster(null)
    setRefusals({})
    Promise.all([getRoster(classId, todayYmd()), listCentreWaitlist(centre.id)])
      .then(([r, w]) => {
        if (!live) return
        setRoster(r)
        setWaitlist(w)
      })
      .catch((err: unknown) => live && setPartError(errorMessage(err, '加载失败')))
    return () => {
      live = false
    }
  }, [centre?.id, classId, attempt])

  usePullDownRefresh(() => {
    void reload().finally(() => {
      setAttempt((n) => n + 1)
      Taro.stopPullDownRefresh()
    })
  })

  const { submitting, run: doCheckIn } = useSubmit(async (c: RosterChild) => {
    if (!classId) return
    try {
      setRoster(await checkIn(classId, c.childId))
      toastSuccess('已签到')
    } catch (err) {
      toastError(err)
    }
  })

  const [checkingOut, setCheckingOut] = useState(false)
  async function doCheckOut(c: RosterChild, personId: string | null, label: string): Promise<boolean> {
    if (!classId || checkingOut) return false
    setCheckingOut(true)
    try {
      setRoster(await checkOut(classId, c.childId, personId))
      setRefusals((r) => {
        const next = { ...r }
        delete next[c.childId]
        return next
      })
      toastSuccess('已签退')
      return true
    } catch (err) {
      if (err instanceof ApiError && err.error === ErrorCode.PICKUP_NOT_AUTHORISED) {
        const at = shanghaiClock(new Date())
        setRefusals((r) => ({ ...r, [c.childId]: { message: label ? `来接的人：${label}。${err.message}` : err.message, at } }))
        return true
      }
      toastError(err)
      return false
    } finally {
      setCheckingOut(false)
    }
  }

  /** A decision re-scores the entry, so the whole queue is read again to show the new order. */
  async function decideFact(entry: CentreWaitlistEntryView, fact: string, verified: boolean, note: string): Promise<string | null> {
    if (deciding || !centre) return null
    setDeciding(`${entry.id}/${fact}`)
    try {
      await decidePriorityFact(entry.id, fact, verified ? { verified } : { verified, note })
      toastSuccess(verified ? '已核验通过' : '已记录不通过')
      try {
        setWaitlist(await listCentreWaitlist(centre.id))
      } catch (err) {
        toastError(err, '核验已保存，名单刷新失败，请下拉刷新')
      }
      return null
    } catch (err) {
      const noteError = err instanceof ApiError ? err.fieldErrors.find((f) => f.field === 'note')?.message : undefined
      if (noteError) return noteError
      toastError(err, '核验失败，请稍后再试')
      // Someone else may have decided it meanwhile (409): show the list as it is now.
      if (err instanceof ApiError && err.statusCode === 409) listCentreWaitlist(centre.id).then(setWaitlist).catch(() => undefined)
      return null
    } finally {
      setDeciding(null)
    }
  }

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  if (!canRunCentre(data.me) || data.centres.length === 0) {
    return (
      <View className='cc-page'>
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='托' title='没有可管理的托育机构' description='此页面供托育机构的管理员、保育人员和街道运营使用。如您是机构人员，请联系机构管理员把您加入机构。'>
            <Button type='primary' block onClick={goHome}>
              返回首页
            </Button>
          </EmptyState>
        </View>
      </View>
    )
  }

  const cls = centre?.classes.find((k) => k.id === classId) ?? null
  const classWaitlist = (waitlist ?? []).filter((w) => w.classId === classId)

  return (
    <View className='cc-page care-centre-page'>
      {data.centres.length > 1 ? (
        <>
          <Text className='care-section care-centre-page__first'>机构</Text>
          <ChoiceChips options={data.centres.map((c) => ({ value: c.id, label: c.name }))} selected={centreId ? [centreId] : []} onToggle={setCentreId} />
        </>
      ) : (
        <Text className='cc-title'>{centre?.name}</Text>
      )}

      <Text className='care-section'>班级</Text>
      {centre && centre.classes.length === 0 ? <Text className='care-hint'>本机构还没有开设班级。</Text> : null}
      <ChoiceChips
        options={(centre?.classes ?? []).map((k) => ({ value: k.id, label: `${k.name} ${k.enrolled}/${k.capacity}` }))}
        selected={classId ? [classId] : []}
        onToggle={setClassId}
      />

      {cls ? (
        <View className='care-tabs' role='tablist'>
          <View role='tab' aria-selected={tab === 'roster'} className={`care-tabs__tab${tab === 'roster' ? ' care-tabs__tab--on' : ''}`} onClick={() => setTab('roster')}>
            <Text>今日名册</Text>
          </View>
          <View role='tab' aria-selected={tab === 'waitlist'} className={`care-tabs__tab${tab === 'waitlist' ? ' care-tabs__tab--on' : ''}`} onClick={() => setTab('waitlist')}>
            <Text>轮候名单{waitlist ? `（${classWaitlist.filter(isLive).length}）` : ''}</Text>
          </View>
        </View>
      ) : null}

      {partError ? (
        <PageState error={partError} onRetry={() => setAttempt((n) => n + 1)} />
      ) : !cls ? null : tab === 'roster' ? (
        roster ? (
          <RosterView roster={roster} busy={submitting || checkingOut} onCheckIn={(c) => void doCheckIn(c)} onCheckOut={doCheckOut} refusals={refusals} />
        ) : (
          <PageState loading />
        )
      ) : waitlist ? (
        <WaitlistView entries={classWaitlist} deciding={deciding} onDecide={decideFact} />
      ) : (
        <PageState loading />
      )}
    </View>
  )
}
