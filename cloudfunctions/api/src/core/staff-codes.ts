import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, normaliseInviteCode } from '@/domain/staff-schemas'

/**
 * Invite codes. Only the SHA-256 of a code is stored (a leaked table seats nobody); the code is
 * shown once, to the owner who made it. Shared by the staff handlers and the local runtime's
 * printed first-owner link.
 */

/** A fresh code from the unambiguous alphabet, uniformly random (crypto.randomInt). */
export function generateInviteCode(): string {
  let code = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]
  return code
}

export function inviteCodeDigest(code: string): Buffer {
  return createHash('sha256').update(normaliseInviteCode(code), 'utf8').digest()
}

/** The stored form of a code: hex SHA-256 of its normalised spelling. */
export const inviteCodeHash = (code: string): string => inviteCodeDigest(code).toString('hex')

/**
 * Whether a typed code is the configured one, in constant time: both sides are hashed first, so
 * the comparison always runs over 32 equal-length bytes whatever was typed.
 */
export function sameInviteCode(given: string, expected: string): boolean {
  return timingSafeEqual(inviteCodeDigest(given), inviteCodeDigest(expected))
}

/** "s_" + 16 hex: StaffMember.id (never the openid, which staff never see). */
export const newStaffId = (): string => `s_${randomBytes(8).toString('hex')}`
