import * as v from 'valibot'
import { normalisePhone } from './inquiry'
import { STAFF_ROLES, type StaffMember, type StaffRole } from './staff'
import { cleanLine, cleanText } from './text'

/**
 * Invite codes: 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L), about 50 bits.
 * Typed by hand from a chat message, so spaces, dashes and lower case are forgiven.
 */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const INVITE_CODE_LENGTH = 10
/** A one-time invite is valid this long after it is made. */
export const INVITE_TTL_HOURS = 24
export const STAFF_NAME_MAX = 20

/** "abcd-efgh 23" → "ABCDEFGH23": what is compared and hashed. */
export function normaliseInviteCode(input: string): string {
  return cleanLine(input)
    .replace(/[\s\-_.\u3000]/g, '')
    .toUpperCase()
}

export const ClaimStaffSchema = v.object(
  {
    name: v.pipe(
      v.string('请填写姓名'),
      v.transform((s) => cleanText(s, true)),
      v.minLength(1, '请填写姓名'),
      v.maxLength(STAFF_NAME_MAX, `姓名最多 ${STAFF_NAME_MAX} 个字`),
    ),
    mobile: v.pipe(
      v.string('请填写手机号'),
      v.maxLength(30, '请填写正确的 11 位手机号'),
      v.check((s) => cleanLine(s).length > 0, '请填写手机号'),
      v.check((s) => normalisePhone(s) !== null, '请填写正确的 11 位手机号'),
      v.transform((s) => normalisePhone(s) as string),
    ),
    code: v.pipe(
      v.string('请填写邀请码'),
      v.maxLength(100, '邀请码无效或已过期'),
      v.transform(normaliseInviteCode),
      v.minLength(1, '请填写邀请码'),
    ),
  },
  '请求参数格式不正确',
)
export type ClaimStaffInput = v.InferInput<typeof ClaimStaffSchema>

export const InviteStaffSchema = v.object(
  { role: v.picklist(STAFF_ROLES, '请选择角色') },
  '请求参数格式不正确',
)
export type InviteStaffInput = v.InferInput<typeof InviteStaffSchema>

export const STAFF_ID_RE = /^s_[0-9a-f]{16}$/

export const StaffIdSchema = v.object(
  { id: v.pipe(v.string('员工编号格式不正确'), v.regex(STAFF_ID_RE, '员工编号格式不正确')) },
  '请求参数格式不正确',
)
export type StaffIdInput = v.InferInput<typeof StaffIdSchema>

/** `staff.me`: the caller as active staff (null for everyone else) and the leads still 新线索. */
export interface StaffMe {
  member: StaffMember | null
  /** Leads with status 'new' (0 for a non-member: they are never counted for a visitor). */
  unreadLeads: number
}

/** A fresh one-time invite, shown once to the owner who made it (only its hash is stored). */
export interface StaffInvite {
  code: string
  role: StaffRole
  /** ISO 8601 (UTC). */
  expiresAt: string
}
