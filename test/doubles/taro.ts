/**
 * A double of `@tarojs/taro` for component tests: every API is a jest.fn that resolves,
 * and the page hooks register their callbacks so a test can fire them (pull-down, reach
 * bottom) the way the runtime would.
 */
type Callback = () => void

const pageHooks = {
  pullDownRefresh: [] as Callback[],
  reachBottom: [] as Callback[],
}

export const router = { params: {} as Record<string, string>, path: '' }

const taro = {
  makePhoneCall: jest.fn(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' })),
  setClipboardData: jest.fn(() => Promise.resolve({ errMsg: 'setClipboardData:ok' })),
  showToast: jest.fn(() => Promise.resolve()),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  previewImage: jest.fn(() => Promise.resolve()),
  navigateTo: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  reLaunch: jest.fn(() => Promise.resolve()),
  stopPullDownRefresh: jest.fn(),
  setNavigationBarTitle: jest.fn(() => Promise.resolve()),
  request: jest.fn(),
  cloud: { init: jest.fn(), callFunction: jest.fn() },
  getStorageSync: jest.fn(),
  setStorageSync: jest.fn(),
}

export default taro

export const useRouter = () => router
// Runs once after mount, as the runtime's launch/load events do.
export const useLaunch = (cb: Callback) => {
  const React = jest.requireActual('react') as typeof import('react')
  const first = React.useRef(cb)
  React.useEffect(() => first.current(), [])
}
export const useLoad = useLaunch
export const usePullDownRefresh = (cb: Callback) => {
  registerLatest(pageHooks.pullDownRefresh, cb)
}
export const useReachBottom = (cb: Callback) => {
  registerLatest(pageHooks.reachBottom, cb)
}

// Keep only the latest callback of the mounted page, as the runtime would call it.
function registerLatest(list: Callback[], cb: Callback) {
  list.length = 0
  list.push(cb)
}

/** Test helpers: fire the page events the runtime sends. */
export const firePullDownRefresh = () => pageHooks.pullDownRefresh.forEach((cb) => cb())
export const fireReachBottom = () => pageHooks.reachBottom.forEach((cb) => cb())
export const resetTaroDouble = () => {
  pageHooks.pullDownRefresh.length = 0
  pageHooks.reachBottom.length = 0
  router.params = {}
}
