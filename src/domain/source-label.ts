import { DIRECT_SOURCE } from './scene'

/** What people read for a visit or a lead without a channel (the funnel's and the desk's word). */
export const DIRECT_LABEL = '直接访问'

/**
 * A source as staff read it: 直接访问 for none or DIRECT_SOURCE (every lead carries one since the
 * channel funnel), otherwise the code itself.
 */
export function sourceLabel(source: string | null | undefined): string {
  return !source || source === DIRECT_SOURCE ? DIRECT_LABEL : source
}
