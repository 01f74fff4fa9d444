import type { EnrolmentView, WaitlistEntryView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { listEnrolments, listWaitlist } from '../../../../services/childcare'
import { childcareRoutes } from '../../../../services/childcare-routes'
import { goHome, navigate, replace } from '../../../../services/navigation'
import WaitlistCard from '../../components/WaitlistCard'
import { enrolmentPrice, enrolmentWhen } from '../../logic/enrolment'
import { param } from '../../logic/family'
import './index.scss'

type Outcome = { enrolment: EnrolmentView; entry: null } | { enrolment: null; entry: WaitlistEntryView }

export default function ResultPage() {
  const { params } = useRouter()
  const enrolmentId = param(params, 'enrolmentId')
  const waitlistId = param(params, 'waitlistId')
  const accepted = param(params, 'accepted') === '1'
  const { data, loading, error, reload } = useLoader<Outcome>(async () => {
    if (enrolmentId) {
      const enrolment = (await listEnrolments()).find((e) => e.id === enrolmentId)
      if (enrolment) return { enrolment, entry: null }
    } else if (waitlistId) {
      const entry = (await listWaitlist()).find((e) => e.id === waitlistId)
      if (entry) return { enrolment: null, entry }
    } else {
      throw new Error('没有指定预约，请到「我的托育」查看')
    }
    throw new Error('未找到这条预约，请到「我的托育」查看')
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const { enrolment, entry } = data
  return (
    <View className='cc-page care-result'>
      <View className='cc-card cc-card--padded care-result__head'>
        <View className={`care-result__mark${entry ? ' care-result__mark--wait' : ''}`}>
          <Text>{entry ? '候' : '✓'}</Text>
        </View>
        <Text className='cc-title'>{enrolment ? (accepted ? '已确认入托' : '预约成功') : entry?.status === 'waiting' ? '已加入轮候' : entry?.statusLabel}</Text>
        {enrolment ? (
          <Text className='care-hint'>
            {enrolment.childName} · {enrolment.centreName} · {enrolment.className}
          </Text>
        ) : null}
      </View>

      {enrolment ? (
        <View className='cc-card'>
          <View className='care-kv'>
            <Text className='care-kv__key'>托育</Text>
            <Text className='care-kv__value'>{enrolmentWhen(enrolment)}</Text>
          </View>
          <View className='care-kv'>
            <Text className='care-kv__key'>费用</Text>
            <Text className='care-kv__value'>
              {enrolmentPrice(enrolment)}
              {enrolment.puhui ? '（普惠）' : ''}
            </Text>
          </View>
        </View>
      ) : null}
      {enrolment ? <Text className='cc-note'>入托前请为{enrolment.childName}登记授权接送人：机构只把孩子交给名单上的人。</Text> : null}

      {entry ? <WaitlistCard entry={entry} nowMs={Date.now()} /> : null}
      {entry?.status === 'waiting' ? <Text className='care-hint'>有空位时会为您保留托位并通知您，请留意「我的托育」。</Text> : null}

      <View className='cc-actions'>
        {enrolment ? (
          <Button type='primary' size='large' block onClick={() => navigate(childcareRoutes.pickup(enrolment.childId))}>
            设置授权接送人
          </Button>
        ) : null}
        <Button type={enrolment ? 'default' : 'primary'} size='large' block onClick={() => replace(childcareRoutes.mine())}>
          查看我的托育
        </Button>
        <Button block onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  )
}
