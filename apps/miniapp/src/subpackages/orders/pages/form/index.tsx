import { useEffect, useMemo, useRef, useState } from 'react'
import type { CreateOrderInput, ElderListItemView, ElderView, OrderView, QuoteView, ServiceTypeView } from '@carecircle/shared'
import { ErrorCode, formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import EmptyState from '../../../../components/EmptyState'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import PriceBreakdown from '../../../../components/PriceBreakdown'
import { useLoader } from '../../../../hooks/useLoader'
import { askToSubscribe, prepareSubscribe } from '../../../../services/subscribe'
import { useSubmit } from '../../../../hooks/useSubmit'
import { ApiError, errorMessage } from '../../../../services/api-error'
import { getQuote, listServiceTypes } from '../../../../services/catalog'
import { getElder } from '../../../../services/elders'
import { getHousehold, listHouseholds } from '../../../../services/households'
import { goHome, navigate, replace, routes, scrollToFirstError } from '../../../../services/navigation'
import { createOrder } from '../../../../services/orders'
import { getCurrentHouseholdId } from '../../../../services/storage'
import { formErrorsFromApi } from '../../../../utils/api-form-errors'
import { toastError } from '../../../../utils/feedback'
import { accountRoutes } from '../../../../services/account-routes'
import { type FieldErrors, clearFieldErrors, firstError, hasErrors } from '../../../../utils/field-errors'
import { createIdempotentSubmitter } from '../../../../utils/idempotency'
import { buildSlotDays, formatDuration, formatWindow } from '../../../../utils/time-slots'
import {
  LIMITS,
  ORDER_FORM_KEYS,
  type OrderFormValues,
  type When,
  effectiveWhen,
  emptyOrderForm,
  toCreateOrderInput,
  validateOrderForm,
} from './order-form'
import './index.scss'

/** 409 from POST /orders after the person withdrew consent (details.reason privacy_consent_required). */
function isConsentRequired(err: unknown): err is ApiError {
  return err instanceof ApiError && err.statusCode === 409 && (err.details as { reason?: unknown } | undefined)?.reason === 'privacy_consent_required'
}

interface FormData {
  service: ServiceTypeView | null
  elders: ElderListItemView[]
  /** Where 添加老人 goes when there is nobody to order for yet. */
  householdId: string | null
}

async function loadFormData(serviceCode: string): Promise<FormData> {
  const [services, households] = await Promise.all([listServiceTypes(), listHouseholds()])
  const details = await Promise.all(households.map((h) => getHousehold(h.id)))
  const current = getCurrentHouseholdId()
  return {
    service: services.find((s) => s.code === serviceCode) ?? null,
    elders: details.flatMap((h) => h.elders),
    householdId: households.find((h) => h.id === current)?.id ?? households[0]?.id ?? null,
  }
}

const WHEN_OPTIONS: { value: When; label: string }[] = [
  { value: 'asap', label: '尽快上门' },
  { value: 'slot', label: '预约时间' },
]

export default function OrderFormPage() {
  const { params } = useRouter()
  const serviceCode = params.serviceCode ?? ''
  const { data, loading, error, reload } = useLoader(() => loadFormData(serviceCode))
  useEffect(() => {
    void prepareSubscribe('order')
  }, [])

  const [values, setValues] = useState<OrderFormValues>(() => emptyOrderForm(params.elderId ?? null))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [elder, setElder] = useState<ElderView | null>(null)
  const [quote, setQuote] = useState<QuoteView | null>(null)
  const [quoteError, setQuoteError] = useState<string | null>(null)
  const [quoteTry, setQuoteTry] = useState(0)
  const [placed, setPlaced] = useState<OrderView | null>(null)
  /** The server refused because consent to the privacy policy was withdrawn: its message, with the way back to agreeing. */
  const [consentRefusal, setConsentRefusal] = useState<string | null>(null)
  // One key per order-form session: a retry of the same order is answered with the same order.
  const submitter = useRef(createIdempotentSubmitter<CreateOrderInput, OrderView>(createOrder))

  const service = data?.service ?? null
  const days = useMemo(() => buildSlotDays(new Date(), service?.durationMinutes ?? 60), [service?.durationMinutes])
  const [dayKey, setDayKey] = useState<string | null>(null)
  const day = days.find((d) => d.key === dayKey) ?? days.find((d) => d.available) ?? days[0]

  // Whom for: the elder asked for (再来一单), else the only one there is.
  useEffect(() => {
    if (!data) return
    const known = data.elders.some((e) => e.id === values.elderId)
    if (values.elderId && known) {
      if (!values.address) chooseElder(values.elderId)
      return
    }
    if (data.elders.length === 1) chooseElder(data.elders[0].id)
    else if (values.elderId && !known) setValues((v) => ({ ...v, elderId: null }))
  }, [data])

  // The elder's record (home position, for an edited address) and the price for this elder.
  useEffect(() => {
    const elderId = values.elderId
    if (!elderId || !service) return
    let live = true
    setQuote(null)
    setQuoteError(null)
    getQuote(elderId, service.code)
      .then((q) => live && setQuote(q))
      .catch((err: unknown) => live && setQuoteError(errorMessage(err, '价格加载失败')))
    getElder(elderId)
      .then((e) => live && setElder(e))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [values.elderId, service?.code, quoteTry])

  function chooseElder(elderId: string) {
    const chosen = data?.elders.find((e) => e.id === elderId)
    setValues((v) => ({ ...v, elderId, address: chosen?.address ?? v.address }))
    setErrors((e) => clearFieldErrors(e, 'elderId', 'address', 'location'))
  }

  function set<K extends keyof OrderFormValues>(key: K, value: OrderFormValues[K], ...errorKeys: string[]) {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => clearFieldErrors(e, key, ...errorKeys))
  }

  const { submitting, run: submit } = useSubmit(async () => {
    if (!service) return
    let record = elder
    const ctxFor = (e: ElderView | null) => ({ service, elder: e, days })
    const found = validateOrderForm(values, ctxFor(record))
    setErrors(found)
    if (hasErrors(found)) {
      toastError('请按提示修改标红的内容')
      scrollToFirstError()
      return
    }
    setConsentRefusal(null)
    try {
      if (!record || record.id !== values.elderId) {
        record = await getElder(values.elderId as string)
        setElder(record)
      }
      const order = await submitter.current.submit(toCreateOrderInput(values, ctxFor(record)))
      setPlaced(order)
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } catch (err) {
      if (err instanceof ApiError && err.error === ErrorCode.IDEMPOTENCY_KEY_REUSED) {
        // An earlier try of this very form did reach the server: do not order twice.
        const res = await Taro.showModal({
          title: '订单可能已提交',
          content: '刚才的预约可能已经下单成功。为避免重复下单，请先到「订单」里查看。',
          confirmText: '查看订单',
          cancelText: '留在本页',
        })
        if (res.confirm) Taro.switchTab({ url: '/pages/orders/index' })
        return
      }
      if (isConsentRequired(err)) {
        setConsentRefusal(err.message)
        return
      }
      const { byField, general } = formErrorsFromApi(err, ORDER_FORM_KEYS)
      setErrors(byField)
      if (general.length) toastError(general.join('；'))
      else {
        toastError('请按提示修改标红的内容')
        scrollToFirstError()
      }
    }
  })

  if (placed) {
    return (
      <View className='cc-page order-form'>
        <View className='cc-card cc-card--padded order-form__done'>
          <View className='order-form__done-mark'>
            <Text>✓</Text>
          </View>
          <Text className='cc-title'>下单成功</Text>
          <Text className='order-form__done-text'>
            已为{placed.elderName}预约「{placed.serviceName}」（{formatWindow(placed.windowStart, placed.windowEnd)}）。
            {placed.status === 'awaiting_elder'
              ? `已请${placed.elderName}确认，确认后再为您联系附近的服务人员。`
              : '正在为您联系附近的服务人员，接单后会显示服务人员和上门进度。'}
          </Text>
          <PriceBreakdown breakdown={placed.price} />
          <View className='cc-actions'>
            <Button type='primary' size='large' block onClick={() => replace(routes.order(placed.id))}>
              查看订单进度
            </Button>
            <Button block onClick={goHome}>
              返回首页
            </Button>
          </View>
        </View>
      </View>
    )
  }

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  if (!service) {
    return (
      <View className='cc-page'>
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='?' title='没有找到这项服务' description='请回到服务列表重新选择。'>
            <Button type='primary' block onClick={() => replace(routes.services(values.elderId))}>
              查看全部服务
            </Button>
          </EmptyState>
        </View>
      </View>
    )
  }

  if (data.elders.length === 0) {
    return (
      <View className='cc-page'>
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='老' title='还没有添加家中老人' description='先添加老人的资料和住址，再为他预约上门服务。'>
            <Button
              type='primary'
              block
              onClick={() => navigate(data.householdId ? routes.addElder(data.householdId) : routes.createHousehold())}
            >
              {data.householdId ? '添加家中老人' : '创建家庭'}
            </Button>
          </EmptyState>
        </View>
      </View>
    )
  }

  const when = effectiveWhen(values, service)

  return (
    <View className='cc-page order-form'>
      <View className='cc-card cc-card--padded order-form__service'>
        <View className='order-form__service-head'>
          <Text className='order-form__service-name'>{service.name}</Text>
          <Text className='order-form__change' onClick={() => replace(routes.services(values.elderId))}>
            更换服务
          </Text>
        </View>
        <Text className='cc-muted'>
          {service.description} · {formatDuration(service.durationMinutes)}
        </Text>
      </View>

      <View className='cc-card'>
        <FormField label='为谁下单' required error={errors.elderId}>
          <ChoiceChips
            size='large'
            options={data.elders.map((e) => ({ value: e.id, label: `${e.name}（${e.age}岁）` }))}
            selected={values.elderId ? [values.elderId] : []}
            onToggle={chooseElder}
          />
        </FormField>
        <FormField
          label='服务地址'
          required
          error={firstError(errors, 'address', 'location')}
          hint='已按老人住址填写，可补充楼号、门牌号。服务人员按老人住址的位置派单和签到。'
        >
          <Input
            {...labelled('服务地址')}
            value={values.address}
            onChange={(v) => set('address', v, 'location')}
            placeholder={values.elderId ? '请输入服务地址' : '请先选择老人'}
            maxLength={LIMITS.address}
          />
        </FormField>
      </View>

      <View className='cc-card'>
        <FormField label='上门时间' required error={firstError(errors, 'windowStart', 'windowEnd')}>
          {service.urgent ? (
            <Text className='cc-note order-form__urgent'>助急服务会立即通知附近所有服务人员，最快的一位接单后马上出发。</Text>
          ) : (
            <View>
              <ChoiceChips
                size='large'
                options={WHEN_OPTIONS}
                selected={[when]}
                onToggle={(v) => set('when', v, 'windowStart', 'windowEnd')}
              />
              {when === 'slot' ? (
                <View className='order-form__slots'>
                  <Text className='order-form__step'>选择日期</Text>
                  <ChoiceChips
                    options={days.map((d) => ({ value: d.key, label: d.label, disabled: !d.available, reason: d.available ? null : '已无时段' }))}
                    selected={day ? [day.key] : []}
                    onToggle={setDayKey}
                  />
                  <Text className='order-form__step'>选择时间段</Text>
                  <ChoiceChips
                    options={(day?.slots ?? []).map((s) => ({ value: s.key, label: s.label, disabled: !s.available, reason: s.reason }))}
                    selected={values.slotKey ? [values.slotKey] : []}
                    onToggle={(key) => set('slotKey', key, 'windowStart', 'windowEnd')}
                  />
                </View>
              ) : (
                <Text className='order-form__asap'>下单后立即为您联系附近的服务人员，接单后会通知您。</Text>
              )}
            </View>
          )}
        </FormField>
        <FormField label='备注' error={errors.notes}>
          <TextArea
            {...labelled('备注')}
            value={values.notes}
            onChange={(v) => set('notes', v)}
            placeholder='选填，例如：老人行动不便，请敲门后稍等'
            maxLength={LIMITS.notes}
            rows={3}
          />
        </FormField>
      </View>

      <View className='cc-card cc-card--padded'>
        <Text className='order-form__group'>费用明细</Text>
        {!values.elderId ? (
          <Text className='cc-muted'>选择老人后显示政府补贴和实付金额。</Text>
        ) : quote ? (
          <PriceBreakdown breakdown={quote} />
        ) : quoteError ? (
          <Text className='cc-field__error order-form__retry' onClick={() => setQuoteTry((n) => n + 1)}>
            {quoteError}，点此重试
          </Text>
        ) : (
          <Text className='cc-muted'>正在计算价格…</Text>
        )}
      </View>

      <View className='cc-actions'>
        {consentRefusal ? (
          <View className='cc-card cc-card--padded order-form__consent' role='alert'>
            <Text className='order-form__consent-text'>{consentRefusal}</Text>
            <Button type='primary' fill='outline' size='large' block onClick={() => navigate(accountRoutes.privacy())}>
              去「隐私与数据」重新同意
            </Button>
          </View>
        ) : null}
        <Button
          type='primary'
          size='large'
          block
          loading={submitting}
          onClick={() => {
            askToSubscribe('order')
            void submit()
          }}
        >
          {quote ? `确认下单 · 实付 ${formatFen(quote.payFen)}` : '确认下单'}
        </Button>
        <Text className='order-form__fine'>服务人员接单前可免费取消；服务完成后再评价。</Text>
      </View>
    </View>
  )
}
