import Taro from '@tarojs/taro'

/** Scene of a page opened from a Moments post (朋友圈): it runs in single-page mode. */
export const MOMENTS_SCENE = 1154

/**
 * Single-page mode (opened from Moments): no navigation, no forms, no login. Pages show their
 * content read-only and hide what would lead elsewhere. Only a mini program has it.
 */
export function isMomentsSinglePage(): boolean {
  if (process.env.TARO_ENV === 'h5') return false
  try {
    return Taro.getLaunchOptionsSync?.().scene === MOMENTS_SCENE
  } catch {
    return false
  }
}
