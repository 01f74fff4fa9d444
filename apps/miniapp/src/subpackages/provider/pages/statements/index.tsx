import type { ProviderStatementSummary } from '@carecircle/shared'
import { formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { useLoader } from '../../../../hooks/useLoader'
import { navigate } from '../../../../services/navigation'
import { providerRoutes } from '../../../../services/provider-routes'
import { listProviderStatements } from '../../../../services/statements'
import { formatMonthCn, STATUS_LABELS } from '../../logic/format'
import './index.scss'

/** 结算单: the provider's monthly subsidy statements, newest month first; a tap opens its lines. */
export default function StatementsPage() {
  const { data, loading, error, reload } = useLoader<ProviderStatementSummary[]>(listProviderStatements)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!data) {
    return (
      <View className='cc-page'>
        <PageState loading={loading} error={error} onRetry={reload} />
      </View>
    )
  }

  const manyProviders = new Set(data.map((s) => s.providerId)).size > 1

  return (
    <View className='cc-page statements'>
      {error ? <Text className='cc-note'>刷新失败：{error}</Text> : null}
      {data.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='结' title='还没有结算单' description='每月结束后，街道根据服务记录生成本机构的补贴结算单，生成后在这里查看每一笔明细。' />
        </View>
      ) : (
        <View className='cc-card'>
          {data.map((s) => (
            <View key={s.id} role='button' className='statements__row' onClick={() => navigate(providerRoutes.statement(s.id))}>
              <View className='statements__main'>
                <Text className='statements__month'>
                  {formatMonthCn(s.month)}
                  {manyProviders ? ` · ${s.providerName}` : ''}
                </Text>
                <Text className={`statements__status statements__status--${s.status}`}>
                  {STATUS_LABELS[s.status]}
                  {s.anomalyCount > 0 ? ` · ${s.anomalyCount} 条异常提示` : ''}
                </Text>
              </View>
              <Text className='statements__total'>{formatFen(s.totalFen)}</Text>
              <Text className='statements__arrow'>›</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
