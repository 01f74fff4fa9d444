import type { ElderSubsidyMonthView } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { monthTitle, noSubsidyReason, sourceText, subsidyRuleLine } from '../../logic/subsidy-month'

interface SubsidyMonthProps {
  view: ElderSubsidyMonthView | undefined
  error: string | null
  onRetry: () => void
}

/** 本月补贴: per rule or 基本养老服务清单 item what is used and left, or why there is no subsidy this month. */
export default function SubsidyMonth({ view, error, onRetry }: SubsidyMonthProps) {
  if (!view) {
    return (
      <View className='cc-card cc-card--padded subsidy-month'>
        {error ? (
          <View className='subsidy-month__failed'>
            <Text className='subsidy-month__reason'>本月补贴暂时无法读取：{error}</Text>
            <Text className='subsidy-month__retry' onClick={onRetry}>
              重试
            </Text>
          </View>
        ) : (
          <Text className='subsidy-month__reason'>正在读取本月补贴…</Text>
        )}
      </View>
    )
  }
  const reason = noSubsidyReason(view)
  return (
    <View className='cc-card cc-card--padded subsidy-month'>
      <Text className='subsidy-month__caption'>
        {monthTitle(view.month)} · {sourceText(view)}
      </Text>
      {reason ? (
        <Text className='subsidy-month__reason'>{reason}</Text>
      ) : (
        view.rules.map(subsidyRuleLine).map((line) => (
          <View key={line.key} className={`subsidy-month__rule${line.usedUp ? ' subsidy-month__rule--used-up' : ''}`}>
            <View className='subsidy-month__head'>
              <Text className='subsidy-month__label'>{line.label}</Text>
              <Text className='subsidy-month__left'>{line.usedUp ? '本月已用完' : line.left}</Text>
            </View>
            <Text className='subsidy-month__detail'>{line.detail}</Text>
            {line.terms ? <Text className='subsidy-month__detail'>{line.terms}</Text> : null}
          </View>
        ))
      )}
    </View>
  )
}
