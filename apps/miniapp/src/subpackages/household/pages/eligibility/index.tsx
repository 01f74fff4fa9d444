import { useEffect, useState } from 'react'
import type { ElderView, EligibilityStatusView, SubsidyCategory } from '@carecircle/shared'
import { SUBSIDY_CATEGORY_LABELS, SUBSIDY_VERIFICATION_LABELS } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import CharCount from '../../../../components/CharCount'
import ChoiceChips from '../../../../components/ChoiceChips'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { getElder } from '../../../../services/elders'
import { declareEligibility, getEligibility } from '../../../../services/eligibility'
import { backTo, routes, scrollToFirstError } from '../../../../services/navigation'
import { formErrorsFromApi } from '../../../../utils/api-form-errors'
import { formatDateTimeCn } from '../../../../utils/dates'
import { confirm, flashSuccess, toastError } from '../../../../utils/feedback'
import { type FieldErrors, clearFieldErrors, hasErrors } from '../../../../utils/field-errors'
import {
  DECLARABLE_OPTIONS,
  ELIGIBILITY_FORM_KEYS,
  EVIDENCE_NOTE_MAX,
  type EligibilityFormValues,
  hasDeclared,
  initialEligibilityForm,
  validateEligibilityForm,
} from '../../logic/eligibility'
import EligibilityLine from '../../components/EligibilityLine'
import './index.scss'

interface PageData {
  elder: ElderView
  status: EligibilityStatusView
}

function StatusCard({ elder, status }: PageData) {
  return (
    <View className='cc-card cc-card--padded eligibility__status'>
      <Text className='eligibility__caption'>{elder.name}的补贴类别</Text>
      <View className='eligibility__current'>
        <Text className='eligibility__category'>{hasDeclared(status) ? SUBSIDY_CATEGORY_LABELS[status.category] : '还没有申报'}</Text>
        {hasDeclared(status) ? (
          <Text className={`cc-badge cc-badge--${status.verification}`}>{SUBSIDY_VERIFICATION_LABELS[status.verification]}</Text>
        ) : null}
      </View>
      <EligibilityLine status={status} />
      {hasDeclared(status) && status.evidenceNote ? <Text className='eligibility__meta'>证明材料：{status.evidenceNote}</Text> : null}
      {status.declaredAt ? <Text className='eligibility__meta'>申报时间：{formatDateTimeCn(status.declaredAt)}</Text> : null}
    </View>
  )
}

/** 申报补贴类别: the current state, then the category and a note on the evidence for the 街道 to verify. */
export default function EligibilityPage() {
  const { params } = useRouter()
  const elderId = params.elderId ?? ''
  const { data, loading, error, reload } = useLoader<PageData>(
    async () => {
      const [elder, status] = await Promise.all([getElder(elderId), getEligibility(elderId)])
      return { elder, status }
    },
    { enabled: elderId !== '' },
  )
  const [values, setValues] = useState<EligibilityFormValues | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})

  // The form starts from the last declaration once, and keeps what the family typed after a refresh.
  useEffect(() => {
    if (data && values === null) setValues(initialEligibilityForm(data.status))
  }, [data, values])

  const { submitting, run: submit } = useSubmit(async () => {
    if (!data || !values) return
    const found = validateEligibilityForm(values)
    setErrors(found)
    if (hasErrors(found)) {
      scrollToFirstError()
      return
    }
    if (data.status.verification === 'verified' && hasDeclared(data.status)) {
      const ok = await confirm('重新申报', '重新申报后需要街道再次核验，核验通过前暂不享受补贴。确定重新申报吗？', '重新申报')
      if (!ok) return
    }
    try {
      await declareEligibility(elderId, { category: values.category as SubsidyCategory, evidenceNote: values.evidenceNote.trim() })
      flashSuccess('已提交，等待街道核验')
      backTo(routes.elder(elderId))
    } catch (err) {
      const { byField, general } = formErrorsFromApi(err, ELIGIBILITY_FORM_KEYS)
      setErrors(byField)
      if (general.length) toastError(general.join('；'))
      else scrollToFirstError()
    }
  })

  if (!elderId) {
    return (
      <View className='cc-page'>
        <PageState error='缺少老人编号，请从老人资料进入' />
      </View>
    )
  }

  if (!data || !values) {
    return (
      <View className='cc-page'>
        <PageState loading={loading || !error} error={error} onRetry={reload} />
      </View>
    )
  }

  function set<K extends keyof EligibilityFormValues>(key: K, value: EligibilityFormValues[K]) {
    setValues((v) => (v ? { ...v, [key]: value } : v))
    setErrors((e) => clearFieldErrors(e, key))
  }

  return (
    <View className='cc-page eligibility'>
      <StatusCard elder={data.elder} status={data.status} />

      <Text className='cc-note'>
        申报后由老人所在的街道核验证明材料。核验通过后才按新的类别享受补贴；核验结果和街道的说明会显示在老人资料里。
      </Text>
      {!data.elder.regionId ? (
        <Text className='cc-note'>老人资料还没有选择街道/社区，街道无法核验。请先在老人资料的「编辑资料」里选择。</Text>
      ) : null}

      <View className='cc-card eligibility__form'>
        <FormField label='补贴类别' required error={errors.category}>
          <ChoiceChips<SubsidyCategory>
            options={DECLARABLE_OPTIONS}
            selected={values.category ? [values.category] : []}
            onToggle={(v) => set('category', v)}
          />
        </FormField>
        <FormField
          label='证明材料说明'
          required
          error={errors.evidenceNote}
          hint='写明证件名称和编号，例如：低保证编号 KS2026-0012。街道核验时可能请您出示原件。'
        >
          <TextArea
            {...labelled('证明材料说明')}
            value={values.evidenceNote}
            onChange={(v) => set('evidenceNote', v)}
            placeholder='证件名称、编号、发证单位等'
            maxLength={EVIDENCE_NOTE_MAX}
            rows={4}
          />
          <CharCount text={values.evidenceNote} max={EVIDENCE_NOTE_MAX} />
        </FormField>
      </View>

      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} onClick={() => void submit()}>
          {hasDeclared(data.status) ? '提交重新申报' : '提交申报'}
        </Button>
      </View>
    </View>
  )
}
