import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import FormField, { labelled } from '../../../../components/FormField'
import { DEFAULT_LOCATION, LIMITS } from '../../../../utils/elder-form'
import { firstError } from '../../../../utils/field-errors'
import { toastError } from '../../../../utils/feedback'
import type { LocationFieldProps } from './location-types'

/** weapp: the position comes from the map picker, so a new form starts without one. */
export const initialLocation = { lat: '', lng: '' }

/** weapp: pick the home on WeChat's map (GCJ-02), then adjust the address text (building, room). */
export default function LocationField({ value, errors, onChange }: LocationFieldProps) {
  const located = value.lat !== '' && value.lng !== ''

  async function choose() {
    try {
      const res = await Taro.chooseLocation({
        latitude: located ? Number(value.lat) : DEFAULT_LOCATION.lat,
        longitude: located ? Number(value.lng) : DEFAULT_LOCATION.lng,
      })
      const address = [res.address, res.name].filter(Boolean).join(' ')
      onChange({
        lat: res.latitude.toFixed(6),
        lng: res.longitude.toFixed(6),
        ...(address ? { address } : {}),
      })
    } catch (err) {
      const msg = (err as { errMsg?: string }).errMsg ?? ''
      if (msg.includes('cancel')) return
      if (msg.includes('privacy') || msg.includes('auth')) {
        toastError('需要同意隐私保护指引后才能在地图上选择位置')
        return
      }
      toastError('打开地图失败，请稍后再试')
    }
  }

  const locationError = firstError(errors, 'location', 'location.lat', 'location.lng')

  return (
    <View>
      <FormField
        label='位置'
        required
        error={locationError ? (located ? locationError : '请点击「在地图上选择位置」') : undefined}
      >
        <View className='location-pick'>
          <Text className={located ? 'location-pick__text' : 'cc-placeholder'}>
            {located ? `已选位置：纬度 ${value.lat}，经度 ${value.lng}` : '还没有选择位置'}
          </Text>
          <Button type='primary' fill='outline' block onClick={() => void choose()}>
            {located ? '重新选择位置' : '在地图上选择位置'}
          </Button>
        </View>
      </FormField>
      <FormField label='地址' required error={errors.address} hint='选择位置后会自动填写，可补充楼号、门牌号'>
        <Input
          {...labelled('地址')}
          value={value.address}
          onChange={(address) => onChange({ address })}
          placeholder='请输入地址：街道、小区、楼号、门牌号'
          maxLength={LIMITS.address}
        />
      </FormField>
    </View>
  )
}
