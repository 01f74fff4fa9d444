import { useEffect, useState } from 'react'
import { ErrorCode, type DietaryNeed, type ElderView, type EmergencyContact, type LivingSituation, type SubsidyCategory } from '@carecircle/shared'
import {
  DIETARY_NEEDS,
  DIETARY_NEED_LABELS,
  LIVING_SITUATIONS,
  LIVING_SITUATION_LABELS,
  SUBSIDY_CATEGORIES,
  SUBSIDY_CATEGORY_LABELS,
  SUBSIDY_VERIFICATION_LABELS,
} from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import RegionPicker from '../../../../components/RegionPicker'
import { useSubmit } from '../../../../hooks/useSubmit'
import { ApiError, errorMessage } from '../../../../services/api-error'
import { createElder, getElder, updateElder } from '../../../../services/elders'
import { goBackOr, scrollToFirstError } from '../../../../services/navigation'
import { formErrorsFromApi } from '../../../../utils/api-form-errors'
import {
  type ElderFormValues,
  LIMITS,
  elderFormFromView,
  elderFormKeys,
  emptyElderForm,
  toCreateElderInput,
  toUpdateElderInput,
  validateElderForm,
} from '../../../../utils/elder-form'
import { flashSuccess, toastError } from '../../../../utils/feedback'
import { type FieldErrors, clearFieldErrors, hasErrors } from '../../../../utils/field-errors'
import LocationField, { initialLocation } from './LocationField'
import './index.scss'

const DIETARY_OPTIONS = DIETARY_NEEDS.map((value) => ({ value, label: DIETARY_NEED_LABELS[value] }))
const LIVING_OPTIONS = LIVING_SITUATIONS.map((value) => ({ value, label: LIVING_SITUATION_LABELS[value] }))
const SUBSIDY_OPTIONS = SUBSIDY_CATEGORIES.map((value) => ({ value, label: SUBSIDY_CATEGORY_LABELS[value] }))

/** Error codes that are about one field even when the server sends no field list. */
const CODE_FIELDS = { 'ELDER.ID_NUMBER_TAKEN': 'idNumber', 'REGION.NOT_FOUND': 'regionId' }

export default function ElderFormPage() {
  const { params } = useRouter()
  const elderId = params.id ?? null
  const householdId = params.householdId ?? null
  const mode = elderId ? 'edit' : 'create'

  const [original, setOriginal] = useState<ElderView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [values, setValues] = useState<ElderFormValues>(() => ({ ...emptyElderForm(), ...initialLocation }))
  const [errors, setErrors] = useState<FieldErrors>({})

  async function load() {
    if (!elderId) return
    setLoadError(null)
    try {
      const elder = await getElder(elderId)
      setOriginal(elder)
      setValues(elderFormFromView(elder))
    } catch (err) {
      setLoadError(errorMessage(err, '加载失败'))
    }
  }

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: mode === 'edit' ? '编辑老人资料' : '添加老人' })
    void load()
  }, [])

  /** The error keys a form value is shown under (lat/lng also clear the whole-location message). */
  function errorKeysOf(key: keyof ElderFormValues): string[] {
    if (key === 'lat') return ['location.lat', 'location']
    if (key === 'lng') return ['location.lng', 'location']
    return [key]
  }

  function set<K extends keyof ElderFormValues>(key: K, value: ElderFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => clearFieldErrors(e, ...errorKeysOf(key)))
  }

  function setContact(index: number, patch: Partial<EmergencyContact>) {
    setValues((v) => ({
      ...v,
      emergencyContacts: v.emergencyContacts.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    }))
    setErrors((e) => clearFieldErrors(e, ...Object.keys(patch).map((field) => `emergencyContacts.${index}.${field}`)))
  }

  function removeContact(index: number) {
    setValues((v) => ({ ...v, emergencyContacts: v.emergencyContacts.filter((_, i) => i !== index) }))
    // Row errors are keyed by index: drop them rather than show them on the wrong row.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('emergencyContacts'))))
  }

  function toggleDietary(need: DietaryNeed) {
    set('dietaryNeeds', values.dietaryNeeds.includes(need) ? values.dietaryNeeds.filter((n) => n !== need) : [...values.dietaryNeeds, need])
  }

  const { submitting, run: submit } = useSubmit(async () => {
    const found = validateElderForm(values, mode)
    setErrors(found)
    if (hasErrors(found)) {
      toastError('请按提示修改标红的内容')
      scrollToFirstError()
      return
    }
    try {
      if (mode === 'edit' && original) {
        const patch = toUpdateElderInput(values, original)
        if (Object.keys(patch).length === 0) {
          flashSuccess('没有修改')
          goBackOr()
          return
        }
        await updateElder(original.id, patch)
        flashSuccess('已保存')
      } else if (householdId) {
        await createElder(householdId, toCreateElderInput(values))
        flashSuccess('已添加老人')
      } else {
        toastError('缺少家庭信息，请从家庭页面进入')
        return
      }
      goBackOr()
    } catch (err) {
      if (err instanceof ApiError && err.error === ErrorCode.ELDER_REGISTRATION_REVIEW) {
        // Something to act on later (the 街道 will call), not a field to fix: a dialog that stays until read.
        await Taro.showModal({ title: '需要街道核实', content: err.message, confirmText: '知道了', showCancel: false })
        return
      }
      const { byField, general } = formErrorsFromApi(err, elderFormKeys(values), CODE_FIELDS)
      setErrors(byField)
      if (general.length) toastError(general.join('；'))
      else {
        toastError('请按提示修改标红的内容')
        scrollToFirstError()
      }
    }
  })

  if (mode === 'edit' && !original) {
    return (
      <View className='cc-page'>
        <PageState loading={!loadError} error={loadError} onRetry={load} />
      </View>
    )
  }

  return (
    <View className='cc-page elder-form'>
      <Text className='elder-form__group'>基本信息</Text>
      <View className='cc-card'>
        <FormField label='姓名' required error={errors.name}>
          <Input {...labelled('姓名')} value={values.name} onChange={(v) => set('name', v)} placeholder='请输入老人姓名' maxLength={LIMITS.name} />
        </FormField>
        <FormField
          label='身份证号'
          required={mode === 'create'}
          error={errors.idNumber}
          hint={original ? `当前：${original.idNumberMasked}。不修改请留空。` : '用于核验补贴资格，加密保存，页面上只显示部分号码'}
        >
          <Input
            {...labelled('身份证号')}
            value={values.idNumber}
            onChange={(v) => set('idNumber', v)}
            placeholder={mode === 'edit' ? '请输入新的身份证号（不修改请留空）' : '请输入 18 位身份证号'}
            type='idcard'
            maxLength={18}
          />
        </FormField>
        <FormField label='手机号' error={errors.phone} hint={original?.phoneMasked ? `当前：${original.phoneMasked}。不修改请留空。` : '选填，老人自己的手机号'}>
          <Input {...labelled('手机号')} value={values.phone} onChange={(v) => set('phone', v)} placeholder='请输入手机号（选填）' type='number' maxLength={11} />
        </FormField>
      </View>

      <Text className='elder-form__group'>住址</Text>
      <View className='cc-card'>
        <LocationField
          value={{ address: values.address, lat: values.lat, lng: values.lng }}
          errors={errors}
          onChange={(patch) => {
            setValues((v) => ({ ...v, ...patch }))
            setErrors((e) => clearFieldErrors(e, ...(Object.keys(patch) as (keyof ElderFormValues)[]).flatMap(errorKeysOf)))
          }}
        />
        <FormField label='所在街道/社区' error={errors.regionId} hint='选填，街道据此安排探访和核验'>
          <RegionPicker value={values.regionId} onChange={(id) => set('regionId', id)} />
        </FormField>
      </View>

      <Text className='elder-form__group'>紧急联系人</Text>
      <View className='cc-card'>
        {values.emergencyContacts.length === 0 ? (
          <Text className='cc-muted elder-form__contacts-empty'>
            还没有紧急联系人。建议至少填写一位，老人需要帮助时服务人员会联系他。
          </Text>
        ) : null}
        {errors.emergencyContacts ? <Text className='cc-field__error'>{errors.emergencyContacts}</Text> : null}
        {values.emergencyContacts.map((contact, i) => (
          <View key={i} className='elder-form__contact'>
            <View className='elder-form__contact-head'>
              <Text className='elder-form__contact-title'>联系人 {i + 1}</Text>
              <Text className='elder-form__contact-remove' onClick={() => removeContact(i)}>
                删除
              </Text>
            </View>
            <FormField label='联系人姓名' required error={errors[`emergencyContacts.${i}.name`] ?? errors[`emergencyContacts.${i}`]}>
              <Input {...labelled('联系人姓名')} value={contact.name} onChange={(v) => setContact(i, { name: v })} placeholder='请输入联系人姓名' maxLength={LIMITS.contactName} />
            </FormField>
            <FormField label='联系人手机号' required error={errors[`emergencyContacts.${i}.phone`]}>
              <Input {...labelled('联系人手机号')} value={contact.phone} onChange={(v) => setContact(i, { phone: v })} placeholder='请输入联系人手机号' type='number' maxLength={11} />
            </FormField>
            <FormField label='与老人的关系' required error={errors[`emergencyContacts.${i}.relation`]}>
              <Input {...labelled('与老人的关系')} value={contact.relation} onChange={(v) => setContact(i, { relation: v })} placeholder='例如：儿子、女儿、邻居' maxLength={LIMITS.relation} />
            </FormField>
          </View>
        ))}
        {values.emergencyContacts.length < LIMITS.contacts ? (
          <View className='elder-form__add-contact'>
            <Button
              block
              onClick={() => set('emergencyContacts', [...values.emergencyContacts, { name: '', phone: '', relation: '' }])}
            >
              ＋ 添加紧急联系人
            </Button>
          </View>
        ) : null}
      </View>

      <Text className='elder-form__group'>健康与饮食</Text>
      <View className='cc-card'>
        <FormField label='健康备注' error={errors.healthNotes} hint='选填，例如慢性病、过敏、行动是否方便，服务人员上门前会看到'>
          <TextArea
            {...labelled('健康备注')}
            value={values.healthNotes}
            onChange={(v) => set('healthNotes', v)}
            placeholder='请输入健康备注（选填）'
            maxLength={LIMITS.healthNotes}
            showCount
            rows={3}
          />
        </FormField>
        <FormField label='饮食需求（可多选）' error={errors.dietaryNeeds}>
          <ChoiceChips options={DIETARY_OPTIONS} selected={values.dietaryNeeds} onToggle={toggleDietary} />
        </FormField>
      </View>

      <Text className='elder-form__group'>居住情况与补贴</Text>
      <View className='cc-card'>
        <FormField label='居住情况' required error={errors.livingSituation}>
          <ChoiceChips<LivingSituation>
            options={LIVING_OPTIONS}
            selected={values.livingSituation ? [values.livingSituation] : []}
            onToggle={(v) => set('livingSituation', v)}
          />
        </FormField>
        <FormField label='补贴类别' error={errors.subsidyCategory}>
          <ChoiceChips<SubsidyCategory>
            options={SUBSIDY_OPTIONS}
            selected={[values.subsidyCategory]}
            onToggle={(v) => set('subsidyCategory', v)}
          />
          <Text className='cc-note'>
            所选补贴类别需经街道核验后才生效，核验通过前不享受补贴。
            {original && original.subsidyCategory !== 'none'
              ? `当前状态：${SUBSIDY_VERIFICATION_LABELS[original.subsidyVerification]}。`
              : ''}
          </Text>
        </FormField>
      </View>

      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} onClick={() => void submit()}>
          保存
        </Button>
      </View>
    </View>
  )
}
