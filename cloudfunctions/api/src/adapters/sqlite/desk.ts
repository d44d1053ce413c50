import type Database from 'better-sqlite3'
import type { ContactEventKind } from '@/domain/inquiry'
import type { LeadNote } from '@/domain/lead-desk'
import { LEAD_STAGES, OPEN_STAGES, type LeadStage } from '@/domain/lead-pipeline'
import type {
  DeskFilters,
  DeskLeadRecord,
  DeskQuery,
  LeadDesk,
  LeadPatch,
  ResponseRow,
  UpdateLeadOutcome,
} from '../../ports/lead-desk'
import type { ContactEventRecord } from '../../ports/lead-store'
import { rowToInquiry, type InquiryRow } from './leads'

interface DeskRow extends InquiryRow {
  stage: string
  assignee_id: string | null
  next_follow_up: string | null
  invalid_reason: string | null
  first_contacted_at: string | null
  first_contacted_by: string | null
  version: number
}

/** Shared with the export (same rows), so the sheet shows the pipeline. */
export function toDesk(row: DeskRow): DeskLeadRecord {
  const r: DeskLeadRecord = { ...rowToInquiry(row), stage: row.stage as LeadStage, version: row.version }
  if (row.assignee_id !== null) r.assigneeId = row.assignee_id
  if (row.next_follow_up !== null) r.nextFollowUp = row.next_follow_up
  if (row.invalid_reason !== null) r.invalidReason = row.invalid_reason
  if (row.first_contacted_at !== null) r.firstContactedAt = row.first_contacted_at
  if (row.first_contacted_by !== null) r.firstContactedBy = row.first_contacted_by
  return r
}

/** LIKE with the user's % and _ taken literally. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** WHERE clauses and parameters of the filters (shared by the page and the counts). */
function filterSql(f: DeskFilters): { clauses: string[]; params: Record<string, unknown> } {
  const clauses: string[] = []
  const params: Record<string, unknown> = {}
  if (f.source) {
    clauses.push('source = @source')
    params.source = f.source
  }
  if (f.parkId) {
    clauses.push('park_id = @parkId')
    params.parkId = f.parkId
  }
  if (f.assigneeId === 'none') clauses.push('assignee_id IS NULL')
  else if (f.assigneeId) {
    clauses.push('assignee_id = @assigneeId')
    params.assigneeId = f.assigneeId
  }
  if (f.createdFrom) {
    clauses.push('created_at >= @createdFrom')
    params.createdFrom = f.createdFrom
  }
  if (f.createdTo) {
    clauses.push('created_at < @createdTo')
    params.createdTo = f.createdTo
  }
  const text: string[] = []
  if (f.text) {
    text.push("contact_name LIKE @text ESCAPE '\\'", "company LIKE @text ESCAPE '\\'")
    params.text = likeContains(f.text)
  }
  if (f.phoneTail) {
    text.push('substr(phone, -4) = @phoneTail')
    params.phoneTail = f.phoneTail
  }
  if (text.length) clauses.push(`(${text.join(' OR ')})`)
  return { clauses, params }
}

const where = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '')

/**
 * The lead desk over the local runtime's SQLite file (migration step 5). The inbox walks
 * inquiries_stage_newest (a stage tab) or inquiries_desk_newest (all) newest first with a keyset
 * (created_at, id) condition, so page 50 costs about what page 1 does; filters narrow the walk.
 */
export function createSqliteLeadDesk(db: Database.Database): LeadDesk {
  const byId = db.prepare<[string], DeskRow>('SELECT * FROM inquiries WHERE id = ?')
  const dueStmt = db.prepare<{ today: string; limit: number }, DeskRow>(
    `SELECT * FROM inquiries WHERE next_follow_up IS NOT NULL AND next_follow_up <= @today
       AND stage IN (${OPEN_STAGES.map((s) => `'${s}'`).join(', ')})
     ORDER BY next_follow_up, created_at LIMIT @limit`,
  )
  const markReadStmt = db.prepare(
    `INSERT INTO lead_reads (staff_id, lead_id, read_at) VALUES (?, ?, ?)
     ON CONFLICT (staff_id, lead_id) DO NOTHING`,
  )
  const insertNote = db.prepare(
    `INSERT INTO lead_notes (id, lead_id, author_id, author_name, body, created_at)
     VALUES (@id, @leadId, @authorId, @authorName, @body, @createdAt)`,
  )
  const notesOf = db.prepare<[string], Record<string, string>>(
    'SELECT * FROM lead_notes WHERE lead_id = ? ORDER BY created_at, id',
  )
  const visitorLeadsStmt = db.prepare<[string, number], DeskRow>(
    'SELECT * FROM inquiries WHERE openid = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  )
  const visitorTapsStmt = db.prepare<[string, number], Record<string, string | null>>(
    'SELECT * FROM contact_events WHERE openid = ? ORDER BY created_at DESC, id DESC LIMIT ?',
  )
  const byPhone = db.prepare<[string, string, number], DeskRow>(
    'SELECT * FROM inquiries WHERE phone = ? AND openid <> ? ORDER BY created_at DESC LIMIT ?',
  )
  const responseStmt = db.prepare<
    [string],
    { created_at: string; first_contacted_at: string | null; first_contacted_by: string | null }
  >('SELECT created_at, first_contacted_at, first_contacted_by FROM inquiries WHERE created_at >= ?')

  const columns: Record<keyof Omit<LeadPatch, never>, string> = {
    stage: 'stage',
    assigneeId: 'assignee_id',
    nextFollowUp: 'next_follow_up',
    invalidReason: 'invalid_reason',
    firstContactedAt: 'first_contacted_at',
    firstContactedBy: 'first_contacted_by',
    status: 'status',
  }

  // Compare-and-set in one IMMEDIATE transaction: the UPDATE matches only the expected version,
  // so of two staff saving from the same read, exactly one wins.
  const updateTx = db.transaction(
    (id: string, expected: number, patch: LeadPatch, at: string): UpdateLeadOutcome => {
      const sets = ['version = version + 1', 'updated_at = @at']
      const params: Record<string, unknown> = { id, expected, at }
      for (const [key, column] of Object.entries(columns)) {
        const value = patch[key as keyof LeadPatch]
        if (value === undefined) continue
        sets.push(`${column} = @${key}`)
        params[key] = value
      }
      const changed = db
        .prepare(`UPDATE inquiries SET ${sets.join(', ')} WHERE id = @id AND version = @expected`)
        .run(params).changes
      const row = byId.get(id)
      if (!row) return { kind: 'not-found' }
      return changed ? { kind: 'updated', lead: toDesk(row) } : { kind: 'conflict', current: toDesk(row) }
    },
  )

  return {
    async listLeads(q: DeskQuery): Promise<DeskLeadRecord[]> {
      const { clauses, params } = filterSql(q)
      if (q.stage) {
        clauses.unshift('stage = @stage')
        params.stage = q.stage
      }
      if (q.after) {
        clauses.push('(created_at < @afterAt OR (created_at = @afterAt AND id < @afterId))')
        params.afterAt = q.after.createdAt
        params.afterId = q.after.id
      }
      params.limit = q.limit
      return (
        db
          .prepare(`SELECT * FROM inquiries ${where(clauses)} ORDER BY created_at DESC, id DESC LIMIT @limit`)
          .all(params) as DeskRow[]
      ).map(toDesk)
    },

    async countByStage(f: DeskFilters): Promise<Record<LeadStage, number>> {
      const { clauses, params } = filterSql(f)
      const rows = db
        .prepare(`SELECT stage, count(*) AS n FROM inquiries ${where(clauses)} GROUP BY stage`)
        .all(params) as Array<{ stage: LeadStage; n: number }>
      const out = Object.fromEntries(LEAD_STAGES.map((s) => [s, 0])) as Record<LeadStage, number>
      for (const r of rows) out[r.stage] = r.n
      return out
    },

    async dueFollowUps(today: string, limit: number) {
      return dueStmt.all({ today, limit }).map(toDesk)
    },

    async getLead(id: string) {
      const row = byId.get(id)
      return row ? toDesk(row) : null
    },

    async readLeadIds(staffId: string, leadIds: string[]): Promise<Set<string>> {
      if (!leadIds.length) return new Set()
      const rows = db
        .prepare(
          `SELECT lead_id FROM lead_reads WHERE staff_id = ? AND lead_id IN (${leadIds.map(() => '?').join(', ')})`,
        )
        .all(staffId, ...leadIds) as Array<{ lead_id: string }>
      return new Set(rows.map((r) => r.lead_id))
    },

    async markRead(staffId: string, leadId: string, at: string) {
      markReadStmt.run(staffId, leadId, at)
    },

    async updateLead(id, expectedVersion, patch, at) {
      return updateTx.immediate(id, expectedVersion, patch, at)
    },

    async addNote(note: LeadNote) {
      insertNote.run(note)
    },

    async listNotes(leadId: string): Promise<LeadNote[]> {
      return notesOf.all(leadId).map((r) => ({
        id: r.id,
        leadId: r.lead_id,
        authorId: r.author_id,
        authorName: r.author_name,
        body: r.body,
        createdAt: r.created_at,
      }))
    },

    async visitorLeads(openid: string, limit: number) {
      return visitorLeadsStmt.all(openid, limit).map(toDesk)
    },

    async visitorTaps(openid: string, limit: number): Promise<ContactEventRecord[]> {
      return visitorTapsStmt.all(openid, limit).map((r) => {
        const e: ContactEventRecord = {
          openid: r.openid as string,
          kind: r.kind as ContactEventKind,
          page: r.page as string,
          at: r.at as string,
          createdAt: r.created_at as string,
        }
        if (r.park_id) e.parkId = r.park_id
        if (r.article_id) e.articleId = r.article_id
        if (r.source) e.source = r.source
        return e
      })
    },

    async leadsByPhone(phone: string, exceptOpenid: string, limit: number) {
      return byPhone.all(phone, exceptOpenid, limit).map(toDesk)
    },

    async responseRows(since: string): Promise<ResponseRow[]> {
      return responseStmt.all(since).map((r) => {
        const out: ResponseRow = { createdAt: r.created_at }
        if (r.first_contacted_at) out.firstContactedAt = r.first_contacted_at
        if (r.first_contacted_by) out.firstContactedBy = r.first_contacted_by
        return out
      })
    },
  }
}
