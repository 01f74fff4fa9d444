import Taro from '@tarojs/taro'

/**
 * Runs `fn` once the next page change has finished. Taro's H5 router hides every toast when the
 * page changes (`__afterTaroRouterChange`), so a message meant for the next page waits for it.
 */
export function afterNextPageChange(fn: () => void): void {
  Taro.eventCenter.once('__afterTaroRouterChange', fn)
}
