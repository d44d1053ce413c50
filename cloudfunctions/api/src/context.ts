import type { StaffMember } from '@/domain/staff'
import type { Logger } from './logger'

/**
 * What a handler knows about the call. Its own module so handlers need not import the router
 * (which imports them): the router builds it from its CallContext (router.ts asserts at compile
 * time that the two carry the same caller fields).
 */
export interface ActionContext {
  /** Who is calling: the WeChat OPENID in the cloud, `h5:<visitor id>` locally. */
  openid: string
  source: 'cloud' | 'local'
  /** The caller's network address, for per-address limits; absent when the host knows none. */
  clientAddress?: string
  /**
   * The caller as staff: set by the router, for actions whose ACTION_ACCESS is 'staff' or
   * 'owner', after it found the caller's openid among the active staff. Never from a payload.
   */
  staff?: StaffMember
  now: () => Date
  logger: Logger
}
