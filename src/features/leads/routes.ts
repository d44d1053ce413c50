import { withQuery } from '@/lib/routes'

/** The staff subpackage's desk pages (packages/staff). */
export const LEAD_INBOX_PATH = '/packages/staff/inbox/index'
export const LEAD_DETAIL_PATH = '/packages/staff/lead/index'
export const LEAD_ID_RE = /^[\w-]{1,64}$/

export const leadPath = (id: string) => withQuery(LEAD_DETAIL_PATH, { id })
