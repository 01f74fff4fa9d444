import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { toastSuccess } from '../../../../utils/feedback'
import type { NavigateToProps } from './navigate-types'

/** H5 has no map to hand over to: the address to copy into a map app. */
export default function NavigateTo({ job }: NavigateToProps) {
  function copy() {
    Taro.setClipboardData({ data: job.address })
      .then(() => toastSuccess('地址已复制'))
      .catch(() => undefined)
  }
  return (
    <View className='job__nav-h5'>
      <Text className='cc-muted'>网页版不能直接打开导航，请复制地址到地图应用中搜索。</Text>
      <Button block className='job__nav' onClick={copy}>
        复制服务地址
      </Button>
    </View>
  )
}
