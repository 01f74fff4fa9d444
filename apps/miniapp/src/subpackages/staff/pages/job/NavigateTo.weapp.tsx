import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { toastError } from '../../../../utils/feedback'
import type { NavigateToProps } from './navigate-types'

/** weapp: WeChat's map with the address, from which the staff member picks a navigation app. */
export default function NavigateTo({ job }: NavigateToProps) {
  function open() {
    Taro.openLocation({
      latitude: job.location.lat,
      longitude: job.location.lng,
      name: `${job.elderName}家`,
      address: job.address,
      scale: 17,
    }).catch(() => toastError('打开地图失败，请稍后再试'))
  }
  return (
    <Button block className='job__nav' onClick={open}>
      导航到服务地址
    </Button>
  )
}
