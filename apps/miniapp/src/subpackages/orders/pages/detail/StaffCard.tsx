import type { StaffBriefView } from '@carecircle/shared'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/**
 * Who is coming: name, organisation, certificates (持证), rating, the masked number, and a one-tap
 * call to the provider's service line (the staff member's own number stays private).
 */
export default function StaffCard({ staff }: { staff: StaffBriefView }) {
  const rating = (staff.ratingX100 / 100).toFixed(1)
  return (
    <View className='cc-card cc-card--padded staff-card'>
      <Text className='detail__group-title'>服务人员</Text>
      <View className='staff-card__head'>
        <View className='staff-card__avatar'>
          <Text>{staff.name.slice(0, 1)}</Text>
        </View>
        <View className='staff-card__who'>
          <View className='staff-card__row'>
            <Text className='staff-card__name'>{staff.name}</Text>
            <Text className='staff-card__rating'>★ {rating} 分</Text>
          </View>
          <Text className='staff-card__provider'>{staff.providerName}</Text>
        </View>
      </View>
      {staff.certificates.length ? (
        <View className='staff-card__certs'>
          {staff.certificates.map((c) => (
            <Text key={c.type} className='staff-card__cert'>
              ✓ 持证 · {c.label}
            </Text>
          ))}
        </View>
      ) : null}
      {staff.phoneMasked ? <Text className='staff-card__phone'>联系电话 {staff.phoneMasked}（号码已隐藏保护隐私）</Text> : null}
      {staff.providerPhone ? (
        <Button block onClick={() => Taro.makePhoneCall({ phoneNumber: staff.providerPhone! })}>
          一键拨打机构电话 {staff.providerPhone}
        </Button>
      ) : null}
    </View>
  )
}
