import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useSubmit } from '../../hooks/useSubmit'
import { loginWithCode } from '../../services/auth'
import { toastError } from '../../utils/feedback'

/** weapp: wx.login gives a one-time code; the server trades it for our tokens (code2Session stays server-side). */
export default function LoginPanel({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { submitting, run } = useSubmit(async () => {
    try {
      const { code } = await Taro.login()
      await loginWithCode(code)
      onLoggedIn()
    } catch (err) {
      toastError(err, '登录失败，请稍后再试')
    }
  })

  return (
    <View className='login__panel'>
      <Button type='primary' size='large' block loading={submitting} onClick={() => void run()}>
        微信一键登录
      </Button>
    </View>
  )
}
