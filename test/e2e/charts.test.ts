/**
 * 数据看板 in Chromium at 375 px (issue 8 item 13): the H5 build and the same router over SQLite,
 * with a month of leads seeded across days, sources, parks and stages, plus contact taps. The
 * page draws every chart with its numbers; screenshots in test-results/ (charts-*.png) were looked
 * at. The server runs in this process from build/bench-api.cjs with an in-test StaffStore whose
 * one member is this browser's visitor id; the claim flow itself: desk-claimed.test.ts.
 */
import { addDays } from '@/domain/charts'
import { beijingDate, beijingDayStart } from '@/domain/lead-pipeline'
import type { StaffMember } from '@/domain/staff'
import { startBenchDesk, joinStaff, type BenchDesk, type BenchStorage } from './staff-session'
import { openPhone, settled, shot, type PhoneBrowser } from './browser'

const DAY = 86_400_000
/** When each seeded lead arrived (UTC ISO). */
const seededAt: string[] = []

let desk: BenchDesk
let storage: BenchStorage
let phone: PhoneBrowser
/** The seeding moves the api's clock back in time; null is the real clock. */
let clockAt: number | null = null

const SOURCES = ['expo26', 'wxshare', 'pst01', 'qr02', 'ad-baidu', 'poster7', 'flyer', undefined]
const PARKS = ['p001', 'p003', 'p008', 'p005', 'p012', undefined]

const MEMBER: Omit<StaffMember, 'openid'> = {
  id: 's-chart',
  name: '张经理',
  mobile: '13900003333',
  role: 'owner',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
}

beforeAll(async () => {
  desk = await startBenchDesk('charts', MEMBER, (storage) => ({
    charts: storage.charts,
    now: () => new Date(clockAt ?? Date.now()),
  }))
  storage = desk.storage
  const { api } = desk

  // 46 leads over the last 30 days, busier lately; a spread of sources, parks and stages.
  const start = Date.now()
  let n = 0
  for (let day = 29; day >= 0; day--) {
    const perDay = day % 7 === 3 ? 0 : 1 + ((day * 5) % 3) + (day < 5 ? 1 : 0)
    for (let k = 0; k < perDay; k++, n++) {
      clockAt = start - day * DAY - k * 3_600_000
      const parkId = PARKS[n % PARKS.length]
      const source = SOURCES[(n * 3) % SOURCES.length]
      const res = await api(
        {
          action: 'inquiries.submit',
          payload: {
            needType: n % 2 ? 'office' : 'rent-factory',
            areaMin: 800,
            areaMax: 3000,
            industry: '精密制造',
            company: `测试企业${n}`,
            contactName: '陈先生',
            phone: `135${String(24678500 + n).padStart(8, '0')}`,
            remark: '',
            consent: true,
            idempotencyKey: `charts-e2e-key-${String(n).padStart(4, '0')}`,
            context: { ...(parkId ? { parkId } : {}), ...(source ? { source } : {}) },
          },
        },
        { openid: `o-chart-${n}`, source: 'local' },
      )
      expect(res.ok).toBe(true)
      seededAt.push(new Date(clockAt).toISOString())
      const id = (res as { data: { inquiryId: string } }).data.inquiryId
      // Stages: most stay new; some contacted (after 20–300 min), fewer visiting, two signed, a few 无效.
      const contactedAt = new Date(clockAt + (20 + (n % 5) * 70) * 60_000).toISOString()
      const path =
        n % 9 === 0
          ? ['contacted', 'visiting', 'signed']
          : n % 4 === 0
            ? ['contacted', 'visiting']
            : n % 3 === 0
              ? ['contacted']
              : n % 10 === 7
                ? ['invalid']
                : []
      let version = 1
      for (const stage of path) {
        const out = await storage.desk.updateLead(
          id,
          version++,
          stage === 'contacted'
            ? { stage, status: 'contacted', firstContactedAt: contactedAt, firstContactedBy: 's-chart' }
            : stage === 'invalid'
              ? { stage, invalidReason: '空号/打不通' }
              : { stage: stage as 'visiting' | 'signed' },
          contactedAt,
        )
        expect(out.kind).toBe('updated')
      }
      if (n % 2 === 0) {
        const kinds = ['call', 'copy-wechat', 'call', 'view-qr', 'call', 'add-contact', 'kefu']
        const tapped = await api(
          {
            action: 'events.record',
            payload: {
              events: [
                {
                  kind: kinds[n % kinds.length],
                  page: '/pages/index/index',
                  at: new Date(clockAt).toISOString(),
                },
              ],
            },
          },
          { openid: `o-chart-${n}`, source: 'local' },
        )
        expect(tapped.ok).toBe(true)
      }
    }
  }
  clockAt = null
  phone = await openPhone()
}, 90_000)

afterAll(async () => {
  await phone?.close()
  await desk?.close()
})

it('数据看板 draws a month of leads at 375 px, every chart with its numbers', async () => {
  const { page } = phone
  await joinStaff(phone, desk, '/packages/staff/charts/index')
  await page.reload()
  await page.getByText('每日新增线索').waitFor()
  await settled(page)

  // The range is the last 30 Beijing days: near Beijing midnight the oldest seeded lead falls out.
  const today = beijingDate(new Date())
  const since = beijingDayStart(addDays(today, -29))
  const leads = seededAt.filter((at) => at >= since).length
  expect(leads).toBeGreaterThan(40)
  const text = await page.locator('body').innerText()
  expect(text).toContain(`共 ${leads} 条`)
  for (const s of ['跟进漏斗', '线索来源', '热门园区', '联系方式点击', '首次联系用时', '其他', '拨打电话'])
    expect(text).toContain(s)
  expect(await page.locator('.days__col').count()).toBe(30)
  await shot(page, 'charts-top')
  // Everything fits the 375 px screen: no bar, label or number sticks out to the right.
  const overflow = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.charts *'))
      .filter((el) => el.getBoundingClientRect().right > 375.5)
      .map((el) => `${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
  )
  expect(overflow).toEqual([])

  const scroll = async (selector: string, name: string) => {
    await page.locator(selector).first().scrollIntoViewIfNeeded()
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))))
    await shot(page, name)
  }
  await scroll('.funnel', 'charts-funnel')
  await scroll('.bars', 'charts-sources')
  await scroll('.agents', 'charts-taps-response')
  await scroll('.bars--stacked', 'charts-parks')
  expect(phone.pageErrors).toEqual([])
}, 60_000)
