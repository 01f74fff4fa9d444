import type { HouseholdSummaryView, MeView } from '@carecircle/shared'
import { ROLE_LABELS, Role } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageState from '../../components/PageState'
import { useLoader } from '../../hooks/useLoader'
import { useSubmit } from '../../hooks/useSubmit'
import { getMe, logout } from '../../services/auth'
import { listHouseholds } from '../../services/households'
import { childcareRoutes } from '../../services/childcare-routes'
import { mealRoutes } from '../../services/meal-routes'
import { elderRoutes } from '../../services/elder-routes'
import { providerRoutes } from '../../services/provider-routes'
import { accountRoutes } from '../../services/account-routes'
import { LOGIN_PAGE, navigate, redirectToLogin, routes } from '../../services/navigation'
import { openPrivacyGuide } from '../../services/privacy'
import { getCurrentHouseholdId, hasSession } from '../../services/storage'
import { confirm, toastError } from '../../utils/feedback'
import './index.scss'

interface MineData {
  me: MeView
  households: HouseholdSummaryView[]
}

async function loadMine(): Promise<MineData> {
  const [me, households] = await Promise.all([getMe(), listHouseholds()])
  return { me, households }
}

function Row({ title, desc, onClick }: { title: string; desc?: string; onClick: () => void }) {
  return (
    <View role='button' className='mine-row' onClick={onClick}>
      <View className='mine-row__main'>
        <Text className='mine-row__title'>{title}</Text>
        {desc ? <Text className='mine-row__desc'>{desc}</Text> : null}
      </View>
      <Text className='mine-row__arrow'>›</Text>
    </View>
  )
}

export default function MinePage() {
  const loggedIn = hasSession()
  const { data, loading, error, reload } = useLoader(loadMine, { enabled: loggedIn })

  useDidShow(() => {
    if (!hasSession()) redirectToLogin()
  })

  const { submitting, run: doLogout } = useSubmit(async () => {
    if (!(await confirm('退出登录', '退出后需要重新登录才能查看家人信息。', '退出'))) return
    try {
      await logout()
    } catch (err) {
      // The local session is gone either way; say so if the server could not be told.
      toastError(err, '已在本机退出')
    }
    Taro.reLaunch({ url: LOGIN_PAGE })
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading || !loggedIn} error={error} onRetry={reload} />
      </View>
    )
  }

  const { me, households } = data
  const currentId = getCurrentHouseholdId() ?? households[0]?.id ?? null

  function invite() {
    if (!currentId) {
      toastError('请先创建或加入一个家庭')
      return
    }
    navigate(routes.invite(currentId))
  }

  return (
    <View className='cc-page mine'>
      <View className='cc-card cc-card--padded mine__profile'>
        <View className='mine__avatar'>
          <Text>{me.nickname.slice(0, 1)}</Text>
        </View>
        <View className='mine__who'>
          <Text className='mine__nickname'>{me.nickname}</Text>
          <View className='mine__roles'>
            {me.roles.map((role) => (
              <Text key={role} className='mine__role'>
                {ROLE_LABELS[role]}
              </Text>
            ))}
          </View>
        </View>
      </View>

      {me.roles.includes(Role.PROVIDER_STAFF) ? (
        <>
          <Text className='mine__group-title'>工作</Text>
          <View className='cc-card'>
            <Row title='服务人员工作台' desc='上班接单、出发、签到签退' onClick={() => navigate(routes.staffWorkbench())} />
          </View>
        </>
      ) : null}

      {me.roles.includes(Role.PROVIDER_ADMIN) ? (
        <>
          <Text className='mine__group-title'>机构管理</Text>
          <View className='cc-card'>
            <Row title='结算单' desc='每月补贴结算单和每一笔明细' onClick={() => navigate(providerRoutes.statements())} />
          </View>
        </>
      ) : null}

      {me.roles.includes(Role.OPERATOR) ? (
        <>
          <Text className='mine__group-title'>运营</Text>
          <View className='cc-card'>
            <Row title='待派单' desc='无人接单的订单，查看派单过程并人工指派' onClick={() => navigate(routes.operatorDispatch())} />
            <Row title='机构审核' desc='审核通过或暂停服务机构' onClick={() => navigate(routes.operatorProviders())} />
          </View>
        </>
      ) : null}

      <Text className='mine__group-title'>长辈版</Text>
      <View className='cc-card'>
        <Row
          title={me.elderId ? '回到长辈版' : '长辈版（大字、大按钮）'}
          desc='在此设备使用长辈版、预览老人看到的样子、绑定老人手机'
          onClick={() => navigate(elderRoutes.settings())}
        />
      </View>

      <Text className='mine__group-title'>老年助餐</Text>
      <View className='cc-card'>
        <Row title='我的订餐' desc='取餐码、取消订餐、再来一单' onClick={() => navigate(mealRoutes.bookings())} />
        {me.roles.some((r) => r === Role.OPERATOR || r === Role.PROVIDER_ADMIN || r === Role.PROVIDER_STAFF) ? (
          <Row title='食堂今日备餐' desc='各菜份数、堂食与自取登记、取餐码核销' onClick={() => navigate(mealRoutes.canteenDay())} />
        ) : null}
        {me.roles.includes(Role.OPERATOR) ? (
          <Row title='助餐指标' desc='各食堂供餐数、名额使用率、本月补贴' onClick={() => navigate(mealRoutes.figures())} />
        ) : null}
      </View>

      <Text className='mine__group-title'>托育</Text>
      <View className='cc-card'>
        <Row title='我的托育' desc='托位、轮候排位、授权接送人' onClick={() => navigate(childcareRoutes.mine())} />
        {me.roles.some((r) => r === Role.OPERATOR || r === Role.PROVIDER_ADMIN || r === Role.PROVIDER_STAFF) ? (
          <Row title='托育机构工作台' desc='今日名册签到签退、轮候名单' onClick={() => navigate(childcareRoutes.centre())} />
        ) : null}
      </View>

      <Text className='mine__group-title'>我的家庭</Text>
      <View className='cc-card'>
        {households.length === 0 ? (
          <Row title='创建家庭' desc='还没有家庭，创建后可以添加老人和孩子' onClick={() => navigate(routes.createHousehold())} />
        ) : (
          households.map((h) => (
            <Row
              key={h.id}
              title={h.name}
              desc={`${h.myRole === 'owner' ? '创建者' : '成员'} · 老人 ${h.elderCount} 位 · 孩子 ${h.childCount} 位`}
              onClick={() => navigate(routes.household(h.id))}
            />
          ))
        )}
      </View>

      <Text className='mine__group-title'>家人</Text>
      <View className='cc-card'>
        <Row title='时间银行' desc='做志愿服务攒时间，给父母换服务' onClick={() => navigate(routes.timebank())} />
        <Row title='邀请家人加入' desc='生成邀请码，发给家人' onClick={invite} />
        <Row title='用邀请码加入家庭' onClick={() => navigate(routes.join())} />
        {households.length > 0 ? <Row title='创建新的家庭' onClick={() => navigate(routes.createHousehold())} /> : null}
      </View>

      <Text className='mine__group-title'>投诉与反馈</Text>
      <View className='cc-card'>
        <Row title='我的投诉' desc='投诉处理进展和街道的答复' onClick={() => navigate(routes.complaints())} />
      </View>

      <View className='cc-card'>
        <Row title='隐私与数据' desc='同意与撤回、导出我的数据、注销账号' onClick={() => navigate(accountRoutes.privacy())} />
        <Row title='隐私保护指引' desc='我们收集哪些信息、如何保护' onClick={openPrivacyGuide} />
      </View>

      <View className='cc-actions'>
        <Button block loading={submitting} onClick={() => void doLogout()}>
          退出登录
        </Button>
      </View>
    </View>
  )
}
