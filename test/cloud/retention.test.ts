/**
 * Issue 8 item 14: the retention job over both adapters with an injected clock — exact cut-offs
 * (one millisecond either side), 无效 ('invalid') leads after 6 months, contact events after 24,
 * configurable periods, and a log line with counts and cut-offs but no personal data.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import {
  createCloudbaseExportStore,
  createCloudExportFiles,
} from '../../cloudfunctions/api/src/adapters/cloudbase-export'
import type { CloudDatabase } from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { cloudRetentionJob } from '../../cloudfunctions/api/src/index'
import { runRetention } from '../../cloudfunctions/api/src/jobs/retention'
import { createLogger } from '../../cloudfunctions/api/src/logger'
import type { RetentionStore } from '../../cloudfunctions/api/src/ports/lead-export'
import type { ContactEventRecord, InquiryRecord } from '../../cloudfunctions/api/src/ports/lead-store'
import { makeSyntheticLeads } from '../../server/synthetic-leads'
import * as double from '../doubles/wx-server-sdk'
import { tmpDir } from './fixtures'

const NOW = new Date('2026-12-01T01:00:00.000Z')
const CUT = '2024-12-01T01:00:00.000Z' // 24 months before NOW
const INVALID_CUT = '2026-06-01T01:00:00.000Z' // 6 months before NOW
const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta).toISOString()

/** Leads named by what must happen to them. */
function leads(): InquiryRecord[] {
  const at: Array<[string, string, string]> = [
    ['old-gone', ms(CUT, -1), 'new'],
    ['old-kept', CUT, 'contacted'],
    ['very-old-gone', '2020-01-01T00:00:00.000Z', 'closed'],
    ['invalid-gone', ms(INVALID_CUT, -1), 'invalid'],
    ['invalid-kept', INVALID_CUT, 'invalid'],
    ['new-7-months-kept', ms(INVALID_CUT, -1), 'new'],
    ['fresh-kept', ms(NOW.toISOString(), -60_000), 'new'],
  ]
  const base = makeSyntheticLeads(at.length)
  return at.map(([id, createdAt, status], i) => ({
    ...base[i],
    id,
    idempotencyKey: `retention-key-${id}`,
    createdAt,
    updatedAt: createdAt,
    // 无效 is a desk stage (src/domain/lead-pipeline.ts); the review status stays what it was.
    status: (status === 'invalid' ? 'new' : status) as InquiryRecord['status'],
  }))
}

function events(): ContactEventRecord[] {
  return [ms(CUT, -1), CUT, ms(INVALID_CUT, -1)].map((createdAt) => ({
    openid: 'o-visitor',
    kind: 'call',
    page: '/pages/index/index',
    at: createdAt,
    createdAt,
  }))
}

/** The leads staff marked 无效 on the desk (stage 'invalid'). */
const isInvalid = (id: string) => id.startsWith('invalid-')

/** Stores the leads in SQLite, the 无效 ones at stage 'invalid' as the desk leaves them. */
async function seedSqlite(storage: SqliteStorage) {
  for (const lead of leads()) await storage.insertInquiry(lead, [])
  const side = new Database(storage.file)
  try {
    side.prepare("UPDATE inquiries SET stage = 'invalid' WHERE id LIKE 'invalid-%'").run()
  } finally {
    side.close()
  }
}

const KEPT = ['fresh-kept', 'invalid-kept', 'new-7-months-kept', 'old-kept']

function captured() {
  const lines: string[] = []
  return { lines, logger: createLogger({ write: (l) => lines.push(l) }) }
}

function expectCleanLog(lines: string[]) {
  const log = lines.join('\n')
  expect(log).toContain('retention purge')
  expect(log).toContain(CUT)
  expect(log).toContain(INVALID_CUT)
  for (const lead of leads()) {
    expect(log).not.toContain(lead.phone)
    expect(log).not.toContain(lead.company)
    expect(log).not.toContain(lead.contactName)
  }
  expect(log).not.toContain('o-visitor')
}

describe('retention job over SQLite', () => {
  let dir: string
  let storage: SqliteStorage
  beforeEach(async () => {
    dir = tmpDir('retention')
    storage = openSqliteStorage(path.join(dir, 'r.sqlite'))
    await seedSqlite(storage)
    await storage.insertContactEvents(events(), [])
  })
  afterEach(() => {
    storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("takes a purged lead's notes, read marks and alert deliveries with it, and nobody else's", async () => {
    const side = new Database(storage.file)
    try {
      for (const lead of ['old-gone', 'invalid-gone', 'fresh-kept']) {
        side
          .prepare(
            `INSERT INTO lead_notes (id, lead_id, author_id, author_name, body, created_at)
             VALUES (?, ?, 's1', '顾问', '客户说下周看厂', ?)`,
          )
          .run(`n-${lead}`, lead, NOW.toISOString())
        side
          .prepare(`INSERT INTO lead_reads (staff_id, lead_id, read_at) VALUES ('s1', ?, ?)`)
          .run(lead, NOW.toISOString())
        side
          .prepare(
            `INSERT INTO deliveries (id, inquiry_id, channel, recipient, status, notice, created_at, updated_at)
             VALUES (?, ?, 'robot', '', 'sent', '{"company":"某某科技"}', ?, ?)`,
          )
          .run(`${lead}:robot:`, lead, NOW.toISOString(), NOW.toISOString())
      }
    } finally {
      side.close()
    }
    await runRetention(
      {
        retention: storage,
        logger: captured().logger,
        retentionConfig: { leadMonths: 24, invalidLeadMonths: 6 },
      },
      NOW,
    )
    const left = new Database(storage.file, { readonly: true })
    try {
      for (const [table, column] of [
        ['lead_notes', 'lead_id'],
        ['lead_reads', 'lead_id'],
        ['deliveries', 'inquiry_id'],
      ])
        expect(left.prepare(`SELECT ${column} AS lead FROM ${table}`).all()).toEqual([{ lead: 'fresh-kept' }])
    } finally {
      left.close()
    }
  })

  it('deletes exactly what is past its period and logs counts only', async () => {
    const { lines, logger } = captured()
    const summary = await runRetention(
      { retention: storage, logger, retentionConfig: { leadMonths: 24, invalidLeadMonths: 6 } },
      NOW,
    )
    expect(summary).toEqual({
      cutoff: CUT,
      invalidCutoff: INVALID_CUT,
      inquiries: 2,
      invalidInquiries: 1,
      events: 1,
    })
    const left = await storage.leadsPage({ since: '2000-01-01', until: '2100-01-01' }, null, 100)
    expect(left.map((l) => l.id).sort()).toEqual(KEPT)
    expectCleanLog(lines)
    // Idempotent: a second run the same day removes nothing more.
    expect(
      await runRetention(
        { retention: storage, logger, retentionConfig: { leadMonths: 24, invalidLeadMonths: 6 } },
        NOW,
      ),
    ).toMatchObject({
      inquiries: 0,
      invalidInquiries: 0,
      events: 0,
    })
  })

  it('takes its periods from the environment when none are given', async () => {
    const { logger } = captured()
    const saved = { ...process.env }
    process.env.LEAD_RETENTION_MONTHS = '6'
    process.env.INVALID_LEAD_RETENTION_MONTHS = '1'
    try {
      const summary = await runRetention({ retention: storage, logger }, NOW)
      expect(summary.cutoff).toBe(INVALID_CUT)
      expect(summary.invalidCutoff).toBe('2026-11-01T01:00:00.000Z')
      const left = await storage.leadsPage({ since: '2000-01-01', until: '2100-01-01' }, null, 100)
      // Everything before June went; the June 无效 lead then went by the 1-month period.
      expect(left.map((l) => l.id)).toEqual(['fresh-kept'])
    } finally {
      process.env = saved
    }
  })
})

describe('retention job over CloudBase (double)', () => {
  const toDoc = ({ id, ...rest }: InquiryRecord) => {
    const doc: Record<string, unknown> = { _id: id, stage: isInvalid(id) ? 'invalid' : 'new', version: 1 }
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) doc[k] = v
    return doc as { _id: string }
  }

  it('deletes the same leads and events as SQLite, through the timer-trigger entry', async () => {
    double.__reset()
    double.__seed('inquiries', leads().map(toDoc))
    double.__seed(
      'contact_events',
      events().map((e, i) => ({ _id: `e${i}`, ...e })),
    )
    // The channel funnel's visits go with the leads' period (issue 9 item 4): one past it, one not.
    double.__seed(
      'visits',
      [ms(CUT, -1), CUT].map((createdAt, i) => ({
        _id: `v${i}`,
        openid: 'o-visitor',
        kind: 'scan',
        source: 'k3m9qa',
        at: createdAt,
        createdAt,
      })),
    )
    const { lines, logger } = captured()
    // Export files: 60 from two days ago (more than one deleteFile batch of 50), one from an hour ago.
    const db = double.database() as unknown as CloudDatabase
    const files = createCloudExportFiles(double, db)
    const file = { name: 'x', bytes: Buffer.from('x'), contentType: 'x' }
    for (let i = 0; i < 60; i++) await files.save(file, new Date(NOW.getTime() - 48 * 3_600_000))
    const recent = await files.save(file, new Date(NOW.getTime() - 3_600_000))
    const job = cloudRetentionJob(double, db, {}, logger)
    expect(job.name).toBe('retention')
    const summary = await job.run(NOW)
    expect(summary).toEqual({
      cutoff: CUT,
      invalidCutoff: INVALID_CUT,
      inquiries: 2,
      invalidInquiries: 1,
      events: 1,
      visits: 1,
      exportFiles: 60,
    })
    expect(double.__all('visits').map((d) => d._id)).toEqual(['v1'])
    expect(double.deleteFile).toHaveBeenCalledTimes(2)
    expect(double.__fileIds()).toHaveLength(1)
    expect(recent.url).toContain(double.__fileIds()[0].split('/').pop())
    expect(double.__all('export_files')).toHaveLength(1)
    expect(
      double
        .__all('inquiries')
        .map((d) => d._id)
        .sort(),
    ).toEqual(KEPT)
    expect(
      double
        .__all('contact_events')
        .map((d) => d.createdAt)
        .sort(),
    ).toEqual([ms(INVALID_CUT, -1), CUT].sort())
    expectCleanLog(lines)
  })

  it('one adapter contract: both stores answer the same counts', async () => {
    const dir = tmpDir('retention-contract')
    const sqlite = openSqliteStorage(path.join(dir, 'c.sqlite'))
    await seedSqlite(sqlite)
    double.__reset()
    double.__seed('inquiries', leads().map(toDoc))
    const cloud: RetentionStore = createCloudbaseExportStore(double.database() as unknown as CloudDatabase)
    try {
      for (const store of [sqlite, cloud]) {
        expect(await store.purgeStageOlderThan('invalid', INVALID_CUT)).toBe(1)
        expect(await store.purgeOlderThan(CUT)).toEqual({ inquiries: 2, events: 0 })
      }
    } finally {
      sqlite.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
