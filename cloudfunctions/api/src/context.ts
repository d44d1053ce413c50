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
  now: () => Date
  logger: Logger
}
