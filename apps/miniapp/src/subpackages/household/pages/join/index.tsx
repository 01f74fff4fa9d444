import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import FormField, { labelled } from '../../../../components/FormField'
import { useSubmit } from '../../../../hooks/useSubmit'
import { joinHousehold } from '../../../../services/households'
import { HOME_PAGE } from '../../../../services/navigation'
import { setCurrentHouseholdId } from '../../../../services/storage'
import { formErrorsFromApi } from '../../../../utils/api-form-errors'
import { toastError, toastSuccess } from '../../../../utils/feedback'
import type { FieldErrors } from '../../../../utils/field-errors'

/** Invite problems are about the code the user typed: show them under it. */
const CODE_FIELDS = {
  'HOUSEHOLD.INVITE_INVALID': 'code',
  'HOUSEHOLD.INVITE_EXPIRED': 'code',
  'HOUSEHOLD.ALREADY_MEMBER': 'code',
}

export default function JoinPage() {
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})

  const { submitting, run } = useSubmit(async () => {
    const trimmed = code.trim()
    if (!trimmed) {
      setErrors({ code: '请输入邀请码' })
      return
    }
    setErrors({})
    try {
      const household = await joinHousehold({ code: trimmed })
      setCurrentHouseholdId(household.id)
      toastSuccess(`已加入「${household.name}」`)
      Taro.switchTab({ url: HOME_PAGE })
    } catch (err) {
      const { byField, general } = formErrorsFromApi(err, ['code'], CODE_FIELDS)
      setErrors(byField)
      if (general.length) toastError(general.join('；'))
    }
  })

  return (
    <View className='cc-page'>
      <Text className='cc-title'>用邀请码加入家庭</Text>
      <Text className='cc-muted'>请家人在 CareCircle「邀请家人」页面生成邀请码，发给您后在这里输入。</Text>
      <View className='cc-card' style={{ marginTop: '16px' }}>
        <FormField label='邀请码' required error={errors.code}>
          <Input {...labelled('邀请码')} value={code} onChange={setCode} placeholder='请输入家人分享的邀请码' maxLength={32} />
        </FormField>
      </View>
      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} onClick={() => void run()}>
          加入家庭
        </Button>
      </View>
    </View>
  )
}
