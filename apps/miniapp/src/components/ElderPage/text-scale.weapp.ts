import Taro from '@tarojs/taro'

/**
 * WeChat's 关怀模式 / large-font setting (about 1.4×). Text may be scaled by WeChat itself on some
 * clients, so this is used only to change the layout (stack side-by-side buttons), never to multiply
 * font sizes a second time.
 */
export function readTextScale(): number {
  try {
    const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : null
    const factor = Number((info as { fontSizeScaleFactor?: number } | null)?.fontSizeScaleFactor)
    return Number.isFinite(factor) && factor > 0 ? factor : 1
  } catch {
    return 1
  }
}
