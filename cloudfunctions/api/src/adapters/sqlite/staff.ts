import type Database from 'better-sqlite3'
import type { StaffMember, StaffRole } from '@/domain/staff'
import { INVITE_TTL_HOURS } from '@/domain/staff-schemas'
import { generateInviteCode, inviteCodeHash } from '../../core/staff-codes'
import type { AuditEntry, AuditLog } from '../../ports/audit-log'
import type {
  ClaimOutcome,
  DeactivateOutcome,
  NewStaff,
  StaffInviteRecord,
  StaffStore,
} from '../../ports/staff-store'

interface StaffRow {
  id: string
  openid: string
  name: string
  mobile: string
  role: string
  active: number
  created_at: string
}

const toMember = (r: StaffRow): StaffMember => ({
  id: r.id,
  openid: r.openid,
  name: r.name,
  mobile: r.mobile,
  role: r.role as StaffRole,
  active: r.active === 1,
  createdAt: r.created_at,
})

/** Who made the printed first-owner link of the local runtime (server/main.ts). */
export const SYSTEM_INVITER = 'system'

export interface SqliteStaffStore extends StaffStore {
  /**
   * The local runtime's one-time first-owner link: while the desk has no active owner, a fresh
   * owner invite replaces any earlier unused one (so only the last printed link works); null
   * once there is an owner.
   */
  issueFirstOwnerCode(now: Date): string | null
}

/**
 * Staff, invites and claim limits on the local runtime's SQLite file (migration step 4). Every
 * write that must be atomic (consume an invite and seat the person; deactivate unless it leaves
 * no owner) runs in one IMMEDIATE transaction, so two racing calls see each other.
 */
export function createSqliteStaffStore(db: Database.Database): SqliteStaffStore {
  const byOpenid = db.prepare<[string]>('SELECT * FROM staff WHERE openid = ?')
  const byId = db.prepare<[string]>('SELECT * FROM staff WHERE id = ?')
  const activeOwners = db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'owner' AND active = 1")
  const upsert = db.prepare(`
    INSERT INTO staff (id, openid, name, mobile, role, active, created_at, updated_at)
    VALUES (@id, @openid, @name, @mobile, @role, 1, @createdAt, @createdAt)
    ON CONFLICT (openid) DO UPDATE SET
      name = excluded.name, mobile = excluded.mobile, role = excluded.role, active = 1,
      updated_at = excluded.updated_at`)
  const insertInvite = db.prepare(`
    INSERT INTO staff_invites (code_hash, role, created_by, created_at, expires_at, used_by, used_at)
    VALUES (@codeHash, @role, @createdBy, @createdAt, @expiresAt, @usedBy, @usedAt)`)
  const useInvite = db.prepare(`
    UPDATE staff_invites SET used_by = ?, used_at = ?
    WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
    RETURNING role, created_by`)
  const dropSystemInvites = db.prepare(
    `DELETE FROM staff_invites WHERE created_by = '${SYSTEM_INVITER}' AND used_at IS NULL`,
  )
  const inviteExists = db.prepare<[string]>('SELECT 1 FROM staff_invites WHERE code_hash = ?')

  function seat(person: NewStaff, role: StaffRole): ClaimOutcome {
    const old = byOpenid.get(person.openid) as StaffRow | undefined
    upsert.run({ ...person, role })
    const member = toMember(byOpenid.get(person.openid) as StaffRow)
    return old ? { kind: 'claimed', member, before: toMember(old) } : { kind: 'claimed', member }
  }

  const claimWithInvite = db.transaction((codeHash: string, person: NewStaff, now: string): ClaimOutcome => {
    const used = useInvite.get(person.id, now, codeHash, now) as
      { role: string; created_by: string } | undefined
    if (!used) return { kind: 'invalid' }
    // A printed first-owner link seats one owner: the desk has one now, earlier links die.
    if (used.created_by === SYSTEM_INVITER) dropSystemInvites.run()
    return seat(person, used.role as StaffRole)
  })

  const claimFirstOwner = db.transaction((codeHash: string, person: NewStaff, now: string): ClaimOutcome => {
    if ((activeOwners.get() as { n: number }).n > 0 || inviteExists.get(codeHash)) return { kind: 'invalid' }
    insertInvite.run({
      codeHash,
      role: 'owner',
      createdBy: 'config',
      createdAt: now,
      expiresAt: now,
      usedBy: person.id,
      usedAt: now,
    })
    return seat(person, 'owner')
  })

  const deactivate = db.transaction((id: string): DeactivateOutcome => {
    const row = byId.get(id) as StaffRow | undefined
    if (!row) return { kind: 'not-found' }
    const before = toMember(row)
    if (!before.active) return { kind: 'deactivated', before, after: before }
    if (before.role === 'owner' && (activeOwners.get() as { n: number }).n <= 1) return { kind: 'last-owner' }
    db.prepare('UPDATE staff SET active = 0, updated_at = ? WHERE id = ?').run(new Date().toISOString(), id)
    return { kind: 'deactivated', before, after: toMember(byId.get(id) as StaffRow) }
  })

  const issue = db.transaction((now: Date): string | null => {
    if ((activeOwners.get() as { n: number }).n > 0) return null
    dropSystemInvites.run()
    const code = generateInviteCode()
    insertInvite.run({
      codeHash: inviteCodeHash(code),
      role: 'owner',
      createdBy: SYSTEM_INVITER,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITE_TTL_HOURS * 3600_000).toISOString(),
      usedBy: null,
      usedAt: null,
    })
    return code
  })

  return {
    async findStaffByOpenid(openid) {
      const row = byOpenid.get(openid) as StaffRow | undefined
      return row ? toMember(row) : null
    },
    async listStaff() {
      return (db.prepare('SELECT * FROM staff ORDER BY active DESC, name, id').all() as StaffRow[]).map(
        toMember,
      )
    },
    async countActiveOwners() {
      return (activeOwners.get() as { n: number }).n
    },
    async createInvite(invite: StaffInviteRecord) {
      insertInvite.run({ ...invite, usedBy: null, usedAt: null })
    },
    claimWithInvite: async (codeHash, person, now) => claimWithInvite.immediate(codeHash, person, now),
    claimFirstOwner: async (codeHash, person, now) => claimFirstOwner.immediate(codeHash, person, now),
    deactivateStaff: async (id) => deactivate.immediate(id),
    async failedClaims(caller, since) {
      const visitor = (
        db
          .prepare('SELECT count(*) AS n FROM staff_claim_failures WHERE openid = ? AND at >= ?')
          .get(caller.openid, since) as {
          n: number
        }
      ).n
      const address = caller.clientKey
        ? (
            db
              .prepare('SELECT count(*) AS n FROM staff_claim_failures WHERE client_key = ? AND at >= ?')
              .get(caller.clientKey, since) as { n: number }
          ).n
        : 0
      return { visitor, address }
    },
    async recordFailedClaim(attempt) {
      db.prepare('INSERT INTO staff_claim_failures (openid, client_key, at) VALUES (?, ?, ?)').run(
        attempt.openid,
        attempt.clientKey ?? null,
        attempt.at,
      )
      // Past the hour no limit counts a failure: keep the table small.
      db.prepare('DELETE FROM staff_claim_failures WHERE at < ?').run(
        new Date(Date.parse(attempt.at) - 24 * 3600_000).toISOString(),
      )
    },
    async countNewLeads() {
      return (db.prepare("SELECT count(*) AS n FROM inquiries WHERE status = 'new'").get() as { n: number }).n
    },
    issueFirstOwnerCode: (now) => issue.immediate(now),
  }
}

/** The audit log on SQLite: one row per staff write, changed fields as JSON. */
export function createSqliteAuditLog(db: Database.Database): AuditLog & {
  /** Newest first; for tests and the owner's review. */
  recent(limit: number): AuditEntry[]
} {
  const insert = db.prepare(`
    INSERT INTO audit_log (actor_id, action, target_type, target_id, before_json, after_json, at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  return {
    async record(e) {
      insert.run(
        e.actorId,
        e.action,
        e.targetType,
        e.targetId,
        e.before ? JSON.stringify(e.before) : null,
        e.after ? JSON.stringify(e.after) : null,
        e.at,
      )
    },
    recent(limit) {
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as Array<{
        actor_id: string
        action: string
        target_type: AuditEntry['targetType']
        target_id: string
        before_json: string | null
        after_json: string | null
        at: string
      }>
      return rows.map((r) => ({
        actorId: r.actor_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        ...(r.before_json ? { before: JSON.parse(r.before_json) as Record<string, unknown> } : {}),
        ...(r.after_json ? { after: JSON.parse(r.after_json) as Record<string, unknown> } : {}),
        at: r.at,
      }))
    },
  }
}
