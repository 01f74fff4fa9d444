import { useState } from 'react'
import type { ProviderView } from '@carecircle/shared'
import { PROVIDER_KIND_LABELS, PROVIDER_STATUS_LABELS, formatDistance } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { listProviders, setProviderStatus } from '../../../../services/operator'
import { confirm, toastError, toastSuccess } from '../../../../utils/feedback'
import './index.scss'

/** Pending first: those are what the operator is here for. */
const ORDER = { pending: 0, suspended: 1, approved: 2 } as const

export default function ProvidersPage() {
  const { data, loading, error, reload, setData } = useLoader(listProviders)
  const [busy, setBusy] = useState<string | null>(null)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  async function change(provider: ProviderView, status: 'approved' | 'suspended') {
    if (busy) return
    const ok =
      status === 'suspended'
        ? await confirm('暂停机构', `暂停后，「${provider.name}」不再接到新派单，也不在推荐清单中。确定暂停吗？`, '暂停')
        : await confirm('审核通过', `确认「${provider.name}」资料齐全，通过审核并列入推荐清单？`, '通过')
    if (!ok) return
    setBusy(provider.id)
    try {
      const updated = await setProviderStatus(provider.id, status)
      setData((data ?? []).map((p) => (p.id === updated.id ? updated : p)))
      toastSuccess(status === 'approved' ? '已通过' : '已暂停')
    } catch (err) {
      toastError(err, '操作失败')
    } finally {
      setBusy(null)
    }
  }

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const providers = [...data].sort((a, b) => ORDER[a.status] - ORDER[b.status])

  return (
    <View className='cc-page'>
      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}
      {providers.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='机' title='还没有机构' description='服务机构入驻登记后会出现在这里，等待您审核。' />
        </View>
      ) : (
        providers.map((p) => (
          <View key={p.id} className='cc-card cc-card--padded provider'>
            <View className='provider__head'>
              <Text className='provider__name'>{p.name}</Text>
              <Text className={`provider__status provider__status--${p.status}`}>{PROVIDER_STATUS_LABELS[p.status]}</Text>
            </View>
            <Text className='provider__line'>
              {PROVIDER_KIND_LABELS[p.kind]} · 服务半径 {formatDistance(p.serviceRadiusMeters)}
            </Text>
            <Text className='provider__line'>许可证号 {p.licenceNo}</Text>
            <Text className='provider__line'>{p.address}</Text>
            {p.phone ? <Text className='provider__line'>电话 {p.phone}</Text> : null}
            <View className='cc-row-actions provider__actions'>
              {p.status !== 'approved' ? (
                <Button type='primary' loading={busy === p.id} onClick={() => void change(p, 'approved')}>
                  {p.status === 'suspended' ? '恢复（通过）' : '通过'}
                </Button>
              ) : null}
              {p.status !== 'suspended' ? (
                <Button className='provider__suspend' loading={busy === p.id && p.status === 'approved'} onClick={() => void change(p, 'suspended')}>
                  暂停
                </Button>
              ) : null}
            </View>
          </View>
        ))
      )}
    </View>
  )
}
