import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { InquiryInput } from '@/domain/inquiry'
import type { ApiResult } from '@/domain/result'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createKeywordContentCheck } from '../../cloudfunctions/api/src/adapters/keyword-content-check'
import { createLogger, type Logger } from '../../cloudfunctions/api/src/logger'
import type { ContentCheckPort } from '../../cloudfunctions/api/src/ports/content-check'
import type { LeadNotice, NotifierPort } from '../../cloudfunctions/api/src/ports/notifier'
import { createApi, type Api, type ApiDeps, type CallContext } from '../../cloudfunctions/api/src/router'
import { agency, park, tmpDir } from './fixtures'

let keySeq = 0
/** A fresh idempotency key per form fill: 16–64 of [A-Za-z0-9_-]. */
export function newKey(): string {
  keySeq += 1
  return `k${Date.now().toString(36)}_${keySeq.toString(36).padStart(8, '0')}`
}

/** A valid form fill; override what the test is about. */
export function inquiry(patch: Partial<InquiryInput> = {}): InquiryInput {
  return {
    needType: 'rent-factory',
    areaMin: 1000,
    areaMax: 3000,
    industry: '精密机械',
    district: 'songjiang',
    taxBracket: '200-500',
    company: '上海某某精密机械有限公司',
    contactName: '王先生',
    phone: '135 2467 8515',
    remark: '需要行车，层高 8 米以上',
    consent: true,
    idempotencyKey: newKey(),
    context: { source: 'pst01', parkId: 'p012' },
    ...patch,
  }
}

export const PHONE = '13524678515'

/** The parks the lead tests attribute to. */
export const leadParks = [park('p012', { name: '松江G60智造园' }), park('p013', { name: '嘉定汽车城厂房' })]

/** A clock the test moves. */
export function clock(start = '2026-05-01T02:00:00.000Z') {
  let t = Date.parse(start)
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms
    },
    set(iso: string) {
      t = Date.parse(iso)
    },
  }
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/** Remembers every notice it is given. */
export function recordingNotifier(): NotifierPort & { notices: LeadNotice[] } {
  const notices: LeadNotice[] = []
  return {
    notices,
    async notify(n) {
      notices.push(n)
    },
  }
}

/** A content check scripted per call: a fixed verdict, a throw, or a hang. */
export function scriptedCheck(
  behave: (text: string) => 'pass' | 'review' | 'risky' | 'error' | 'throw' | 'hang',
): ContentCheckPort & { texts: string[] } {
  const texts: string[] = []
  return {
    texts,
    check(text) {
      texts.push(text)
      const b = behave(text)
      if (b === 'throw') return Promise.reject(new Error('msgSecCheck exploded for 13524678515'))
      if (b === 'hang') return new Promise(() => {})
      return Promise.resolve(b)
    },
  }
}

export interface LeadEnv {
  dir: string
  storage: SqliteStorage
  api: Api
  lines: string[]
  logger: Logger
  notifier: ReturnType<typeof recordingNotifier>
  clock: ReturnType<typeof clock>
  call(action: string, payload: unknown, openid?: string): Promise<ApiResult<unknown>>
  close(): void
}

/** A real router over a fresh SQLite file, with a capturing JSON logger (debug level). */
export function leadEnv(overrides: Partial<ApiDeps> = {}): LeadEnv {
  const dir = tmpDir('leads')
  const storage = openSqliteStorage(path.join(dir, 'leads.sqlite'))
  storage.seedFromMock({ articles: [], parks: leadParks, agency })
  const lines: string[] = []
  const logger = createLogger({ write: (l) => lines.push(l), level: 'debug' })
  const notifier = recordingNotifier()
  const c = clock()
  const api = createApi({
    storage,
    leads: storage,
    // As server/main.ts wires it: the demo list, so 'risky-demo' / 'review-demo' behave as locally.
    contentCheck: createKeywordContentCheck(),
    notifier,
    logger,
    now: c.now,
    ...overrides,
  })
  return {
    dir,
    storage,
    api,
    lines,
    logger,
    notifier,
    clock: c,
    call: (action, payload, openid = 'o-visitor-1') =>
      api({ action, payload }, { openid, source: 'local' } satisfies CallContext),
    close() {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function data<T>(res: ApiResult<unknown>): T {
  if (!res.ok) throw new Error(`expected ok, got ${JSON.stringify(res.error)}`)
  return res.data as T
}

export function errorOf(res: ApiResult<unknown>) {
  if (res.ok) throw new Error(`expected an error, got ${JSON.stringify(res.data)}`)
  return res.error
}

/** Every row of a table, read through a second connection (what a reader of the file sees). */
export function sqliteRows(file: string, table: 'inquiries' | 'contact_events'): Array<Record<string, any>> {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY created_at, rowid`).all() as Array<Record<string, any>>
  } finally {
    db.close()
  }
}
