import type { CodeTarget } from '@/domain/channels'
import { CHANNEL_CODE_RE } from '@/domain/channels'
import { ARTICLE_ID_RE } from '@/domain/article'
import { PARK_ID_RE } from '@/domain/park'
import { decodeParam } from '@/lib/params'
import { withQuery } from '@/lib/routes'

/*
 * The channel, code and poster pages of the staff subpackage. Their paths stay here, beside the
 * only code that opens them: lib/routes ships in the main package, which must not grow for
 * staff-only pages (as features/leads/routes does for the lead page).
 */
export const STAFF_CHANNELS_PATH = '/packages/staff/channels/index'
export const STAFF_CODE_PATH = '/packages/staff/code/index'
export const STAFF_POSTER_PATH = '/packages/staff/poster/index'

/** The code page, with a channel chosen already when it comes from a channel's row. */
export const codePath = (channel?: string) => withQuery(STAFF_CODE_PATH, { channel })

/** A target and channel as page query fields: `page`, `id`, `channel`. */
function targetQuery(target: CodeTarget, channel?: string) {
  return { page: target.page, id: 'id' in target ? target.id : undefined, channel }
}

export const posterPath = (target: CodeTarget, channel?: string) =>
  withQuery(STAFF_POSTER_PATH, targetQuery(target, channel))

/** A channel code from a link, or undefined (不指定渠道) when it is not one. */
export function channelParam(raw: string | undefined): string | undefined {
  const code = decodeParam(raw).trim()
  return CHANNEL_CODE_RE.test(code) ? code : undefined
}

/** The target a link names, or null when it names none this desk can draw. */
export function targetParams(params: Record<string, string | undefined>): CodeTarget | null {
  const page = decodeParam(params.page)
  const id = decodeParam(params.id).trim()
  if (page === 'home') return { page: 'home' }
  if (page === 'park' && PARK_ID_RE.test(id)) return { page: 'park', id }
  if (page === 'article' && ARTICLE_ID_RE.test(id)) return { page: 'article', id }
  return null
}
