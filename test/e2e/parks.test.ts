/**
 * End to end, as a visitor on a phone: the H5 build served by the local runtime
 * (build/server.cjs, what `npm start` runs) against its SQLite file.
 * home → 松江 chip → parks list → load more by scrolling → 筛选 厂房 + 出租 → park detail
 * (key facts, 导航, 电话 → hotline → tel: captured) → back: the filters are kept.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  RESULTS_DIR,
  callApi,
  openPhone,
  recordConsole,
  settled,
  shot,
  startServer,
  until,
  type LocalServer,
  type PhoneBrowser,
} from './browser'

interface ParkRow {
  id: string
  name: string
  district: string
  type: string
  deal: string
}
interface ParkFull extends ParkRow {
  views: number
  floorHeight?: number | null
  address: string
}

let server: LocalServer
let phone: PhoneBrowser

beforeAll(async () => {
  server = await startServer()
  phone = await openPhone()
}, 60_000)

afterAll(async () => {
  await phone?.close()
  await server?.stop()
})

interface ParkPage {
  items: ParkRow[]
  nextCursor: string | null
}

/** Every park `parks.list` returns for these filters, page by page (newest first). */
async function listAll(filters: Record<string, string>): Promise<ParkRow[]> {
  const rows: ParkRow[] = []
  let cursor: string | null = null
  do {
    const payload = { ...filters, sort: 'newest', limit: 10, ...(cursor ? { cursor } : {}) }
    const res: { ok: boolean; data: ParkPage } = await callApi<ParkPage>(server.url, 'parks.list', payload)
    expect(res.ok).toBe(true)
    rows.push(...res.data.items)
    cursor = res.data.nextCursor
  } while (cursor)
  return rows
}

const getPark = async (id: string) =>
  (await callApi<{ park: ParkFull }>(server.url, 'parks.get', { id })).data.park

// The parks tab stays in the DOM (hidden) under a detail page: always scope to it.
const rows = (page: Page) => page.locator('.parks-page .park-card')
const rowNames = (page: Page) => page.locator('.parks-page .park-card__name').allTextContents()
/** After the router's slide and any transition: what the visitor sees. */
async function snap(page: Page, name: string) {
  await settled(page)
  await shot(page, name)
}
const activeChips = async (page: Page) =>
  (await page.locator('.parks-page .active-filters__chip').allTextContents()).map((t) =>
    t.replace('×', '').trim(),
  )

test('home → 松江 → list → load more → 筛选 厂房/出租 → detail → 导航, 电话 → back keeps the filters', async () => {
  const { page } = phone
  const consoleLog = recordConsole(page)
  await page.goto(`${server.url}/`)

  // Home: the district chips hand the district to the parks tab.
  await page.locator('.home-page .featured-park').first().waitFor({ timeout: 20_000 })
  await page.locator('.home-page__districts').getByText('松江', { exact: true }).click()
  await rows(page).first().waitFor({ timeout: 20_000 })
  expect(page.url()).toContain('/pages/parks/index')
  expect(await activeChips(page)).toEqual(['松江'])
  await expect(
    page.locator('.parks-page .quick-filters .park-chip--active').allTextContents(),
  ).resolves.toEqual(['松江'])

  // Page one of 松江 (13 parks: more than one page of 10), as the API orders them.
  const songjiang = await listAll({ district: 'songjiang' })
  expect(songjiang.length).toBeGreaterThan(10)
  await until(
    () => rows(page).count(),
    (n) => n === 10,
  )
  expect(await rowNames(page)).toEqual(songjiang.slice(0, 10).map((p) => p.name))
  for (const meta of await page.locator('.parks-page .park-card__meta').allTextContents())
    expect(meta).toMatch(/^松江 · /)
  await expect(page.locator('.parks-page .list-footer').textContent()).resolves.toContain('加载更多')
  await page.waitForLoadState('networkidle')
  await snap(page, '10-parks-list')

  // Load more by scrolling to the bottom (the footer is never tapped).
  await page.mouse.move(187, 330)
  await until(
    async () => {
      await page.mouse.wheel(0, 1_000)
      return rows(page).count()
    },
    (n) => n === songjiang.length,
    10_000,
  )
  expect(await rowNames(page)).toEqual(songjiang.map((p) => p.name))
  await page.locator('.parks-page .list-footer').getByText('没有更多了').waitFor({ timeout: 5_000 })

  // 筛选: type 厂房 and deal 出租, then 确定.
  await page.locator('.parks-page__filter').click()
  const panel = page.locator('.filter-panel')
  await panel.locator('.filter-panel__sheet').waitFor({ timeout: 5_000 })
  await panel
    .locator('.park-chip')
    .filter({ hasText: /^厂房$/ })
    .click()
  await panel
    .locator('.park-chip')
    .filter({ hasText: /^出租$/ })
    .click()
  await expect(panel.locator('.park-chip--active').allTextContents()).resolves.toEqual(['厂房', '出租'])
  await snap(page, '11-parks-filter-panel')
  await panel.locator('.filter-panel__apply').click()
  await panel.waitFor({ state: 'detached', timeout: 5_000 })

  const filtered = await listAll({ district: 'songjiang', type: 'factory', deal: 'rent' })
  expect(filtered.length).toBeGreaterThan(1)
  const expectFilteredList = async () => {
    expect(await activeChips(page)).toEqual(['松江', '厂房', '出租'])
    await expect(page.locator('.parks-page .parks-page__badge').textContent()).resolves.toBe('2')
    await until(
      () => rowNames(page),
      (names) => JSON.stringify(names) === JSON.stringify(filtered.map((p) => p.name)),
      10_000,
    )
    for (const meta of await page.locator('.parks-page .park-card__meta').allTextContents())
      expect(meta).toBe('松江 · 厂房 · 出租')
  }
  await expectFilteredList()
  await page.waitForLoadState('networkidle')
  await snap(page, '12-parks-filtered')

  // Open the first filtered park; its views are counted once by the visit.
  const target = filtered[0]
  const viewsBefore = (await getPark(target.id)).views
  await rows(page).first().click()
  await page.locator('.park-view__name').waitFor({ timeout: 15_000 })
  expect(page.url()).toContain('/packages/park/detail/index')
  expect(page.url()).toContain(`id=${target.id}`)
  await expect(page.locator('.park-view__name').textContent()).resolves.toBe(target.name)
  await page.waitForLoadState('networkidle')
  await snap(page, '13-park-detail')
  const park = await getPark(target.id)
  expect(park.views).toBe(viewsBefore + 2) // the page's view + this check's own

  // The key facts grid.
  const facts = page.locator('.park-view__facts')
  await facts.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  const labels = await facts.locator('.park-view__fact-label').allTextContents()
  expect(labels[0]).toMatch(/^面积/)
  expect(labels).toEqual(expect.arrayContaining(['价格', '区域']))
  if (park.floorHeight) {
    const height = facts.locator('.park-view__fact').filter({ hasText: '层高' })
    await expect(height.locator('.park-view__fact-value').textContent()).resolves.toBe(
      `${park.floorHeight}米`,
    )
  }
  await snap(page, '14-park-detail-facts')

  // 导航: Taro.openLocation on H5. Record what it does; the page must keep working.
  const go = page.locator('.park-location__go')
  await go.scrollIntoViewIfNeeded()
  await expect(page.locator('.park-location__address').textContent()).resolves.toBe(park.address)
  const detailUrl = page.url()
  const logBefore = consoleLog.length
  await go.click()
  const seen = await until(
    async () => ({ url: page.url(), console: consoleLog.slice(logBefore) }),
    (v) => v.url !== detailUrl || v.console.length > 0,
    3_000,
  ).catch(() => ({ url: page.url(), console: consoleLog.slice(logBefore) }))
  writeFileSync(
    path.join(RESULTS_DIR, 'parks-open-location.json'),
    `${JSON.stringify({ before: detailUrl, ...seen, pageErrors: phone.pageErrors }, null, 2)}\n`,
  )
  expect(phone.pageErrors).toEqual([])
  expect(page.url()).toBe(detailUrl)
  await expect(page.locator('.park-view__name').textContent()).resolves.toBe(target.name)

  // 电话 → the action sheet → the hotline → tel: (caught before it reaches the OS).
  // The fixed bar at the foot of the page (its markup belongs to the contact feature).
  await page.locator('.park-detail-page').getByText('电话', { exact: true }).last().click()
  const hotline = page.locator('.taro__actionSheet .taro-actionsheet__cell').filter({ hasText: '400' })
  await hotline.waitFor({ timeout: 5_000 })
  await hotline.click()
  const dialled = await until(phone.externalNavigations, (urls) => urls.length > 0)
  expect(dialled).toEqual(['tel:4000123021'])
  await page.locator('.taro__actionSheet').waitFor({ state: 'hidden', timeout: 5_000 })

  // Back: the list is as it was left.
  await page.goBack()
  await rows(page).first().waitFor({ timeout: 10_000 })
  expect(page.url()).toContain('/pages/parks/index')
  expect(page.url()).not.toContain('id=')
  await expectFilteredList()
  await page.waitForLoadState('networkidle')
  await snap(page, '15-parks-back-filters-kept')

  // A relaunch opens the tab as the visitor left it (the query is stored on the device).
  await page.reload()
  await rows(page).first().waitFor({ timeout: 20_000 })
  await expectFilteredList()
  expect(phone.pageErrors).toEqual([])
}, 120_000)
