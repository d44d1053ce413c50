import { randomUUID } from 'node:crypto'
import type * as v from 'valibot'
import type {
  LeadDetail,
  LeadFull,
  LeadListItem,
  LeadNote,
  LeadPage,
  LeadRelated,
  ResponseStats,
} from '@/domain/lead-desk'
import type {
  AddNoteSchema,
  GetLeadSchema,
  LeadStatsSchema,
  ListLeadsSchema,
  UpdateLeadSchema,
} from '@/domain/lead-desk-schemas'
import {
  beijingDate,
  beijingDayStart,
  canTransition,
  responseMinutes,
  visitorStatusFor,
} from '@/domain/lead-pipeline'
import { maskPhone } from '@/domain/phone'
import type { StaffMember } from '@/domain/staff'
import type { ActionContext } from '../context'
import { ActionError, MESSAGES } from '../errors'
import type { AuditLog } from '../ports/audit-log'
import { summarizeResponse } from '../core/response-stats'
import type { DeskFilters, DeskLeadRecord, LeadDesk, LeadPatch, ResponseRow } from '../ports/lead-desk'
import type { StaffStore } from '../ports/staff-store'
import { toPage } from './paging'

export interface LeadDeskDeps {
  desk?: LeadDesk
  staff?: StaffStore
  audit?: AuditLog
}

export const DUE_LIMIT = 20
const RELATED_LIMIT = 10
const TAPS_LIMIT = 30

const CURSOR_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([\w-]{1,64})$/

/** Any mainland mobile inside free text (a note), masked for the audit log. */
export const maskPhonesIn = (text: string) => text.replace(/1[3-9]\d{9}/g, (m) => maskPhone(m))

const DAY_MS = 86_400_000
const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)

/** Monday (Beijing) of the week holding `iso`, "YYYY-MM-DD". */
export function weekOf(iso: string): string {
  const day = beijingDate(new Date(iso))
  const t = Date.parse(`${day}T00:00:00Z`)
  const back = (new Date(t).getUTCDay() + 6) % 7
  return new Date(t - back * DAY_MS).toISOString().slice(0, 10)
}

/** The pipeline fields of a lead that an update may change (the audit's before → after). */
const TRACKED = [
  'stage',
  'status',
  'assigneeId',
  'nextFollowUp',
  'invalidReason',
  'firstContactedAt',
] as const

function changes(before: DeskLeadRecord, after: DeskLeadRecord) {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of TRACKED) {
    if (before[key] === after[key]) continue
    b[key] = before[key] ?? null
    a[key] = after[key] ?? null
  }
  b.version = before.version
  a.version = after.version
  return { before: b, after: a }
}

/**
 * The lead desk's handlers (issue 8 items 5–8). Every one runs for active staff only: the router
 * checked ACTION_ACCESS and set ctx.staff before the payload was validated, so the caller is
 * `ctx.staff!`, never an id from the payload. Every write is recorded through the AuditLog port.
 */
export function createLeadHandlers(deps: LeadDeskDeps) {
  const desk = (): LeadDesk => {
    if (!deps.desk) throw new Error('lead desk not configured')
    return deps.desk
  }
  const audit = (): AuditLog => {
    if (!deps.audit) throw new Error(MESSAGES.noAudit)
    return deps.audit
  }
  const staffList = async (): Promise<StaffMember[]> => (deps.staff ? deps.staff.listStaff() : [])
  const names = (staff: StaffMember[]) => new Map(staff.map((s) => [s.id, s.name]))
  const pickable = (staff: StaffMember[]) =>
    staff.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name }))

  function item(r: DeskLeadRecord, who: Map<string, string>, unread: boolean): LeadListItem {
    const out: LeadListItem = {
      id: r.id,
      contactName: r.contactName,
      company: r.company,
      phone: r.phone,
      needType: r.needType,
      stage: r.stage,
      status: r.status,
      unread,
      createdAt: r.createdAt,
    }
    if (r.district) out.district = r.district
    if (r.parkId) out.parkId = r.parkId
    if (r.parkName) out.parkName = r.parkName
    if (r.source) out.source = r.source
    if (r.flagged) out.flagged = r.flagged
    if (r.assigneeId) {
      out.assigneeId = r.assigneeId
      out.assigneeName = who.get(r.assigneeId) ?? '已移除的员工'
    }
    if (r.nextFollowUp) out.nextFollowUp = r.nextFollowUp
    const minutes = responseMinutes(r.createdAt, r.firstContactedAt)
    if (minutes !== null) out.responseMinutes = minutes
    return out
  }

  function full(r: DeskLeadRecord, who: Map<string, string>): LeadFull {
    const out: LeadFull = {
      ...item(r, who, false),
      openid: r.openid,
      industry: r.industry,
      remark: r.remark,
      version: r.version,
      updatedAt: r.updatedAt,
    }
    if (r.areaMin !== undefined) out.areaMin = r.areaMin
    if (r.areaMax !== undefined) out.areaMax = r.areaMax
    if (r.taxBracket) out.taxBracket = r.taxBracket
    if (r.articleId) out.articleId = r.articleId
    if (r.invalidReason) out.invalidReason = r.invalidReason
    if (r.firstContactedAt) out.firstContactedAt = r.firstContactedAt
    if (r.firstContactedBy) {
      out.firstContactedById = r.firstContactedBy
      out.firstContactedByName = who.get(r.firstContactedBy) ?? '已移除的员工'
    }
    return out
  }

  const related = (r: DeskLeadRecord): LeadRelated => ({
    id: r.id,
    contactName: r.contactName,
    company: r.company,
    needType: r.needType,
    stage: r.stage,
    createdAt: r.createdAt,
  })

  async function mustGet(id: string): Promise<DeskLeadRecord> {
    const lead = await desk().getLead(id)
    if (!lead) throw new ActionError('NOT_FOUND', MESSAGES.leadNotFound)
    return lead
  }

  return {
    async list(p: v.InferOutput<typeof ListLeadsSchema>, ctx: ActionContext): Promise<LeadPage> {
      const me = ctx.staff!
      const filters: DeskFilters = {}
      if (p.source) filters.source = p.source
      if (p.parkId) filters.parkId = p.parkId
      if (p.assigneeId) filters.assigneeId = p.assigneeId
      if (p.from) filters.createdFrom = beijingDayStart(p.from)
      if (p.to) filters.createdTo = beijingDayStart(nextDate(p.to))
      if (p.q) {
        if (/^\d{4}$/.test(p.q)) filters.phoneTail = p.q
        else filters.text = p.q
      }
      let after: { createdAt: string; id: string } | undefined
      if (p.cursor) {
        const m = CURSOR_RE.exec(p.cursor)
        if (!m) throw new ActionError('VALIDATION', MESSAGES.badCursor, { cursor: MESSAGES.badCursor })
        after = { createdAt: m[1], id: m[2] }
      }
      const today = beijingDate(ctx.now())
      const first = !after
      const [rows, counts, due, staff] = await Promise.all([
        desk().listLeads({ ...filters, stage: p.stage, after, limit: p.limit + 1 }),
        first ? desk().countByStage(filters) : undefined,
        first ? desk().dueFollowUps(today, DUE_LIMIT) : undefined,
        staffList(),
      ])
      const page = toPage(rows, p.limit, (last) => `${last.createdAt}_${last.id}`)
      const read = await desk().readLeadIds(me.id, [
        ...page.items.map((r) => r.id),
        ...(due ?? []).map((r) => r.id),
      ])
      const who = names(staff)
      const out: LeadPage = {
        items: page.items.map((r) => item(r, who, !read.has(r.id))),
        nextCursor: page.nextCursor,
        today,
        staff: pickable(staff),
      }
      if (counts) out.counts = counts
      if (due) out.due = due.map((r) => item(r, who, !read.has(r.id)))
      return out
    },

    async get(p: v.InferOutput<typeof GetLeadSchema>, ctx: ActionContext): Promise<LeadDetail> {
      const me = ctx.staff!
      const lead = await mustGet(p.id)
      const [, notes, mine, taps, repeats, staff] = await Promise.all([
        desk().markRead(me.id, lead.id, ctx.now().toISOString()),
        desk().listNotes(lead.id),
        desk().visitorLeads(lead.openid, RELATED_LIMIT + 1),
        desk().visitorTaps(lead.openid, TAPS_LIMIT),
        desk().leadsByPhone(lead.phone, lead.openid, RELATED_LIMIT),
        staffList(),
      ])
      const who = names(staff)
      const entry = taps.find((e) => e.kind === 'open-inquiry' && e.createdAt <= lead.createdAt)
      return {
        lead: entry ? { ...full(lead, who), entryPage: entry.page } : full(lead, who),
        notes,
        otherInquiries: mine
          .filter((r) => r.id !== lead.id)
          .slice(0, RELATED_LIMIT)
          .map(related),
        contactTaps: taps.map((e) => {
          const tap: LeadDetail['contactTaps'][number] = { kind: e.kind, page: e.page, at: e.createdAt }
          if (e.parkId) tap.parkId = e.parkId
          if (e.articleId) tap.articleId = e.articleId
          if (e.source) tap.source = e.source
          return tap
        }),
        repeats: repeats.map(related),
        staff: pickable(staff),
      }
    },

    async update(p: v.InferOutput<typeof UpdateLeadSchema>, ctx: ActionContext): Promise<LeadFull> {
      const me = ctx.staff!
      const log = audit() // before anything is written: no write goes unrecorded
      const lead = await mustGet(p.id)
      if (lead.version !== p.version) throw new ActionError('CONFLICT', MESSAGES.leadConflict)
      const staff = await staffList()
      const patch: LeadPatch = {}
      const nowIso = ctx.now().toISOString()
      const stage = p.stage ?? lead.stage
      if (stage !== lead.stage) {
        if (!canTransition(lead.stage, stage))
          throw new ActionError('VALIDATION', MESSAGES.badTransition, { stage: MESSAGES.badTransition })
        patch.stage = stage
        const status = visitorStatusFor(stage, lead.status)
        if (status !== lead.status) patch.status = status
        if (stage === 'contacted' && !lead.firstContactedAt) {
          patch.firstContactedAt = nowIso
          patch.firstContactedBy = me.id
        }
        if (lead.stage === 'invalid') patch.invalidReason = null
      }
      if (stage === 'invalid') {
        const reason = p.invalidReason ?? (stage === lead.stage ? lead.invalidReason : undefined)
        if (!reason)
          throw new ActionError('VALIDATION', MESSAGES.invalidReasonRequired, {
            invalidReason: MESSAGES.invalidReasonRequired,
          })
        if (reason !== lead.invalidReason) patch.invalidReason = reason
      } else if (p.invalidReason) {
        throw new ActionError('VALIDATION', MESSAGES.badTransition, {
          invalidReason: '只有无效线索可以填写无效原因',
        })
      }
      if (p.assigneeId !== undefined && p.assigneeId !== (lead.assigneeId ?? null)) {
        if (p.assigneeId !== null && !staff.some((s) => s.id === p.assigneeId && s.active))
          throw new ActionError('VALIDATION', MESSAGES.unknownAssignee, {
            assigneeId: MESSAGES.unknownAssignee,
          })
        patch.assigneeId = p.assigneeId
      }
      if (p.nextFollowUp !== undefined && p.nextFollowUp !== (lead.nextFollowUp ?? null))
        patch.nextFollowUp = p.nextFollowUp
      const who = names(staff)
      // Nothing to change: no write, no version bump, no audit entry.
      if (Object.keys(patch).length === 0) return full(lead, who)
      const outcome = await desk().updateLead(lead.id, p.version, patch, nowIso)
      if (outcome.kind === 'not-found') throw new ActionError('NOT_FOUND', MESSAGES.leadNotFound)
      if (outcome.kind === 'conflict') throw new ActionError('CONFLICT', MESSAGES.leadConflict)
      await log.record({
        actorId: me.id,
        action: 'leads.update',
        targetType: 'lead',
        targetId: lead.id,
        ...changes(lead, outcome.lead),
        at: nowIso,
      })
      ctx.logger.info('lead updated', { id: lead.id, phone: maskPhone(lead.phone), by: me.id })
      return full(outcome.lead, who)
    },

    async addNote(p: v.InferOutput<typeof AddNoteSchema>, ctx: ActionContext): Promise<LeadNote> {
      const me = ctx.staff!
      const log = audit()
      const lead = await mustGet(p.id)
      const note: LeadNote = {
        id: randomUUID(),
        leadId: lead.id,
        authorId: me.id,
        authorName: me.name,
        body: p.body,
        createdAt: ctx.now().toISOString(),
      }
      await desk().addNote(note)
      await log.record({
        actorId: me.id,
        action: 'leads.addNote',
        targetType: 'lead',
        targetId: lead.id,
        after: { noteId: note.id, body: maskPhonesIn(note.body) },
        at: note.createdAt,
      })
      return note
    },

    async stats(p: v.InferOutput<typeof LeadStatsSchema>, ctx: ActionContext): Promise<ResponseStats> {
      const thisWeek = weekOf(ctx.now().toISOString())
      const firstWeek = new Date(Date.parse(`${thisWeek}T00:00:00Z`) - (p.weeks - 1) * 7 * DAY_MS)
        .toISOString()
        .slice(0, 10)
      const [rows, staff] = await Promise.all([desk().responseRows(beijingDayStart(firstWeek)), staffList()])
      const weeks = new Map<string, ResponseRow[]>()
      for (let i = 0; i < p.weeks; i++) {
        const w = new Date(Date.parse(`${thisWeek}T00:00:00Z`) - i * 7 * DAY_MS).toISOString().slice(0, 10)
        weeks.set(w, [])
      }
      const inRange: ResponseRow[] = []
      for (const r of rows) {
        const w = weeks.get(weekOf(r.createdAt))
        if (!w) continue
        w.push(r)
        inRange.push(r)
      }
      const who = names(staff)
      return {
        weeks: [...weeks].map(([week, weekRows]) => {
          const s = summarizeResponse(weekRows, who)
          return { week, leads: s.leads, contacted: s.contacted, medianMinutes: s.medianMinutes }
        }),
        agents: summarizeResponse(inRange, who).agents,
      }
    },
  }
}
