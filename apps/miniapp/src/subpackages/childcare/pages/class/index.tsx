import { useEffect, useMemo, useRef, useState } from 'react'
import type { CareType, ChildcareCentreView, EnrolInput, EnrolmentView } from '@carecircle/shared'
import { CARE_TYPE_LABELS, formatFen, shanghaiParts } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { enrol, listCentres, listEnrolments } from '../../../../services/childcare'
import { childcareRoutes } from '../../../../services/childcare-routes'
import { navigate, replace, scrollToFirstError } from '../../../../services/navigation'
import { todayYmd } from '../../../../utils/dates'
import { toastError } from '../../../../utils/feedback'
import { bandText, childClassText, mismatchReason } from '../../logic/age-fit'
import { dayLabel, dayOptions, durationOptions, endTimeOf, monthLong, monthOptions, startTimeOptions, withHourlyCutoff } from '../../logic/calendar'
import { activeMonthlyPlace } from '../../logic/enrolment'
import { loadFamily, param, type Family } from '../../logic/family'
import { bookingPrice, careTypeOffers, isMonthly } from '../../logic/price'
import { createEnrolSubmitter, enrolProblem, type EnrolProblem } from '../../logic/submit'
import { EVIDENCE_NOTE_MAX, PRIORITY_FACTS, evidenceErrorsFromApi, evidenceInput, validateEvidence, type PriorityFact } from '../../logic/waitlist'
import './index.scss'

interface ClassPageData {
  family: Family
  centres: ChildcareCentreView[]
  /** To say up front that a child already has a monthly place (the server refuses a second one). */
  enrolments: EnrolmentView[]
}

async function loadClassPage(): Promise<ClassPageData> {
  const [family, centres, enrolments] = await Promise.all([loadFamily(), listCentres(), listEnrolments().catch(() => [])])
  return { family, centres, enrolments }
}

function problemTitle(p: EnrolProblem): string {
  switch (p.kind) {
    case 'age':
      return '年龄不符合本班'
    case 'full':
      return p.canWaitlist ? '本班已满' : '这天已约满'
    case 'already':
      return '已有托位'
    case 'maybe-done':
      return '可能已提交'
    default:
      return '预约未成功'
  }
}

function without(errors: Record<string, string>, key: string): Record<string, string> {
  if (!(key in errors)) return errors
  const next = { ...errors }
  delete next[key]
  return next
}

function firstEnabled(options: { value: string; disabled: boolean }[]): string | null {
  return options.find((o) => !o.disabled)?.value ?? null
}

export default function ClassPage() {
  const { params } = useRouter()
  const centreId = param(params, 'centreId')
  const classId = param(params, 'classId')
  const childId = param(params, 'childId')
  const { data, loading, error, reload } = useLoader(loadClassPage)
  const today = todayYmd()
  const clockNow = shanghaiParts(new Date())

  const centre = data?.centres.find((c) => c.id === centreId) ?? null
  const cls = centre?.classes.find((k) => k.id === classId) ?? null
  const child = data?.family.children.find((c) => c.id === childId) ?? null

  const offers = useMemo(() => (cls ? careTypeOffers(cls.prices) : []), [cls?.id, data])
  const [careType, setCareType] = useState<CareType | null>(null)
  const [month, setMonth] = useState<string | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [startTime, setStartTime] = useState<string | null>(null)
  const [hours, setHours] = useState<number>(2)
  const [fullDays, setFullDays] = useState<string[]>([])
  const [problem, setProblem] = useState<EnrolProblem | null>(null)
  const [waitlistOpen, setWaitlistOpen] = useState(false)
  const [facts, setFacts] = useState<PriorityFact[]>([])
  const [evidence, setEvidence] = useState<Record<string, string>>({})
  const [evidenceErrors, setEvidenceErrors] = useState<Record<string, string>>({})
  const submitter = useRef(createEnrolSubmitter(enrol))

  const months = cls && child ? monthOptions(today, child, cls.ageClass) : []
  const allDays = cls && child ? dayOptions(today, child, cls.ageClass, fullDays) : []
  const days = careType === 'hourly' ? withHourlyCutoff(allDays, today, clockNow.hour, clockNow.minute, centre) : allDays
  const starts = date ? startTimeOptions(date, today, clockNow.hour, clockNow.minute, centre) : []
  const durations = durationOptions(startTime, centre)

  // A child with a monthly place already starts on a day type (a second monthly place is refused).
  useEffect(() => {
    if (careType || !offers.length || !data || !child) return
    const daily = offers.find((o) => !isMonthly(o.careType))
    setCareType(activeMonthlyPlace(data.enrolments, child.id) && daily ? daily.careType : offers[0].careType)
  }, [offers])
  useEffect(() => {
    if (!month || months.find((m) => m.value === month)?.disabled) setMonth(firstEnabled(months))
    if (!date || days.find((d) => d.value === date)?.disabled) setDate(firstEnabled(days))
  }, [cls?.id, child?.id, fullDays.join(), careType])
  useEffect(() => {
    if (!startTime || starts.find((s) => s.value === startTime)?.disabled) setStartTime(firstEnabled(starts))
  }, [date])
  useEffect(() => {
    if (durations.find((d) => d.value === String(hours))?.disabled) setHours(Number(firstEnabled(durations) ?? 1))
  }, [startTime])

  const monthly = careType ? isMonthly(careType) : true
  const full = !!cls && monthly && cls.free === 0
  const showWaitlist = monthly && (full || waitlistOpen)

  const { submitting, run: submit } = useSubmit(async (waitlist: boolean) => {
    if (!cls || !child || !careType) return
    const input: EnrolInput = { childId: child.id, classId: cls.id, careType }
    if (monthly) {
      if (!month) return toastError('请选择入托月份')
      input.startMonth = month
    } else {
      if (!date) return toastError('请选择日期')
      input.date = date
      if (careType === 'hourly') {
        if (!startTime) return toastError('请选择开始时间')
        input.startTime = startTime
        input.endTime = endTimeOf(startTime, hours)
      }
    }
    if (waitlist) {
      input.waitlistIfFull = true
      input.priorityFacts = [...facts]
      if (facts.length) {
        const missing = validateEvidence(facts, evidence)
        setEvidenceErrors(missing)
        if (Object.keys(missing).length) {
          scrollToFirstError()
          return
        }
        input.priorityEvidence = evidenceInput(facts, evidence)
      }
    }
    setProblem(null)
    try {
      const result = await submitter.current.submit(input)
      if (result.enrolment) replace(childcareRoutes.result({ enrolmentId: result.enrolment.id }))
      else if (result.waitlist) replace(childcareRoutes.result({ waitlistId: result.waitlist.id }))
    } catch (err) {
      const placed = evidenceErrorsFromApi(err, input.priorityEvidence ?? [])
      if (Object.keys(placed).length) {
        setEvidenceErrors(placed)
        scrollToFirstError()
        return
      }
      const p = enrolProblem(err)
      setProblem(p)
      if (p.kind === 'full' && p.canWaitlist) setWaitlistOpen(true)
      if (p.kind === 'full' && !p.canWaitlist && input.date) setFullDays((d) => [...d, input.date as string])
      Taro.pageScrollTo({ selector: '.care-problem', offsetTop: -80, duration: 200 }).catch(() => undefined)
    }
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }
  if (!centre || !cls || !child) {
    return (
      <View className='cc-page'>
        <PageState error='未找到该班级或孩子，请返回重新选择' onRetry={() => replace(childcareRoutes.centres(childId))} />
      </View>
    )
  }

  const ageReasonToday = mismatchReason(child, cls.ageClass, today)
  const existing = activeMonthlyPlace(data.enrolments, child.id)
  const noMonth = monthly && !month
  const noDay = !monthly && !date
  const blocked = noMonth || noDay
  const blockedReason = `${child.name}的年龄不适合本班，请换一个班级`
  const offer = offers.find((o) => o.careType === careType) ?? null
  const endTime = careType === 'hourly' && startTime ? endTimeOf(startTime, hours) : null
  const price = offer ? bookingPrice(offer.careType, offer.fen, startTime, endTime) : null
  const suitable = problem?.kind === 'age' && problem.suitableClass ? centre.classes.find((k) => k.ageClass === problem.suitableClass && k.id !== cls.id) : undefined

  return (
    <View className='cc-page care-book'>
      <View className='cc-card cc-card--padded'>
        <Text className='care-book__centre'>{centre.name}</Text>
        <View className='care-book__class'>
          <Text className='cc-title'>{cls.name}</Text>
          {cls.puhui ? <Text className='care-badge care-badge--puhui'>普惠</Text> : null}
        </View>
        <Text className='care-hint'>{bandText(cls.ageClass)}</Text>
        <Text className={`care-book__places${cls.free === 0 ? ' care-book__places--full' : ''}`}>
          {cls.free === 0 ? `本班已满 · ${cls.waitlist} 人轮候中` : `空位 ${cls.free} / ${cls.capacity}`}
          {cls.free > 0 && cls.waitlist > 0 ? ` · ${cls.waitlist} 人轮候` : ''}
        </Text>
      </View>

      <View className='cc-card cc-card--padded care-book__who'>
        <View>
          <Text className='care-book__child'>{child.name}</Text>
          <Text className='care-hint'>{childClassText(child, today)}</Text>
        </View>
        <Text className='care-link' onClick={() => navigate(childcareRoutes.centres(child.id))}>
          换孩子 ›
        </Text>
      </View>
      {ageReasonToday ? <Text className='cc-note'>{ageReasonToday}。下面只能选孩子届时符合年龄的月份或日期。</Text> : null}

      <Text className='care-section'>托育方式</Text>
      <ChoiceChips
        options={offers.map((o) => ({ value: o.careType, label: `${o.label} ${o.price}` }))}
        selected={careType ? [careType] : []}
        onToggle={(v) => {
          setCareType(v)
          setProblem(null)
        }}
      />

      {monthly && existing ? (
        <Text className='cc-note'>
          {child.name}已在{existing.centreName}{existing.className}按月入托，每个孩子只能有一个按月托位；如需换班请先在「我的托育」退托。可以改选按天的托育方式。
        </Text>
      ) : null}

      {monthly ? (
        <>
          <Text className='care-section'>入托月份</Text>
          <ChoiceChips options={months} selected={month ? [month] : []} onToggle={(v) => { setMonth(v); setProblem(null) }} />
          {noMonth ? <Text className='cc-note'>未来 6 个月内{child.name}的年龄都不适合本班，请换一个班级。</Text> : null}
        </>
      ) : (
        <>
          <Text className='care-section'>日期</Text>
          <ChoiceChips options={days} selected={date ? [date] : []} onToggle={(v) => { setDate(v); setProblem(null) }} />
          {noDay ? <Text className='cc-note'>近两周{child.name}的年龄都不适合本班，请换一个班级。</Text> : null}
          {careType === 'hourly' && date ? (
            <>
              <Text className='care-section'>开始时间</Text>
              <Text className='cc-note'>本园开放时间 {centre.openTime}–{centre.closeTime}</Text>
              <ChoiceChips options={starts} selected={startTime ? [startTime] : []} onToggle={setStartTime} />
              <Text className='care-section'>托几小时</Text>
              <ChoiceChips options={durations} selected={[String(hours)]} onToggle={(v) => setHours(Number(v))} />
            </>
          ) : null}
        </>
      )}

      {!blocked && offer && price ? (
        <>
          <Text className='care-section'>确认信息</Text>
          <View className='cc-card'>
            <View className='care-kv'>
              <Text className='care-kv__key'>孩子</Text>
              <Text className='care-kv__value'>{child.name}</Text>
            </View>
            <View className='care-kv'>
              <Text className='care-kv__key'>机构</Text>
              <Text className='care-kv__value'>{centre.name}</Text>
            </View>
            <View className='care-kv'>
              <Text className='care-kv__key'>班级</Text>
              <Text className='care-kv__value'>
                {cls.name}
                {cls.puhui ? '（普惠）' : ''}
              </Text>
            </View>
            <View className='care-kv'>
              <Text className='care-kv__key'>托育方式</Text>
              <Text className='care-kv__value'>{CARE_TYPE_LABELS[offer.careType]}</Text>
            </View>
            <View className='care-kv'>
              <Text className='care-kv__key'>{monthly ? '入托月份' : '日期'}</Text>
              <Text className='care-kv__value'>
                {monthly ? `${monthLong(month as string)}起` : dayLabel(date as string)}
                {endTime ? ` ${startTime}–${endTime}` : ''}
              </Text>
            </View>
            <View className='care-kv'>
              <Text className='care-kv__key'>费用</Text>
              <Text className='care-kv__value'>{price.detail}</Text>
            </View>
            <View className='care-kv care-book__total'>
              <Text className='care-kv__key'>{showWaitlist ? '入托后每月应付' : monthly ? '每月应付' : '应付'}</Text>
              <Text className='care-book__amount'>{formatFen(price.totalFen)}</Text>
            </View>
            <Text className='care-book__note'>
              {price.note}
              {cls.puhui ? '。普惠托位价格不高于政府指导价，运营补贴由街道直接拨付机构。' : ''}
            </Text>
          </View>
        </>
      ) : null}

      {problem ? (
        <View className='care-problem'>
          <Text className='care-problem__title'>{problemTitle(problem)}</Text>
          <Text className='care-problem__text'>{problem.message}</Text>
          {problem.kind === 'full' && !problem.canWaitlist ? <Text className='care-problem__text'>请换一天，已约满的日期已标出。</Text> : null}
          {suitable ? (
            <View className='care-problem__actions'>
              <Button type='primary' onClick={() => replace(childcareRoutes.classDetail({ centreId: centre.id, classId: suitable.id, childId: child.id }))}>
                改选本园{suitable.name}
              </Button>
            </View>
          ) : null}
          {problem.kind === 'already' || problem.kind === 'maybe-done' ? (
            <View className='care-problem__actions'>
              <Button type='primary' onClick={() => navigate(childcareRoutes.mine())}>
                去我的托育查看
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      {showWaitlist && !blocked ? (
        <View className='cc-card cc-card--padded care-book__wait'>
          <Text className='care-book__wait-title'>加入轮候</Text>
          <Text className='care-hint'>
            本班暂无空位。加入轮候后按得分排序，得分相同按登记先后；有空位时先为您保留托位，请在期限内到「我的托育」确认。同胞已在本园的，系统自动加分。
          </Text>
          <Text className='care-book__wait-ask'>如符合以下条件请勾选（可多选），并写明证明，机构核验通过后才计分：</Text>
          <ChoiceChips
            options={PRIORITY_FACTS.map((f) => ({ value: f.value, label: f.label }))}
            selected={facts}
            onToggle={(v) => {
              setFacts((s) => (s.includes(v) ? s.filter((x) => x !== v) : [...s, v]))
              setEvidenceErrors((e) => without(e, v))
            }}
          />
          {PRIORITY_FACTS.filter((f) => facts.includes(f.value)).map((f) => (
            <FormField
              key={f.value}
              label={`「${f.label}」的证明`}
              required
              error={evidenceErrors[f.value]}
              hint='写明证件名称和编号等，机构或街道核验通过后才计分，核验时可能请您出示原件。'
            >
              <Input
                {...labelled(`「${f.label}」的证明`)}
                value={evidence[f.value] ?? ''}
                onChange={(v) => {
                  setEvidence((e) => ({ ...e, [f.value]: v }))
                  setEvidenceErrors((e) => without(e, f.value))
                }}
                placeholder={f.placeholder}
                maxLength={EVIDENCE_NOTE_MAX}
              />
            </FormField>
          ))}
          <View className='care-book__facts'>
            {PRIORITY_FACTS.map((f) => (
              <Text key={f.value} className='care-hint'>
                {f.label}：{f.hint}
              </Text>
            ))}
          </View>
        </View>
      ) : null}

      <View className='cc-actions'>
        {showWaitlist ? (
          <Button type='primary' size='large' block loading={submitting} onClick={() => (blocked ? toastError(blockedReason) : void submit(true))}>
            确认加入轮候
          </Button>
        ) : (
          <Button type='primary' size='large' block loading={submitting} onClick={() => (blocked ? toastError(blockedReason) : void submit(false))}>
            确认预约
          </Button>
        )}
      </View>
    </View>
  )
}
