import { useEffect, useState } from 'react'
import type { MealFiguresView } from '@carecircle/shared'
import { MEAL_PERIOD_LABELS, formatFen, shanghaiMonth } from '@carecircle/shared'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import EmptyState from '../../../../components/EmptyState'
import PageState from '../../../../components/PageState'
import { errorMessage } from '../../../../services/api-error'
import { getMealFigures } from '../../../../services/meals'
import './index.scss'

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number)
  const date = new Date(y, m - 1 + by, 1)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`
}

function thisMonth(): string {
  return shanghaiMonth(new Date())
}

/** capacityUse is a share of the month's places (0.425 → 43%). */
function percent(use: number): string {
  return `${Math.round(use * 100)}%`
}

const PERIOD_ORDER = { lunch: 0, dinner: 1 } as const

export default function FiguresPage() {
  const [month, setMonth] = useState(thisMonth())
  const [data, setData] = useState<MealFiguresView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    setData(null)
    setError(null)
    getMealFigures(month)
      .then((d) => live && setData(d))
      .catch((err: unknown) => live && setError(errorMessage(err, '加载失败')))
    return () => {
      live = false
    }
  }, [month, attempt])

  return (
    <View className='cc-page meal-figures'>
      <View className='meal-figures__months'>
        <Button size='small' onClick={() => setMonth(shiftMonth(month, -1))}>
          ‹ 上月
        </Button>
        <Text className='meal-figures__month'>{month.replace('-', ' 年 ')} 月</Text>
        {month < thisMonth() ? (
          <Button size='small' onClick={() => setMonth(shiftMonth(month, 1))}>
            下月 ›
          </Button>
        ) : (
          <View className='meal-figures__placeholder' />
        )}
      </View>
      {error ? (
        <PageState error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : !data ? (
        <PageState loading />
      ) : data.canteens.length === 0 ? (
        <View className='cc-card cc-card--padded'>
          <EmptyState mark='餐' title='这个月还没有助餐数据' />
        </View>
      ) : (
        data.canteens.map((c) => (
          <View key={c.canteenId} className='cc-card cc-card--padded'>
            <Text className='meal-figures__name'>{c.canteenName}</Text>
            <View className='meal-figures__kpis'>
              <View className='meal-figures__kpi'>
                <Text className='meal-figures__kpi-value'>{Math.round(c.mealsServedPerDay * 10) / 10}</Text>
                <Text className='meal-figures__kpi-label'>日均供餐（份）</Text>
              </View>
              <View className='meal-figures__kpi'>
                <Text className='meal-figures__kpi-value'>{formatFen(c.subsidyFen)}</Text>
                <Text className='meal-figures__kpi-label'>本月补贴</Text>
              </View>
            </View>
            {[...c.periods].sort((a, b) => PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period]).map((p) => (
              <View key={p.period} className='meal-figures__row'>
                <Text className='meal-figures__period'>{MEAL_PERIOD_LABELS[p.period]}</Text>
                <Text className='meal-figures__detail'>
                  已供餐 {p.mealsServed} · 已订 {p.booked}/{p.capacity} · 名额使用率 {percent(p.capacityUse)}
                </Text>
              </View>
            ))}
          </View>
        ))
      )}
    </View>
  )
}
