import { createHash, randomInt } from 'node:crypto'
import { DIRECT_SOURCE } from '@/domain/channels'
import type { ChannelStore } from '../ports/channels'

const CODE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const CODE_LENGTH = 6

/** channels.list answers at most this many (a CloudBase read returns ≤ 1,000 documents). */
export const CHANNEL_LIST_MAX = 1000

/**
 * A fresh channel code: 6 of [a-z0-9] from the crypto generator (36⁶ ≈ 2.2 billion, so a
 * collision is rare; the handler retries on one). Never `direct`, the source of leads with none.
 */
export function generateChannelCode(): string {
  for (;;) {
    let code = ''
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    if (code !== DIRECT_SOURCE) return code
  }
}

/** The name as compared for duplicates: full-width folded (NFKC), lower case, without spaces. */
export function channelNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
}

/**
 * The key of one stored code image: SHA-1 (hex) of its scene, width and the maker's variant.
 * Also its file name (`codes/<key>.png`), so nothing of the scene shows in a storage listing.
 */
export function codeKey(scene: string, width: number, variant: string): string {
  return createHash('sha1').update(`${scene}\n${width}\n${variant}`).digest('hex')
}

/** A code maker's failure with a message the staff can act on (e.g. 小程序页面尚未发布…). */
export class CodeMakeError extends Error {
  constructor(
    message: string,
    /** The platform's errcode (41030 …) when it gave one. */
    readonly code?: number,
  ) {
    super(message)
    this.name = 'CodeMakeError'
  }
}

/**
 * Channel names by code for the desk's funnel (ApiDeps.channelNames, issue 9 item 4): codes
 * without a channel are left out, so the caller shows the code itself.
 */
export function channelNamesOf(store: ChannelStore): (codes: string[]) => Promise<Record<string, string>> {
  return async (codes) => {
    const wanted = new Set(codes)
    const names: Record<string, string> = {}
    for (const c of await store.listChannels()) if (wanted.has(c.code)) names[c.code] = c.name
    return names
  }
}
