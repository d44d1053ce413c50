/** The agency's staff: who may open the desk, and what each action requires. Shared by app and cloud. */

export const STAFF_ROLES = ['owner', 'agent'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = { owner: '负责人', agent: '招商顾问' }

/**
 * One member of staff. `openid` is the platform identity (WeChat OPENID, or `h5:<visitor id>` in
 * the local runtime) that claimed the seat; it is never taken from a payload.
 */
export interface StaffMember {
  id: string
  openid: string
  name: string
  /** Normalised 11-digit mobile: shown on the desk only. */
  mobile: string
  role: StaffRole
  active: boolean
  /** ISO 8601 (UTC). */
  createdAt: string
}

/**
 * Who may call an action: anybody, any active member of staff, or an active owner. The router
 * checks it before the payload is even validated (FORBIDDEN otherwise).
 */
export type ActionAccess = 'public' | 'staff' | 'owner'
