import { useState } from 'react'
import type { ConsentStateView, PrivacyPolicyView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { useSubmit } from '../../../../hooks/useSubmit'
import { exportMyData, getConsent, getPrivacyPolicy, withdrawConsent } from '../../../../services/account'
import { accountRoutes } from '../../../../services/account-routes'
import { errorMessage } from '../../../../services/api-error'
import { saveExportFile } from '../../../../services/data-export'
import { type SavedExport, exportFileName } from '../../../../services/data-export-types'
import { navigate, routes } from '../../../../services/navigation'
import { CONSENT_CHANNEL } from '../../../../services/privacy'
import { formatFullDateTimeCn } from '../../../../utils/dates'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import './index.scss'

interface PrivacyData {
  policy: PrivacyPolicyView
  consent: ConsentStateView
}

async function loadPrivacy(): Promise<PrivacyData> {
  const [policy, consent] = await Promise.all([getPrivacyPolicy(), getConsent()])
  return { policy, consent }
}

/** One sentence on where the person stands with the policy in force. */
function consentSentence({ consent, policy }: PrivacyData): string {
  if (consent.withdrawnAt) return `您于 ${formatFullDateTimeCn(consent.withdrawnAt)} 撤回了同意。重新同意前不能下新的服务订单。`
  if (consent.consentedVersion === policy.version && consent.consentedAt) return `您于 ${formatFullDateTimeCn(consent.consentedAt)} 同意了 ${policy.version} 版。`
  if (consent.consentedVersion) return `您同意的是 ${consent.consentedVersion} 版，隐私政策已更新为 ${policy.version} 版，请阅读后重新同意。`
  return '还没有您的同意记录，请阅读后同意。'
}

type ExportState = { kind: 'idle' } | { kind: 'saved'; saved: SavedExport; json: string; at: string } | { kind: 'refused'; message: string }

function ExportCard() {
  const [state, setState] = useState<ExportState>({ kind: 'idle' })

  const { submitting, run } = useSubmit(async () => {
    try {
      const data = await exportMyData()
      const json = JSON.stringify(data, null, 2)
      const saved = await saveExportFile(json, exportFileName(data.exportedAt))
      setState({ kind: 'saved', saved, json, at: data.exportedAt })
      toastSuccess('已导出')
    } catch (err) {
      // 429 and the rest: the server's own words (每小时最多导出 3 次…).
      setState({ kind: 'refused', message: errorMessage(err, '导出失败，请稍后再试') })
    }
  })

  async function copy(json: string) {
    try {
      await Taro.setClipboardData({ data: json })
    } catch (err) {
      toastError(err, '复制失败')
    }
  }

  async function share(saved: SavedExport) {
    try {
      await saved.share?.()
    } catch (err) {
      toastError(err, '发送失败，可以改用「复制全部内容」')
    }
  }

  return (
    <View className='cc-card cc-card--padded account-privacy__section'>
      <Text className='account-privacy__title'>导出我的数据</Text>
      <Text className='account-privacy__text'>
        一份 JSON 文件，包括您的账号、所在家庭的老人和孩子资料（完整显示）、订单、订餐、托育预约、隐私同意记录和时间银行。每小时最多导出 3 次。
      </Text>
      {state.kind === 'refused' ? (
        <View className='account-privacy__alert' role='alert'>
          <Text>{state.message}</Text>
        </View>
      ) : null}
      {state.kind === 'saved' ? (
        <View className='account-privacy__result'>
          <Text className='account-privacy__text'>
            {formatFullDateTimeCn(state.at)} 导出：{state.saved.fileName}
          </Text>
          <Text className='account-privacy__text'>{state.saved.where}</Text>
        </View>
      ) : null}
      <View className='cc-actions'>
        <Button type='primary' size='large' block loading={submitting} onClick={() => void run()}>
          导出我的数据
        </Button>
        {state.kind === 'saved' && state.saved.share ? (
          <Button size='large' block onClick={() => void share(state.saved)}>
            发送到聊天
          </Button>
        ) : null}
        {state.kind === 'saved' ? (
          <Button size='large' block onClick={() => void copy(state.json)}>
            复制全部内容
          </Button>
        ) : null}
      </View>
    </View>
  )
}

/** 我的 → 隐私与数据: the policy agreed to and withdrawal, export (PIPL art. 45) and 注销账号 (art. 47). */
export default function AccountPrivacyPage() {
  const { data, loading, error, reload, setData } = useLoader(loadPrivacy)

  const { submitting: withdrawing, run: withdraw } = useSubmit(async () => {
    const ok = await confirm(
      '撤回同意',
      '撤回后不能下新的服务订单，直到您重新同意；已下的订单照常服务，您的资料不会因此删除（要删除请注销账号）。确定撤回吗？',
      '撤回',
    )
    if (!ok || !data) return
    try {
      const consent = await withdrawConsent(CONSENT_CHANNEL)
      setData({ ...data, consent })
      toastSuccess('已撤回同意')
    } catch (err) {
      toastError(err, '撤回失败，请稍后再试')
    }
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const { policy, consent } = data
  const agreedToCurrent = consent.withdrawnAt === null && consent.consentedVersion === policy.version

  return (
    <View className='cc-page account-privacy'>
      <View className='cc-card cc-card--padded account-privacy__section'>
        <Text className='account-privacy__title'>隐私政策</Text>
        <Text className='account-privacy__text'>
          {policy.title} · {policy.version} 版（{policy.publishedOn} 发布）
        </Text>
        <Text className={agreedToCurrent ? 'account-privacy__state' : 'account-privacy__state account-privacy__state--off'}>
          {agreedToCurrent ? '已同意' : consent.withdrawnAt ? '已撤回' : '未同意当前版本'}
        </Text>
        <Text className='account-privacy__text'>{consentSentence(data)}</Text>
        <View className='cc-actions'>
          {agreedToCurrent ? (
            <Button size='large' block loading={withdrawing} onClick={() => void withdraw()}>
              撤回同意
            </Button>
          ) : (
            <Button type='primary' size='large' block onClick={() => navigate(accountRoutes.askConsent())}>
              阅读并同意
            </Button>
          )}
          <Button size='large' block onClick={() => navigate(routes.privacy())}>
            查看隐私政策全文
          </Button>
        </View>
      </View>

      <ExportCard />

      <View className='cc-card cc-card--padded account-privacy__section'>
        <Text className='account-privacy__title'>注销账号</Text>
        <Text className='account-privacy__text'>
          删除您的账号和登录信息，以及只属于您的家庭中老人和孩子的资料；为结算和审计保留的订单、补贴台账会匿名化。注销前可以先导出数据。
        </Text>
        <View className='cc-actions'>
          <Button type='danger' fill='outline' size='large' block onClick={() => navigate(accountRoutes.deleteAccount())}>
            注销账号
          </Button>
        </View>
      </View>
    </View>
  )
}
