import { startTransition } from 'react'

/**
 * Applies a page's first data. On H5 it is a React transition: React renders the page in ≈ 5 ms
 * slices that yield to the browser instead of one long task (issue 10: Lighthouse TBT on park
 * detail 198 → 96 ms). The mini program renders in its own thread and its logic layer has no
 * frames to keep, so there the update applies at once and its setData timing stays as it was.
 */
export function applyFirstData(update: () => void): void {
  if (process.env.TARO_ENV === 'weapp') update()
  else startTransition(update)
}
