import { useState } from 'react'
import { KEPT_AFTER_DELETION } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import FormField, { labelled } from '../../../../components/FormField'
import { useSubmit } from '../../../../hooks/useSubmit'
import { deleteAccount } from '../../../../services/account'
import { errorMessage } from '../../../../services/api-error'
import { setDeviceElderMode } from '../../../../services/elder-mode'
import { LOGIN_PAGE } from '../../../../services/navigation'
import { tokenStore } from '../../../../services/storage'
import './index.scss'

const CONFIRM_WORD = '注销'

/** What deletion removes (PIPL art. 47), as the server does it; the server's answer then lists it again. */
const DELETED = [
  '您的微信登录标识、昵称，以及所有设备上的登录（立即退出）',
  '您在各个家庭中的成员身份',
  '只有您一人的家庭里，老人和孩子的姓名、身份证号、手机号、地址、紧急联系人和健康备注（出生日期只留年份）',
  '这些家庭订单上的地址和备注',
]

const BEFORE = [
  '进行中的服务订单、今天及以后未完成的订餐，需要先完成或取消。',
  '服务人员、机构管理员和街道运营等工作账号，需要先由所在机构或街道解除工作身份。',
  '注销后不能恢复。和其他家人共同管理的家庭不会删除，您只是退出。',
]

/** 注销账号: what is deleted, what is kept for settlement and audit and why, then 「注销」 typed to confirm. */
export default function DeleteAccountPage() {
  const [typed, setTyped] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>(undefined)
  const [refusal, setRefusal] = useState<string | null>(null)

  const { submitting, run } = useSubmit(async () => {
    setRefusal(null)
    if (typed.trim() !== CONFIRM_WORD) {
      setFieldError(`请输入「${CONFIRM_WORD}」二字确认`)
      return
    }
    try {
      const result = await deleteAccount({ confirm: typed.trim() })
      // Every token is revoked on the server: forget them here, with this device's 长辈版 switch.
      tokenStore.clear()
      setDeviceElderMode(null)
      await Taro.showModal({
        title: '账号已注销',
        content: `已删除：${result.deleted.join('；')}。\n为结算和审计保留（已匿名化）：${result.kept.map((k) => k.what).join('；')}。`,
        confirmText: '知道了',
        showCancel: false,
      })
      await Taro.reLaunch({ url: LOGIN_PAGE })
    } catch (err) {
      // 409: an order underway, an open meal booking or a work account — the server says which.
      setRefusal(errorMessage(err, '注销失败，请稍后再试'))
    }
  })

  return (
    <View className='cc-page account-delete'>
      <View className='cc-card cc-card--padded'>
        <Text className='account-delete__title'>注销后删除</Text>
        {DELETED.map((line) => (
          <Text key={line} className='account-delete__item'>
            · {line}
          </Text>
        ))}
      </View>

      <View className='cc-card cc-card--padded'>
        <Text className='account-delete__title'>为结算和审计保留</Text>
        {KEPT_AFTER_DELETION.map((k) => (
          <View key={k.what} className='account-delete__kept'>
            <Text className='account-delete__item'>· {k.what}</Text>
            <Text className='account-delete__why'>为什么：{k.why}</Text>
          </View>
        ))}
      </View>

      <View className='cc-card cc-card--padded'>
        <Text className='account-delete__title'>注销前请注意</Text>
        {BEFORE.map((line) => (
          <Text key={line} className='account-delete__item'>
            · {line}
          </Text>
        ))}
      </View>

      <View className='cc-card cc-card--padded'>
        <FormField label={`请输入「${CONFIRM_WORD}」二字确认`} required error={fieldError}>
          <Input
            {...labelled(`请输入「${CONFIRM_WORD}」二字确认`)}
            value={typed}
            onChange={(v) => {
              setTyped(v)
              setFieldError(undefined)
            }}
            placeholder={CONFIRM_WORD}
            maxLength={10}
          />
        </FormField>
        {refusal ? (
          <View className='account-delete__refusal' role='alert'>
            <Text>{refusal}</Text>
          </View>
        ) : null}
        <View className='cc-actions'>
          <Button type='danger' size='large' block loading={submitting} onClick={() => void run()}>
            注销账号
          </Button>
        </View>
      </View>
    </View>
  )
}
