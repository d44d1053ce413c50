/**
 * End to end, as a visitor on a phone (H5 build + the local runtime on the mock seed): an
 * inquiry for 租厂房 in 松江, about 2,000㎡ → the success page says 提交成功
 * and, under it, 这些园区可能适合您 with three 松江 factories to rent and why each fits; a card
 * opens its park. Screenshots in test-results/ (40-…).
 */
import type { Page, Request } from 'playwright-core'
import { openFresh, settled, shot, phoneOnLocalServer } from './browser'

const live = phoneOnLocalServer()

const field = (page: Page, name: string) => page.locator(`.inquiry-page #inquiry-field-${name}`)
const fieldInput = (page: Page, name: string, n = 0) => field(page, name).locator('input, textarea').nth(n)
const chip = (page: Page, name: string, label: string) =>
  field(page, name)
    .locator('.chip')
    .filter({ hasText: new RegExp(`^${label}$`) })

/** The payload of every parks.match the page sends. */
function recordMatches(page: Page) {
  const payloads: unknown[] = []
  page.on('request', (req: Request) => {
    if (req.method() !== 'POST' || new URL(req.url()).pathname !== '/api') return
    const body = JSON.parse(req.postData() ?? '{}') as { action?: string; payload?: unknown }
    if (body.action === 'parks.match') payloads.push(body.payload)
  })
  return payloads
}

test('租厂房 in 松江, 2,000㎡ → 提交成功, then 这些园区可能适合您 with parks located in 松江', async () => {
  const { page } = live.phone
  const matches = recordMatches(page)
  await openFresh(page, `${live.server.url}/#/packages/inquiry/form/index`)
  await page.locator('.inquiry-page .inquiry-form').waitFor({ timeout: 15_000 })

  await chip(page, 'needType', '租厂房').click()
  await fieldInput(page, 'areaMin').fill('2000')
  await chip(page, 'district', '松江').click()
  await fieldInput(page, 'contactName').fill('王先生')
  await fieldInput(page, 'phone').fill('13524678515')
  await fieldInput(page, 'phone').blur()
  await page.locator('.inquiry-page .inquiry-consent__box').click()
  await page.locator('.inquiry-page .inquiry-form__submit').click()

  const title = page.locator('.inquiry-done .inquiry-done__title')
  await title.waitFor({ timeout: 15_000 })
  await expect(title.textContent()).resolves.toBe('提交成功')
  expect(page.url()).toContain(
    '/packages/inquiry/success/index?status=new&need=rent-factory&district=songjiang',
  )
  expect(page.url()).not.toContain('13524678515')

  const section = page.locator('.park-matches')
  await section
    .locator('.section-header__title')
    .filter({ hasText: '这些园区可能适合您' })
    .waitFor({ timeout: 15_000 })
  const items = section.locator('.park-matches__item')
  await page.waitForFunction(() => document.querySelectorAll('.park-matches__item').length === 3, undefined, {
    timeout: 15_000,
  })
  expect(matches).toEqual([{ needType: 'rent-factory', district: 'songjiang', areaMin: 2000 }])

  // Every recommendation: a 松江 factory to rent, with the facts that matched under it.
  const metas = await items.locator('.park-card__meta').allTextContents()
  expect(metas).toEqual(['松江 · 厂房 · 出租', '松江 · 厂房 · 出租', '松江 · 厂房 · 出租'])
  for (let i = 0; i < 3; i += 1) {
    const reasons = (await items.nth(i).locator('.park-matches__reason').allTextContents()).map((r) =>
      r.replace(/\u2060/g, ''),
    )
    expect(reasons).toEqual(expect.arrayContaining(['厂房出租', '位于松江']))
  }
  const all = (await section.locator('.park-matches__reason').allTextContents()).map((r) =>
    r.replace(/\u2060/g, ''),
  )
  expect(all).toContain('面积 1,200–3,600㎡ 符合需求')

  // The message first, the recommendations after: the top of the page is unchanged.
  const [titleBox, sectionBox] = await Promise.all([title.boundingBox(), section.boundingBox()])
  expect(titleBox!.y).toBeLessThan(sectionBox!.y)
  await settled(page)
  await shot(page, '40-inquiry-success-top')

  // Nothing sticks out of the 375px screen: cards, reasons, the section.
  await section.scrollIntoViewIfNeeded()
  await items.nth(0).evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await settled(page)
  const width = page.viewportSize()!.width
  for (const box of await section
    .locator('.park-matches__item, .park-matches__reason')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(box.left).toBeGreaterThanOrEqual(0)
    expect(box.right).toBeLessThanOrEqual(width)
  }
  await shot(page, '41-inquiry-success-matches')

  // A card opens its park.
  const firstName = (await items.nth(0).locator('.park-card__name').textContent())!
  await items.nth(0).locator('.park-card').click()
  await page.waitForURL(/#\/packages\/park\/detail\/index\?id=p\d+$/, { timeout: 15_000 })
  const detailName = page.locator('.park-detail-page .park-view__name')
  await detailName.waitFor({ timeout: 15_000 })
  await expect(detailName.textContent()).resolves.toBe(firstName)
})
