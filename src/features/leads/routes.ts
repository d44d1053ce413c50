import { withQuery } from '@/lib/routes'

/**
 * The lead page of the staff subpackage. Its path stays here, beside the only code that opens it:
 * lib/routes ships in the main package, which must not grow for a staff-only page. The inbox's
 * path is lib/routes' STAFF_INBOX_PATH.
 */
export const LEAD_DETAIL_PATH = '/packages/staff/lead/index'
/** A lead's id as the server issues it: anything else is not asked for. */
export const LEAD_ID_RE = /^[\w-]{1,64}$/

export const leadPath = (id: string) => withQuery(LEAD_DETAIL_PATH, { id })
