import type { ServiceTypeView } from '@carecircle/shared'
import { CERTIFICATE_LABELS, formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { listServiceTypes } from '../../../../services/catalog'
import { navigate, routes } from '../../../../services/navigation'
import { formatDuration } from '../../../../utils/time-slots'
import './index.scss'

function ServiceCard({ service, onClick }: { service: ServiceTypeView; onClick: () => void }) {
  return (
    <View role='button' className={`svc-card${service.urgent ? ' svc-card--urgent' : ''}`} onClick={onClick}>
      <View className='svc-card__head'>
        <Text className='svc-card__name'>{service.name}</Text>
        {service.urgent ? <Text className='svc-card__tag svc-card__tag--urgent'>紧急 · 立即派单</Text> : null}
        {service.requiredCertificate ? (
          <Text className='svc-card__tag'>持证上岗 · {CERTIFICATE_LABELS[service.requiredCertificate]}</Text>
        ) : null}
      </View>
      <Text className='svc-card__desc'>{service.description}</Text>
      <View className='svc-card__foot'>
        <Text className='svc-card__duration'>{formatDuration(service.durationMinutes)}</Text>
        <Text className='svc-card__price'>{formatFen(service.basePriceFen)}</Text>
        <Text className='svc-card__go'>预约 ›</Text>
      </View>
    </View>
  )
}

export default function ServicesPage() {
  const { params } = useRouter()
  const elderId = params.elderId ?? null
  const { data: services, loading, error, reload } = useLoader(listServiceTypes)

  if (!services) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  return (
    <View className='cc-page svc'>
      <Text className='cc-title'>选择服务项目</Text>
      <Text className='cc-muted svc__intro'>服务人员上门服务。下一步选择为哪位老人预约，并显示政府补贴后的实付价格。</Text>
      {services.map((service) => (
        <ServiceCard key={service.code} service={service} onClick={() => navigate(routes.orderForm(service.code, elderId))} />
      ))}
    </View>
  )
}
