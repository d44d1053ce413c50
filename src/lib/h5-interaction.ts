/**
 * H5 build only: config/index.ts puts this module in place of @tarojs/taro-h5's
 * `api/ui/interaction` (showToast, showModal, showActionSheet, showLoading …). Taro's module
 * (≈ 7 KB gzipped with its inline font and styles) was in every first screen's chunks because
 * the pages and Taro's setClipboardData import it, yet it only draws after a tap. Here each API
 * loads it on first use (in call order: every call waits on the one import) and the page fetches
 * it once it has loaded, so a toast after going offline still finds it.
 */
type Interaction = typeof import('@tarojs/taro-h5/dist/api/ui/interaction/index.js')

const AFTER_LOAD_MS = 2000

let loading: Promise<Interaction> | null = null
const load = (): Promise<Interaction> =>
  (loading ??= import(
    /* webpackChunkName: "taro-interaction" */ '@tarojs/taro-h5/dist/api/ui/interaction/index.js'
  ))

function later<K extends keyof Interaction>(name: K): Interaction[K] {
  const call = (...args: unknown[]) => load().then((m) => (m[name] as (...a: unknown[]) => unknown)(...args))
  return call as unknown as Interaction[K]
}

export const showToast = later('showToast')
export const hideToast = later('hideToast')
export const showLoading = later('showLoading')
export const hideLoading = later('hideLoading')
export const showModal = later('showModal')
export const showActionSheet = later('showActionSheet')
export const enableAlertBeforeUnload = later('enableAlertBeforeUnload')
export const disableAlertBeforeUnload = later('disableAlertBeforeUnload')

if (typeof window !== 'undefined') {
  const prefetch = () => setTimeout(() => void load().catch(() => {}), AFTER_LOAD_MS)
  if (document.readyState === 'complete') prefetch()
  else window.addEventListener('load', prefetch, { once: true })
}
