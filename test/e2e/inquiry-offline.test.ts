/**
 * Issue 7 item 7, end to end in Chromium on a FRESH browser context (first visit: no page
 * chunk cached beyond what the visit loaded): park → 留言咨询 → the network goes away the
 * moment the form is open → fill + submit → the form itself says 已保存，联网后自动发送 (no
 * page change, which would need a chunk that cannot load offline) → the network comes back →
 * the same screen says 已发送 and the server's SQLite holds the one lead.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from 'playwright-core'
import { NEED_TYPE_LABELS } from '@/domain/inquiryOptions'
import { openFresh, settled, shot, until, phoneOnLocalServer } from './browser'

const live = phoneOnLocalServer()

interface LeadRow {
  idempotency_key: string
  contact_name: string
  phone: string
  park_id: string | null
  need_type: string
}

function storedLeads(): LeadRow[] {
  let db: Database.Database
  try {
    db = new Database(path.join(live.server.dataDir, 'park-leads.sqlite'), {
      readonly: true,
      fileMustExist: true,
    })
  } catch {
    return []
  }
  try {
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'inquiries'")
      .get()
    return table ? (db.prepare('SELECT * FROM inquiries').all() as LeadRow[]) : []
  } finally {
    db.close()
  }
}

const field = (page: Page, name: string) => page.locator(`.inquiry-page #inquiry-field-${name}`)
const fieldInput = (page: Page, name: string) => field(page, name).locator('input, textarea').first()
const doneTitle = (page: Page) => page.locator('.inquiry-page .inquiry-done .inquiry-done__title')

test('offline from the moment the form opens: saved in place, then 已发送 once online; one lead stored', async () => {
  const { page, context } = live.phone
  await openFresh(page, `${live.server.url}/#/packages/park/detail/index?id=p003`)
  await page.locator('.park-detail-page .park-view__name').waitFor({ timeout: 15_000 })
  await page.locator('.park-detail-page .contact-bar__primary').filter({ hasText: '留言咨询' }).click()
  await page.locator('.inquiry-page .inquiry-form').waitFor({ timeout: 15_000 })
  await settled(page)

  await context.setOffline(true)
  expect(await page.evaluate(() => navigator.onLine)).toBe(false)

  const need = NEED_TYPE_LABELS['rent-factory']
  await field(page, 'needType')
    .locator('.chip')
    .filter({ hasText: new RegExp(`^${need}$`) })
    .click()
  await fieldInput(page, 'contactName').fill('赵先生')
  await fieldInput(page, 'phone').fill('13812345678')
  await fieldInput(page, 'phone').blur()
  await page.locator('.inquiry-page .inquiry-consent__box').click()
  await page.locator('.inquiry-page .inquiry-form__submit').click()

  // The saved state, on the form page itself, within seconds (not a disabled 提交中… forever).
  await doneTitle(page).waitFor({ timeout: 10_000 })
  await expect(doneTitle(page).textContent()).resolves.toBe('已保存，联网后自动发送')
  expect(page.url()).toContain('/packages/inquiry/form/index')
  expect(await page.locator('.inquiry-page .inquiry-form__submit').count()).toBe(0)
  const outbox = await page.evaluate(() => localStorage.getItem('inquiry.outbox.v1') ?? '')
  expect(outbox).toContain('13812345678')
  expect(storedLeads()).toHaveLength(0)
  await settled(page)
  await shot(page, 'offline-01-saved')

  // The network returns: the outbox sends, and the same screen says so.
  await context.setOffline(false)
  await until(
    () => doneTitle(page).textContent(),
    (t) => t === '已发送',
    15_000,
  )
  const rows = await until(
    async () => storedLeads(),
    (r) => r.length > 0,
    10_000,
  )
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatchObject({
    contact_name: '赵先生',
    phone: '13812345678',
    park_id: 'p003',
    need_type: 'rent-factory',
  })
  expect(outbox).toContain(rows[0].idempotency_key)
  await settled(page)
  await shot(page, 'offline-02-sent')
  expect(live.phone.pageErrors).toEqual([])
}, 90_000)
