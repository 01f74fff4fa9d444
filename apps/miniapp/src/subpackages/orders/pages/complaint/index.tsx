import { useState } from 'react'
import type { OrderView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import CharCount from '../../../../components/CharCount'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { fileComplaint } from '../../../../services/complaints'
import { backTo, routes, scrollToFirstError } from '../../../../services/navigation'
import { getOrder } from '../../../../services/orders'
import { formErrorsFromApi } from '../../../../utils/api-form-errors'
import { flashSuccess, toastError } from '../../../../utils/feedback'
import type { FieldErrors } from '../../../../utils/field-errors'
import { formatWindow } from '../../../../utils/time-slots'
import { COMPLAINT_TEXT_MAX, canComplain, validateComplaintText } from '../../logic/complaints'
import './index.scss'

/** 投诉 about one order: what happened, in the family's words; the 街道 follows it up. */
export default function ComplaintPage() {
  const { params } = useRouter()
  const orderId = params.orderId ?? ''
  const { data: order, loading, error, reload } = useLoader<OrderView>(() => getOrder(orderId), { enabled: orderId !== '' })
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})

  const { submitting, run: submit } = useSubmit(async () => {
    const problem = validateComplaintText(text)
    if (problem) {
      setErrors({ text: problem })
      scrollToFirstError()
      return
    }
    try {
      await fileComplaint(orderId, { text: text.trim() })
      flashSuccess('投诉已提交，街道会尽快处理')
      backTo(routes.order(orderId))
    } catch (err) {
      const { byField, general } = formErrorsFromApi(err, ['text'])
      setErrors(byField)
      if (general.length) toastError(general.join('；'))
    }
  })

  if (!orderId) {
    return (
      <View className='cc-page'>
        <PageState error='缺少订单编号，请从订单详情进入' />
      </View>
    )
  }

  if (!order) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  if (!canComplain(order)) {
    return (
      <View className='cc-page'>
        <View className='cc-card cc-card--padded'>
          <Text className='cc-title'>暂不能投诉</Text>
          <Text className='cc-muted'>这个订单还没有服务机构接单。如需帮助，可以先取消订单或联系社区。</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='cc-page complaint'>
      <View className='cc-card cc-card--padded'>
        <Text className='complaint__what'>
          {order.serviceName} · {order.elderName}
        </Text>
        <Text className='complaint__line'>
          服务机构：{order.staff?.providerName ?? '—'} · 服务人员：{order.staff?.name ?? '—'}
        </Text>
        <Text className='complaint__line'>上门时间：{formatWindow(order.windowStart, order.windowEnd)}</Text>
      </View>

      <View className='cc-card'>
        <FormField label='投诉内容' required error={errors.text}>
          <TextArea
            {...labelled('投诉内容')}
            value={text}
            onChange={(v) => {
              setText(v)
              if (errors.text) setErrors({})
            }}
            placeholder='请写清楚发生了什么：时间、哪位服务人员、什么问题，以及您希望怎么处理'
            maxLength={COMPLAINT_TEXT_MAX}
            rows={6}
          />
          <CharCount text={text} max={COMPLAINT_TEXT_MAX} />
        </FormField>
      </View>

      <Text className='cc-note'>
        投诉由服务所在的街道受理，街道会联系服务机构核实；查实的投诉会计入服务机构和服务人员的信用记录。处理进展和答复可以在订单详情或「我的 → 我的投诉」查看。
      </Text>

      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} onClick={() => void submit()}>
          提交投诉
        </Button>
      </View>
    </View>
  )
}
