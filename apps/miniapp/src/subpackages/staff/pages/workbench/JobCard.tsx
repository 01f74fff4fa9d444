import type { JobView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { staffActions } from '../../../../utils/order-actions'
import { formatWindow } from '../../../../utils/time-slots'

interface JobCardProps {
  job: JobView
  busy?: boolean
  onOpen: () => void
  /** 出发 right from the list; check-in and check-out need the job page (location, checklist). */
  onDepart?: () => void
}

export default function JobCard({ job, busy, onOpen, onDepart }: JobCardProps) {
  const next = staffActions(job.status)[0]
  return (
    <View className='cc-card cc-card--padded job-card'>
      <View className='job-card__head'>
        <Text className='job-card__service'>{job.serviceName}</Text>
        <Text className={`job-card__status job-card__status--${job.status}`}>{job.statusLabel}</Text>
      </View>
      <Text className='job-card__line'>
        {job.elderName} · {formatWindow(job.windowStart, job.windowEnd)}
      </Text>
      <Text className='job-card__address'>{job.address}</Text>
      <View className='job-card__actions'>
        <Button className='job-card__btn' onClick={onOpen}>
          {next ? '详情与导航' : '查看'}
        </Button>
        {next ? (
          <Button
            className='job-card__btn'
            type='primary'
            loading={busy}
            onClick={next.to === 'en_route' && onDepart ? onDepart : onOpen}
          >
            {next.label}
          </Button>
        ) : null}
      </View>
    </View>
  )
}
