import Taro from '@tarojs/taro'
import { ApiError } from './api-error'
import type { Transport } from './api-client'

/** H5: fetch under Taro.request; every HTTP method is allowed. */
export const transport: Transport = async ({ url, method, data, header }) => {
  try {
    const res = await Taro.request({
      url,
      method: method as keyof Taro.request.Method,
      data: data as Record<string, unknown> | undefined,
      header,
      dataType: 'json',
      timeout: 15000,
    })
    return { statusCode: res.statusCode, data: res.data }
  } catch {
    throw ApiError.network()
  }
}
