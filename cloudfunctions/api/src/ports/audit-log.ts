/** One staff write: who did what to which record, when, and the record's fields before → after. */
export interface AuditEntry {
  /** StaffMember.id of the actor (never an openid: the log may be read by staff). */
  actorId: string
  /** The action name, e.g. 'leads.update'. */
  action: string
  targetType: 'staff' | 'invite' | 'lead' | 'park' | 'article' | 'channel'
  targetId: string
  /** Only the fields that changed; phones masked. Absent for a creation / a deletion. */
  before?: Record<string, unknown>
  after?: Record<string, unknown>
  /** ISO 8601 (UTC). */
  at: string
}

/** Every staff write is recorded here (issue 8 item 3), in the same transaction where the store allows. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
}
