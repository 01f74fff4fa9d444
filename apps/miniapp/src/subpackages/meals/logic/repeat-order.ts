import type { MealBookingView } from '@carecircle/shared'
import Taro from '@tarojs/taro'
import { mealRoutes } from '../../../services/meal-routes'
import { listCanteens, listMealSlots } from '../../../services/meals'
import { navigate } from '../../../services/navigation'
import { toastError } from '../../../utils/feedback'
import { encodeCart } from './cart'
import { planRepeat } from './repeat'

/**
 * 再来一单: finds the next period serving the same dishes and opens the checkout filled in (same
 * elder, canteen, dishes and way of eating); when nothing this week serves them, the menu.
 */
export async function orderAgain(booking: MealBookingView): Promise<void> {
  Taro.showLoading({ title: '正在查找下一餐', mask: true })
  try {
    const [slots, canteens] = await Promise.all([listMealSlots(booking.canteenId, booking.elderId), listCanteens(booking.elderId)])
    const deliversHere = canteens.find((c) => c.id === booking.canteenId)?.deliversHere ?? false
    const plan = planRepeat(booking, slots, new Date(), deliversHere)
    Taro.hideLoading()
    if (!plan) {
      toastError('本周的菜单里没有这几道菜，请重新选菜')
      navigate(mealRoutes.menu(booking.canteenId, booking.elderId))
      return
    }
    navigate(
      mealRoutes.checkout({
        elderId: booking.elderId,
        canteenId: booking.canteenId,
        slotId: plan.slot.id,
        date: plan.slot.date,
        items: encodeCart(plan.cart),
        mode: plan.mode,
        missing: plan.missing,
      }),
    )
  } catch (err) {
    Taro.hideLoading()
    toastError(err, '加载失败，请稍后再试')
  }
}
