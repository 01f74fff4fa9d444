import { useEffect, useState } from 'react'
import type { EnrolmentView, PickupPersonView, WaitlistEntryView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { acceptOffer, declineOffer, leaveWaitlist, listEnrolments, listPickupPersons, listWaitlist, withdrawEnrolment } from '../../../../services/childcare'
import { childcareRoutes } from '../../../../services/childcare-routes'
import { navigate, replace } from '../../../../services/navigation'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import WaitlistCard from '../../components/WaitlistCard'
import { enrolmentPrice, enrolmentStatusText, enrolmentWhen, sortEnrolments, withdrawLabel } from '../../logic/enrolment'
import { isUnderThree, loadFamily, type FamilyChild } from '../../logic/family'
import { sortEntries } from '../../logic/waitlist'
import './index.scss'

interface MineData {
  children: FamilyChild[]
  enrolments: EnrolmentView[]
  waitlist: WaitlistEntryView[]
  /** Authorised pick-up persons per child id; null when that list failed to load. */
  pickups: Record<string, PickupPersonView[] | null>
}

async function loadMine(): Promise<MineData> {
  const [family, enrolments, waitlist] = await Promise.all([loadFamily(), listEnrolments(), listWaitlist()])
  const children = family.children.filter(isUnderThree)
  const lists = await Promise.all(children.map((c) => listPickupPersons(c.id).catch(() => null)))
  return {
    children,
    enrolments: sortEnrolments(enrolments),
    waitlist: sortEntries(waitlist),
    pickups: Object.fromEntries(children.map((c, i) => [c.id, lists[i]])),
  }
}

function EnrolmentCard({ e, busy, onWithdraw }: { e: EnrolmentView; busy: boolean; onWithdraw: (e: EnrolmentView) => void }) {
  const active = e.status === 'active'
  return (
    <View className={`care-enrol${active ? '' : ' care-enrol--done'}`}>
      <View className='care-enrol__head'>
        <Text className='care-enrol__child'>{e.childName}</Text>
        <Text className={`care-badge${active ? ' care-badge--puhui' : ' care-badge--muted'}`}>{enrolmentStatusText(e)}</Text>
      </View>
      <Text className='care-enrol__where'>
        {e.centreName} · {e.className}
        {e.puhui ? ' · 普惠' : ''}
      </Text>
      <Text className='care-enrol__when'>{enrolmentWhen(e)}</Text>
      <Text className='care-enrol__price'>{enrolmentPrice(e)}</Text>
      {active ? (
        <View className='care-enrol__actions'>
          <Button size='small' disabled={busy} onClick={() => onWithdraw(e)}>
            {withdrawLabel(e)}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default function ChildcareMinePage() {
  const { data, loading, error, reload } = useLoader(loadMine)
  const [nowMs, setNowMs] = useState(Date.now())

  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const { submitting, run: act } = useSubmit(async (what: () => Promise<unknown>, done: string) => {
    try {
      await what()
      toastSuccess(done)
    } catch (err) {
      toastError(err)
    }
    await reload()
  })

  async function withdraw(e: EnrolmentView) {
    const monthly = withdrawLabel(e) === '退托'
    const ok = monthly
      ? await confirm('确认退托', `为${e.childName}退出${e.centreName}${e.className}的托位？退托后托位会转给轮候中的下一位家庭，不能撤销。`, '退托')
      : await confirm('取消预约', `取消${e.childName}${enrolmentWhen(e)}在${e.centreName}的预约？`, '取消预约')
    if (ok) await act(() => withdrawEnrolment(e.id), monthly ? '已退托' : '已取消')
  }

  async function accept(entry: WaitlistEntryView) {
    await act(async () => {
      const enrolment = await acceptOffer(entry.id)
      replace(childcareRoutes.result({ enrolmentId: enrolment.id, accepted: true }))
    }, '已确认入托')
  }

  async function decline(entry: WaitlistEntryView) {
    const ok = await confirm('放弃保留的托位', `放弃后，${entry.centreName}${entry.className}的这个托位会转给下一位家庭，${entry.childName}将不再轮候本班。`, '放弃')
    if (ok) await act(() => declineOffer(entry.id), '已放弃')
  }

  async function leave(entry: WaitlistEntryView) {
    const ok = await confirm('退出轮候', `${entry.childName}将退出${entry.centreName}${entry.className}的轮候，再加入需重新排队。`, '退出')
    if (ok) await act(() => leaveWaitlist(entry.id), '已退出轮候')
  }

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const { enrolments, waitlist, children, pickups } = data
  const current = waitlist.filter((w) => w.status === 'waiting' || w.status === 'offered')
  const past = waitlist.filter((w) => w.status !== 'waiting' && w.status !== 'offered')

  return (
    <View className='cc-page care-mine'>
      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}
      <Button type='primary' size='large' block onClick={() => navigate(childcareRoutes.centres())}>
        预约托位
      </Button>

      <Text className='care-section'>托位与预约（{enrolments.filter((e) => e.status === 'active').length}）</Text>
      {enrolments.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='托' title='还没有托位' description='点上方「预约托位」，按孩子的月龄选择附近的托育机构和班级。' />
        </View>
      ) : (
        enrolments.map((e) => <EnrolmentCard key={e.id} e={e} busy={submitting} onWithdraw={(x) => void withdraw(x)} />)
      )}

      <Text className='care-section'>轮候（{current.length}）</Text>
      {current.length === 0 ? <Text className='care-hint'>没有正在轮候的班级。班级满员时，可以在预约时选择加入轮候。</Text> : null}
      {current.map((w) => (
        <WaitlistCard
          key={w.id}
          entry={w}
          nowMs={nowMs}
          busy={submitting}
          onAccept={(x) => void accept(x)}
          onDecline={(x) => void decline(x)}
          onLeave={(x) => void leave(x)}
        />
      ))}
      {past.length ? (
        <>
          <Text className='care-hint care-mine__past'>已结束的轮候</Text>
          {past.map((w) => (
            <WaitlistCard key={w.id} entry={w} nowMs={nowMs} />
          ))}
        </>
      ) : null}

      <Text className='care-section'>授权接送人</Text>
      {children.length === 0 ? <Text className='care-hint'>家中没有 3 岁以下的孩子。</Text> : null}
      {children.map((c) => {
        const list = pickups[c.id]
        return (
          <View role='button' key={c.id} className='cc-card cc-card--padded care-pick' onClick={() => navigate(childcareRoutes.pickup(c.id))}>
            <View className='care-pick__head'>
              <Text className='care-pick__child'>{c.name}</Text>
              <Text className='care-link'>管理 ›</Text>
            </View>
            {list === null ? (
              <Text className='care-hint'>接送人名单加载失败，点此重试</Text>
            ) : list.length === 0 ? (
              <Text className='care-hint'>还没有授权接送人。机构只把孩子交给名单上的人，请先添加。</Text>
            ) : (
              list.map((p) => (
                <Text key={p.id} className='care-pick__person'>
                  {p.name}（{p.relation}） {p.phoneMasked}
                </Text>
              ))
            )}
          </View>
        )
      })}
    </View>
  )
}
