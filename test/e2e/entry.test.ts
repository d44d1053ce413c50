/**
 * End to end, the ways into the app from outside: a QR code (the home page opened with a
 * `scene`), a malformed scene, and a shared park link. H5 build + local runtime, on a phone.
 */
import { callApi, openFresh, settled, shot, phoneOnLocalServer } from './browser'

const live = phoneOnLocalServer()

const parkName = async (id: string) => {
  const res = await callApi<{ park: { name: string } }>(live.server.url, 'parks.get', { id })
  expect(res.ok).toBe(true)
  return res.data.park.name
}

test('a QR code (scene p=p012&s=pst01) opens park p012; back leads home', async () => {
  const { page } = live.phone
  const name = await parkName('p012')
  // WeChat hands the page `scene` encoded once: "p%3Dp012%26s%3Dpst01".
  await openFresh(page, `${live.server.url}/#/pages/index/index?scene=p%3Dp012%26s%3Dpst01`)

  await page.waitForURL(/#\/packages\/park\/detail\/index\?id=p012$/, { timeout: 15_000 })
  const title = page.locator('.park-detail-page .park-view__name')
  await title.waitFor({ timeout: 15_000 })
  await expect(title.textContent()).resolves.toBe(name)
  // The fixed contact bar at the foot of the page offers the call.
  await page
    .locator('.park-detail-page')
    .getByText('电话', { exact: true })
    .last()
    .waitFor({ timeout: 5_000 })
  await page.waitForLoadState('networkidle')
  await settled(page)
  await shot(page, '20-qr-entry-park')

  // The home page the code opened is under the park: back shows it, without re-entering the park.
  await page.goBack()
  await page.locator('.home-page .featured-park').first().waitFor({ timeout: 15_000 })
  await settled(page)
  expect(page.url()).toContain('/pages/index/index')
  expect(await page.locator('.park-detail-page').count()).toBe(0)
  expect(live.phone.pageErrors).toEqual([])
}, 60_000)

test('a malformed scene stays on the home page, without an error', async () => {
  const { page } = live.phone
  await openFresh(page, `${live.server.url}/#/pages/index/index?scene=%E0%A4%A`)

  // The entry is handled on load, before home.get answers: once home shows, it stayed.
  await page.locator('.home-page .featured-park').first().waitFor({ timeout: 20_000 })
  await page.waitForLoadState('networkidle')
  await settled(page)
  expect(page.url()).toContain('/pages/index/index')
  expect(await page.locator('.park-detail-page').count()).toBe(0)
  expect(await page.locator('.article-view__title').count()).toBe(0)
  await expect(page.locator('.hotline-banner').textContent()).resolves.toContain('400-012-3021')
  await shot(page, '21-qr-malformed-home')
  expect(live.phone.pageErrors).toEqual([])
}, 60_000)

test('a shared link (?id=p003&src=share) opens that park', async () => {
  const { page } = live.phone
  const name = await parkName('p003')
  await openFresh(page, `${live.server.url}/#/packages/park/detail/index?id=p003&src=share`)

  const title = page.locator('.park-detail-page .park-view__name')
  await title.waitFor({ timeout: 15_000 })
  await expect(title.textContent()).resolves.toBe(name)
  expect(page.url()).toContain('/packages/park/detail/index?id=p003&src=share')
  await expect(page.locator('.park-view__facts .park-view__fact').count()).resolves.toBeGreaterThan(0)
  expect(live.phone.pageErrors).toEqual([])
}, 60_000)
