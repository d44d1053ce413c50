import type * as v from 'valibot'
import { ACTION_ACCESS, type ActionName, type DataOf, type PayloadOf } from '@/domain/actions'
import { ExportLeadsSchema } from '@/domain/export-schema'
import { SubscribedSchema } from '@/domain/alerts'
import { EmptySchema, InquirySchema, RecordEventsSchema } from '@/domain/inquiry'
import { fail, ok, type ApiResult } from '@/domain/result'
import { ClaimStaffSchema, InviteStaffSchema, StaffIdSchema } from '@/domain/staff-schemas'
import {
  AddNoteSchema,
  GetLeadSchema,
  LeadStatsSchema,
  ListLeadsSchema,
  UpdateLeadSchema,
} from '@/domain/lead-desk-schemas'
import {
  GetArticleSchema,
  GetParkSchema,
  HomeSchema,
  ListArticlesSchema,
  ListParksSchema,
  validate,
} from '@/domain/schemas'
import type { ActionContext } from './context'
import type { SubscriptionStore } from './ports/alerts'
import type { AuditLog } from './ports/audit-log'
import type { StaffStore } from './ports/staff-store'
import { createClientKeyer } from './core/client-key'
import { silentNotifier } from './core/notifiers'
import { ActionError, MESSAGES } from './errors'
import { createAlertsHandlers } from './handlers/alerts'
import { createArticleHandlers } from './handlers/articles'
import { createExportHandlers } from './handlers/export'
import { createHomeHandlers } from './handlers/home'
import { createInquiryHandlers } from './handlers/inquiries'
import { createLeadHandlers } from './handlers/leads'
import { createParkHandlers } from './handlers/parks'
import { createStaffHandlers } from './handlers/staff'
import { silentLogger, type Logger } from './logger'
import type { ContentCheckPort } from './ports/content-check'
import type { ExportFileStore, LeadExportReader } from './ports/lead-export'
import type { LeadDesk } from './ports/lead-desk'
import type { ChartsReader } from './ports/charts'
import { createChartsHandlers } from './handlers/charts'
import { ChartsSchema } from '@/domain/charts-schemas'
import { CreateChannelSchema, GetCodeSchema } from '@/domain/channels'
import { createChannelHandlers } from './handlers/channels'
import type { ChannelStore } from './ports/channels'
import type { CodeFiles, CodeMaker } from './ports/codes'
import type { LeadStore } from './ports/lead-store'
import type { NotifierPort } from './ports/notifier'
import type { StoragePort } from './ports/storage'

export interface CallContext {
  /** Who is calling: the WeChat OPENID in the cloud, `h5:<visitor id>` locally. */
  openid: string
  source: 'cloud' | 'local'
  /** The caller's network address (local: socket, or X-Forwarded-For when TRUST_PROXY is set; cloud: CLIENTIP), for per-address limits. */
  clientAddress?: string
}

export type { ActionContext } from './context'

/** Compile-time check: ActionContext (context.ts) carries exactly the caller fields of CallContext. */
type CallerFields = Omit<ActionContext, 'now' | 'logger' | 'staff'>
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const callerFieldsMatch: Same<Required<CallerFields>, Required<CallContext>> = true
void callerFieldsMatch

export type Api = (request: unknown, ctx: CallContext) => Promise<ApiResult<unknown>>

export interface ApiDeps {
  storage: StoragePort
  /** Leads and contact events; the inquiry and event actions answer INTERNAL without it. */
  leads?: LeadStore
  /**
   * Screens inquiry free text. No default adapter: the entries wire one (index.ts: msgSecCheck,
   * server/main.ts: the demo keyword list). Without one, texts are stored unscreened and the
   * router says so in the log when it is created.
   */
  contentCheck?: ContentCheckPort
  /** Told about each new lead; default: nobody. */
  notifier?: NotifierPort
  /** The staff side of the leads (inbox, pipeline, notes); the leads.* actions need it. */
  desk?: LeadDesk
  /** The staff records; without it every staff action answers FORBIDDEN. */
  staff?: StaffStore
  /** Where every staff write is recorded; staff handlers require it. */
  audit?: AuditLog
  /** The desk's charts' counts (stats.charts, with `desk` for response time). */
  charts?: ChartsReader
  /** STAFF_INVITE_CODE: seats the first owner while the desk has none (cloud configuration). */
  staffInviteCode?: string
  /** The lead export's paged reads and where its files go (export.leads needs both). */
  exportReader?: LeadExportReader
  exportFiles?: ExportFileStore
  /**
   * Lead alerts (alerts.status / alerts.subscribed): the subscription counts and which channels
   * are configured. The announcing itself is the notifier (core/announce.ts), wired by the entries.
   */
  alerts?: { subscriptions?: SubscriptionStore; robotConfigured: boolean; templateId?: string }
  /** Bound on the content check (default 1,500 ms) and on the notifier (default 1,500 ms). */
  contentCheckTimeoutMs?: number
  notifyTimeoutMs?: number
  /**
   * Key of the keyed hash that turns a caller's address into what per-address limits store
   * (core/client-key.ts). Cloud: CLIENT_KEY_SECRET; local: a file in DATA_DIR. Default: random
   * per process (limits then hold while it runs).
   */
  clientKeySecret?: string
  now?: () => Date
  logger?: Logger
  /** Named channels (issue 9): channels.list / channels.create, and codes.get's channel check. */
  channels?: ChannelStore
  /** Makes a code image (wxacode.getUnlimited in the cloud, a QR of the H5 address locally). */
  codeMaker?: CodeMaker
  /** Where code images are kept, one per scene × width, reused when asked again. */
  codeFiles?: CodeFiles
}

/**
 * One schema per action. `satisfies` ties each schema's input to the payload type in
 * ApiActions, so an action added there without a schema here fails typecheck.
 */
const schemas = {
  'articles.list': ListArticlesSchema,
  'articles.get': GetArticleSchema,
  'parks.list': ListParksSchema,
  'parks.get': GetParkSchema,
  'home.get': HomeSchema,
  'inquiries.submit': InquirySchema,
  'inquiries.mine': EmptySchema,
  'inquiries.deleteMine': EmptySchema,
  'events.record': RecordEventsSchema,
  'leads.list': ListLeadsSchema,
  'leads.get': GetLeadSchema,
  'leads.update': UpdateLeadSchema,
  'leads.addNote': AddNoteSchema,
  'leads.stats': LeadStatsSchema,
  'staff.me': EmptySchema,
  'staff.claim': ClaimStaffSchema,
  'staff.invite': InviteStaffSchema,
  'staff.list': EmptySchema,
  'staff.deactivate': StaffIdSchema,
  'export.leads': ExportLeadsSchema,
  'alerts.status': EmptySchema,
  'stats.charts': ChartsSchema,
  'alerts.subscribed': SubscribedSchema,
  'channels.list': EmptySchema,
  'channels.create': CreateChannelSchema,
  'codes.get': GetCodeSchema,
} satisfies { [A in ActionName]: v.GenericSchema<PayloadOf<A>, unknown> }

type HandlerInput<A extends ActionName> = v.InferOutput<(typeof schemas)[A]>

/** Every action needs a handler returning exactly its `data` type. */
export type ActionHandlers = {
  [A in ActionName]: (payload: HandlerInput<A>, ctx: ActionContext) => Promise<DataOf<A>>
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const hasOwn = (obj: object, key: string) => Object.prototype.hasOwnProperty.call(obj, key)

/** What inquiries get when no content check is wired: every text passes (see ApiDeps.contentCheck). */
const unscreened: ContentCheckPort = { check: async () => 'pass' }

const CJK = /[\u3400-\u9fff]/

/**
 * Every field message reaches a Chinese-speaking visitor. A schema that forgot its message lets
 * valibot's English default through ("Invalid type: Expected string but received false"): that
 * becomes a plain Chinese one here, the field name kept.
 */
function chineseFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, message] of Object.entries(fields))
    out[key] = CJK.test(message) ? message : MESSAGES.fieldInvalid
  return out
}

async function dispatch<A extends ActionName>(
  action: A,
  payload: unknown,
  handlers: ActionHandlers,
  ctx: ActionContext,
): Promise<ApiResult<unknown>> {
  const checked = validate(schemas[action], payload)
  if (!checked.ok) return fail('VALIDATION', MESSAGES.validation, chineseFields(checked.fields))
  const handler = handlers[action] as (p: unknown, c: ActionContext) => Promise<DataOf<A>>
  return ok(await handler(checked.value, ctx))
}

/**
 * The one router behind both runtimes (cloud function and local HTTP server). It never
 * throws: every outcome is an ApiResult, and internal errors never reach the caller.
 */
export function createApi(deps: ApiDeps): Api {
  const logger = deps.logger ?? silentLogger
  if (deps.leads && !deps.contentCheck)
    logger.warn('no content check wired: inquiry texts are stored unscreened')
  const now = deps.now ?? (() => new Date())
  const articles = createArticleHandlers(deps.storage)
  const parks = createParkHandlers(deps.storage)
  const home = createHomeHandlers(deps.storage)
  const inquiries = createInquiryHandlers({
    storage: deps.storage,
    leads: deps.leads,
    contentCheck: deps.contentCheck ?? unscreened,
    notifier: deps.notifier ?? silentNotifier,
    contentCheckTimeoutMs: deps.contentCheckTimeoutMs,
    notifyTimeoutMs: deps.notifyTimeoutMs,
    clientKeyOf: createClientKeyer(deps.clientKeySecret),
  })
  const leadDesk = createLeadHandlers({ desk: deps.desk, staff: deps.staff, audit: deps.audit })
  const staff = createStaffHandlers({
    staff: deps.staff,
    audit: deps.audit,
    clientKeyOf: createClientKeyer(deps.clientKeySecret),
    firstOwnerCode: deps.staffInviteCode,
  })
  const exporter = createExportHandlers({
    reader: deps.exportReader,
    staff: deps.staff,
    files: deps.exportFiles,
    audit: deps.audit,
  })
  const charts = createChartsHandlers({ charts: deps.charts, desk: deps.desk, staff: deps.staff })
  const alerts = createAlertsHandlers({ robotConfigured: false, ...deps.alerts, audit: deps.audit })
  const channels = createChannelHandlers({
    storage: deps.storage,
    channels: deps.channels,
    codeMaker: deps.codeMaker,
    codeFiles: deps.codeFiles,
    audit: deps.audit,
  })
  const handlers: ActionHandlers = {
    'articles.list': articles.list,
    'articles.get': articles.get,
    'parks.list': parks.list,
    'parks.get': parks.get,
    'home.get': home.get,
    'inquiries.submit': inquiries.submit,
    'inquiries.mine': inquiries.mine,
    'inquiries.deleteMine': inquiries.deleteMine,
    'events.record': inquiries.recordEvents,
    'leads.list': leadDesk.list,
    'leads.get': leadDesk.get,
    'leads.update': leadDesk.update,
    'leads.addNote': leadDesk.addNote,
    'leads.stats': leadDesk.stats,
    'staff.me': staff.me,
    'staff.claim': staff.claim,
    'staff.invite': staff.invite,
    'staff.list': staff.list,
    'staff.deactivate': staff.deactivate,
    'export.leads': exporter.leads,
    'alerts.status': alerts.status,
    'alerts.subscribed': alerts.subscribed,
    'stats.charts': charts.charts,
    'channels.list': channels.list,
    'channels.create': channels.create,
    'codes.get': channels.code,
  }

  return async (request, callCtx) => {
    if (!isPlainObject(request) || typeof request.action !== 'string' || request.action === '') {
      return fail('BAD_REQUEST', MESSAGES.badRequest)
    }
    const { action } = request
    // A missing payload is an empty one: the schema then names the missing fields.
    const payload = request.payload === undefined || request.payload === null ? {} : request.payload
    if (!isPlainObject(payload)) return fail('BAD_REQUEST', MESSAGES.badPayload)
    if (!hasOwn(schemas, action)) {
      logger.debug('unknown action', { action: action.slice(0, 64), source: callCtx.source })
      return fail('UNKNOWN_ACTION', MESSAGES.unknownAction)
    }
    const ctx: ActionContext = {
      openid: callCtx.openid,
      source: callCtx.source,
      clientAddress: callCtx.clientAddress,
      now,
      logger,
    }
    try {
      // Staff actions: the caller must be active staff (an owner for 'owner' actions), checked
      // against the platform identity before the payload is looked at. One answer for every
      // refusal, so it tells an outsider nothing about who is staff.
      const access = ACTION_ACCESS[action as ActionName]
      if (access !== 'public') {
        const member = ctx.openid && deps.staff ? await deps.staff.findStaffByOpenid(ctx.openid) : null
        if (!member || !member.active || (access === 'owner' && member.role !== 'owner')) {
          logger.info('staff action refused', { action, source: callCtx.source })
          return fail('FORBIDDEN', MESSAGES.forbidden)
        }
        ctx.staff = member
      }
      return await dispatch(action as ActionName, payload, handlers, ctx)
    } catch (err) {
      if (err instanceof ActionError) return fail(err.code, err.message, err.fields)
      // The details stay in the log; the caller gets a generic message.
      logger.error('action failed', { action, source: callCtx.source, err })
      return fail('INTERNAL', MESSAGES.internal)
    }
  }
}
