// The slice of @tarojs/taro the services touch: storage in a Map, request/navigation as jest mocks.
const storage = new Map<string, unknown>()
const listeners = new Map<string, (() => void)[]>()

const Taro = {
  request: jest.fn(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value)
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  reLaunch: jest.fn(() => Promise.resolve({ errMsg: 'reLaunch:ok' })),
  switchTab: jest.fn(() => Promise.resolve({ errMsg: 'switchTab:ok' })),
  navigateTo: jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' })),
  navigateBack: jest.fn(() => Promise.resolve({ errMsg: 'navigateBack:ok' })),
  getCurrentPages: jest.fn(() => [] as { route: string }[]),
  showToast: jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' })),
  requestSubscribeMessage: jest.fn(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })),
  /** Taro's event bus; the H5 router triggers `__afterTaroRouterChange` after a page change. */
  eventCenter: {
    once: jest.fn((name: string, fn: () => void) => {
      listeners.set(name, [...(listeners.get(name) ?? []), fn])
    }),
    trigger: (name: string) => {
      const fns = listeners.get(name) ?? []
      listeners.delete(name)
      fns.forEach((fn) => fn())
    },
  },
  /** Test helper: forget everything stored. */
  __resetStorage: () => storage.clear(),
}

export default Taro
export const useDidShow = jest.fn()
