/**
 * 推荐园区 on the staff lead page in Chromium at 375 px (H5 build + the same router over SQLite
 * seeded from mock/): a lead for 租厂房 in 松江, 2,000–3,000㎡ shows three 松江 factories to rent
 * with their reasons under 需求; 复制推荐 puts a message with the parks' H5 addresses on the
 * clipboard (Taro H5 keeps it in localStorage `taro_clipboard`), and such an address opens the
 * park. The server runs in this process (build/bench-api.cjs) with an in-test StaffStore, as in
 * desk.test.ts. Screenshot: test-results/42-lead-matches.png.
 */
import type { StaffMember } from '@/domain/staff'
import { startBenchDesk, joinStaff, type BenchDesk } from './staff-session'
import { openPhone, settled, shot, until, type PhoneBrowser } from './browser'

let desk: BenchDesk
let url: string
let phone: PhoneBrowser
let leadId: string

const MEMBER: Omit<StaffMember, 'openid'> = {
  id: 's-desk',
  name: '李顾问',
  mobile: '13900002222',
  role: 'agent',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
}

beforeAll(async () => {
  desk = await startBenchDesk('lead-matches', MEMBER)
  url = desk.url
  const { api } = desk
  const res = await api(
    {
      action: 'inquiries.submit',
      payload: {
        needType: 'rent-factory',
        district: 'songjiang',
        areaMin: 2000,
        areaMax: 3000,
        industry: '医疗器械',
        company: '上海某医疗科技有限公司',
        contactName: '陈先生',
        phone: '13524678515',
        consent: true,
        idempotencyKey: 'lead-matches-e2e-0001',
        context: {},
      },
    },
    { openid: 'o-visitor-1', source: 'local' },
  )
  expect(res.ok).toBe(true)
  leadId = (res as { data: { inquiryId: string } }).data.inquiryId
  phone = await openPhone()
}, 60_000)

afterAll(async () => {
  await phone?.close()
  await desk?.close()
})

it('a lead for 租厂房 in 松江 → 推荐园区 with reasons → 复制推荐 → the copied address opens the park', async () => {
  const { page } = phone
  await joinStaff(phone, desk, '/packages/staff/inbox/index')

  await page.goto(`${url}/#/packages/staff/lead/index?id=${leadId}`)
  await page.reload()
  const card = page.locator('.lead-matches')
  await card.locator('.lead-matches__item').first().waitFor({ timeout: 15_000 })
  expect(await card.locator('.lead-matches__item').count()).toBe(3)
  for (const facts of await card.locator('.lead-matches__facts').allTextContents())
    expect(facts.replace(/\u2060/g, '')).toMatch(/^松江 · 厂房出租 · /)
  const reasons = (await card.locator('.lead-matches__reason').allTextContents()).map((r) =>
    r.replace(/\u2060/g, ''),
  )
  expect(reasons).toContain('准入 医疗器械')
  expect(reasons).toContain('面积 1,200–3,600㎡ 符合需求')
  const names = await card.locator('.lead-matches__name').allTextContents()

  // Right under the 需求 card, inside the 375px screen.
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await settled(page)
  const box = (await card.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width)
  await shot(page, '42-lead-matches')

  await card.getByText('复制推荐').click()
  const copied = await until(
    // Taro's H5 storage keeps values as JSON ({ data }); read the text back out.
    () =>
      page.evaluate(() => {
        const raw = localStorage.getItem('taro_clipboard') ?? ''
        try {
          const value = JSON.parse(raw) as unknown
          return typeof value === 'string' ? value : String((value as { data?: unknown })?.data ?? '')
        } catch {
          return raw
        }
      }),
    (v) => v.includes('根据您的需求'),
  )
  for (const name of names) expect(copied).toContain(name)
  expect(copied).not.toContain('13524678515')
  const links = copied.match(/查看：(\S+)/g)!.map((l) => l.slice('查看：'.length))
  expect(links).toHaveLength(3)
  expect(links[0]).toMatch(new RegExp(`^${url}/#/packages/park/detail/index\\?id=p\\d+$`))

  // What the client does with it: the address opens the park.
  await page.goto('about:blank')
  await page.goto(links[0])
  const detailName = page.locator('.park-detail-page .park-view__name')
  await detailName.waitFor({ timeout: 15_000 })
  await expect(detailName.textContent()).resolves.toBe(names[0])
  expect(phone.pageErrors).toEqual([])
}, 60_000)
