/**
 * End to end, as a visitor on a phone: the H5 build served by the local runtime
 * (build/server.cjs, what `npm start` runs) against its SQLite file.
 * home → 资讯 tab → list → detail → call (tel: captured) → copy (toast) → back.
 */
import { shot, until, phoneOnLocalServer } from './browser'

const live = phoneOnLocalServer()

const api = async (action: string, payload: unknown) => {
  const res = await fetch(`${live.server.url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, payload }),
  })
  return res.json()
}

/** The `action` of every POST /api the page sends, in order. */
function recordApiActions(): string[] {
  const actions: string[] = []
  live.phone.page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api') {
      actions.push(String(JSON.parse(req.postData() ?? '{}').action))
    }
  })
  return actions
}

test('home → 资讯 tab → list → detail → call → copy → back', async () => {
  const { page } = live.phone
  const actions = recordApiActions()
  await page.goto(`${live.server.url}/`)

  // The home page: banner, districts, featured parks, latest articles — from ONE home.get.
  await page.locator('.home-page .featured-park').first().waitFor({ timeout: 20_000 })
  await page.waitForLoadState('networkidle')
  const home = await api('home.get', {})
  expect(await page.locator('.home-page .featured-park').count()).toBe(home.data.featuredParks.length)
  expect(await page.locator('.home-page .article-card').count()).toBe(home.data.latestArticles.length)
  await expect(page.locator('.hotline-banner').textContent()).resolves.toContain('400-012-3021')
  expect(actions).toEqual(['home.get'])
  await shot(page, '00-home')

  // To the 资讯 tab through the tab bar.
  await page.locator('.taro-tabbar__tabbar').getByText('资讯', { exact: true }).click()
  const cards = page.locator('.articles-page .article-card')
  await cards.first().waitFor({ timeout: 20_000 })
  expect(page.url()).toContain('/pages/articles/index')
  expect(await cards.count()).toBeGreaterThanOrEqual(10)
  await page.waitForLoadState('networkidle')
  await shot(page, '01-articles-list')

  const first = await api('articles.list', { limit: 1 })
  const { id, title, views } = first.data.items[0]
  await expect(page.locator('.articles-page .article-card__title').first().textContent()).resolves.toBe(title)
  await expect(cards.first().textContent()).resolves.toMatch(/前/)

  await cards.first().click()
  await page.locator('.article-view__title').waitFor({ timeout: 15_000 })
  expect(await page.locator('.article-view__title').textContent()).toBe(title)
  expect(page.url()).toContain(`id=${id}`)
  await page.waitForLoadState('networkidle')
  await shot(page, '02-article-detail')

  // The view was counted once by opening the page.
  const after = await api('articles.get', { id })
  expect(after.data.article.views).toBe(views + 2) // the page's view + this check's own

  const hotline = page.locator('.contact-card__hotline')
  await hotline.scrollIntoViewIfNeeded()
  await shot(page, '03-contact-card')
  await hotline.click()
  const dialled = await until(live.phone.externalNavigations, (urls) => urls.length > 0)
  expect(dialled).toEqual(['tel:4000123021'])

  await page.locator('.contact-card__copy').click()
  await page.getByText('微信号已复制').first().waitFor({ timeout: 5_000 })
  await page.waitForTimeout(400) // let the toast finish fading in for the screenshot
  await shot(page, '04-copied-toast')
  expect(await page.evaluate(() => localStorage.getItem('taro_clipboard'))).toContain('13524678515')

  await page.goBack()
  await cards.first().waitFor({ timeout: 10_000 })
  expect(page.url()).not.toContain('id=')
  expect(page.url()).toContain('/pages/articles/index')
  expect(live.phone.pageErrors).toEqual([])
}, 90_000)

test('a missing article shows a clear message, not a blank page', async () => {
  const { page } = live.phone
  await page.goto(`${live.server.url}/#/packages/article/detail/index?id=a-does-not-exist`)
  await page.getByText('文章不存在或已下线').waitFor({ timeout: 15_000 })
  await shot(page, '05-article-not-found')
  await page.getByText('返回首页').click()
  await page.locator('.home-page .article-card').first().waitFor({ timeout: 15_000 })
  expect(live.phone.pageErrors).toEqual([])
}, 60_000)
