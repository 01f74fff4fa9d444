import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../components/EmptyState'
import { HOME_PAGE, redirectToLogin } from '../../services/navigation'
import { hasSession } from '../../services/storage'

/** Ordering (助餐, 上门服务) arrives in a later release; until then this page says so plainly. */
export default function OrdersPage() {
  useDidShow(() => {
    if (!hasSession()) redirectToLogin()
  })

  return (
    <View className='cc-page'>
      <View className='cc-card cc-card--padded'>
        <EmptyState
          mark='单'
          title='还没有订单'
          description='为家中老人预约助餐、上门服务的功能即将开放。下单后，订单和服务进度都会显示在这里。'
        >
          <Button type='primary' fill='outline' block onClick={() => Taro.switchTab({ url: HOME_PAGE })}>
            先去完善老人资料
          </Button>
        </EmptyState>
      </View>
    </View>
  )
}
