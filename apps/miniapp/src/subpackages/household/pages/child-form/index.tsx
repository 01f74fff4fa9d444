import { useEffect, useState } from 'react'
import type { ChildView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import { useSubmit } from '../../../../hooks/useSubmit'
import { errorMessage } from '../../../../services/api-error'
import { childcareRoutes } from '../../../../services/childcare-routes'
import { createChild, deleteChild, getChild, updateChild } from '../../../../services/children'
import { goBackOr, navigate, scrollToFirstError } from '../../../../services/navigation'
import { formErrorsFromApi } from '../../../../utils/api-form-errors'
import {
  CHILD_FORM_KEYS,
  type ChildFormValues,
  childFormFromView,
  emptyChildForm,
  toCreateChildInput,
  toUpdateChildInput,
  validateChildForm,
} from '../../../../utils/child-form'
import { todayYmd } from '../../../../utils/dates'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import { type FieldErrors, clearFieldErrors, hasErrors } from '../../../../utils/field-errors'
import BirthDateField from './BirthDateField'
import './index.scss'

const CODE_FIELDS = { 'CHILD.TOO_OLD': 'birthDate' }

function yearsAgo(ymd: string, years: number): string {
  return `${Number(ymd.slice(0, 4)) - years}${ymd.slice(4)}`
}

export default function ChildFormPage() {
  const { params } = useRouter()
  const childId = params.id ?? null
  const householdId = params.householdId ?? null
  const mode = childId ? 'edit' : 'create'
  const today = todayYmd()

  const [original, setOriginal] = useState<ChildView | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [values, setValues] = useState<ChildFormValues>(emptyChildForm)
  const [errors, setErrors] = useState<FieldErrors>({})

  async function load() {
    if (!childId) return
    setLoadError(null)
    try {
      const child = await getChild(childId)
      setOriginal(child)
      setValues(childFormFromView(child))
    } catch (err) {
      setLoadError(errorMessage(err, '加载失败'))
    }
  }

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: mode === 'edit' ? '编辑孩子资料' : '添加孩子' })
    void load()
  }, [])

  function set<K extends keyof ChildFormValues>(key: K, value: ChildFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => clearFieldErrors(e, key))
  }

  const { submitting, run: submit } = useSubmit(async () => {
    const found = validateChildForm(values, todayYmd())
    setErrors(found)
    if (hasErrors(found)) {
      toastError('请按提示修改标红的内容')
      scrollToFirstError()
      return
    }
    try {
      if (mode === 'edit' && original) {
        const patch = toUpdateChildInput(values, original)
        if (Object.keys(patch).length > 0) await updateChild(original.id, patch)
        toastSuccess('已保存')
      } else if (householdId) {
        await createChild(householdId, toCreateChildInput(values))
        toastSuccess('已添加孩子')
      } else {
        toastError('缺少家庭信息，请从家庭页面进入')
        return
      }
      goBackOr()
    } catch (err) {
      const { byField, general } = formErrorsFromApi(err, CHILD_FORM_KEYS, CODE_FIELDS)
      setErrors(byField)
      if (general.length) toastError(general.join('；'))
      else scrollToFirstError()
    }
  })

  const { submitting: deleting, run: remove } = useSubmit(async () => {
    if (!original) return
    if (!(await confirm('删除孩子资料', `删除后，${original.name}的资料将无法恢复。确定删除吗？`, '删除'))) return
    try {
      await deleteChild(original.id)
      toastSuccess('已删除')
      goBackOr()
    } catch (err) {
      toastError(err, '删除失败，请稍后再试')
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
    <View className='cc-page child-form'>
      <Text className='cc-note child-form__note'>托育服务面向 3 周岁以下的婴幼儿，已满 3 周岁的孩子不能添加。</Text>
      <View className='cc-card'>
        <FormField label='姓名' required error={errors.name}>
          <Input {...labelled('姓名')} value={values.name} onChange={(v) => set('name', v)} placeholder='请输入孩子姓名' maxLength={40} />
        </FormField>
        <FormField label='出生日期' required error={errors.birthDate}>
          <BirthDateField value={values.birthDate} min={yearsAgo(today, 6)} max={today} onChange={(v) => set('birthDate', v)} />
        </FormField>
        <FormField
          label='身份证号'
          error={errors.idNumber}
          hint={original?.idNumberMasked ? `当前：${original.idNumberMasked}。不修改请留空。` : '选填，办理托育入托时需要'}
        >
          <Input
            {...labelled('身份证号')}
            value={values.idNumber}
            onChange={(v) => set('idNumber', v)}
            placeholder='请输入身份证号（选填）'
            type='idcard'
            maxLength={18}
          />
        </FormField>
      </View>
      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} onClick={() => void submit()}>
          保存
        </Button>
        {original && original.ageMonths < 36 ? (
          <Button block onClick={() => navigate(childcareRoutes.pickup(original.id))}>
            授权接送人
          </Button>
        ) : null}
        {original ? (
          <Button block loading={deleting} onClick={() => void remove()} className='child-form__delete'>
            删除孩子
          </Button>
        ) : null}
      </View>
    </View>
  )
}
