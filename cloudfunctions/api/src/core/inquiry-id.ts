import { createHash } from 'node:crypto'

/**
 * The id of a lead: a hash of who sent it and the form fill's idempotency key. Deterministic,
 * so CloudBase can use it as `_id` (an `add` with an existing `_id` fails: the database itself
 * refuses the second copy); 128 bits of sha256, hex.
 */
export function inquiryIdFor(openid: string, idempotencyKey: string): string {
  return createHash('sha256')
    .update(JSON.stringify([openid, idempotencyKey]))
    .digest('hex')
    .slice(0, 32)
}
