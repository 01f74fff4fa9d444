import Taro from '@tarojs/taro'
import { ApiError } from './api-error'
import type { Transport } from './api-client'

/**
 * weapp: wx.request knows no PATCH (its methods are GET/POST/PUT/DELETE/HEAD/OPTIONS/TRACE/CONNECT),
 * so a PATCH travels as POST with `X-HTTP-Method-Override: PATCH` for the server to restore.
 */
export const transport: Transport = async ({ url, method, data, header }) => {
  const override = method === 'PATCH'
  try {
    const res = await Taro.request({
      url,
      method: override ? 'POST' : method,
      data: data as Record<string, unknown> | undefined,
      header: override ? { ...header, 'X-HTTP-Method-Override': 'PATCH' } : header,
      dataType: 'json',
      timeout: 15000,
    })
    return { statusCode: res.statusCode, data: res.data }
  } catch {
    throw ApiError.network()
  }
}
