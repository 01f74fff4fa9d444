import type { PriceBreakdown } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { mealPriceLines } from '../../logic/price'
import './index.scss'

interface MealPriceProps {
  /** Includes the delivery fee; null when the subsidy could not be worked out yet. */
  price: PriceBreakdown | null
  foodFen: number
  deliveryFeeFen: number
  /** Before booking the figures are the app's estimate; the booking's own are final. */
  estimated?: boolean
  /** Replaces the breakdown's own note (the checkout explains the rule). */
  note?: string | null
}

/** 餐费 / 送餐费 / 政府补贴 -¥x / 实付, each on its own line, with why the subsidy is what it is. */
export default function MealPrice({ price, foodFen, deliveryFeeFen, estimated = false, note }: MealPriceProps) {
  // 「政府补贴」 alone repeats the line above it.
  const shown = note ?? (price?.subsidyNote && price.subsidyNote !== '政府补贴' ? price.subsidyNote : null)
  return (
    <View className='meal-price'>
      {mealPriceLines(price, foodFen, deliveryFeeFen, estimated).map((line) => (
        <View key={line.key} className={`meal-price__line meal-price__line--${line.key}`}>
          <Text className='meal-price__label'>{line.label}</Text>
          <Text className='meal-price__value'>{line.value}</Text>
        </View>
      ))}
      {price && shown ? <Text className='meal-price__note'>{shown}</Text> : null}
      {estimated && price ? <Text className='meal-price__note'>补贴按老人的补贴类别和本月已用额度预计，以下单结果为准。</Text> : null}
      {!price ? <Text className='meal-price__note'>暂时无法预计补贴，下单时按老人的补贴类别计算，下单结果里会列明。</Text> : null}
    </View>
  )
}
