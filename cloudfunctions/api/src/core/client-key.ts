import { createHmac, randomBytes } from 'node:crypto'
import { isIPv4, isIPv6 } from 'node:net'

/**
 * Per-address rate limits need to recognise an address again, not to know it. What is stored is
 * a keyed hash (HMAC-SHA256, 128 bits, hex) of the address, with a secret that lives outside the
 * database (cloud: the function's CLIENT_KEY_SECRET variable; local: a file in DATA_DIR). The
 * rows therefore hold no address, and without the secret a leaked table cannot be turned back
 * into addresses by trying all 2^32 IPv4 ones.
 *
 * An IPv6 address is keyed by its /64 network: one line or one phone is usually given a whole
 * /64, so counting single IPv6 addresses would let a visitor change address at will.
 */

/** The part of an address that identifies one subscriber line, in one canonical spelling. */
export function addressUnit(address: string): string | null {
  let a = address.trim().toLowerCase()
  if (a.startsWith('[') && a.includes(']')) a = a.slice(1, a.indexOf(']'))
  a = a.replace(/%.*$/, '') // zone index (fe80::1%eth0)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a)
  if (mapped) a = mapped[1]
  if (isIPv4(a)) return a
  if (!isIPv6(a)) return null
  const groups = expandIPv6(a)
  // ::ffff:102:304, the hex spelling of an IPv4-mapped address, is that IPv4 address.
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') {
    const [hi, lo] = [parseInt(groups[6], 16), parseInt(groups[7], 16)]
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
  }
  return `${groups.slice(0, 4).join(':')}::/64`
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros. */
function expandIPv6(a: string): string[] {
  let text = a
  // A trailing dotted IPv4 part (::1.2.3.4) becomes two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (v4) {
    const [b0, b1, b2, b3] = v4.slice(1).map(Number)
    text = `${text.slice(0, v4.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined]
  const left = head ? head.split(':') : []
  const right = tail === undefined ? [] : tail ? tail.split(':') : []
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16).toString(16))
}

export type ClientKeyer = (address: string | undefined) => string | undefined

/**
 * Turns a caller's address into the key stored with their records; undefined when there is no
 * usable address (then only the per-visitor limits apply). Without a secret, a random one is
 * made: keys then match only within this process (limits still hold while it runs).
 */
export function createClientKeyer(secret?: string): ClientKeyer {
  const key = secret && secret.length > 0 ? secret : randomBytes(32).toString('hex')
  return (address) => {
    if (!address) return undefined
    const unit = addressUnit(address)
    if (!unit) return undefined
    return createHmac('sha256', key).update(unit).digest('hex').slice(0, 32)
  }
}
