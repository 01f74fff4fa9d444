import { useEffect, useState } from 'react'
import type { ChildcareCentreView, ChildcareClassView } from '@carecircle/shared'
import { formatDistance } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { errorMessage } from '../../../../services/api-error'
import { listCentres } from '../../../../services/childcare'
import { childcareRoutes } from '../../../../services/childcare-routes'
import { getCurrentLocation } from '../../../../services/location'
import { navigate, routes } from '../../../../services/navigation'
import { todayYmd } from '../../../../utils/dates'
import { toastError } from '../../../../utils/feedback'
import ChildChips from '../../components/ChildChips'
import { bandText } from '../../logic/age-fit'
import { classAvailability } from '../../logic/calendar'
import { householdOrigin, initialChild, lastChild, loadFamily, param, rememberChild, type FamilyChild, type Origin } from '../../logic/family'
import { pricesLine } from '../../logic/price'
import './index.scss'

function ClassRow({ cls, child, today, onOpen }: { cls: ChildcareClassView; child: FamilyChild; today: string; onOpen: () => void }) {
  const fit = classAvailability(child, cls.ageClass, today)
  const off = fit.state === 'no'
  const full = cls.free === 0
  return (
    <View role='button' className={`care-class${off ? ' care-class--off' : ''}`} onClick={() => (off ? toastError(fit.reason ?? '年龄不符合') : onOpen())}>
      <View className='care-class__head'>
        <Text className='care-class__name'>
          {cls.name}
          {cls.name !== cls.ageLabel ? `（${cls.ageLabel}）` : ''}
        </Text>
        <Text className={`care-class__places${full ? ' care-class__places--full' : ''}`}>
          {full ? `已满 · ${cls.waitlist} 人轮候` : `空位 ${cls.free}/${cls.capacity}`}
        </Text>
      </View>
      <Text className='care-class__band'>{bandText(cls.ageClass)}</Text>
      <Text className='care-class__prices'>{pricesLine(cls.prices)}</Text>
      {off ? (
        <Text className='care-class__reason'>不可选：{fit.reason}</Text>
      ) : (
        <View className='care-class__foot'>
          {fit.state === 'later' ? <Text className='care-class__later'>{fit.reason}</Text> : <Text className='care-class__fits'>✓ 年龄符合</Text>}
          <Text className='care-class__go'>{full ? '加入轮候 ›' : '选这个班 ›'}</Text>
        </View>
      )}
    </View>
  )
}

function CentreCard({ centre, child, today }: { centre: ChildcareCentreView; child: FamilyChild; today: string }) {
  return (
    <View className='care-centre'>
      <View className='care-centre__head'>
        <Text className='care-centre__name'>{centre.name}</Text>
        {centre.distanceMeters !== null ? <Text className='care-centre__distance'>{formatDistance(centre.distanceMeters)}</Text> : null}
      </View>
      <View className='care-centre__badges'>
        {centre.puhui ? <Text className='care-badge care-badge--puhui'>普惠</Text> : null}
        <Text className='care-badge'>额定托位 {centre.licensedPlaces}</Text>
      </View>
      <Text className='care-centre__address'>{centre.address}</Text>
      {centre.phone ? (
        <Text className='care-centre__phone' onClick={() => Taro.makePhoneCall({ phoneNumber: centre.phone as string }).catch(() => undefined)}>
          电话 {centre.phone}
        </Text>
      ) : null}
      {centre.classes.length === 0 ? <Text className='care-hint'>暂未开设班级</Text> : null}
      {centre.classes.map((cls) => (
        <ClassRow
          key={cls.id}
          cls={cls}
          child={child}
          today={today}
          onOpen={() => navigate(childcareRoutes.classDetail({ centreId: centre.id, classId: cls.id, childId: child.id }))}
        />
      ))}
    </View>
  )
}

export default function CentresPage() {
  const { params } = useRouter()
  const asked = param(params, 'childId')
  const { data, loading, error, reload } = useLoader(loadFamily)
  const [childId, setChildId] = useState<string | null>(null)
  const [homeOrigin, setHomeOrigin] = useState<Origin | null | undefined>(undefined)
  const [deviceOrigin, setDeviceOrigin] = useState<Origin | null>(null)
  const [centres, setCentres] = useState<ChildcareCentreView[] | null>(null)
  const [centreError, setCentreError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [locating, setLocating] = useState(false)
  const today = todayYmd()

  useEffect(() => {
    if (!data || childId) return
    setChildId(initialChild(data.children, asked, lastChild()))
  }, [data])

  const child = data?.children.find((c) => c.id === childId) ?? null
  const household = data?.households.find((h) => h.id === child?.householdId)

  // Distances from the child's home (the household's elder address) until the parent asks for their own position.
  useEffect(() => {
    if (!data) return
    let live = true
    householdOrigin(household ?? data.households[0]).then((o) => live && setHomeOrigin(o))
    return () => {
      live = false
    }
  }, [data, household?.id])

  const origin = deviceOrigin ?? homeOrigin

  useEffect(() => {
    if (origin === undefined) return
    let live = true
    setCentreError(null)
    listCentres(origin?.point ?? null)
      .then((list) => live && setCentres(list))
      .catch((err: unknown) => live && setCentreError(errorMessage(err, '托育机构加载失败')))
    return () => {
      live = false
    }
  }, [origin, attempt])

  usePullDownRefresh(() => {
    void reload().finally(() => {
      setAttempt((n) => n + 1)
      Taro.stopPullDownRefresh()
    })
  })

  async function locateMe() {
    setLocating(true)
    const point = await getCurrentLocation()
    setLocating(false)
    if (!point) {
      toastError('未能获取当前位置，请检查定位权限')
      return
    }
    setDeviceOrigin({ point, label: '按您的当前位置计算距离' })
  }

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  return (
    <View className='cc-page care-centres'>
      <View className='care-top'>
        <Text className='cc-title'>为哪个孩子预约</Text>
        <Text className='care-link' onClick={() => navigate(childcareRoutes.mine())}>
          我的托育 ›
        </Text>
      </View>

      {data.children.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='幼' title='还没有添加孩子' description='托育服务面向 6 个月到 3 岁的婴幼儿。先添加孩子的姓名和出生日期，就能看到适合的班级。'>
            {data.householdId ? (
              <Button type='primary' block onClick={() => navigate(routes.addChild(data.householdId as string))}>
                添加孩子
              </Button>
            ) : (
              <Button type='primary' block onClick={() => navigate(routes.createHousehold())}>
                创建家庭
              </Button>
            )}
          </EmptyState>
        </View>
      ) : (
        <>
          <ChildChips
            children={data.children}
            selected={childId}
            today={today}
            showHousehold={data.households.length > 1}
            onSelect={(c) => {
              setChildId(c.id)
              rememberChild(c.id)
            }}
          />
          {!child ? <Text className='care-hint care-centres__pick'>请先选择孩子，再看适合的班级。</Text> : null}
        </>
      )}

      {child ? (
        <>
          <View className='care-centres__origin'>
            <Text className='care-hint care-centres__origin-text'>
              {origin ? origin.label : origin === null ? '没有住址可算距离，机构按默认顺序列出' : '正在确定位置…'}
            </Text>
            <Button size='small' fill='outline' loading={locating} onClick={() => void locateMe()}>
              用当前位置
            </Button>
          </View>

          <Text className='care-section'>附近的托育机构{centres ? `（${centres.length}）` : ''}</Text>
          {centreError ? (
            <PageState error={centreError} onRetry={() => setAttempt((n) => n + 1)} />
          ) : !centres ? (
            <PageState loading />
          ) : centres.length === 0 ? (
            <View className='cc-card cc-card--padded'>
              <EmptyState mark='托' title='附近还没有托育机构' description='街道正在引入更多普惠托育机构，您也可以拨打 12345 咨询。' />
            </View>
          ) : (
            centres.map((centre) => <CentreCard key={centre.id} centre={centre} child={child} today={today} />)
          )}
        </>
      ) : null}
    </View>
  )
}
