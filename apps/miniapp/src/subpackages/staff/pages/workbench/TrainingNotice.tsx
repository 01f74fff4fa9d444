import type { StaffMeView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'

/**
 * 岗前培训: the region requires it and this staff member has not passed one, so dispatch skips
 * them. Say so plainly instead of leaving the offers list silently empty.
 */
export default function TrainingNotice({ me }: { me: Pick<StaffMeView, 'preJobTrainingPending'> }) {
  if (!me.preJobTrainingPending) return null
  return (
    <View className='cc-card cc-card--padded bench__training'>
      <Text className='bench__training-title'>完成岗前培训后才能接单</Text>
      <Text className='cc-muted'>您还没有通过岗前培训，系统暂不会向您派单。请联系所在机构或街道报名参加培训，考核通过后即可接单。</Text>
    </View>
  )
}

/** What the empty offers list says, depending on duty and training. */
export function noOffersText(me: Pick<StaffMeView, 'onDuty' | 'preJobTrainingPending'>): string {
  if (me.preJobTrainingPending) return '完成岗前培训后才能接单。'
  return me.onDuty ? '暂时没有新的派单。有新派单时会出现在这里，请保持本页打开。' : '上班后，附近的派单会出现在这里。'
}
