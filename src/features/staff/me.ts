import type { StaffMe } from '@/domain/staff-schemas'
import { fetchStaffMe } from './api'

/**
 * `staff.me`, cached briefly in memory: 我的 shows or hides 员工工作台 on every show, and a
 * visitor should not pay a call per tab switch. A failed call counts as "not staff" (the entry
 * stays hidden) and is not cached.
 */
export const STAFF_ME_TTL_MS = 30_000

let cached: { value: StaffMe; at: number } | null = null
let pending: Promise<StaffMe> | null = null

export function loadStaffMe(options: { fresh?: boolean } = {}): Promise<StaffMe> {
  if (!options.fresh && cached && Date.now() - cached.at < STAFF_ME_TTL_MS)
    return Promise.resolve(cached.value)
  if (pending) return pending
  pending = fetchStaffMe().then((res) => {
    pending = null
    if (!res.ok) return { member: null, unreadLeads: 0 }
    cached = { value: res.data, at: Date.now() }
    return res.data
  })
  return pending
}

/** After a claim or a change on the desk: the next read asks the server (or takes `value`). */
export function setStaffMe(value: StaffMe | null): void {
  cached = value ? { value, at: Date.now() } : null
}
