/**
 * A double of `@tarojs/taro` for component tests: every API is a jest.fn that resolves,
 * storage is an in-memory map, and the page hooks register their callbacks so a test can
 * fire them (pull-down, reach bottom, show, share) the way the runtime would.
 * Tests that need another API add it in their own file (Object.assign(Taro, { … })):
 * keep this file the shared baseline.
 */
type Callback = (...args: any[]) => any

const pageHooks = {
  pullDownRefresh: [] as Callback[],
  reachBottom: [] as Callback[],
  didShow: [] as Callback[],
  shareAppMessage: [] as Callback[],
  shareTimeline: [] as Callback[],
}

export const router = { params: {} as Record<string, string>, path: '' }
export const storage = new Map<string, unknown>()

const resolved = (value: unknown = {}) => jest.fn(() => Promise.resolve(value))

const taro = {
  makePhoneCall: resolved({ errMsg: 'makePhoneCall:ok' }),
  setClipboardData: resolved({ errMsg: 'setClipboardData:ok' }),
  showToast: resolved(),
  showModal: resolved({ confirm: true, cancel: false }),
  showActionSheet: resolved({ tapIndex: 0 }),
  showLoading: resolved(),
  hideLoading: jest.fn(),
  previewImage: resolved(),
  openLocation: resolved(),
  addPhoneContact: resolved(),
  navigateTo: resolved(),
  navigateBack: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  switchTab: resolved(),
  stopPullDownRefresh: jest.fn(),
  startPullDownRefresh: jest.fn(),
  pageScrollTo: resolved(),
  setNavigationBarTitle: resolved(),
  showShareMenu: resolved(),
  request: jest.fn(),
  cloud: { init: jest.fn(), callFunction: jest.fn() },
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  getNetworkType: resolved({ networkType: 'wifi' }),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
  getCurrentInstance: jest.fn(() => ({ router })),
  getCurrentPages: jest.fn(() => []),
  getLaunchOptionsSync: jest.fn(() => ({ scene: 1001, query: {}, path: '' })),
  getEnv: jest.fn(() => 'WEB'),
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
}

export default taro

export const useRouter = () => router

// Runs once after mount, as the runtime's launch/load events do; load gets the query.
export const useLaunch = (cb: Callback) => {
  const React = jest.requireActual('react') as typeof import('react')
  const first = React.useRef(cb)
  React.useEffect(() => void first.current({ query: router.params, path: router.path }), [])
}
export const useLoad = (cb: Callback) => {
  const React = jest.requireActual('react') as typeof import('react')
  const first = React.useRef(cb)
  React.useEffect(() => void first.current(router.params), [])
}
export const useReady = useLaunch
export const useUnload = jest.fn()
export const useDidHide = jest.fn()
export const useDidShow = (cb: Callback) => registerLatest(pageHooks.didShow, cb)
export const usePullDownRefresh = (cb: Callback) => registerLatest(pageHooks.pullDownRefresh, cb)
export const useReachBottom = (cb: Callback) => registerLatest(pageHooks.reachBottom, cb)
export const useShareAppMessage = (cb: Callback) => registerLatest(pageHooks.shareAppMessage, cb)
export const useShareTimeline = (cb: Callback) => registerLatest(pageHooks.shareTimeline, cb)
export const usePageScroll = jest.fn()

// Keep only the latest callback of the mounted page, as the runtime would call it.
function registerLatest(list: Callback[], cb: Callback) {
  list.length = 0
  list.push(cb)
}

/** Test helpers: fire the page events the runtime sends. */
export const firePullDownRefresh = () => pageHooks.pullDownRefresh.forEach((cb) => cb())
export const fireReachBottom = () => pageHooks.reachBottom.forEach((cb) => cb())
export const fireDidShow = () => pageHooks.didShow.forEach((cb) => cb())
/** What the page would hand WeChat for a share card (undefined when it registered none). */
export const shareAppMessage = (from: 'menu' | 'button' = 'menu') => pageHooks.shareAppMessage[0]?.({ from })
export const shareTimeline = () => pageHooks.shareTimeline[0]?.()
export const resetTaroDouble = () => {
  Object.values(pageHooks).forEach((list) => (list.length = 0))
  router.params = {}
  router.path = ''
  storage.clear()
}
