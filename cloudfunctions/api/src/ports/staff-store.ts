import type { StaffMember } from '@/domain/staff'

/**
 * The staff records. Both adapters implement it; the router uses it to guard staff actions, the
 * announcer to find who to alert. Claiming, inviting and deactivating extend it.
 */
export interface StaffStore {
  /** The member of staff who claimed a seat with this openid (active or not), or null. */
  findStaffByOpenid(openid: string): Promise<StaffMember | null>
  /** Every member of staff, active first, then by name. */
  listStaff(): Promise<StaffMember[]>
}
