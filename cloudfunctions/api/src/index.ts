import { timingSafeEqual } from 'node:crypto'
import { fail, MAX_REQUEST_BYTES, ok, type ApiResult } from '@/domain/result'
import { normaliseInviteCode } from '@/domain/staff-schemas'
import { createCloudbaseLeadStore } from './adapters/cloudbase-leads'
import { setupCloudbase, type SetupImport } from './adapters/cloudbase-setup'
import { createCloudbaseStorage, type CloudDatabase } from './adapters/cloudbase-storage'
import { createCloudbaseAuditLog, createCloudbaseStaffStore } from './adapters/cloudbase-staff'
import { createLineNotifier, createWebhookNotifier, redactWebhookUrl } from './adapters/webhook-notifier'
import { createWxContentCheck, type WxOpenApi } from './adapters/wx-content-check'
import { MESSAGES } from './errors'
import { createLogger, type Logger } from './logger'
import { combineNotifiers } from './core/notifiers'
import type { NotifierPort } from './ports/notifier'
import { createApi, type Api, type ApiDeps } from './router'

/** The slice of wx-server-sdk this entry uses (the sdk is installed in the cloud only). */
export interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: { env: unknown }): void
  /** CLIENTIP: the caller's address as the platform saw it (for per-address limits). */
  getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; CLIENTIP?: string }
  database(): CloudDatabase
  /** Cloud calls (云调用); security.msgSecCheck is declared in config.json permissions.openapi. */
  openapi: WxOpenApi
}

export interface CloudMainOptions {
  loadSdk?: () => WxServerSdk
  makeApi?: (deps: ApiDeps) => Api
  logger?: Logger
  /** Environment variables; default process.env (LEADS_WEBHOOK_URL, CLIENT_KEY_SECRET, SETUP_TOKEN). */
  env?: Record<string, string | undefined>
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
 * Who hears about a new lead in the cloud: one line in the function's log always, and the
 * WeCom group robot when the function's environment variable LEADS_WEBHOOK_URL is set (云开发控制台
 * → 云函数 → api → 版本与配置 → 环境变量). A malformed URL is logged and skipped, never fatal.
 */
export function cloudNotifier(env: Record<string, string | undefined>, logger: Logger): NotifierPort {
  const line = createLineNotifier((text) => logger.info('new inquiry', { notice: text }))
  const url = env.LEADS_WEBHOOK_URL?.trim()
  if (!url) return line
  try {
    // 1 s: msgSecCheck (≤ 1.5 s), the webhook and storage together stay well inside the
    // function's timeout (FUNCTION_TIMEOUT_S in adapters/cloudbase-collections.ts, 10 s).
    return combineNotifiers([line, createWebhookNotifier({ url, timeoutMs: 1000 })])
  } catch (err) {
    logger.error('LEADS_WEBHOOK_URL ignored', { url: redactWebhookUrl(url), err })
    return line
  }
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

/** Builds a cloud entry; tests pass their own sdk loader or api factory. */
export function createCloudMain(options: CloudMainOptions = {}): CloudMain {
  const logger = options.logger ?? createLogger({ base: { fn: 'api' } })
  let instance:
    { sdk: WxServerSdk; api: Api; db: CloudDatabase; env: Record<string, string | undefined> } | undefined

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
      const api = (options.makeApi ?? createApi)({
        storage: createCloudbaseStorage(db),
        leads: createCloudbaseLeadStore(db),
        contentCheck: createWxContentCheck(sdk.openapi, logger),
        notifier: cloudNotifier(env, logger),
        clientKeySecret,
        staff: createCloudbaseStaffStore(db),
        audit: createCloudbaseAuditLog(db),
        staffInviteCode: firstOwnerCode(env, logger),
        ...options.overrides,
        logger,
      })
      instance = { sdk, api, db, env }
    }
    return instance
  }

  return async function main(event, context) {
    const started = Date.now()
    let result: ApiResult<unknown>
    try {
      if (eventBytes(event) > MAX_REQUEST_BYTES) {
        result = fail('PAYLOAD_TOO_LARGE', MESSAGES.tooLarge)
      } else {
        const { sdk, api, db, env } = getInstance()
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
