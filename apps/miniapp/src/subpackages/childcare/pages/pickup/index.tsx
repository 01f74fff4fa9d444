import { useState } from 'react'
import type { ChildView, PickupPersonView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import ChoiceChips from '../../../../components/ChoiceChips'
import EmptyState from '../../../../components/EmptyState'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { addPickupPerson, listPickupPersons, removePickupPerson } from '../../../../services/childcare'
import { getChild } from '../../../../services/children'
import { formErrorsFromApi } from '../../../../utils/api-form-errors'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import { param } from '../../logic/family'
import { PICKUP_FORM_KEYS, RELATIONS, emptyPickupForm, toPickupInput, validatePickupForm, type PickupFormValues } from '../../logic/pickup-form'
import './index.scss'

interface PickupData {
  child: ChildView
  persons: PickupPersonView[]
}

export default function PickupPage() {
  const { params } = useRouter()
  const childId = param(params, 'childId')
  const { data, loading, error, reload, setData } = useLoader<PickupData>(async () => {
    if (!childId) throw new Error('缺少孩子信息，请返回重试')
    const [child, persons] = await Promise.all([getChild(childId), listPickupPersons(childId)])
    return { child, persons }
  })
  const [values, setValues] = useState<PickupFormValues>(emptyPickupForm)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [adding, setAdding] = useState(false)

  function set<K extends keyof PickupFormValues>(key: K, value: PickupFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => ({ ...e, [key]: '' }))
  }

  const { submitting, run: save } = useSubmit(async () => {
    if (!data) return
    const found = validatePickupForm(values)
    setErrors(found)
    if (Object.keys(found).length) {
      toastError('请按提示修改标红的内容')
      return
    }
    try {
      const person = await addPickupPerson(data.child.id, toPickupInput(values))
      setData({ ...data, persons: [...data.persons, person] })
      setValues(emptyPickupForm())
      setAdding(false)
      toastSuccess('已添加')
    } catch (err) {
      const { byField, general } = formErrorsFromApi(err, PICKUP_FORM_KEYS)
      setErrors(byField)
      toastError(general.length ? general.join('；') : '请按提示修改标红的内容')
    }
  })

  const { submitting: removing, run: remove } = useSubmit(async (person: PickupPersonView) => {
    if (!data) return
    if (!(await confirm('移除接送人', `移除后，机构将不再把${data.child.name}交给${person.name}（${person.relation}）。`, '移除'))) return
    try {
      await removePickupPerson(data.child.id, person.id)
      setData({ ...data, persons: data.persons.filter((p) => p.id !== person.id) })
      toastSuccess('已移除')
    } catch (err) {
      toastError(err)
    }
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const { child, persons } = data
  const showForm = adding || persons.length === 0

  return (
    <View className='cc-page care-pickup'>
      <Text className='cc-title'>{child.name}的授权接送人</Text>
      <Text className='care-hint care-pickup__intro'>托育机构离园时只把孩子交给名单上的人，并核对身份。手机号只显示部分数字。</Text>

      {persons.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='接' title='还没有授权接送人' description='请至少添加一位，入托后每天由名单上的人接孩子。' />
        </View>
      ) : (
        <View className='cc-card'>
          {persons.map((p) => (
            <View key={p.id} className='care-pickup__row'>
              <View className='care-pickup__who'>
                <Text className='care-pickup__name'>
                  {p.name}（{p.relation}）
                </Text>
                <Text className='care-pickup__phone'>{p.phoneMasked}</Text>
              </View>
              <Button size='small' disabled={removing} onClick={() => void remove(p)}>
                移除
              </Button>
            </View>
          ))}
        </View>
      )}

      {showForm ? (
        <View className='cc-card'>
          <FormField label='姓名' required error={errors.name}>
            <Input {...labelled('姓名')} value={values.name} onChange={(v) => set('name', v)} placeholder='接送人姓名' maxLength={40} />
          </FormField>
          <FormField label='手机号' required error={errors.phone} hint='机构交接时核对，仅显示部分数字'>
            <Input {...labelled('手机号')} value={values.phone} onChange={(v) => set('phone', v)} placeholder='11 位手机号' type='number' maxLength={11} />
          </FormField>
          <FormField label='与孩子的关系' required error={errors.relation}>
            <ChoiceChips
              options={RELATIONS.map((r) => ({ value: r, label: r }))}
              selected={RELATIONS.filter((r) => r === values.relation)}
              onToggle={(r) => set('relation', r)}
            />
            <View className='care-pickup__relation'>
              <Input {...labelled('与孩子的关系')} value={values.relation} onChange={(v) => set('relation', v)} placeholder='或填写，如：姑姑、保姆' maxLength={20} />
            </View>
          </FormField>
        </View>
      ) : null}

      <View className='cc-actions'>
        {showForm ? (
          <Button type='primary' size='large' block loading={submitting} onClick={() => void save()}>
            保存接送人
          </Button>
        ) : (
          <Button type='primary' size='large' block onClick={() => setAdding(true)}>
            添加接送人
          </Button>
        )}
        {adding && persons.length > 0 ? (
          <Button block onClick={() => { setAdding(false); setErrors({}) }}>
            取消
          </Button>
        ) : null}
      </View>
    </View>
  )
}
