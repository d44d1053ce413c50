import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { isIP } from 'node:net'

/*
 * What the local server trusts about a request: where it comes from (client address, origin)
 * and what the H5 page may load (the Content-Security-Policy).
 */

/** TRUST_PROXY: how many reverse proxies in front of the server append to X-Forwarded-For. */
export function parseTrustProxy(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0
  const hops = Number(value)
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUST_PROXY 应为 0–10 的代理层数 / TRUST_PROXY must be a hop count 0–10: ${value}`)
  }
  return hops
}

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) → `1.2.3.4`, so limits see one address. */
const normalise = (address: string) =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address

/**
 * The caller's address. X-Forwarded-For is whatever the client wrote, except for the entries the
 * `trustedHops` proxies appended: with N trusted hops the client is the N-th address from the
 * right of [...X-Forwarded-For, socket peer]. With none, the header is ignored.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedHops: number,
): string | undefined {
  if (trustedHops === 0 || !forwardedFor) return socketAddress && normalise(socketAddress)
  const chain = [...forwardedFor.split(',').map((a) => a.trim()), socketAddress ?? '']
  const candidate = chain[Math.max(0, chain.length - 1 - trustedHops)]
  // A garbled entry is not an address; fall back to the nearest hop we do know.
  return isIP(candidate) ? normalise(candidate) : socketAddress && normalise(socketAddress)
}

/**
 * Why a request to /api is not from the app's own pages, or null when it is. Browsers send
 * Sec-Fetch-Site and (on POST) Origin; tools such as curl send neither and are allowed, since
 * they carry no visitor's cookie.
 */
export function crossSiteReason(headers: {
  origin?: string
  secFetchSite?: string
  host?: string
}): string | null {
  const site = headers.secFetchSite
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`
  if (headers.origin === undefined) return null
  try {
    if (new URL(headers.origin).host === new URL(`http://${headers.host ?? ''}`).host) return null
  } catch {
    // 'null' (sandboxed frames, file:) and garbage are never same-origin.
  }
  return `Origin: ${headers.origin}`
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/**
 * Taro's H5 tab bar items are `<a href="javascript:;">` with a click handler: a tap "runs" that
 * empty URL. 'unsafe-hashes' lets exactly this hash through (and no handler or URL of other text).
 */
export const TAB_BAR_URL_SOURCES = ["'unsafe-hashes'", sha256('javascript:;')]

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi

/** CSP source expressions for the inline scripts of an HTML page (Taro's rem sizing snippet). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter(([, body]) => body.trim() !== '')
    .map(([, body]) => sha256(body))
}

/**
 * The hashes of index.html's inline scripts, re-read when the H5 build is replaced (its mtime is
 * looked at no more than once a second: the policy goes on every response).
 */
export function indexScriptHashes(indexFile: string): () => string {
  let seen = -1
  let checked = 0
  let value = ''
  return () => {
    const now = Date.now()
    if (now - checked < 1000) return value
    checked = now
    let mtime: number
    try {
      mtime = statSync(indexFile).mtimeMs
    } catch {
      seen = -1
      value = ''
      return value
    }
    if (mtime !== seen) {
      seen = mtime
      value = inlineScriptHashes(readFileSync(indexFile, 'utf8')).join(' ')
    }
    return value
  }
}
