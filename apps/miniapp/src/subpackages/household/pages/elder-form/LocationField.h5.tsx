import { Text, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import FormField, { labelled } from '../../../../components/FormField'
import { DEFAULT_LOCATION, LIMITS } from '../../../../utils/elder-form'
import type { LocationFieldProps } from './location-types'

/** Where new forms start on H5: the demo district near 昆山. */
export const initialLocation = { lat: String(DEFAULT_LOCATION.lat), lng: String(DEFAULT_LOCATION.lng) }

/** H5 has no map picker: the address as text plus latitude/longitude (GCJ-02, as map apps show them). */
export default function LocationField({ value, errors, onChange }: LocationFieldProps) {
  return (
    <View>
      <FormField label='地址' required error={errors.address}>
        <Input
          {...labelled('地址')}
          value={value.address}
          onChange={(address) => onChange({ address })}
          placeholder='请输入地址：街道、小区、楼号、门牌号'
          maxLength={LIMITS.address}
        />
      </FormField>
      <FormField label='纬度' required error={errors['location.lat']}>
        <Input {...labelled('纬度')} value={value.lat} onChange={(lat) => onChange({ lat })} placeholder='请输入纬度，例如 31.385' type='digit' />
      </FormField>
      <FormField
        label='经度'
        required
        error={errors['location.lng'] ?? errors.location}
        hint={
          <Text>
            默认是演示区域（昆山附近）的位置。可在地图应用中长按住址查看经纬度后填写，用于匹配附近的助餐点和服务人员。
          </Text>
        }
      >
        <Input {...labelled('经度')} value={value.lng} onChange={(lng) => onChange({ lng })} placeholder='请输入经度，例如 120.981' type='digit' />
      </FormField>
    </View>
  )
}
