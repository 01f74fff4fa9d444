import { useState } from 'react'
import type { GeoPoint, JobView } from '@carecircle/shared'
import { ErrorCode, formatDistance } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import EmptyState from '../../../../components/EmptyState'
import { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { useWhileVisible } from '../../../../hooks/useWhileVisible'
import { ApiError } from '../../../../services/api-error'
import { getCurrentLocation } from '../../../../services/location'
import { backTo, routes } from '../../../../services/navigation'
import { checkIn, checkOut, departForJob, listJobs } from '../../../../services/staff'
import { toastError, toastSuccess } from '../../../../utils/feedback'
import { staffActions } from '../../../../utils/order-actions'
import { formatDuration, formatWindow } from '../../../../utils/time-slots'
import NavigateTo from './NavigateTo'
import { OVERRIDE_REASONS, tasksFor } from './tasks'
import './index.scss'

/** Staff see their jobs through /staff/me/jobs (the order endpoints are the family's). */
async function loadJob(orderId: string): Promise<JobView | null> {
  return (await listJobs()).find((j) => j.orderId === orderId) ?? null
}

interface TooFar {
  distanceMeters: number
  allowedMeters: number
  location: GeoPoint
}

const OTHER = '其他原因'

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

export default function JobPage() {
  const { params } = useRouter()
  const orderId = params.id ?? ''
  const { data: job, loading, error, reload, setData } = useLoader(() => loadJob(orderId), { enabled: orderId !== '' })
  const [tooFar, setTooFar] = useState<TooFar | null>(null)
  const [reason, setReason] = useState<string | null>(null)
  const [otherReason, setOtherReason] = useState('')
  const [tasks, setTasks] = useState<string[]>([])
  const [notes, setNotes] = useState('')
  // Set from the server's refusal when the service was far shorter than booked: the check-out then needs a reason.
  const [shortPrompt, setShortPrompt] = useState<string | null>(null)
  const [shortReason, setShortReason] = useState('')

  // The family may cancel while the staff member is on the way: look again every 10 s.
  useWhileVisible(() => {
    const poll = setInterval(() => void reload(), 10_000)
    return () => clearInterval(poll)
  })

  const { submitting: departing, run: depart } = useSubmit(async () => {
    try {
      await departForJob(orderId)
      toastSuccess('已出发')
      await reload()
    } catch (err) {
      toastError(err, '操作失败')
    }
  })

  const { submitting: checkingIn, run: doCheckIn } = useSubmit(async (overrideReason?: string) => {
    // A fresh position each try (GPS may have settled); the last one if it cannot be had now.
    const location = (await getCurrentLocation()) ?? tooFar?.location ?? null
    if (!location) {
      toastError('无法获取您的位置。请打开手机定位、允许使用位置信息后重试')
      return
    }
    try {
      await checkIn(orderId, { location, ...(overrideReason ? { overrideReason } : {}) })
      setTooFar(null)
      toastSuccess('签到成功')
      await reload()
    } catch (err) {
      if (err instanceof ApiError && err.error === ErrorCode.CHECK_IN_TOO_FAR) {
        setTooFar({
          distanceMeters: numberOr(err.details?.distanceMeters, 0),
          allowedMeters: numberOr(err.details?.allowedMeters, 200),
          location,
        })
        return
      }
      toastError(err, '签到失败，请稍后再试')
    }
  })

  const { submitting: checkingOut, run: doCheckOut } = useSubmit(async () => {
    if (tasks.length === 0) {
      toastError('请勾选完成的服务内容')
      return
    }
    if (shortPrompt && !shortReason.trim()) {
      toastError('请填写提前结束的原因')
      return
    }
    try {
      await checkOut(orderId, { tasks, ...(notes.trim() ? { notes: notes.trim() } : {}), ...(shortPrompt && shortReason.trim() ? { shortReason: shortReason.trim() } : {}) })
      toastSuccess('已签退')
      const updated = await loadJob(orderId)
      if (updated) setData(updated)
    } catch (err) {
      const field = err instanceof ApiError ? (err.details?.fields as { field: string; message: string }[] | undefined)?.[0] : undefined
      if (field?.field === 'shortReason') {
        setShortPrompt(field.message)
        return
      }
      toastError(err, '签退失败，请稍后再试')
    }
  })

  if (!orderId) {
    return (
      <View className='cc-page'>
        <PageState error='缺少任务编号，请从工作台进入' />
      </View>
    )
  }

  if (job === undefined) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  if (job === null) {
    return (
      <View className='cc-page'>
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='单' title='这个任务已不在您的列表中' description='订单可能已被家属取消，或已改派给其他服务人员。'>
            <Button block onClick={() => backTo(routes.staffWorkbench())}>
              返回工作台
            </Button>
          </EmptyState>
        </View>
      </View>
    )
  }

  const actions = staffActions(job.status)
  const can = (to: string) => actions.some((a) => a.to === to)
  const overrideText = reason === OTHER ? otherReason.trim() : reason

  return (
    <View className='cc-page job'>
      <View className='cc-card cc-card--padded'>
        <View className='job__head'>
          <Text className='job__service'>{job.serviceName}</Text>
          {job.urgent ? <Text className='job__urgent'>紧急</Text> : null}
          <Text className='job__status'>{job.statusLabel}</Text>
        </View>
        <Text className='job__line'>
          服务对象：{job.elderName} · {formatWindow(job.windowStart, job.windowEnd)} · {formatDuration(job.durationMinutes)}
        </Text>
        <Text className='job__address'>{job.address}</Text>
        {job.notes ? <Text className='cc-note'>家属备注：{job.notes}</Text> : null}
        {actions.length ? <NavigateTo job={job} /> : null}
      </View>

      {can('en_route') ? (
        <Button type='primary' block className='job__big' loading={departing} onClick={() => void depart()}>
          出发
        </Button>
      ) : null}

      {can('in_service') && !tooFar ? (
        <View className='job__block'>
          <Text className='cc-muted job__hint'>到达老人家后签到，系统会核对您的位置是否在服务地址附近。</Text>
          <Button
            type={can('en_route') ? 'default' : 'primary'}
            block
            className='job__big'
            loading={checkingIn}
            onClick={() => void doCheckIn()}
          >
            到达签到
          </Button>
        </View>
      ) : null}

      {tooFar ? (
        <View className='cc-card cc-card--padded job__far'>
          <Text className='job__far-title'>离服务地址有点远</Text>
          <Text className='job__far-text'>
            {`您的定位距服务地址约 ${formatDistance(tooFar.distanceMeters)}，超出 ${formatDistance(tooFar.allowedMeters)}签到范围。` +
              '如果您已经到了老人家（例如高楼里定位不准），请选择原因后签到，本次签到会交由机构复核。'}
          </Text>
          <ChoiceChips
            options={[...OVERRIDE_REASONS, OTHER].map((r) => ({ value: r, label: r }))}
            selected={reason ? [reason] : []}
            onToggle={setReason}
          />
          {reason === OTHER ? (
            <View className='job__other'>
              <Input {...labelled('签到原因')} value={otherReason} onChange={setOtherReason} placeholder='请写明原因' maxLength={200} />
            </View>
          ) : null}
          <View className='job__far-actions'>
            <Button block className='job__big' loading={checkingIn && !overrideText} onClick={() => void doCheckIn()}>
              重新定位后签到
            </Button>
            <Button
              type='primary'
              block
              className='job__big'
              loading={checkingIn && !!overrideText}
              onClick={() => (overrideText ? void doCheckIn(overrideText) : toastError(reason === OTHER ? '请写明原因' : '请先选择原因'))}
            >
              说明原因并签到
            </Button>
          </View>
        </View>
      ) : null}

      {can('completed') ? (
        <View className='cc-card cc-card--padded'>
          <Text className='job__group'>完成签退</Text>
          <Text className='cc-muted job__card-hint'>勾选本次完成的服务内容，家属会在订单里看到。</Text>
          <ChoiceChips
            size='large'
            options={tasksFor(job.serviceCode).map((t) => ({ value: t, label: t }))}
            selected={tasks}
            onToggle={(t) => setTasks((list) => (list.includes(t) ? list.filter((x) => x !== t) : [...list, t]))}
          />
          <View className='job__notes'>
            <TextArea {...labelled('服务备注')} value={notes} onChange={setNotes} placeholder='选填：老人情况、需要家属注意的事' maxLength={500} rows={3} />
          </View>
          {shortPrompt ? (
            <View className='job__notes'>
              <Text className='cc-muted job__card-hint'>{shortPrompt}</Text>
              <TextArea {...labelled('提前结束原因')} value={shortReason} onChange={setShortReason} placeholder='如：老人临时去医院，提前结束' maxLength={200} rows={2} />
            </View>
          ) : null}
          <Button type='primary' block className='job__big' loading={checkingOut} onClick={() => void doCheckOut()}>
            完成签退
          </Button>
        </View>
      ) : null}

      {job.status === 'completed' ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='✓' title='服务已完成' description='服务记录已提交，感谢您的服务。'>
            <Button block onClick={() => backTo(routes.staffWorkbench())}>
              返回工作台
            </Button>
          </EmptyState>
        </View>
      ) : null}
    </View>
  )
}
