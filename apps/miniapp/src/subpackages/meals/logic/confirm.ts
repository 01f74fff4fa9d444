import Taro from '@tarojs/taro'

/** A confirm for cancelling something: the way out says 「不取消」, not an ambiguous 「取消」. */
export async function confirmCancel(title: string, content: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText: '确定取消', cancelText: '不取消', confirmColor: '#b42318' })
  return res.confirm
}
