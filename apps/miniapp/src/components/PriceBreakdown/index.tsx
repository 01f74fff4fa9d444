import type { PriceBreakdown as Breakdown } from '@carecircle/shared'
import { formatFen } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface PriceLine {
  key: 'price' | 'subsidy' | 'pay' | 'cancelFee'
  label: string
  value: string
}

/** 价格 / 政府补贴 -¥x / 实付, each on its own line (and 取消费 when one was charged). */
export function priceLines(breakdown: Breakdown, cancelFeeFen = 0): PriceLine[] {
  const lines: PriceLine[] = [
    { key: 'price', label: '服务价格', value: formatFen(breakdown.priceFen) },
    { key: 'subsidy', label: '政府补贴', value: breakdown.subsidyFen > 0 ? formatFen(-breakdown.subsidyFen) : formatFen(0) },
    { key: 'pay', label: '实付', value: formatFen(breakdown.payFen) },
  ]
  if (cancelFeeFen > 0) lines.push({ key: 'cancelFee', label: '取消费', value: formatFen(cancelFeeFen) })
  return lines
}

/** The note explains a subsidy that is missing or cut (待核验, 额度用完); a plain '政府补贴' says nothing new. */
export function showNote(breakdown: Breakdown): boolean {
  return breakdown.subsidyNote !== '' && breakdown.subsidyNote !== '政府补贴'
}

interface PriceBreakdownProps {
  breakdown: Breakdown
  cancelFeeFen?: number
  /** Label of the total line: 实付 before ordering, 应付 / 已付 later. */
  payLabel?: string
}

export default function PriceBreakdown({ breakdown, cancelFeeFen = 0, payLabel }: PriceBreakdownProps) {
  return (
    <View className='cc-price'>
      {priceLines(breakdown, cancelFeeFen).map((line) => (
        <View key={line.key} className={`cc-price__line cc-price__line--${line.key}`}>
          <Text className='cc-price__label'>{line.key === 'pay' && payLabel ? payLabel : line.label}</Text>
          <Text className='cc-price__value'>{line.value}</Text>
        </View>
      ))}
      {showNote(breakdown) ? <Text className='cc-price__note'>{breakdown.subsidyNote}</Text> : null}
    </View>
  )
}
