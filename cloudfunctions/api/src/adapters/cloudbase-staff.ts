import type { StaffMember, StaffRole } from '@/domain/staff'
import type { AuditLog } from '../ports/audit-log'
import type {
  ClaimOutcome,
  DeactivateOutcome,
  NewStaff,
  StaffInviteRecord,
  StaffStore,
} from '../ports/staff-store'
import { COLLECTIONS } from './cloudbase-collections'
import type { CloudDatabase, CloudDoc } from './cloudbase-storage'

/** More staff than an agency of 3–5 will ever have; one query reads them all. */
const MAX_STAFF = 100

const toMember = (doc: CloudDoc): StaffMember => ({
  id: doc._id,
  openid: String(doc.openid ?? ''),
  name: String(doc.name ?? ''),
  mobile: String(doc.mobile ?? ''),
  role: doc.role as StaffRole,
  active: doc.active === true,
  createdAt: String(doc.createdAt ?? ''),
})

/**
 * Staff, invites and claim limits in CloudBase (production).
 *
 *   staff                  `_id` = StaffMember.id; one document per openid.
 *   staff_invites          `_id` = SHA-256 of the code. Consuming one is ONE conditional update
 *                          (`_id`, `usedAt: null`, not expired): the database applies it to the
 *                          document at most once, so of two racing claims exactly one sees
 *                          `updated: 1`. The configured first-owner code leaves a used document
 *                          `cfg_<hash>`, added with that fixed `_id`: a second add fails.
 *   staff_claim_failures   failed claims by openid and by address hash, for the claim limits.
 *   audit_log              one document per staff write.
 *
 * Not atomic here (no multi-document transaction is used): two owners deactivating each other
 * at the same instant could both pass the "another owner stays" count. With 1–2 owners acting
 * by hand this is accepted; the SQLite store runs it in one transaction.
 */
export function createCloudbaseStaffStore(db: CloudDatabase): StaffStore {
  const _ = db.command
  const staff = () => db.collection(COLLECTIONS.staff)
  const invites = () => db.collection(COLLECTIONS.staffInvites)
  const failures = () => db.collection(COLLECTIONS.staffClaimFailures)

  async function byOpenid(openid: string): Promise<StaffMember | null> {
    const res = await staff().where({ openid }).limit(1).get()
    return res.data[0] ? toMember(res.data[0]) : null
  }

  async function byId(id: string): Promise<StaffMember | null> {
    const res = await staff().where({ _id: id }).limit(1).get()
    return res.data[0] ? toMember(res.data[0]) : null
  }

  async function activeOwners(): Promise<number> {
    return (await staff().where({ role: 'owner', active: true }).count()).total
  }

  async function seat(person: NewStaff, role: StaffRole): Promise<ClaimOutcome> {
    const old = await byOpenid(person.openid)
    if (old) {
      await staff()
        .doc(old.id)
        .update({
          data: { name: person.name, mobile: person.mobile, role, active: true, updatedAt: person.createdAt },
        })
      return {
        kind: 'claimed',
        member: { ...old, name: person.name, mobile: person.mobile, role, active: true },
        before: old,
      }
    }
    const member: StaffMember = { ...person, role, active: true }
    const { id, ...rest } = member
    await staff().add({ data: { _id: id, ...rest, updatedAt: person.createdAt } })
    return { kind: 'claimed', member }
  }

  return {
    findStaffByOpenid: byOpenid,

    async listStaff() {
      // A handful of documents: read them all and order here (active first, then name, then id,
      // as SQLite does), rather than keep an index for a sort on a boolean.
      const res = await staff().where({}).limit(MAX_STAFF).get()
      const key = (m: StaffMember) => [m.active ? 0 : 1, m.name, m.id] as const
      return res.data.map(toMember).sort((a, b) => {
        const [x, y] = [key(a), key(b)]
        for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1
        return 0
      })
    },

    countActiveOwners: activeOwners,

    async createInvite(invite: StaffInviteRecord) {
      const { codeHash, ...rest } = invite
      await invites().add({ data: { _id: codeHash, ...rest, usedBy: null, usedAt: null } })
    },

    async claimWithInvite(codeHash, person, now) {
      const found = await invites()
        .where({ _id: codeHash, usedAt: null, expiresAt: _.gt(now) })
        .limit(1)
        .get()
      if (!found.data[0]) return { kind: 'invalid' }
      const used = await invites()
        .where({ _id: codeHash, usedAt: null, expiresAt: _.gt(now) })
        .update({ data: { usedBy: person.id, usedAt: now } })
      if (used.stats.updated !== 1) return { kind: 'invalid' }
      return seat(person, found.data[0].role as StaffRole)
    },

    async claimFirstOwner(codeHash, person, now) {
      if ((await activeOwners()) > 0) return { kind: 'invalid' }
      try {
        await invites().add({
          data: {
            _id: `cfg_${codeHash}`,
            role: 'owner',
            createdBy: 'config',
            createdAt: now,
            expiresAt: now,
            usedBy: person.id,
            usedAt: now,
          },
        })
      } catch {
        // The `_id` is taken: this code has seated its owner already (or a racing twin just did).
        return { kind: 'invalid' }
      }
      return seat(person, 'owner')
    },

    async deactivateStaff(id): Promise<DeactivateOutcome> {
      const before = await byId(id)
      if (!before) return { kind: 'not-found' }
      if (!before.active) return { kind: 'deactivated', before, after: before }
      if (before.role === 'owner' && (await activeOwners()) <= 1) return { kind: 'last-owner' }
      await staff()
        .doc(id)
        .update({ data: { active: false, updatedAt: new Date().toISOString() } })
      return { kind: 'deactivated', before, after: { ...before, active: false } }
    },

    async failedClaims(caller, since) {
      const [visitor, address] = await Promise.all([
        failures()
          .where({ openid: caller.openid, at: _.gte(since) })
          .count(),
        caller.clientKey
          ? failures()
              .where({ clientKey: caller.clientKey, at: _.gte(since) })
              .count()
          : Promise.resolve({ total: 0 }),
      ])
      return { visitor: visitor.total, address: address.total }
    },

    async recordFailedClaim(attempt) {
      const data: Record<string, unknown> = { openid: attempt.openid, at: attempt.at }
      if (attempt.clientKey) data.clientKey = attempt.clientKey
      await failures().add({ data })
    },

    async countNewLeads() {
      return (await db.collection(COLLECTIONS.inquiries).where({ status: 'new' }).count()).total
    },
  }
}

/** The audit log in CloudBase: one document per staff write. */
export function createCloudbaseAuditLog(db: CloudDatabase): AuditLog {
  return {
    async record(entry) {
      const data: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(entry)) if (value !== undefined) data[key] = value
      await db.collection(COLLECTIONS.auditLog).add({ data })
    },
  }
}
