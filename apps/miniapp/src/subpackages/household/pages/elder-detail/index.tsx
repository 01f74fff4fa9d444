import { type ReactNode, useEffect, useState } from 'react'
import type { ElderSubsidyMonthView, ElderView, EligibilityStatusView, RegionView } from '@carecircle/shared'
import { DIETARY_NEED_LABELS, LIVING_SITUATION_LABELS } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageState from '../../../../components/PageState'
import { regionPath } from '../../../../components/RegionPicker/options'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { deleteElder, getElder } from '../../../../services/elders'
import { getEligibility, getSubsidyMonth } from '../../../../services/eligibility'
import { goBackOr, navigate, routes } from '../../../../services/navigation'
import { elderRoutes } from '../../../../services/elder-routes'
import { listRegions } from '../../../../services/regions'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import SubsidyMonth from './SubsidyMonth'
import SubsidyStatus from './SubsidyStatus'
import { revealElderPhone } from '../../../../services/account'
import './index.scss'

const GENDER_LABELS = { male: '男', female: '女' } as const

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='elder-detail__item'>
      <Text className='elder-detail__label'>{label}</Text>
      <View className='elder-detail__value'>{children}</View>
    </View>
  )
}

function call(phone: string) {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}

/** The full number is fetched only for the call (and recorded on the server), never shown on the page. */
async function callElder(elderId: string) {
  try {
    const { phone } = await revealElderPhone(elderId)
    if (phone) call(phone)
  } catch (err) {
    Taro.showToast({ title: (err as Error).message || '暂时无法拨打，请稍后再试', icon: 'none' })
  }
}

export default function ElderDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: elder, loading, error, reload } = useLoader<ElderView>(() => getElder(id))
  // Validity and the 街道's note live in the eligibility status; the page works without it.
  const { data: eligibility } = useLoader<EligibilityStatusView>(() => getEligibility(id), { enabled: id !== '' })
  const subsidyMonth = useLoader<ElderSubsidyMonthView>(() => getSubsidyMonth(id), { enabled: id !== '' })
  const [regions, setRegions] = useState<RegionView[]>([])

  useEffect(() => {
    listRegions().then(setRegions).catch(() => undefined)
  }, [])

  const { submitting: deleting, run: remove } = useSubmit(async () => {
    if (!elder) return
    const ok = await confirm('删除老人资料', `删除后，${elder.name}的资料将无法恢复。确定删除吗？`, '删除')
    if (!ok) return
    try {
      await deleteElder(elder.id)
      toastSuccess('已删除')
      goBackOr()
    } catch (err) {
      toastError(err, '删除失败，请稍后再试')
    }
  })

  if (!elder) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const region = elder.regionId ? regionPath(regions, elder.regionId) : null

  return (
    <View className='cc-page elder-detail'>
      <View className='elder-detail__head'>
        <Text className='cc-title'>{elder.name}</Text>
        <Text className='cc-muted'>
          {GENDER_LABELS[elder.gender]} · 今年 {elder.age} 岁
        </Text>
      </View>

      <View className='cc-card'>
        <Item label='身份证号'>
          <Text>{elder.idNumberMasked}</Text>
        </Item>
        <Item label='手机号'>
          {elder.phoneMasked ? (
            <View className='elder-detail__phone'>
              <Text>{elder.phoneMasked}</Text>
              <Text className='elder-detail__call' onClick={() => callElder(elder.id)}>
                拨打
              </Text>
            </View>
          ) : (
            <Text className='cc-muted'>未填写</Text>
          )}
        </Item>
        <Item label='地址'>
          <Text>{elder.address}</Text>
        </Item>
        <Item label='位置'>
          <Text>
            纬度 {elder.location.lat}，经度 {elder.location.lng}
          </Text>
        </Item>
        <Item label='街道/社区'>
          <Text className={region ? '' : 'cc-muted'}>{region ?? (elder.regionId ? '—' : '未选择')}</Text>
        </Item>
      </View>

      <View className='cc-card'>
        <Item label='居住情况'>
          <Text>{LIVING_SITUATION_LABELS[elder.livingSituation]}</Text>
        </Item>
        <Item label='补贴类别'>
          <SubsidyStatus
            category={elder.subsidyCategory}
            verification={elder.subsidyVerification}
            eligibility={eligibility?.elderId === elder.id ? eligibility : undefined}
            onDeclare={() => navigate(routes.eligibility(elder.id))}
          />
        </Item>
        <Item label='饮食需求'>
          <Text className={elder.dietaryNeeds.length ? '' : 'cc-muted'}>
            {elder.dietaryNeeds.length ? elder.dietaryNeeds.map((n) => DIETARY_NEED_LABELS[n]).join('、') : '无'}
          </Text>
        </Item>
        <Item label='健康备注'>
          <Text className={elder.healthNotes ? 'elder-detail__notes' : 'cc-muted'}>{elder.healthNotes || '无'}</Text>
        </Item>
      </View>

      <Text className='elder-detail__group'>本月补贴</Text>
      <SubsidyMonth
        view={subsidyMonth.data?.elderId === elder.id ? subsidyMonth.data : undefined}
        error={subsidyMonth.error}
        onRetry={() => void subsidyMonth.reload()}
      />

      <Text className='elder-detail__group'>紧急联系人</Text>
      <View className='cc-card'>
        {elder.emergencyContacts.length === 0 ? (
          <Text className='cc-muted elder-detail__empty'>还没有紧急联系人，建议在「编辑资料」中添加。</Text>
        ) : (
          elder.emergencyContacts.map((c, i) => (
            <View key={i} className='elder-detail__item'>
              <Text className='elder-detail__label'>{c.relation}</Text>
              <View className='elder-detail__value elder-detail__phone'>
                <Text>
                  {c.name} {c.phone}
                </Text>
                <Text className='elder-detail__call' onClick={() => call(c.phone)}>
                  拨打
                </Text>
              </View>
            </View>
          ))
        )}
      </View>

      <Text className='elder-detail__group'>长辈版</Text>
      <View className='cc-card cc-card--padded'>
        <Text className='cc-muted'>
          给{elder.name}的手机生成绑定码，绑定后老人打开就是大字版；还可以设置您代下的订单要不要老人确认，演练一键呼叫。
        </Text>
        <View className='cc-actions'>
          <Button type='primary' fill='outline' block onClick={() => navigate(elderRoutes.setup(elder.id))}>
            生成长辈版绑定码 · 确认设置
          </Button>
        </View>
      </View>

      <View className='cc-actions'>
        <Button type='primary' size='large' block onClick={() => navigate(routes.editElder(elder.id))}>
          编辑资料
        </Button>
        <Button block loading={deleting} onClick={() => void remove()} className='elder-detail__delete'>
          删除老人
        </Button>
      </View>
    </View>
  )
}
