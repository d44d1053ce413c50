import { STAFF_LEAD_PATH, withQuery } from '@/lib/routes'

/** A lead's id as the server issues it: anything else is not asked for. */
export const LEAD_ID_RE = /^[\w-]{1,64}$/

export const leadPath = (id: string) => withQuery(STAFF_LEAD_PATH, { id })
