import type { GetCodeInput } from '@/domain/channels'
import { MAX_PAGE_SIZE } from '@/domain/schemas'
import { callApi } from '@/lib/api'

/*
 * The desk's channels and mini-program codes (staff only: the server answers FORBIDDEN to anyone
 * else). None of these throws: a failure comes back as `{ ok: false, error }`.
 */
export const listChannels = () => callApi('channels.list', {})

export const createChannel = (name: string) => callApi('channels.create', { name })

export const getCode = (input: GetCodeInput) => callApi('codes.get', input)

/** What a code can open, page by page with a keyword: the public lists, largest page. */
export const findParks = (keyword: string, cursor: string | null) =>
  callApi('parks.list', { ...(keyword ? { keyword } : {}), cursor, limit: MAX_PAGE_SIZE })

export const findArticles = (keyword: string, cursor: string | null) =>
  callApi('articles.list', { ...(keyword ? { keyword } : {}), cursor, limit: MAX_PAGE_SIZE })
