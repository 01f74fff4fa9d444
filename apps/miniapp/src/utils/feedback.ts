import Taro from '@tarojs/taro'
import { errorMessage } from '../services/api-error'
import { afterNextPageChange } from './page-change'

/** Short confirmations get the tick icon (WeChat cuts those at 7 characters); longer ones plain text. */
export function toastSuccess(title: string): void {
  Taro.showToast({ title, icon: title.length <= 7 ? 'success' : 'none', duration: 1800 })
}

/**
 * A success message for an action that then leaves the page: shown on the page that comes next,
 * because a toast shown just before a page change would go with the old page.
 */
export function flashSuccess(title: string): void {
  afterNextPageChange(() => toastSuccess(title))
}

export function toastError(errOrMessage: unknown, fallback?: string): void {
  const title = typeof errOrMessage === 'string' ? errOrMessage : errorMessage(errOrMessage, fallback)
  Taro.showToast({ title, icon: 'none', duration: 2500 })
}

export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', confirmColor: '#b42318' })
  return res.confirm
}
