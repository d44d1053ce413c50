/**
 * Issue 8 item 12: export.leads over SQLite (10,000 synthetic leads, the file parsed back with
 * exceljs), over the CloudBase double (uploadFile → temp link), the local one-time link, and who
 * may call it.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import * as ExcelJS from 'exceljs'
import type { ExportLeadsResult } from '@/domain/export'
import type { StaffMember } from '@/domain/staff'
import { createCloudExportFiles } from '../../cloudfunctions/api/src/adapters/cloudbase-export'
import type { CloudDatabase } from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { createOneTimeFiles } from '../../cloudfunctions/api/src/adapters/one-time-files'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { LEAD_SHEET_COLUMNS, LEAD_SHEET_NAME } from '../../cloudfunctions/api/src/core/lead-sheet'
import { createExportHandlers, TOO_MANY_ROWS } from '../../cloudfunctions/api/src/handlers/export'
import { createCloudMain } from '../../cloudfunctions/api/src/index'
import { createLogger, silentLogger } from '../../cloudfunctions/api/src/logger'
import type { AuditEntry, AuditLog } from '../../cloudfunctions/api/src/ports/audit-log'
import type { LeadExportReader } from '../../cloudfunctions/api/src/ports/lead-export'
import type { InquiryRecord } from '../../cloudfunctions/api/src/ports/lead-store'
import type { StaffStore } from '../../cloudfunctions/api/src/ports/staff-store'
import { createApi } from '../../cloudfunctions/api/src/router'
import { createServer } from '../../server/app'
import { HOSTILE_TEXTS, makeSyntheticLeads } from '../../server/synthetic-leads'
import * as double from '../doubles/wx-server-sdk'
import { staffDirectory, tmpDir } from './fixtures'
import { data, errorOf } from './inquiry-fixtures'

const member = (id: string, role: StaffMember['role'], active = true): StaffMember => ({
  id,
  openid: `o-${id}`,
  name: id,
  mobile: '13900000000',
  role,
  active,
  createdAt: '2026-01-01T00:00:00.000Z',
})
/** Small in-test stand-ins for the staff helper's store and audit log. */
function staffDouble(): StaffStore {
  const all = [member('owner1', 'owner'), member('agent1', 'agent'), member('gone1', 'owner', false)]
  return staffDirectory(all)
}
function auditDouble(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = []
  return { entries, record: async (e) => void entries.push(e) }
}

async function parse(bytes: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = book.getWorksheet(LEAD_SHEET_NAME)!
  const headers = (sheet.getRow(1).values as unknown[]).slice(1)
  const col = (header: string) => headers.indexOf(header) + 1
  return { sheet, headers, col }
}

/** Leads 2026-01-01 00:00Z onward, one a minute: 10,000 of them span 2026-01-01 .. 2026-01-07 (Beijing). */
const LEADS = makeSyntheticLeads(10_000)
const NOW = new Date('2026-01-08T04:00:00.000Z')

describe('export.leads over SQLite, 10,000 leads', () => {
  let dir: string
  let storage: SqliteStorage
  const files = createOneTimeFiles()
  const audit = auditDouble()
  const reads: number[] = []
  let api: ReturnType<typeof createApi>
  const lines: string[] = []

  beforeAll(async () => {
    dir = tmpDir('export')
    storage = openSqliteStorage(path.join(dir, 'export.sqlite'))
    for (const lead of LEADS) await storage.insertInquiry(lead, [])
    // Two leads astride the Beijing midnight that starts 2026-01-10.
    const edge = makeSyntheticLeads(2, '2026-01-09T15:59:59.999Z')
    edge[0].id = 'edge-before'
    edge[1].id = 'edge-after'
    edge[1].idempotencyKey = 'synthetic-key-edge-after'
    edge[1].createdAt = '2026-01-09T16:00:00.000Z'
    edge[0].idempotencyKey = 'synthetic-key-edge-before'
    for (const lead of edge) await storage.insertInquiry(lead, [])
    const reader: LeadExportReader = {
      leadsPage: (range, after, limit) => {
        reads.push(limit)
        return storage.leadsPage(range, after, limit)
      },
    }
    api = createApi({
      storage,
      leads: storage,
      staff: staffDouble(),
      audit,
      exportReader: reader,
      exportFiles: files,
      now: () => NOW,
      logger: createLogger({ write: (l) => lines.push(l) }),
    })
  }, 60_000)
  afterAll(() => {
    storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('writes every lead of the range once, Chinese headers, phones as text, formulas escaped', async () => {
    const res = data<ExportLeadsResult>(
      await api(
        { action: 'export.leads', payload: { from: '2026-01-01', to: '2026-01-07' } },
        {
          openid: 'o-owner1',
          source: 'local',
        },
      ),
    )
    // Beijing 2026-01-01 00:00 is 2025-12-31T16:00Z, so the first lead (00:00Z) is in; 2026-01-07
    // ends at 2026-01-07T16:00Z, so the last leads (up to 2026-01-07T22:39Z) are out.
    const since = '2025-12-31T16:00:00.000Z'
    const until = '2026-01-07T16:00:00.000Z'
    const expected = LEADS.filter((l) => l.createdAt >= since && l.createdAt < until)
    expect(res.rows).toBe(expected.length)
    expect(res.rows).toBeGreaterThan(9000)
    expect(res.fileName).toBe('线索导出_2026-01-01_2026-01-07.xlsx')
    expect(res.url).toMatch(/^\/exports\/[0-9a-f]{64}$/)
    // Keyset pages of at most 1,000: ceil(rows / 1000) reads, the last one short.
    expect(reads.every((n) => n <= 1000)).toBe(true)
    expect(reads).toHaveLength(Math.ceil((expected.length + 1) / 1000))

    const file = files.take(res.url.slice('/exports/'.length), NOW)!
    expect(file.name).toBe(res.fileName)
    const { sheet, headers, col } = await parse(file.bytes)
    expect(headers).toEqual(LEAD_SHEET_COLUMNS.map((c) => c.header))
    expect(headers).toEqual(
      expect.arrayContaining(['提交时间（北京时间）', '手机号', '联系人', '公司', '状态']),
    )
    expect(sheet.actualRowCount).toBe(expected.length + 1)

    const ids = new Set<string>()
    for (let r = 2; r <= expected.length + 1; r++)
      ids.add(String(sheet.getRow(r).getCell(col('线索编号')).value))
    expect(ids).toEqual(new Set(expected.map((l) => l.id)))

    // Row 2 is the oldest lead: every field staff need, the phone in full and stored as text.
    const first = sheet.getRow(2)
    const lead = expected[0]
    expect(first.getCell(col('手机号')).value).toBe(lead.phone)
    expect(first.getCell(col('手机号')).type).toBe(ExcelJS.ValueType.String)
    expect(first.getCell(col('手机号')).numFmt).toBe('@')
    expect(first.getCell(col('提交时间（北京时间）')).value).toBe('2026-01-01 08:00')
    expect(first.getCell(col('公司')).value).toBe(lead.company)
    expect(first.getCell(col('面积下限（㎡）')).value).toBe(lead.areaMin)
    expect(first.getCell(col('意向园区')).value).toBe('松江G60智造园')

    // Every hostile industry text comes back with a leading ', as text, never a formula.
    const industry = col('所属行业')
    let hostile = 0
    for (let r = 2; r <= expected.length + 1; r++) {
      const cell = sheet.getRow(r).getCell(industry)
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
      const text = String(cell.value)
      // XML reading turns a raw CR into LF; what matters is the leading ' either way.
      if (HOSTILE_TEXTS.some((h) => text === `'${h}` || text === `'${h.replace('\r', '\n')}`)) hostile++
      expect(text).not.toMatch(/^[=+\-@\t\r]/)
    }
    expect(hostile).toBe(expected.filter((l) => HOSTILE_TEXTS.includes(l.industry)).length)
    expect(hostile).toBeGreaterThan(1000)

    // Audited once, with the range and the count; the log has no phone.
    expect(audit.entries).toEqual([
      expect.objectContaining({
        actorId: 'owner1',
        action: 'export.leads',
        targetType: 'lead',
        targetId: '2026-01-01..2026-01-07',
        after: { from: '2026-01-01', to: '2026-01-07', rows: expected.length },
        at: NOW.toISOString(),
      }),
    ])
    expect(lines.join('\n')).toContain('leads exported')
    expect(lines.join('\n')).not.toMatch(/139\d{8}/)
  }, 60_000)

  it('cuts the range at Beijing midnight', async () => {
    const res = data<ExportLeadsResult>(
      await api(
        { action: 'export.leads', payload: { from: '2026-01-10', to: '2026-01-10' } },
        {
          openid: 'o-owner1',
          source: 'local',
        },
      ),
    )
    expect(res.rows).toBe(1)
    const { sheet, col } = await parse(files.take(res.url.slice(9), NOW)!.bytes)
    expect(sheet.getRow(2).getCell(col('线索编号')).value).toBe('edge-after')
  })

  it('refuses agents, deactivated owners and visitors (FORBIDDEN), bad ranges (VALIDATION)', async () => {
    const call = (openid: string, payload: unknown) =>
      api({ action: 'export.leads', payload }, { openid, source: 'local' })
    const range = { from: '2026-01-01', to: '2026-01-02' }
    for (const who of ['o-agent1', 'o-gone1', 'h5:visitor'])
      expect(errorOf(await call(who, range)).code).toBe('FORBIDDEN')
    expect(errorOf(await call('o-owner1', { from: '2026-01-05', to: '2026-01-01' })).fields).toEqual({
      to: '结束日期不能早于开始日期',
    })
    expect(errorOf(await call('o-owner1', { from: '2026-02-30', to: '2026-03-01' })).fields).toEqual({
      from: '开始日期格式不正确',
    })
    expect(errorOf(await call('o-owner1', { from: '2025-01-01', to: '2026-01-02' })).code).toBe('VALIDATION')
  })

  it('refuses a range with more rows than one export may hold, before any file is saved', async () => {
    const saved: string[] = []
    const handlers = createExportHandlers({
      reader: storage,
      files: { save: async (f) => (saved.push(f.name), { url: 'x', expiresAt: 'y' }) },
      audit: auditDouble(),
      pageSize: 100,
      maxRows: 250,
    })
    await expect(
      handlers.leads(
        { from: '2026-01-01', to: '2026-01-07' },
        {
          openid: 'o',
          source: 'local',
          staff: member('owner1', 'owner'),
          now: () => NOW,
          logger: silentLogger,
        },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: TOO_MANY_ROWS })
    expect(saved).toEqual([])
  })
})

describe('the local one-time link', () => {
  it('serves the file once, as an attachment, then 404; an expired token is gone', async () => {
    const dir = tmpDir('export-http')
    fs.mkdirSync(path.join(dir, 'dist-h5'), { recursive: true })
    const files = createOneTimeFiles('/exports/', 60_000)
    const storage = openSqliteStorage(path.join(dir, 'x.sqlite'))
    const server = createServer({
      storage,
      staticDir: path.join(dir, 'dist-h5'),
      mediaDir: dir,
      exportFiles: files,
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const link = await files.save(
        {
          name: '线索导出_2026-01-01_2026-01-02.xlsx',
          bytes: Buffer.from('PK-bytes'),
          contentType: 'application/x',
        },
        new Date(),
      )
      const first = await fetch(base + link.url)
      expect(first.status).toBe(200)
      expect(first.headers.get('content-disposition')).toContain(
        `filename*=UTF-8''${encodeURIComponent('线索导出_2026-01-01_2026-01-02.xlsx')}`,
      )
      expect(first.headers.get('cache-control')).toBe('no-store')
      expect(Buffer.from(await first.arrayBuffer()).toString()).toBe('PK-bytes')
      expect((await fetch(base + link.url)).status).toBe(404)
      expect((await fetch(`${base}/exports/not-a-token`)).status).toBe(404)

      const old = await files.save(
        { name: 'a', bytes: Buffer.from('a'), contentType: 'x' },
        new Date(Date.now() - 61_000),
      )
      expect((await fetch(base + old.url)).status).toBe(404)
    } finally {
      await new Promise((resolve) => server.close(resolve))
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('export.leads in the cloud (CloudBase double)', () => {
  const toDoc = ({ id, ...rest }: InquiryRecord) => {
    const doc: Record<string, unknown> = { _id: id }
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) doc[k] = v
    return doc as { _id: string }
  }

  it('reads in pages of ≤ 1,000, uploads the file to cloud storage and answers its temp link', async () => {
    double.__reset()
    double.__setOpenid('o-owner1')
    const leads = makeSyntheticLeads(2500, '2026-03-01T00:00:00.000Z')
    double.__seed('inquiries', leads.map(toDoc))
    const audit = auditDouble()
    const entry = createCloudMain({
      logger: silentLogger,
      env: {},
      overrides: { staff: staffDouble(), audit, now: () => new Date('2026-03-05T00:00:00.000Z') },
    })
    const res = data<ExportLeadsResult>(
      await entry({ action: 'export.leads', payload: { from: '2026-03-01', to: '2026-03-04' } }, {}),
    )
    const expected = leads.filter((l) => l.createdAt < '2026-03-04T16:00:00.000Z')
    expect(res.rows).toBe(expected.length)
    expect(double.uploadFile).toHaveBeenCalledTimes(1)
    const { cloudPath } = double.uploadFile.mock.calls[0][0]
    // Nothing personal in the path: the date and 128 random bits.
    expect(cloudPath).toMatch(/^exports\/2026-03-05\/[0-9a-f]{32}\.xlsx$/)
    expect(double.getTempFileURL).toHaveBeenCalledWith({
      fileList: [{ fileID: `cloud://test-env.7465-test-env/${cloudPath}`, maxAge: 600 }],
    })
    expect(res.url).toMatch(/^https:\/\/test-env\.tcb\.qcloud\.la\/exports\//)
    expect(res.expiresAt).toBe('2026-03-05T00:10:00.000Z')
    const gets = double.__calls.filter((c) => c.collection === 'inquiries' && c.op === 'get')
    expect(gets).toHaveLength(3)

    const { sheet, col } = await parse(double.__file(`cloud://test-env.7465-test-env/${cloudPath}`)!)
    expect(sheet.actualRowCount).toBe(expected.length + 1)
    expect(sheet.getRow(2).getCell(col('手机号')).value).toBe(expected[0].phone)
    expect(audit.entries).toHaveLength(1)
    // Listed for the daily purge, under the path's random part (no personal data).
    expect(double.__all('export_files')).toEqual([
      {
        _id: cloudPath.split('/')[2].replace('.xlsx', ''),
        fileID: `cloud://test-env.7465-test-env/${cloudPath}`,
        createdAt: '2026-03-05T00:00:00.000Z',
      },
    ])
  }, 60_000)

  it('a failed temp link is an INTERNAL error, not a broken URL', async () => {
    double.__reset()
    const files = createCloudExportFiles(
      {
        uploadFile: async () => ({ fileID: 'cloud://x/y.xlsx' }),
        getTempFileURL: async () => ({
          fileList: [{ fileID: 'cloud://x/y.xlsx', tempFileURL: '', status: -1 }],
        }),
        deleteFile: async () => ({ fileList: [] }),
      },
      double.database() as unknown as CloudDatabase,
    )
    await expect(
      files.save({ name: 'a', bytes: Buffer.from('a'), contentType: 'x' }, new Date()),
    ).rejects.toThrow('getTempFileURL failed')
  })
})

describe('exceljs in the cloud', () => {
  it('is installed there from the function package.json at the version the tests ran', () => {
    const root = path.resolve(__dirname, '../..')
    const fn = JSON.parse(fs.readFileSync(path.join(root, 'cloudfunctions/api/package.json'), 'utf8'))
    const lib = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/exceljs/package.json'), 'utf8'))
    expect(fn.dependencies.exceljs).toBe(lib.version)
    // The bundle leaves it external (scripts/build-api.mjs): a cold start of other calls skips it.
    expect(fs.readFileSync(path.join(root, 'scripts/build-api.mjs'), 'utf8')).toContain(
      "external: ['wx-server-sdk', 'exceljs']",
    )
  })
})
