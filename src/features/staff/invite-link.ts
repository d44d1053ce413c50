import { STAFF_CLAIM_PATH, withQuery } from '@/lib/routes'

/** The claim page with the code filled in: the path a WeChat share carries. */
export const claimPath = (code: string) => withQuery(STAFF_CLAIM_PATH, { code })

/**
 * What the owner can paste into a chat: on H5 the full address of the claim page (hash router);
 * in the mini program there is no address, so the code itself (the share button carries the page).
 */
export function inviteLinkText(code: string): string {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    const { origin, pathname } = window.location
    return `${origin}${pathname}#${claimPath(code)}`
  }
  return code
}
