/**
 * The channel funnel end to end in Chromium at 375 px (issue 9 item 4): a visitor opens the H5
 * page a channel's QR code encodes (`?scene=p=p012&s=abc123`), lands on park p012, leaves an
 * inquiry; then 数据看板, as staff, shows channel abc123's row in 渠道漏斗 with 1 entry, the
 * detail view(s) and 1 lead. The server runs in this process from build/bench-api.cjs over
 * SQLite with an in-test StaffStore (as test/e2e/charts.test.ts); the visits go through the real
 * client queue (sent when a page hides), `visits.record` and the real SQLite store.
 */
import type { Page } from 'playwright-core'
import { NEED_TYPE_LABELS } from '@/domain/inquiryOptions'
import type { StaffMember } from '@/domain/staff'
import { startBenchDesk, joinStaff, type BenchDesk } from './staff-session'
import { openFresh, openPhone, settled, shot, until, type PhoneBrowser } from './browser'

let desk: BenchDesk
let url: string
let phone: PhoneBrowser

const MEMBER: Omit<StaffMember, 'openid'> = {
  id: 's-funnel',
  name: '张经理',
  mobile: '13900003333',
  role: 'owner',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
}

beforeAll(async () => {
  desk = await startBenchDesk('funnel', MEMBER, (storage) => ({
    charts: storage.charts,
    visits: storage.visits,
  }))
  url = desk.url
  phone = await openPhone()
}, 60_000)

afterAll(async () => {
  await phone?.close()
  await desk?.close()
})

/** What the funnel's store holds for a source, straight from the SQLite file (read-only). */
async function visitsOf(source: string): Promise<Array<{ kind: string; park_id: string | null }>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as typeof import('better-sqlite3')
  const db = new Database(desk.file, { readonly: true })
  try {
    return db.prepare('SELECT kind, park_id FROM visits WHERE source = ? ORDER BY id').all(source) as Array<{
      kind: string
      park_id: string | null
    }>
  } finally {
    db.close()
  }
}

const field = (page: Page, name: string) => page.locator(`.inquiry-page #inquiry-field-${name}`)
const fieldInput = (page: Page, name: string) => field(page, name).locator('input, textarea').first()

it('a QR code of channel abc123 → park → inquiry: 渠道漏斗 shows 1 entry, the views and 1 lead', async () => {
  const { page } = phone
  // The H5 URL a local code of channel abc123 for park p012 encodes.
  await openFresh(page, `${url}/#/pages/index/index?scene=${encodeURIComponent('p=p012&s=abc123')}`)
  await page.waitForURL(/#\/packages\/park\/detail\/index\?id=p012$/, { timeout: 15_000 })
  await page.locator('.park-detail-page .park-view__name').waitFor({ timeout: 15_000 })
  await settled(page)

  await page.locator('.park-detail-page .contact-bar__primary').filter({ hasText: '留言咨询' }).click()
  await page.locator('.inquiry-page .inquiry-form').waitFor({ timeout: 15_000 })
  await field(page, 'needType')
    .locator('.chip')
    .filter({ hasText: new RegExp(`^${NEED_TYPE_LABELS['rent-factory']}$`) })
    .click()
  await fieldInput(page, 'contactName').fill('渠道测试')
  await fieldInput(page, 'phone').fill('13524678599')
  await fieldInput(page, 'phone').blur()
  await page.locator('.inquiry-page .inquiry-consent__box').click()
  await page.locator('.inquiry-page .inquiry-form__submit').click()
  await page.locator('.inquiry-done .inquiry-done__title').waitFor({ timeout: 15_000 })

  // Fire-and-forget: the entry went when the home page hid, the view when the park page did.
  const stored = await until(
    () => visitsOf('abc123'),
    (rows) => rows.some((r) => r.kind === 'view'),
    10_000,
  )
  expect(stored.filter((r) => r.kind === 'scan')).toHaveLength(1)
  expect(stored.filter((r) => r.kind === 'view').every((r) => r.park_id === 'p012')).toBe(true)

  // The desk's charts, as staff.
  await joinStaff(phone, desk, '/packages/staff/charts/index')
  await page.reload()
  await page.getByText('渠道漏斗').waitFor({ timeout: 15_000 })
  const row = page.locator('.channels__row').filter({ hasText: 'abc123' })
  await row.scrollIntoViewIfNeeded()
  await settled(page)
  // 1 entry (the scan), the views, 1 lead; every visit of this run came by the code.
  await expect(row.locator('.bars__value').textContent()).resolves.toBe('1')
  const steps = await row.locator('.channels__step').allTextContents()
  expect(steps[0]).toMatch(/^扫码 1 · 分享 0 · 浏览 [1-9]\d* · 点击 \d+$/)
  expect(steps[1]).toBe('留资 1')
  await expect(row.locator('.channels__conv').textContent()).resolves.toBe('转化 100%')
  await shot(page, 'funnel-channels')

  // Its days on demand: today's column carries the entry and the lead.
  await row.click()
  await row.locator('.channel-days').waitFor()
  expect(await row.locator('.channel-days__bar').count()).toBe(30)
  expect(await row.locator('.channel-days__bar').last().locator('.channel-days__lead').count()).toBe(1)
  await settled(page)
  await shot(page, 'funnel-channel-days')
  const overflow = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.channels *'))
      .filter((el) => el.getBoundingClientRect().right > 375.5)
      .map((el) => `${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
  )
  expect(overflow).toEqual([])
  expect(phone.pageErrors).toEqual([])
}, 90_000)
