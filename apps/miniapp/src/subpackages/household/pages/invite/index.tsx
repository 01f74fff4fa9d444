import { useState } from 'react'
import type { InviteView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useSubmit } from '../../../../hooks/useSubmit'
import { createInvite } from '../../../../services/households'
import { formatDateTimeCn } from '../../../../utils/dates'
import { toastError, toastSuccess } from '../../../../utils/feedback'
import './index.scss'

export default function InvitePage() {
  const { params } = useRouter()
  const householdId = params.householdId ?? ''
  const [invite, setInvite] = useState<InviteView | null>(null)

  const { submitting, run: generate } = useSubmit(async () => {
    if (!householdId) {
      toastError('缺少家庭信息，请从家庭页面进入')
      return
    }
    try {
      setInvite(await createInvite(householdId))
      toastSuccess('邀请码已生成')
    } catch (err) {
      toastError(err, '生成失败，请稍后再试')
    }
  })

  async function copy() {
    if (!invite) return
    try {
      await Taro.setClipboardData({ data: invite.code })
      toastSuccess('已复制')
    } catch {
      toastError('复制失败，请长按邀请码手动复制')
    }
  }

  return (
    <View className='cc-page invite'>
      <Text className='cc-title'>邀请家人加入</Text>
      <Text className='cc-muted invite__lead'>
        生成邀请码发给家人。家人打开 CareCircle，在「我的 → 用邀请码加入家庭」输入邀请码，就能一起照顾家中老人和孩子。
      </Text>

      {invite ? (
        <View className='cc-card cc-card--padded invite__box'>
          <Text className='invite__label'>邀请码</Text>
          <Text className='invite__code' userSelect>
            {invite.code}
          </Text>
          <Text className='cc-muted'>有效期至 {formatDateTimeCn(invite.expiresAt)}，过期后请重新生成</Text>
          <View className='cc-actions'>
            <Button type='primary' size='large' block onClick={() => void copy()}>
              复制邀请码
            </Button>
            <Button block loading={submitting} onClick={() => void generate()}>
              重新生成
            </Button>
          </View>
        </View>
      ) : (
        <View className='cc-actions'>
          <Button type='primary' size='large' block loading={submitting} onClick={() => void generate()}>
            生成邀请码
          </Button>
        </View>
      )}
    </View>
  )
}
