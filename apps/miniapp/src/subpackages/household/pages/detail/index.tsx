import { useState } from 'react'
import type { HouseholdView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import ChildCard from '../../../../components/ChildCard'
import ElderCard from '../../../../components/ElderCard'
import EmptyState from '../../../../components/EmptyState'
import FormField, { labelled } from '../../../../components/FormField'
import PageState from '../../../../components/PageState'
import RegionPicker from '../../../../components/RegionPicker'
import SectionHeader from '../../../../components/SectionHeader'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { createHousehold, getHousehold, listHouseholds } from '../../../../services/households'
import { navigate, routes } from '../../../../services/navigation'
import { getCurrentHouseholdId, setCurrentHouseholdId } from '../../../../services/storage'
import { formErrorsFromApi } from '../../../../utils/api-form-errors'
import { formatDateCn } from '../../../../utils/dates'
import { toastError, toastSuccess } from '../../../../utils/feedback'
import type { FieldErrors } from '../../../../utils/field-errors'
import './index.scss'

type DetailData = { kind: 'household'; household: HouseholdView } | { kind: 'none' }

function CreateHouseholdForm() {
  const [name, setName] = useState('')
  const [regionId, setRegionId] = useState<string | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})

  const { submitting, run } = useSubmit(async () => {
    const trimmed = name.trim()
    if (!trimmed) return setErrors({ name: '请填写家庭名称' })
    if (trimmed.length > 20) return setErrors({ name: '家庭名称不能超过 20 个字' })
    setErrors({})
    try {
      const household = await createHousehold(regionId ? { name: trimmed, regionId } : { name: trimmed })
      setCurrentHouseholdId(household.id)
      toastSuccess('家庭已创建')
      Taro.redirectTo({ url: routes.household(household.id) })
    } catch (err) {
      const { byField, general } = formErrorsFromApi(err, ['name', 'regionId'], { 'REGION.NOT_FOUND': 'regionId' })
      setErrors(byField)
      if (general.length) toastError(general.join('；'))
    }
  })

  return (
    <View className='cc-page'>
      <Text className='cc-title'>创建家庭</Text>
      <Text className='cc-muted'>创建后您是这个家庭的创建者，可以添加老人和孩子，也可以邀请其他家人加入。</Text>
      <View className='cc-card' style={{ marginTop: '16px' }}>
        <FormField label='家庭名称' required error={errors.name}>
          <Input {...labelled('家庭名称')} value={name} onChange={setName} placeholder='请输入家庭名称，例如：王家' maxLength={20} />
        </FormField>
        <FormField label='所在街道/社区' error={errors.regionId} hint='选填，用于匹配附近的服务'>
          <RegionPicker value={regionId} onChange={setRegionId} />
        </FormField>
      </View>
      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} onClick={() => void run()}>
          创建家庭
        </Button>
        <Button block onClick={() => navigate(routes.join())}>
          已有邀请码？加入家人的家庭
        </Button>
      </View>
    </View>
  )
}

export default function HouseholdDetailPage() {
  const { params } = useRouter()
  const createMode = params.mode === 'create'

  const { data, loading, error, reload } = useLoader<DetailData>(
    async () => {
      let id = params.id ?? getCurrentHouseholdId()
      if (!id) {
        const list = await listHouseholds()
        if (list.length === 0) return { kind: 'none' }
        id = list[0].id
      }
      return { kind: 'household', household: await getHousehold(id) }
    },
    { enabled: !createMode },
  )
  const [currentId, setCurrentId] = useState(getCurrentHouseholdId())

  if (createMode || data?.kind === 'none') return <CreateHouseholdForm />
  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const { household } = data
  const isCurrent = currentId === household.id

  return (
    <View className='cc-page household'>
      <View className='household__head'>
        <Text className='cc-title'>{household.name}</Text>
        <Text className='cc-muted'>我是{household.myRole === 'owner' ? '创建者' : '成员'}</Text>
      </View>
      {!isCurrent ? (
        <Button
          fill='outline'
          type='primary'
          block
          onClick={() => {
            setCurrentHouseholdId(household.id)
            setCurrentId(household.id)
            toastSuccess('首页已切换到此家庭')
          }}
        >
          在首页显示这个家庭
        </Button>
      ) : null}

      <SectionHeader
        title={`家庭成员（${household.members.length}）`}
        extra={
          <Button size='small' onClick={() => navigate(routes.invite(household.id))}>
            邀请家人
          </Button>
        }
      />
      <View className='cc-card'>
        {household.members.map((m) => (
          <View key={m.userId} className='household__member'>
            <View className='household__avatar'>
              <Text>{m.nickname.slice(0, 1)}</Text>
            </View>
            <View className='household__member-main'>
              <Text className='household__member-name'>{m.nickname}</Text>
              <Text className='household__member-desc'>
                {m.role === 'owner' ? '创建者' : '成员'} · {formatDateCn(m.joinedAt)}加入
              </Text>
            </View>
          </View>
        ))}
      </View>

      <SectionHeader
        title={`家中老人（${household.elders.length}）`}
        extra={
          <Button type='primary' size='small' onClick={() => navigate(routes.addElder(household.id))}>
            添加老人
          </Button>
        }
      />
      {household.elders.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='老' title='还没有添加家中老人' description='点右上角「添加老人」，填写老人的基本信息和住址。' />
        </View>
      ) : (
        household.elders.map((elder) => (
          <ElderCard key={elder.id} elder={elder} onClick={(e) => navigate(routes.elder(e.id))} />
        ))
      )}

      <SectionHeader
        title={`家中孩子（${household.children.length}）`}
        extra={
          <Button size='small' onClick={() => navigate(routes.addChild(household.id))}>
            添加孩子
          </Button>
        }
      />
      {household.children.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='幼' title='还没有添加孩子' description='可以添加 3 岁以下的孩子，用于预约托育服务。' />
        </View>
      ) : (
        household.children.map((child) => (
          <ChildCard key={child.id} child={child} onClick={(c) => navigate(routes.editChild(c.id))} />
        ))
      )}

      <View className='cc-actions'>
        <Button block onClick={() => navigate(routes.join())}>
          用邀请码加入其他家庭
        </Button>
        <Button block onClick={() => navigate(routes.createHousehold())}>
          创建新的家庭
        </Button>
      </View>
    </View>
  )
}
