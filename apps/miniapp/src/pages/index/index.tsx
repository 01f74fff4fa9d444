import { Role } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import ChildCard from '../../components/ChildCard'
import ElderCard from '../../components/ElderCard'
import EmptyState from '../../components/EmptyState'
import PageState from '../../components/PageState'
import SectionHeader from '../../components/SectionHeader'
import { useLoader } from '../../hooks/useLoader'
import { loadHome } from '../../services/home'
import { mealRoutes } from '../../services/meal-routes'
import { childcareRoutes } from '../../services/childcare-routes'
import { navigate, redirectToLogin, routes } from '../../services/navigation'
import { redirectIfElderMode } from '../../services/elder-mode'
import { elderRoutes } from '../../services/elder-routes'
import { hasSession, setCurrentHouseholdId } from '../../services/storage'
import { greeting, shanghaiHour } from '../../utils/dates'
import './index.scss'

export default function IndexPage() {
  const loggedIn = hasSession()
  const { data, loading, error, reload } = useLoader(loadHome, { enabled: loggedIn })

  useDidShow(() => {
    if (!hasSession()) redirectToLogin()
    // This device is set to open 长辈版 (an elder's own login, or a switch the family set).
    else redirectIfElderMode()
  })

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading || !loggedIn} error={error} onRetry={reload} />
      </View>
    )
  }

  const { me, households, household } = data
  const isStaff = me.roles.includes(Role.PROVIDER_STAFF)
  const isOperator = me.roles.includes(Role.OPERATOR)

  async function switchHousehold() {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: households.slice(0, 6).map((h) => h.name) })
      setCurrentHouseholdId(households[tapIndex].id)
      await reload()
    } catch {
      // closed without choosing
    }
  }

  return (
    <View className='cc-page home'>
      <View className='home__hello'>
        <Text className='cc-title'>
          {greeting(shanghaiHour())}，{me.nickname}
        </Text>
        {household ? (
          <View className='home__household'>
            <Text className='cc-muted'>当前家庭：{household.name}</Text>
            {households.length > 1 ? (
              <Text className='home__switch' onClick={switchHousehold}>
                切换家庭
              </Text>
            ) : null}
          </View>
        ) : null}
      </View>

      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}

      {isStaff || isOperator ? (
        <View className='home__work'>
          {isStaff ? (
            <Button type='primary' size='large' block onClick={() => navigate(routes.staffWorkbench())}>
              进入服务人员工作台
            </Button>
          ) : null}
          {isOperator ? (
            <Button type='primary' size='large' block onClick={() => navigate(routes.operatorDispatch())}>
              进入运营：待派单
            </Button>
          ) : null}
        </View>
      ) : null}

      {!household ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState
            mark='家'
            title='还没有家庭档案'
            description='先创建一个家庭，再添加家中老人和孩子；家人也可以用邀请码加入您的家庭。'
          >
            <Button type='primary' block onClick={() => navigate(routes.createHousehold())}>
              创建家庭
            </Button>
            <Button block onClick={() => navigate(routes.join())}>
              用邀请码加入家庭
            </Button>
            <Button block onClick={() => navigate(elderRoutes.bind())}>
              我是老人：输入绑定码进入长辈版
            </Button>
          </EmptyState>
        </View>
      ) : (
        <>
          <View role='button' className='home__book' onClick={() => navigate(routes.services())}>
            <View className='home__book-main'>
              <Text className='home__book-title'>预约上门服务</Text>
              <Text className='home__book-desc'>助洁 · 助浴 · 陪诊 · 探访，服务人员上门</Text>
            </View>
            <Text className='home__book-go'>去预约 ›</Text>
          </View>

          <View className='home__entries'>
            <View role='button' className='home__entry' onClick={() => navigate(mealRoutes.canteens())}>
              <Text className='home__entry-mark'>餐</Text>
              <Text className='home__entry-text'>订餐</Text>
            </View>
            {household.children.some((c) => c.ageMonths < 36) ? (
              <View role='button' className='home__entry' onClick={() => navigate(childcareRoutes.centres())}>
                <Text className='home__entry-mark'>托</Text>
                <Text className='home__entry-text'>托育</Text>
              </View>
            ) : null}
            <View role='button' className='home__entry' onClick={() => navigate(elderRoutes.settings())}>
              <Text className='home__entry-mark'>长</Text>
              <Text className='home__entry-text'>长辈版</Text>
            </View>
            <View role='button' className='home__entry' onClick={() => navigate(routes.household(household.id))}>
              <Text className='home__entry-mark'>家</Text>
              <Text className='home__entry-text'>家庭管理</Text>
            </View>
            <View role='button' className='home__entry' onClick={() => navigate(routes.invite(household.id))}>
              <Text className='home__entry-mark'>邀</Text>
              <Text className='home__entry-text'>邀请家人</Text>
            </View>
            <View role='button' className='home__entry' onClick={() => navigate(routes.join())}>
              <Text className='home__entry-mark'>入</Text>
              <Text className='home__entry-text'>加入家庭</Text>
            </View>
            <View role='button' className='home__entry' onClick={() => Taro.switchTab({ url: '/pages/orders/index' })}>
              <Text className='home__entry-mark'>单</Text>
              <Text className='home__entry-text'>我的订单</Text>
            </View>
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
              <EmptyState
                mark='老'
                title='还没有添加家中老人'
                description='添加老人的资料后，就可以为他们预约助餐和上门服务，街道也能为符合条件的老人核验补贴。'
              >
                <Button type='primary' fill='outline' block onClick={() => navigate(routes.addElder(household.id))}>
                  添加家中老人
                </Button>
              </EmptyState>
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
              <EmptyState
                mark='幼'
                title='还没有添加孩子'
                description='有 3 岁以下的孩子？点右上角「添加孩子」，之后可以预约托育服务。'
              />
            </View>
          ) : (
            household.children.map((child) => (
              <ChildCard key={child.id} child={child} onClick={(c) => navigate(routes.editChild(c.id))} />
            ))
          )}
        </>
      )}
    </View>
  )
}
