import { invalidResponse } from './api-error'

/**
 * Checks at the trust boundary that a response has the shape the screens rely on, so a wrong body
 * becomes a readable "加载失败" instead of a crash deep inside a render.
 */
export function expectList<T>(data: unknown): T[] {
  if (!Array.isArray(data)) throw invalidResponse()
  return data as T[]
}

export function expectRecord<T>(data: unknown, keys: readonly (keyof T & string)[]): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalidResponse()
  for (const key of keys) {
    if ((data as Record<string, unknown>)[key] === undefined) throw invalidResponse()
  }
  return data as T
}
