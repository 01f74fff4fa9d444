// The slice of @tarojs/taro the services touch: storage in a Map, request/navigation as jest mocks.
const storage = new Map<string, unknown>()

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
  /** Test helper: forget everything stored. */
  __resetStorage: () => storage.clear(),
}

export default Taro
export const useDidShow = jest.fn()
