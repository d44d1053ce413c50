import type { StaffMember, StaffRole } from '@/domain/staff'

/** A one-time invite as stored: the SHA-256 of its code, never the code. */
export interface StaffInviteRecord {
  /** Hex SHA-256 of the normalised code (core/staff-codes.ts): the lookup key. */
  codeHash: string
  role: StaffRole
  /** StaffMember.id of the owner who made it; 'system' for the local runtime's printed link. */
  createdBy: string
  createdAt: string
  expiresAt: string
}

/** Who takes a seat: identity from the platform, name and mobile from the form. */
export interface NewStaff {
  id: string
  openid: string
  name: string
  mobile: string
  createdAt: string
}

export type ClaimOutcome =
  /** `before` is the caller's earlier (deactivated) record when the invite re-seated them. */
  | { kind: 'claimed'; member: StaffMember; before?: StaffMember }
  /** Unknown, used or expired code (one answer for all three: it tells a guesser nothing). */
  | { kind: 'invalid' }

export type DeactivateOutcome =
  | { kind: 'deactivated'; before: StaffMember; after: StaffMember }
  | { kind: 'not-found' }
  /** It would leave the desk without an active owner. */
  | { kind: 'last-owner' }

/** One failed claim, counted per visitor and per address (keyed hash, core/client-key.ts). */
export interface ClaimAttempt {
  openid: string
  clientKey?: string
  at: string
}

/**
 * The staff records. Both adapters implement it; the router uses it to guard staff actions, the
 * announcer to find who to alert.
 */
export interface StaffStore {
  /** The member of staff who claimed a seat with this openid (active or not), or null. */
  findStaffByOpenid(openid: string): Promise<StaffMember | null>
  /** Every member of staff, active first, then by name. */
  listStaff(): Promise<StaffMember[]>
  /** Active owners (the first-owner code works only while there are none). */
  countActiveOwners(): Promise<number>
  createInvite(invite: StaffInviteRecord): Promise<void>
  /**
   * Consumes the invite with this hash (unused, not expired at `now`) and seats the person with
   * its role, atomically: of two racing claims with one code, exactly one succeeds. A caller who
   * is already active staff never gets here (the handler answers them first).
   */
  claimWithInvite(codeHash: string, person: NewStaff, now: string): Promise<ClaimOutcome>
  /**
   * The first owner, with the code from configuration (STAFF_INVITE_CODE): succeeds once per
   * code hash and only while there is no active owner.
   */
  claimFirstOwner(codeHash: string, person: NewStaff, now: string): Promise<ClaimOutcome>
  /** Marks the member inactive, refusing to leave no active owner. */
  deactivateStaff(id: string): Promise<DeactivateOutcome>
  /** Failed claims since `since`, by this visitor and by this address (0 without a key). */
  failedClaims(
    caller: { openid: string; clientKey?: string },
    since: string,
  ): Promise<{ visitor: number; address: number }>
  recordFailedClaim(attempt: ClaimAttempt): Promise<void>
  /**
   * Leads still 'new' (the badge on 我的 → 员工工作台). A count over the inquiries; read marks per
   * member replace it later.
   */
  countNewLeads(): Promise<number>
}
