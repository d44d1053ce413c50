/**
 * Idempotency keys for inquiry submissions: one per form fill, reused for every retry of that
 * fill (a double tap, a resend from the outbox), so the server stores one lead per key.
 * URL-safe alphabet, within the domain's IDEMPOTENCY_KEY_RE (16–64 of [A-Za-z0-9_-]).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export const IDEMPOTENCY_KEY_LENGTH = 24

type RandomSource = { getRandomValues?: (array: Uint8Array) => Uint8Array }

function cryptoSource(): RandomSource | undefined {
  // The weapp JS engine has no `crypto` global; jsdom, browsers and Node do.
  return typeof crypto !== 'undefined' ? (crypto as RandomSource) : undefined
}

/** 24 chars (144 bits) from crypto.getRandomValues; 32 chars from Math.random where it is missing. */
export function newIdempotencyKey(source: RandomSource | undefined = cryptoSource()): string {
  const strong = typeof source?.getRandomValues === 'function'
  const bytes = new Uint8Array(strong ? IDEMPOTENCY_KEY_LENGTH : IDEMPOTENCY_KEY_LENGTH + 8)
  if (strong) {
    source!.getRandomValues!(bytes)
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  }
  let key = ''
  // 256 is a multiple of 64: the low 6 bits of a uniform byte are uniform.
  for (const b of bytes) key += ALPHABET[b & 63]
  return key
}
