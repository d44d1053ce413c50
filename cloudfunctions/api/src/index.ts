import { timingSafeEqual } from 'node:crypto'
import { fail, MAX_REQUEST_BYTES, ok, type ApiResult } from '@/domain/result'
import { normaliseInviteCode } from '@/domain/staff-schemas'
import { createCloudbaseAlertStore, type CloudbaseAlertStore } from './adapters/cloudbase-deliveries'
import { createCloudbaseCharts } from './adapters/cloudbase-charts'
import { createCloudbaseLeadDesk } from './adapters/cloudbase-desk'
import {
  createCloudbaseExportStore,
  createCloudExportFiles,
  type CloudStorageSdk,
} from './adapters/cloudbase-export'
import { createCloudbaseLeadStore } from './adapters/cloudbase-leads'
import {
  createCloudbaseChannelStore,
  createCloudCodeFiles,
  createWxCodeMaker,
  parseEnvVersion,
  type WxCodeOpenApi,
} from './adapters/cloudbase-channels'
import { setupCloudbase, type SetupImport } from './adapters/cloudbase-setup'
import { createCloudbaseStorage, type CloudDatabase } from './adapters/cloudbase-storage'
import { createCloudbaseAuditLog, createCloudbaseStaffStore } from './adapters/cloudbase-staff'
import { createLineNotifier, createWebhookRobot, redactWebhookUrl } from './adapters/webhook-notifier'
import { createWxSubscribeMessage, type WxSubscribeOpenApi } from './adapters/wx-subscribe-message'
import { createWxContentCheck, type WxOpenApi } from './adapters/wx-content-check'
import { MESSAGES } from './errors'
import { createLogger, type Logger } from './logger'
import { createAnnouncer, type Announcer } from './core/announce'
import { combineNotifiers } from './core/notifiers'
import { parseTemplateKeys } from './core/subscribe-fields'
import { dailyDigestJob, retryDeliveriesJob } from './jobs/alerts'
import { retentionConfigFrom, retentionJob } from './jobs/retention'
import { runJobs, type ScheduledJob } from './jobs/schedule'
import type { RobotPort, SubscribeMessagePort } from './ports/alerts'
import type { StaffStore } from './ports/staff-store'
import { createApi, type Api, type ApiDeps } from './router'

/** The slice of wx-server-sdk this entry uses (the sdk is installed in the cloud only). */
export interface WxServerSdk extends CloudStorageSdk {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: { env: unknown }): void
  /** CLIENTIP: the caller's address as the platform saw it (for per-address limits). */
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; CLIENTIP?: string }
  database(): CloudDatabase
  /** Cloud calls (云调用), each declared in config.json permissions.openapi. */
  openapi: WxOpenApi & Partial<WxSubscribeOpenApi> & Partial<WxCodeOpenApi>
}

export interface CloudMainOptions {
  loadSdk?: () => WxServerSdk
  makeApi?: (deps: ApiDeps) => Api
  logger?: Logger
  /** Environment variables; default process.env (LEADS_WEBHOOK_URL, CLIENT_KEY_SECRET, SETUP_TOKEN). */
  env?: Record<string, string | undefined>
  /** The scheduled jobs' clock (tests); default the real one. */
  now?: () => Date
  /** Test hooks: replace the clock, the time bounds, the notifier … */
  overrides?: Partial<Omit<ApiDeps, 'storage' | 'leads' | 'logger'>>
}

export type CloudMain = (event: unknown, context: unknown) => Promise<ApiResult<unknown>>

function loadWxServerSdk(): WxServerSdk {
  // Plain require so esbuild leaves it external and it is resolved only on first call.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  return require('wx-server-sdk') as WxServerSdk
}

function eventBytes(event: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(event) ?? '', 'utf8')
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

function actionOf(event: unknown): string {
  const action = (event as { action?: unknown } | null)?.action
  return typeof action === 'string' ? action.slice(0, 64) : '?'
}

/**
 * Lead alerts in the cloud (issue 8 item 9): the group robot (LEADS_WEBHOOK_URL) and subscribe
 * messages (LEAD_TEMPLATE_ID, optional LEAD_TEMPLATE_KEYS / LEAD_TEMPLATE_STATE) through one
 * announcer that records each delivery before its first attempt. No `later`: the function may
 * freeze once it answered, so failed sends wait for the next lead's announcement or the
 * scheduled job. A malformed setting is logged (never the webhook key) and that channel skipped.
 */
export function cloudAlerts(
  env: Record<string, string | undefined>,
  logger: Logger,
  openapi: Partial<WxSubscribeOpenApi>,
  store: CloudbaseAlertStore,
  staff: StaffStore | undefined,
): { announcer: Announcer; robot?: RobotPort; subscribe?: SubscribeMessagePort } {
  let robot: RobotPort | undefined
  const url = env.LEADS_WEBHOOK_URL?.trim()
  if (url) {
    try {
      robot = createWebhookRobot({ url, timeoutMs: 1000 })
    } catch (err) {
      logger.error('LEADS_WEBHOOK_URL ignored', { url: redactWebhookUrl(url), err })
    }
  }
  let subscribe: SubscribeMessagePort | undefined
  const templateId = env.LEAD_TEMPLATE_ID?.trim()
  if (templateId && openapi.subscribeMessage) {
    try {
      const state = env.LEAD_TEMPLATE_STATE?.trim()
      subscribe = createWxSubscribeMessage(openapi as WxSubscribeOpenApi, {
        templateId,
        keys: parseTemplateKeys(env.LEAD_TEMPLATE_KEYS),
        miniprogramState: state === 'developer' || state === 'trial' ? state : 'formal',
      })
    } catch (err) {
      logger.error('LEAD_TEMPLATE_KEYS ignored: subscribe messages off', { err })
    }
  }
  const announcer = createAnnouncer({
    deliveries: store,
    subscriptions: store,
    staff,
    robot,
    subscribe,
    logger,
  })
  return { announcer, robot, subscribe }
}

/** Shorter first-owner codes are refused: the code is all that stands between a visitor and the desk. */
export const MIN_STAFF_INVITE_CODE = 12

/**
 * STAFF_INVITE_CODE (版本与配置 → 环境变量): the code the first owner types on 员工认领 while the
 * desk has no owner (README deploy step 6). Ignored, with an error in the log, when too short.
 */
export function firstOwnerCode(env: Record<string, string | undefined>, logger: Logger): string | undefined {
  const code = normaliseInviteCode(env.STAFF_INVITE_CODE ?? '')
  if (!code) return undefined
  if (code.length < MIN_STAFF_INVITE_CODE) {
    logger.error(`STAFF_INVITE_CODE ignored: use at least ${MIN_STAFF_INVITE_CODE} characters`)
    return undefined
  }
  return code
}

/**
 * The retention purge (jobs/retention.ts) over CloudBase, for the function's one timer trigger;
 * it also deletes export files left in cloud storage for more than a day. LEAD_RETENTION_MONTHS
 * and INVALID_LEAD_RETENTION_MONTHS come from the function's environment.
 */
export function cloudRetentionJob(
  sdk: CloudStorageSdk,
  db: CloudDatabase,
  env: Record<string, string | undefined>,
  logger: Logger,
): ScheduledJob {
  return retentionJob({
    retention: createCloudbaseExportStore(db),
    exportFiles: createCloudExportFiles(sdk, db),
    logger,
    retentionConfig: retentionConfigFrom(env),
  })
}

/**
 * A timer trigger's event: `{ Type: 'Timer', TriggerName, Time }`. A caller of the function
 * could send the same shape, but every call from the mini program carries an OPENID and a
 * trigger none: both are checked.
 */
export function isTimerEvent(event: unknown, openid: string | undefined): boolean {
  const e = event as { Type?: unknown; TriggerName?: unknown } | null
  return !openid && e?.Type === 'Timer' && typeof e.TriggerName === 'string'
}

/**
 * The owner's setup call (README deploy step 5): the event `{ "setup": "<SETUP_TOKEN>" }` from
 * the console's 云端测试, with the function's SETUP_TOKEN variable set to a long random value for
 * the occasion. Without the variable (the normal state) no event is a setup call.
 */
function isSetupCall(event: unknown, token: string | undefined): boolean {
  const given = (event as { setup?: unknown } | null)?.setup
  if (!token || token.length < 16 || typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Mini-program codes (issue 9 item 2): wxacode.getUnlimited for the build WXACODE_ENV_VERSION
 * names (release, trial or develop; default release; anything else is logged and release used),
 * images in cloud storage under `codes/`, records in `mini_codes`.
 */
export function cloudCodes(
  sdk: WxServerSdk,
  db: CloudDatabase,
  env: Record<string, string | undefined>,
  logger: Logger,
): Pick<ApiDeps, 'codeMaker' | 'codeFiles'> {
  let envVersion = parseEnvVersion(env.WXACODE_ENV_VERSION)
  if (!envVersion) {
    logger.error('WXACODE_ENV_VERSION ignored: use release, trial or develop', {
      value: env.WXACODE_ENV_VERSION?.slice(0, 32),
    })
    envVersion = 'release'
  }
  if (!sdk.openapi.wxacode) return { codeFiles: createCloudCodeFiles(sdk, db) }
  return {
    codeMaker: createWxCodeMaker(sdk.openapi as WxCodeOpenApi, envVersion),
    codeFiles: createCloudCodeFiles(sdk, db),
  }
}

/** Builds a cloud entry; tests pass their own sdk loader or api factory. */
export function createCloudMain(options: CloudMainOptions = {}): CloudMain {
  const logger = options.logger ?? createLogger({ base: { fn: 'api' } })
  let instance:
    | {
        sdk: WxServerSdk
        api: Api
        db: CloudDatabase
        env: Record<string, string | undefined>
        jobs: ScheduledJob[]
      }
    | undefined

  // init() and the storage once per warm instance, not per invocation.
  function getInstance() {
    if (!instance) {
      const sdk = (options.loadSdk ?? loadWxServerSdk)()
      sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
      const db = sdk.database()
      const env = options.env ?? process.env
      const clientKeySecret = env.CLIENT_KEY_SECRET?.trim() || undefined
      if (!clientKeySecret) {
        logger.warn(
          'CLIENT_KEY_SECRET unset: per-address limits hold per warm instance only (README, deploy step 6)',
        )
      }
      const alertStore = createCloudbaseAlertStore(db)
      const staff = options.overrides?.staff ?? createCloudbaseStaffStore(db)
      const alerts = cloudAlerts(env, logger, sdk.openapi, alertStore, staff)
      const line = createLineNotifier((text) => logger.info('new inquiry', { notice: text }))
      const api = (options.makeApi ?? createApi)({
        storage: createCloudbaseStorage(db),
        leads: createCloudbaseLeadStore(db),
        contentCheck: createWxContentCheck(sdk.openapi, logger),
        notifier: combineNotifiers([
          line,
          {
            // A new lead also picks up deliveries earlier calls left pending (bounded like the rest).
            notify: async (n) => {
              await Promise.all([alerts.announcer.notify(n), alerts.announcer.retryDue(5)])
            },
          },
        ]),
        alerts: {
          subscriptions: alertStore,
          robotConfigured: Boolean(alerts.robot),
          templateId: alerts.subscribe?.templateId,
        },
        staff,
        audit: createCloudbaseAuditLog(db),
        staffInviteCode: firstOwnerCode(env, logger),
        desk: createCloudbaseLeadDesk(db),
        charts: createCloudbaseCharts(db),
        exportReader: createCloudbaseExportStore(db),
        exportFiles: createCloudExportFiles(sdk, db),
        clientKeySecret,
        channels: createCloudbaseChannelStore(db),
        ...cloudCodes(sdk, db, env, logger),
        ...options.overrides,
        logger,
      })
      // The timer trigger's list (config.json triggers), run in this order each morning.
      const jobs: ScheduledJob[] = [
        retryDeliveriesJob(alerts.announcer),
        dailyDigestJob({ source: alertStore, robot: alerts.robot, staff, followUpsTracked: true }),
        cloudRetentionJob(sdk, db, env, logger),
      ]
      instance = { sdk, api, db, env, jobs }
    }
    return instance
  }

  /** The daily trigger: every job of the list, one after another (jobs/schedule.ts). */
  function runScheduled(jobs: ScheduledJob[], now: Date) {
    return runJobs(jobs, now, logger)
  }

  return async function main(event, context) {
    const started = Date.now()
    let result: ApiResult<unknown>
    try {
      if (eventBytes(event) > MAX_REQUEST_BYTES) {
        result = fail('PAYLOAD_TOO_LARGE', MESSAGES.tooLarge)
      } else {
        const { sdk, api, db, env, jobs } = getInstance()
        if (isSetupCall(event, env.SETUP_TOKEN?.trim())) {
          const limit = (context as { time_limit_in_ms?: unknown } | null)?.time_limit_in_ms
          const content = (event as { import?: SetupImport }).import
          try {
            const report = await setupCloudbase(db, typeof limit === 'number' ? limit : undefined, content)
            logger.info('setup', { ...report })
            return ok(report)
          } catch (err) {
            // Only the owner (holding SETUP_TOKEN) gets here: the reason helps them fix the import.
            logger.error('setup failed', { err })
            return fail('BAD_REQUEST', `初始化失败：${err instanceof Error ? err.message : String(err)}`)
          }
        }
        // The caller's identity and address come from the platform only, never from the event.
        const { OPENID, CLIENTIP } = sdk.getWXContext()
        if (isTimerEvent(event, OPENID)) {
          const report = await runScheduled(jobs, options.now?.() ?? new Date())
          logger.info('scheduled', {
            trigger: (event as { TriggerName: string }).TriggerName,
            ms: Date.now() - started,
          })
          return ok(report)
        }
        result = await api(event, {
          openid: OPENID ?? '',
          source: 'cloud',
          clientAddress: CLIENTIP || undefined,
        })
      }
    } catch (err) {
      logger.error('invocation failed', { err })
      result = fail('INTERNAL', MESSAGES.internal)
    }
    logger.info('call', {
      action: actionOf(event),
      ok: result.ok,
      code: result.ok ? undefined : result.error.code,
      ms: Date.now() - started,
    })
    return result
  }
}

export const main: CloudMain = createCloudMain()
