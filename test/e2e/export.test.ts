/**
 * The H5 export in Chromium under the real CSP: the local server (in-process, SQLite, with a
 * small in-test staff store that makes the browser's visitor an owner — the claim flow is the
 * staff helper's) serves the H5 build; 导出 Excel downloads the one-time link, and the file is
 * parsed back with exceljs. The integrator's desk e2e replaces the in-test staff with a claim.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type http from 'node:http'
import type { StaffMember } from '@/domain/staff'
import { staffDirectory } from '../cloud/fixtures'
import { createOneTimeFiles } from '../../cloudfunctions/api/src/adapters/one-time-files'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import type { AuditEntry } from '../../cloudfunctions/api/src/ports/audit-log'
import { createApi } from '../../cloudfunctions/api/src/router'
import { createServer } from '../../server/app'
import { makeSyntheticLeads } from '../../server/synthetic-leads'
import { openPhone, ROOT, shot, type PhoneBrowser } from './browser'
import { readLeadSheet } from './xlsx'

let server: http.Server
let storage: SqliteStorage
let phone: PhoneBrowser
let base: string
let dir: string
const audit: AuditEntry[] = []
const violations: string[] = []
const LEADS = 120

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'export-e2e-'))
  storage = openSqliteStorage(path.join(dir, 'e2e.sqlite'))
  // Leads of the last few hours: inside the page's default range (the last 30 days).
  const start = new Date(Date.now() - 3 * 60 * 60_000).toISOString()
  for (const lead of makeSyntheticLeads(LEADS, start)) await storage.insertInquiry(lead, [])
  const owner = (openid: string): StaffMember => ({
    id: 'e2e-owner',
    openid,
    name: '负责人',
    mobile: '13900000000',
    role: 'owner',
    active: true,
    createdAt: start,
  })
  const files = createOneTimeFiles()
  const api = createApi({
    storage,
    leads: storage,
    staff: { ...staffDirectory([]), findStaffByOpenid: async (openid) => owner(openid) },
    audit: { record: async (e) => void audit.push(e) },
    exportReader: storage,
    exportFiles: files,
  })
  server = createServer({
    api,
    storage,
    staticDir: path.join(ROOT, 'dist-h5'),
    mediaDir: path.join(ROOT, 'mock/media'),
    exportFiles: files,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  phone = await openPhone()
  await phone.context.exposeFunction('__cspViolation', (text: string) => violations.push(text))
  await phone.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation
      report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`)
    })
  })
}, 60_000)

afterAll(async () => {
  await phone?.close()
  await new Promise((resolve) => server?.close(resolve))
  storage?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

it('导出 Excel downloads the leads of the last 30 days as an .xlsx that parses back', async () => {
  const { page } = phone
  await page.goto(`${base}/#/packages/staff/export/index`)
  await page.getByText('导出 Excel').click()
  const download = await page.waitForEvent('download', { timeout: 20_000 })
  expect(download.suggestedFilename()).toMatch(/^线索导出_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/)
  const file = await download.path()
  const { headers, rows } = await readLeadSheet(fs.readFileSync(file))
  expect(headers).toEqual(expect.arrayContaining(['提交时间（北京时间）', '联系人', '手机号', '公司']))
  expect(rows).toHaveLength(LEADS)
  expect(rows.map((r) => r['手机号'])).toContain('13900000000')
  await page.getByText(`已导出 ${LEADS} 条线索`).waitFor()
  await shot(page, 'export-done')
  expect(audit).toHaveLength(1)
  expect(violations).toEqual([])
  expect(phone.pageErrors).toEqual([])
}, 60_000)
