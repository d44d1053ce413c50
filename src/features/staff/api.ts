import type { ClaimStaffInput, InviteStaffInput } from '@/domain/staff-schemas'
import { callApi } from '@/lib/api'

/** The staff feature's requests. Identity is the platform's (OPENID / the H5 cookie), never a payload field. */
export const fetchStaffMe = () => callApi('staff.me', {})
export const claimStaff = (input: ClaimStaffInput) => callApi('staff.claim', input)
export const inviteStaff = (input: InviteStaffInput) => callApi('staff.invite', input)
export const listStaff = () => callApi('staff.list', {})
export const deactivateStaff = (id: string) => callApi('staff.deactivate', { id })
