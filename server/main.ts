import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import type { Park } from '@/domain/park'
import { createKeywordContentCheck } from '../cloudfunctions/api/src/adapters/keyword-content-check'
import { createOneTimeFiles } from '../cloudfunctions/api/src/adapters/one-time-files'
import { openSqliteStorage } from '../cloudfunctions/api/src/adapters/sqlite-storage'
import { createQrCodeMaker } from '../cloudfunctions/api/src/adapters/qr-code-maker'
import {
  createLineNotifier,
  createWebhookRobot,
  redactWebhookUrl,
} from '../cloudfunctions/api/src/adapters/webhook-notifier'
import { retentionConfigFrom, retentionJob } from '../cloudfunctions/api/src/jobs/retention'
import { createAnnouncer } from '../cloudfunctions/api/src/core/announce'
import { dailyDigestJob, retryDeliveriesJob } from '../cloudfunctions/api/src/jobs/alerts'
import { runJobs, startDailyScheduler } from '../cloudfunctions/api/src/jobs/schedule'
import type { SqliteAlertStore } from '../cloudfunctions/api/src/adapters/sqlite/deliveries'
import type { Logger } from '../cloudfunctions/api/src/logger'
import { createLogger } from '../cloudfunctions/api/src/logger'
import { combineNotifiers } from '../cloudfunctions/api/src/core/notifiers'
import type { NotifierPort } from '../cloudfunctions/api/src/ports/notifier'
import { createApi } from '../cloudfunctions/api/src/router'
import { createServer } from './app'
import { parseTrustProxy } from './security'
import { codeBaseUrl, reachableFromPhone } from './code-base-url'

/** The repo root: `build/server.cjs` lives one level below it; otherwise the cwd. */
function findRepoRoot(): string {
  const fromBundle = path.resolve(__dirname, '..')
  if (existsSync(path.join(fromBundle, 'package.json'))) return fromBundle
  return process.cwd()
}

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null
  return JSON.parse(readFileSync(file, 'utf8')) as T
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8787
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT 无效 / invalid PORT: ${value}`)
  }
  return port
}

/**
 * New leads: one line on this console, and a WeCom group-robot message when LEADS_WEBHOOK_URL is
 * set (checked here, so a typo stops the start rather than every notification). Robot messages go
 * through the announcer: recorded in SQLite, retried with back-off from an unref'd timer, and the
 * 09:00 digest (plus leftover retries) from a daily timer. Subscribe messages need the cloud.
 */
function localAlerts(webhookUrl: string | undefined, store: SqliteAlertStore, logger: Logger) {
  const onConsole = createLineNotifier((line) => process.stdout.write(`${line}\n`))
  const url = webhookUrl?.trim()
  const robot = url ? createWebhookRobot({ url, timeoutMs: 1500 }) : undefined
  const announcer = createAnnouncer({
    deliveries: store,
    robot,
    logger,
    later: (run, ms) => setTimeout(run, ms).unref(),
  })
  const notifier: NotifierPort = robot ? combineNotifiers([onConsole, announcer]) : onConsole
  const jobs = [
    retryDeliveriesJob(announcer),
    dailyDigestJob({ source: store, robot, followUpsTracked: true }),
  ]
  return {
    notifier,
    robot,
    jobs,
    describe: url ? `控制台 + webhook ${redactWebhookUrl(url)}` : '控制台 / console',
  }
}

/**
 * The key of the address hashes behind per-address limits (core/client-key.ts): CLIENT_KEY_SECRET
 * when set, else a random one kept next to the database (owner-only) so a restart keeps counting.
 * It must not live inside the database: the rows alone then cannot be turned back into addresses.
 */
function clientKeySecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv?.trim()) return fromEnv.trim()
  const file = path.join(dataDir, 'client-key.secret')
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim()
    if (kept) return kept
  }
  const made = randomBytes(32).toString('hex')
  writeFileSync(file, `${made}\n`, { mode: 0o600 })
  return made
}

function main(): void {
  const root = findRepoRoot()
  const env = process.env
  const port = parsePort(env.PORT)
  const trustProxy = parseTrustProxy(env.TRUST_PROXY)
  const host = env.HOST || '127.0.0.1'
  const dataDir = path.resolve(env.DATA_DIR || path.join(root, '.data'))
  const staticDir = path.resolve(env.STATIC_DIR || path.join(root, 'dist-h5'))
  const mockDir = path.resolve(env.MOCK_DIR || path.join(root, 'mock'))
  const logger = createLogger({
    base: { svc: 'server' },
    level: env.LOG_LEVEL === 'debug' ? 'debug' : 'info',
  })

  mkdirSync(dataDir, { recursive: true })
  const dbFile = path.join(dataDir, 'park-leads.sqlite')
  const codesDir = path.join(dataDir, 'codes')
  const storage = openSqliteStorage(dbFile, { codesDir })
  // Where local QR codes point (PUBLIC_URL, the LAN address, loopback): checked now, the port
  // filled in once the server listens (PORT=0 picks one).
  let listeningPort = port
  const codeBase = () => codeBaseUrl({ publicUrl: env.PUBLIC_URL, host, port: listeningPort })
  codeBase()

  const articlesFile = path.join(mockDir, 'articles.json')
  const articles = readJson<Article[]>(articlesFile) ?? []
  const parksFile = path.join(mockDir, 'parks.json')
  const parks = readJson<Park[]>(parksFile) ?? []
  const agency = readJson<AgencyContact>(path.join(mockDir, 'agency.json'))
  const seeded = storage.seedFromMock({ articles, parks, agency })

  const alerts = localAlerts(env.LEADS_WEBHOOK_URL, storage.alerts, logger)
  const { notifier, describe: notifyDescribe } = alerts
  const exportFiles = createOneTimeFiles()
  // Checked now: a typo in a retention period stops the start instead of every purge.
  const retention = retentionJob({ retention: storage, logger, retentionConfig: retentionConfigFrom(env) })
  // The adapters of the local runtime, wired here and nowhere else (the cloud's: api/src/index.ts).
  const api = createApi({
    storage,
    leads: storage,
    desk: storage.desk,
    charts: storage.charts,
    // Not moderation: a demo list so the form's refused / review paths can be tried locally.
    contentCheck: createKeywordContentCheck(),
    notifier,
    alerts: { subscriptions: storage.alerts, robotConfigured: Boolean(alerts.robot) },
    clientKeySecret: clientKeySecret(dataDir, env.CLIENT_KEY_SECRET),
    staff: storage.staff,
    audit: storage.audit,
    exportReader: storage,
    exportFiles,
    logger,
    channels: storage.channels,
    codeMaker: createQrCodeMaker({ baseUrl: codeBase }),
    codeFiles: storage.codeFiles,
  })
  const server = createServer({
    api,
    storage,
    leads: storage,
    staticDir,
    mediaDir: path.join(mockDir, 'media'),
    logger,
    trustProxy,
    exportFiles,
    codesDir,
  })

  // Daily at 09:00 Beijing time, as the cloud's one timer trigger: leftover retries, the digest,
  // the retention purge. At start, what a machine that was off missed: retries and the purge.
  const [retryJob, digestJob] = alerts.jobs
  const stopDaily = startDailyScheduler({
    run: (now) => runJobs([retryJob, digestJob, retention], now, logger),
  })
  void runJobs([retryJob, retention], new Date(), logger)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    stopDaily()
    server.close(() => {
      storage.close()
      process.stdout.write(`已停止 / stopped (${signal})\n`)
      process.exit(0)
    })
    // Idle keep-alive sockets would otherwise hold close() open.
    server.closeIdleConnections()
    setTimeout(() => {
      server.closeAllConnections()
    }, 2000).unref()
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  server.on('error', (err: NodeJS.ErrnoException) => {
    const hint =
      err.code === 'EADDRINUSE'
        ? `端口 ${port} 已被占用，可设置 PORT=其他端口 / port in use, set PORT`
        : err.message
    process.stderr.write(`启动失败 / failed to start: ${hint}\n`)
    storage.close()
    process.exit(1)
  })

  server.listen(port, host, () => {
    const { port: actual } = server.address() as AddressInfo
    listeningPort = actual
    const codesAt = codeBase()
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
    const h5 = existsSync(path.join(staticDir, 'index.html'))
    // While the desk has no owner: a fresh one-time owner link each start (earlier ones die).
    const ownerCode = storage.staff.issueFirstOwnerCode(new Date())
    const lines = [
      '',
      '园区招商 本地服务已启动 / park-leads local server is running',
      `  地址 / URL:        http://${shownHost}:${actual}/`,
      `  接口 / API:        POST http://${shownHost}:${actual}/api`,
      `  数据库 / SQLite:   ${dbFile}`,
      `  导入 / seeded:     新增 ${seeded} 行（共 ${articles.length} 篇文章、${parks.length} 个园区${agency ? ' + 联系方式' : ''}）/ ${seeded} new rows (${articles.length} articles, ${parks.length} parks in mock/)`,
      ...(existsSync(articlesFile)
        ? []
        : [`  注意 / note:       未找到 ${articlesFile}，未导入文章 / no mock articles found`]),
      ...(existsSync(parksFile)
        ? []
        : [`  注意 / note:       未找到 ${parksFile}，未导入园区 / no mock parks found`]),
      `  H5 目录 / static:  ${staticDir}${h5 ? '' : '（未构建 / not built: npm run build:h5）'}`,
      `  新询盘 / leads:    通知 ${notifyDescribe}；查看 npm run leads`,
      '  内容检查 / check:  本地演示词表（risky-demo 拒绝、review-demo 待审核）/ demo keyword list',
      `  小程序码 / codes:  二维码指向 ${codesAt}${
        reachableFromPhone(codesAt)
          ? '（同一网络的手机可扫码打开）'
          : '（手机无法访问本机回环地址：设置 HOST=0.0.0.0 或 PUBLIC_URL）/ set HOST=0.0.0.0 or PUBLIC_URL for phones'
      }`,
      ...(ownerCode
        ? [
            `  员工认领 / staff:  http://${shownHost}:${actual}/#/packages/staff/claim/index?code=${ownerCode}`,
            '                     （一次性链接，24 小时内有效，认领者成为负责人 / one-time owner link, 24 h）',
          ]
        : []),
      '  按 Ctrl+C 停止 / press Ctrl+C to stop',
      '',
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  })
}

try {
  main()
} catch (err) {
  process.stderr.write(`启动失败 / failed to start: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
}
