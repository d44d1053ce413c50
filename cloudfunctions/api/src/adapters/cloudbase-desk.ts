import { INQUIRY_STATUSES, type ContactEventKind } from '@/domain/inquiry'
import type { LeadNote } from '@/domain/lead-desk'
import { LEAD_STAGES, OPEN_STAGES, stageForLegacyStatus, type LeadStage } from '@/domain/lead-pipeline'
import type {
  DeskFilters,
  DeskLeadRecord,
  DeskQuery,
  LeadDesk,
  LeadPatch,
  ResponseRow,
} from '../ports/lead-desk'
import type { ContactEventRecord } from '../ports/lead-store'
import { COLLECTIONS } from './cloudbase-collections'
import { toInquiry } from './cloudbase-leads'
import type { CloudDatabase, CloudDoc } from './cloudbase-storage'

/** A cloud-function query returns at most 1,000 documents. */
const MAX_READ = 1000

/** Shared with the export (same rows), so the sheet shows the pipeline. */
export function toDesk(doc: CloudDoc): DeskLeadRecord {
  const r: DeskLeadRecord = {
    ...toInquiry(doc),
    // Documents stored before the desk have neither until the setup step backfills them.
    stage: LEAD_STAGES.includes(doc.stage as LeadStage) ? (doc.stage as LeadStage) : 'new',
    version: typeof doc.version === 'number' ? doc.version : 1,
  }
  for (const key of [
    'assigneeId',
    'nextFollowUp',
    'invalidReason',
    'firstContactedAt',
    'firstContactedBy',
  ] as const) {
    if (typeof doc[key] === 'string') r[key] = doc[key] as string
  }
  return r
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The lead desk in CloudBase. Pipeline fields live on the lead document itself (`inquiries`), so
 * leads.update is ONE conditional update `where({ _id, version }).update(…, version: inc(1))`:
 * the database applies it to the document atomically, and a stale version matches nothing.
 * Notes (`lead_notes`) and per-staff read marks (`lead_reads`, `_id` = staff:lead) are
 * collections of their own. Indexes: cloudbase-collections.ts.
 */
export function createCloudbaseLeadDesk(db: CloudDatabase): LeadDesk {
  const _ = db.command
  const inquiries = () => db.collection(COLLECTIONS.inquiries)
  const notes = () => db.collection(COLLECTIONS.leadNotes)
  const reads = () => db.collection(COLLECTIONS.leadReads)
  const events = () => db.collection(COLLECTIONS.contactEvents)

  /** Plain equalities first (the index's leading fields), then ranges and the text search. */
  function conditions(f: DeskFilters): object[] {
    const eq: Record<string, unknown> = {}
    if (f.source) eq.source = f.source
    if (f.parkId) eq.parkId = f.parkId
    if (f.assigneeId && f.assigneeId !== 'none') eq.assigneeId = f.assigneeId
    const out: object[] = [eq]
    if (f.assigneeId === 'none') out.push({ assigneeId: _.exists(false) })
    if (f.createdFrom) out.push({ createdAt: _.gte(f.createdFrom) })
    if (f.createdTo) out.push({ createdAt: _.lt(f.createdTo) })
    const text: object[] = []
    if (f.text) {
      const re = db.RegExp({ regexp: escapeRegExp(f.text), options: 'i' })
      text.push({ contactName: re }, { company: re })
    }
    if (f.phoneTail) text.push({ phone: db.RegExp({ regexp: `${escapeRegExp(f.phoneTail)}$` }) })
    if (text.length) out.push(_.or(text))
    return out
  }

  async function byId(id: string): Promise<DeskLeadRecord | null> {
    const res = await inquiries().where({ _id: id }).limit(1).get()
    return res.data[0] ? toDesk(res.data[0]) : null
  }

  return {
    async listLeads(q: DeskQuery) {
      const all = conditions(q)
      if (q.stage) (all[0] as Record<string, unknown>).stage = q.stage
      if (q.after)
        all.push(
          _.or([
            { createdAt: _.lt(q.after.createdAt) },
            { createdAt: q.after.createdAt, _id: _.lt(q.after.id) },
          ]),
        )
      const res = await inquiries()
        .where(_.and(all))
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(Math.min(q.limit, MAX_READ))
        .get()
      return res.data.map(toDesk)
    },

    async countByStage(f: DeskFilters) {
      const totals = await Promise.all(
        LEAD_STAGES.map((stage) => {
          const all = conditions(f)
          ;(all[0] as Record<string, unknown>).stage = stage
          return inquiries().where(_.and(all)).count()
        }),
      )
      return Object.fromEntries(LEAD_STAGES.map((s, i) => [s, totals[i].total])) as Record<LeadStage, number>
    },

    async dueFollowUps(today: string, limit: number) {
      const res = await inquiries()
        .where({ nextFollowUp: _.lte(today), stage: _.in([...OPEN_STAGES]) })
        .orderBy('nextFollowUp', 'asc')
        .limit(limit)
        .get()
      return res.data.map(toDesk)
    },

    getLead: byId,

    async readLeadIds(staffId: string, leadIds: string[]) {
      if (!leadIds.length) return new Set<string>()
      const res = await reads()
        .where({ staffId, leadId: _.in(leadIds) })
        .limit(Math.min(leadIds.length, MAX_READ))
        .get()
      return new Set(res.data.map((d) => String(d.leadId)))
    },

    async markRead(staffId: string, leadId: string, at: string) {
      try {
        await reads().add({ data: { _id: `${staffId}:${leadId}`, staffId, leadId, readAt: at } })
      } catch {
        // Already marked (the `_id` is taken): the first read time stays.
      }
    },

    async updateLead(id: string, expectedVersion: number, patch: LeadPatch, at: string) {
      const data: Record<string, unknown> = { version: _.inc(1), updatedAt: at }
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue
        data[key] = value === null ? _.remove() : value
      }
      // Documents from before the desk carry no version: they are at 1 (toDesk).
      const versionMatch = expectedVersion === 1 ? _.or([{ version: 1 }, { version: _.exists(false) }]) : null
      const res = await inquiries()
        .where(versionMatch ? _.and([{ _id: id }, versionMatch]) : { _id: id, version: expectedVersion })
        .update({ data })
      const lead = await byId(id)
      if (!lead) return { kind: 'not-found' as const }
      return res.stats.updated
        ? { kind: 'updated' as const, lead }
        : { kind: 'conflict' as const, current: lead }
    },

    async addNote(note: LeadNote) {
      const { id, ...rest } = note
      await notes().add({ data: { _id: id, ...rest } })
    },

    async listNotes(leadId: string) {
      const res = await notes().where({ leadId }).orderBy('createdAt', 'asc').limit(MAX_READ).get()
      return res.data.map((d) => ({
        id: d._id,
        leadId: String(d.leadId),
        authorId: String(d.authorId),
        authorName: String(d.authorName),
        body: String(d.body),
        createdAt: String(d.createdAt),
      }))
    },

    async visitorLeads(openid: string, limit: number) {
      const res = await inquiries()
        .where({ openid })
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(limit)
        .get()
      return res.data.map(toDesk)
    },

    async visitorTaps(openid: string, limit: number): Promise<ContactEventRecord[]> {
      const res = await events().where({ openid }).orderBy('createdAt', 'desc').limit(limit).get()
      return res.data.map((d) => {
        const e: ContactEventRecord = {
          openid: String(d.openid),
          kind: d.kind as ContactEventKind,
          page: String(d.page),
          at: String(d.at),
          createdAt: String(d.createdAt),
        }
        for (const key of ['parkId', 'articleId', 'source'] as const)
          if (typeof d[key] === 'string') e[key] = d[key] as string
        return e
      })
    },

    async leadsByPhone(phone: string, exceptOpenid: string, limit: number) {
      const res = await inquiries()
        .where({ phone, openid: _.neq(exceptOpenid) })
        .orderBy('createdAt', 'desc')
        .limit(limit)
        .get()
      return res.data.map(toDesk)
    },

    async responseRows(since: string): Promise<ResponseRow[]> {
      const out: ResponseRow[] = []
      let after: { createdAt: string; id: string } | null = null
      // Paged by (createdAt, _id): a week of leads may pass the 1,000-document read cap.
      for (;;) {
        const page: { createdAt: string; id: string } | null = after
        const cond: object = page
          ? _.and([
              { createdAt: _.gte(since) },
              _.or([{ createdAt: _.gt(page.createdAt) }, { createdAt: page.createdAt, _id: _.gt(page.id) }]),
            ])
          : { createdAt: _.gte(since) }
        const res: { data: CloudDoc[] } = await inquiries()
          .where(cond)
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc')
          .field({ createdAt: true, firstContactedAt: true, firstContactedBy: true })
          .limit(MAX_READ)
          .get()
        for (const d of res.data) {
          const row: ResponseRow = { createdAt: String(d.createdAt) }
          if (typeof d.firstContactedAt === 'string') row.firstContactedAt = d.firstContactedAt
          if (typeof d.firstContactedBy === 'string') row.firstContactedBy = d.firstContactedBy
          out.push(row)
        }
        if (res.data.length < MAX_READ) return out
        const last: CloudDoc = res.data[res.data.length - 1]
        after = { createdAt: String(last.createdAt), id: last._id }
      }
    },
  }
}

/**
 * Leads stored before the desk existed have no `stage` (nor `version`): a status tab would miss
 * them. The setup step (run by the owner after each deploy) gives them one from their
 * visitor-facing status (lead-pipeline.ts stageForLegacyStatus): contacted → 已联系,
 * closed → 已签约, new / review → 新线索 (the review status stays). Idempotent.
 */
export async function backfillLeadStages(db: CloudDatabase): Promise<number> {
  const _ = db.command
  let updated = 0
  for (const status of INQUIRY_STATUSES) {
    const res = await db
      .collection(COLLECTIONS.inquiries)
      .where({ status, stage: _.exists(false) })
      .update({ data: { stage: stageForLegacyStatus(status), version: 1 } })
    updated += res.stats.updated
  }
  return updated
}
