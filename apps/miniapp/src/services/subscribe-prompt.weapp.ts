import Taro from '@tarojs/taro'

/** weapp: WeChat's subscribe dialog; a refusal or an old base library changes nothing for the tap. */
export function promptSubscribe(templateIds: string[]): void {
  if (typeof Taro.requestSubscribeMessage !== 'function') return
  Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] }).catch(() => undefined)
}
