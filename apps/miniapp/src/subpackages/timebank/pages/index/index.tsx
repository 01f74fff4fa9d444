import { useState } from 'react'
import type { MeView, TimebankRecipientView, TimebankView } from '@carecircle/shared'
import { Role } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import RegionPicker from '../../../../components/RegionPicker'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { getMe } from '../../../../services/auth'
import { navigate, routes } from '../../../../services/navigation'
import { getTimebank, giveHours, listTimebankRecipients, registerVolunteer } from '../../../../services/timebank'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import { formatFullDateTimeCn } from '../../../../utils/dates'
import { ENTRY_LABELS, VOLUNTEER_SKILLS, formatMinutes, isIncoming, parseBirthYear, parseGiveMinutes, signedMinutes } from '../../logic/format'
import './index.scss'

interface TimebankData {
  me: MeView
  timebank: TimebankView
  /** Whom minutes may be given to: household members and the elders' own logins. */
  recipients: TimebankRecipientView[]
}

async function loadTimebank(): Promise<TimebankData> {
  const [me, timebank, recipients] = await Promise.all([getMe(), getTimebank(), listTimebankRecipients()])
  return { me, timebank, recipients }
}

function VolunteerForm({ onDone }: { onDone: () => void }) {
  const [regionId, setRegionId] = useState<string | null>(null)
  const [skills, setSkills] = useState<string[]>([])
  const [yearText, setYearText] = useState('')
  const [errors, setErrors] = useState<{ regionId?: string; skills?: string; birthYear?: string }>({})

  const { submitting, run } = useSubmit(async () => {
    const year = parseBirthYear(yearText)
    const next: { regionId?: string; skills?: string; birthYear?: string } = {}
    if (!regionId) next.regionId = '请选择服务的街道或社区'
    if (skills.length === 0) next.skills = '至少选择一项服务'
    if ('error' in year) next.birthYear = year.error
    setErrors(next)
    if (!regionId || skills.length === 0 || 'error' in year) return
    try {
      await registerVolunteer({ regionId, skills, birthYear: year.birthYear })
      toastSuccess('已登记为志愿者')
      onDone()
    } catch (err) {
      toastError(err, '登记失败，请稍后再试')
    }
  })

  function toggle(skill: string) {
    setSkills((prev) => (prev.includes(skill) ? prev.filter((s) => s !== skill) : [...prev, skill]))
  }

  return (
    <View className='cc-card cc-card--padded timebank__section'>
      <Text className='timebank__title'>登记为志愿者</Text>
      <Text className='timebank__text'>加入所在街道的志愿者服务队，接探访、陪伴等轻服务，每次服务的时长存入时间银行。</Text>
      <FormField label='服务的街道或社区' required error={errors.regionId}>
        <RegionPicker value={regionId} onChange={setRegionId} placeholder='请选择服务的街道和社区' />
      </FormField>
      <FormField label='愿意提供的服务（可多选）' required error={errors.skills}>
        <ChoiceChips options={VOLUNTEER_SKILLS} selected={skills} onToggle={toggle} />
      </FormField>
      <FormField label='出生年份' required error={errors.birthYear} hint='志愿者须年满 18 周岁、不超过 75 周岁'>
        <Input {...labelled('出生年份')} type='digit' value={yearText} onChange={setYearText} placeholder='例如 1962' maxLength={4} />
      </FormField>
      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} onClick={() => void run()}>
          登记为志愿者
        </Button>
      </View>
    </View>
  )
}

function GiveForm({ balance, recipients, onGiven }: { balance: number; recipients: TimebankRecipientView[]; onGiven: (view: TimebankView) => void }) {
  const [toUserId, setToUserId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ toUserId?: string; minutes?: string }>({})

  const { submitting, run } = useSubmit(async () => {
    const parsed = parseGiveMinutes(text, balance)
    const next: { toUserId?: string; minutes?: string } = {}
    if (!toUserId) next.toUserId = '请选择转赠给谁'
    if ('error' in parsed) next.minutes = parsed.error
    setErrors(next)
    if (!toUserId || 'error' in parsed) return
    const recipient = recipients.find((r) => r.userId === toUserId)
    const ok = await confirm('确认转赠', `把 ${formatMinutes(parsed.minutes)}（${parsed.minutes} 分钟）转赠给 ${recipient?.name ?? '家人'}？转赠后不能撤回。`, '转赠')
    if (!ok) return
    try {
      const view = await giveHours({ toUserId, minutes: parsed.minutes })
      toastSuccess('转赠成功')
      setText('')
      onGiven(view)
    } catch (err) {
      toastError(err, '转赠失败，请稍后再试')
    }
  })

  return (
    <View className='cc-card cc-card--padded timebank__section'>
      <Text className='timebank__title'>转赠给家人</Text>
      {recipients.length === 0 ? (
        <Text className='timebank__text'>家庭里还没有可以转赠的人。先邀请家人加入家庭，或为父母开通长辈版登录，再把时间转赠给他们换服务。</Text>
      ) : (
        <>
          <FormField label='转赠给' required error={errors.toUserId}>
            <ChoiceChips
              options={recipients.map((r) => ({ value: r.userId, label: `${r.name} · ${r.relation}` }))}
              selected={toUserId ? [toUserId] : []}
              onToggle={setToUserId}
            />
          </FormField>
          <FormField label='分钟数' required error={errors.minutes} hint={`现有 ${balance} 分钟可转赠`}>
            <Input {...labelled('分钟数')} type='digit' value={text} onChange={setText} placeholder='例如 60（即 1 小时）' maxLength={6} />
          </FormField>
          <View className='cc-actions'>
            <Button type='primary' size='large' block loading={submitting} disabled={balance < 1} onClick={() => void run()}>
              转赠
            </Button>
          </View>
        </>
      )}
    </View>
  )
}

export default function TimebankPage() {
  const { data, loading, error, reload, setData } = useLoader(loadTimebank)
  const [registered, setRegistered] = useState(false)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const { me, timebank, recipients } = data
  const isStaff = registered || me.roles.includes(Role.PROVIDER_STAFF)

  return (
    <View className='cc-page timebank'>
      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}
      <View className='cc-card cc-card--padded timebank__balance'>
        <Text className='timebank__label'>时间余额</Text>
        <Text className='timebank__amount'>{formatMinutes(timebank.balanceMinutes)}</Text>
        <Text className='timebank__text'>做志愿服务攒时间，给父母换服务。</Text>
      </View>

      {isStaff ? (
        <View className='cc-card cc-card--padded timebank__section'>
          <Text className='timebank__title'>志愿服务</Text>
          <Text className='timebank__text'>您已是服务队成员：上班后即可接单，完成服务的时长自动存入时间银行。</Text>
          <View className='cc-actions'>
            <Button type='primary' size='large' block onClick={() => navigate(routes.staffWorkbench())}>
              去服务人员工作台
            </Button>
          </View>
        </View>
      ) : (
        <VolunteerForm
          onDone={() => {
            setRegistered(true)
            void reload()
          }}
        />
      )}

      <GiveForm balance={timebank.balanceMinutes} recipients={recipients} onGiven={(view) => setData({ ...data, timebank: view })} />

      <Text className='timebank__group'>收支明细</Text>
      <View className='cc-card'>
        {timebank.entries.length === 0 ? (
          <Text className='timebank__none'>还没有收支记录。</Text>
        ) : (
          timebank.entries.map((entry, i) => (
            <View key={`${entry.at}-${i}`} className='timebank-entry'>
              <View className='timebank-entry__main'>
                <Text className='timebank-entry__kind'>{ENTRY_LABELS[entry.kind] ?? entry.note ?? entry.kind}</Text>
                <Text className='timebank-entry__time'>{formatFullDateTimeCn(entry.at)}</Text>
              </View>
              <Text className={`timebank-entry__minutes${isIncoming(entry.kind) ? ' timebank-entry__minutes--in' : ''}`}>
                {signedMinutes(entry.kind, entry.minutes)}
              </Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
