import type { HouseholdSummaryView, MeView } from '@carecircle/shared'
import { ROLE_LABELS } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageState from '../../components/PageState'
import { useLoader } from '../../hooks/useLoader'
import { useSubmit } from '../../hooks/useSubmit'
import { getMe, logout } from '../../services/auth'
import { listHouseholds } from '../../services/households'
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
    <View className='mine-row' onClick={onClick}>
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
        <Row title='邀请家人加入' desc='生成邀请码，发给家人' onClick={invite} />
        <Row title='用邀请码加入家庭' onClick={() => navigate(routes.join())} />
        {households.length > 0 ? <Row title='创建新的家庭' onClick={() => navigate(routes.createHousehold())} /> : null}
      </View>

      <View className='cc-card'>
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
