/**
 * End to end, as a visitor on a phone: the H5 build served by the local runtime
 * (build/server.cjs, what `npm start` runs) against its SQLite file.
 * home → 松江 chip → parks list → load more by scrolling → 筛选 厂房 + 出租 → park detail
 * (key facts, 导航, 电话 → hotline → tel: captured) → back: the filters are kept.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { RESULTS_DIR, callApi, recordConsole, settled, shot, until, phoneOnLocalServer } from './browser'

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

const live = phoneOnLocalServer()

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
    const res: { ok: boolean; data: ParkPage } = await callApi<ParkPage>(
      live.server.url,
      'parks.list',
      payload,
    )
    expect(res.ok).toBe(true)
    rows.push(...res.data.items)
    cursor = res.data.nextCursor
  } while (cursor)
  return rows
}

const getPark = async (id: string) =>
  (await callApi<{ park: ParkFull }>(live.server.url, 'parks.get', { id })).data.park

// The parks tab stays in the DOM (hidden) under a detail page: always scope to it.
const rows = (page: Page) => page.locator('.parks-page .park-card')
const rowNames = (page: Page) => page.locator('.parks-page .park-card__name').allTextContents()
/** After the router's slide and any transition: what the visitor sees. */
async function snap(page: Page, name: string) {
  await settled(page)
  await shot(page, name)
}
/**
 * How the quantities wrap at 375 px: for each element, its text split into rendered lines
 * (by the tops of each character's box). A unit must never start a line on its own.
 */
async function renderedLines(page: Page, selector: string): Promise<string[][]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => {
        const lines: string[] = []
        let top: number | null = null
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? ''
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange()
            range.setStart(node, i)
            range.setEnd(node, i + 1)
            const rect = range.getClientRects()[0]
            if (!rect || rect.width === 0) continue // the invisible word joiners
            const y = Math.round(rect.top)
            if (top === null || Math.abs(y - top) > 4) lines.push('')
            top = y
            lines[lines.length - 1] += text[i]
          }
        }
        return lines
      }),
  )
}

const activeChips = async (page: Page) =>
  (await page.locator('.parks-page .active-filters__chip').allTextContents()).map((t) =>
    t.replace('×', '').trim(),
  )

test('home → 松江 → list → load more → 筛选 厂房/出租 → detail → 导航, 电话 → back keeps the filters', async () => {
  const { page } = live.phone
  const consoleLog = recordConsole(page)
  await page.goto(`${live.server.url}/`)

  // Home: the district chips hand the district to the parks tab.
  await page.locator('.home-page .featured-park').first().waitFor({ timeout: 20_000 })
  // Tappable things are buttons to a screen reader, whatever Taro renders them as.
  const home = page.locator('.home-page')
  await expect(home.locator('.hotline-banner__call').getAttribute('role')).resolves.toBe('button')
  await expect(home.locator('.hotline-banner__call').getAttribute('tabindex')).resolves.toBe('0')
  await expect(home.getByRole('button', { name: '拨打招商热线 400-012-3021' }).count()).resolves.toBe(2) // the banner and the contact strip's 拨打电话 (a taro-button-core)
  await expect(home.getByRole('button', { name: '复制微信号 13524678515' }).count()).resolves.toBe(1)
  await expect(home.getByRole('button', { name: '松江', exact: true }).count()).resolves.toBe(1)
  for (const lines of await renderedLines(page, '.featured-park__area, .featured-park__price'))
    expect(lines).toHaveLength(1)
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
  // Areas ("2,400–4,800㎡ · 可分割") and prices ("1.35元/m²/天") each on one line at 375 px.
  const cardLines = await renderedLines(page, '.parks-page .park-card__area, .parks-page .park-card__price')
  expect(cardLines.length).toBe(20)
  for (const lines of cardLines) expect(lines).toHaveLength(1)
  expect(cardLines.flat().join('\n')).toMatch(/\d,\d{3}–\d{1,3},\d{3}㎡/)
  await expect(page.locator('.parks-page__sort').getAttribute('role')).resolves.toBe('button')

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
  // The H5 gallery is a scroll-snap strip (ParkGallery.h5.tsx): its counter follows the swipe.
  const photos = await page.locator('.park-gallery__slide').count()
  expect(photos).toBeGreaterThan(1) // the seed's first 松江 factory for rent has 3
  const count = page.locator('.park-gallery__count')
  await expect(count.textContent()).resolves.toBe(`1/${photos}`)
  await page.locator('.park-gallery__strip').evaluate((strip) => {
    strip.scrollTo({ left: strip.clientWidth, behavior: 'instant' })
  })
  await until(
    () => count.textContent(),
    (text) => text === `2/${photos}`,
    5_000,
  )
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
    // Glued with a word joiner (U+2060) so 米 never wraps alone.
    await expect(height.locator('.park-view__fact-value').textContent()).resolves.toBe(
      `${park.floorHeight}\u2060米`,
    )
  }
  await snap(page, '14-park-detail-facts')
  // In the three-column grid a range may break after its dash, never before a unit.
  for (const lines of await renderedLines(page, '.park-view__fact-value, .park-view__price')) {
    for (const line of lines) if (/[㎡米元天]/.test(line)) expect(line).toMatch(/\d/)
  }

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
    `${JSON.stringify({ before: detailUrl, ...seen, pageErrors: live.phone.pageErrors }, null, 2)}\n`,
  )
  expect(live.phone.pageErrors).toEqual([])
  expect(page.url()).toBe(detailUrl)
  await expect(page.locator('.park-view__name').textContent()).resolves.toBe(target.name)

  // 电话 → the action sheet → the hotline → tel: (caught before it reaches the OS).
  // The fixed bar at the foot of the page (its markup belongs to the contact feature).
  await page.locator('.park-detail-page').getByText('电话', { exact: true }).last().click()
  const hotline = page.locator('.taro__actionSheet .taro-actionsheet__cell').filter({ hasText: '400' })
  await hotline.waitFor({ timeout: 5_000 })
  await hotline.click()
  const dialled = await until(live.phone.externalNavigations, (urls) => urls.length > 0)
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
  expect(live.phone.pageErrors).toEqual([])
}, 120_000)

test('a sale land lot: unit price in 元/m² with the lot total apart; a price sort ranks one deal', async () => {
  const { page } = live.phone
  // p008: 30亩 of land, once quoted as 3000万元, now 1,500元/m² for 20,000㎡.
  await page.goto(`${live.server.url}/#/packages/park/detail/index?id=p008`)
  await page.locator('.park-view__name').waitFor({ timeout: 20_000 })
  const price = (await page.locator('.park-view__price').textContent())?.replace(/\u2060/g, '')
  expect(price).toBe('1,500元/m²')
  const total = (await page.locator('.park-view__total').textContent())?.replace(/\u2060/g, '')
  expect(total).toBe('总价约3,000万元')
  for (const lines of await renderedLines(page, '.park-view__price, .park-view__total'))
    expect(lines).toHaveLength(1)
  await page.waitForLoadState('networkidle')
  await snap(page, '16-park-detail-land-lot')

  // The parks tab: 价格从低到高 with no deal chosen asks whose prices, then ranks only those.
  await page.goto(`${live.server.url}/#/pages/parks/index`)
  await rows(page).first().waitFor({ timeout: 20_000 })
  const clearAll = page.locator('.parks-page .active-filters__clear')
  if (await clearAll.count()) await clearAll.click()
  await page.locator('.parks-page__sort').click()
  const sheet = page.locator('.taro__actionSheet .taro-actionsheet__cell')
  await sheet.filter({ hasText: '价格从低到高' }).click()
  // The re-sorted list's answer: the old rows are cleared when the query changes, so every row
  // read after it comes from the new query.
  const resorted = page.waitForResponse(
    (r) => r.url().endsWith('/api') && (r.request().postData() ?? '').includes('"price_asc"'),
  )
  await sheet.filter({ hasText: '出售价格' }).click()
  await resorted
  await until(
    () => activeChips(page),
    (chips) => JSON.stringify(chips) === JSON.stringify(['出售']),
    10_000,
  )
  await expect(page.locator('.parks-page__sort').textContent()).resolves.toContain('售价从低到高')
  // Rows render a moment after the answer (network-idle came too early on a loaded machine).
  const priceTexts = () => page.locator('.parks-page .park-card__price').allTextContents()
  const prices = (await until(priceTexts, (texts) => texts.length > 3, 20_000)).map((t) =>
    t.replace(/\u2060/g, ''),
  )
  expect(prices.length).toBeGreaterThan(3)
  const values: number[] = []
  for (const p of prices) {
    if (p === '面议') continue
    expect(p).toMatch(/^[\d,.]+元\/m²$/) // never 元/m²/天 among 元/m²
    values.push(Number(p.replace(/[^\d.]/g, '')))
  }
  expect(values).toEqual([...values].sort((a, b) => a - b))
  await snap(page, '17-parks-sale-by-price')
  expect(live.phone.pageErrors).toEqual([])
}, 90_000)
