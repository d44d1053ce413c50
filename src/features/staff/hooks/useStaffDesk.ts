import type { StaffMe } from '@/domain/staff-schemas'
import { useResource, type ResourceState } from '@/lib/useResource'
import { fetchStaffMe } from '../api'

export type DeskState = ResourceState<StaffMe>

/** The desk home's data: `staff.me` fresh from the server (never the 我的 entry's cache). */
export function useStaffDesk() {
  return useResource(fetchStaffMe)
}
