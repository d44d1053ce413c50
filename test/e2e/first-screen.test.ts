import type { Request } from 'playwright-core'
import {
  openFresh,
  openPhone,
  settled,
  shot,
  startServer,
  type LocalServer,
  type PhoneBrowser,
} from './browser'

/*
 * Issue 10 item 1: the H5 first screen asks for its data once, before the bundles have arrived
 * (index.html's early call, taken by src/lib/http.h5.ts), and stays correct when the api is
 * unreachable (the home page's stale-while-revalidate cache).
 */
jest.setTimeout(60_000)

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

/** The api actions the page posts from now on. */
function recordApi(page: PhoneBrowser['page']) {
  const calls: string[] = []
  const onRequest = (req: Request) => {
    if (new URL(req.url()).pathname === '/api' && req.method() === 'POST') {
      calls.push(JSON.parse(req.postData() ?? '{}').action)
    }
  }
  page.on('request', onRequest)
  return { calls, stop: () => page.off('request', onRequest) }
}

test('home: one home.get, asked before the app bundle has run, and the page paints from it', async () => {
  const { page } = phone
  const api = recordApi(page)
  const order: string[] = []
  const onStart = (req: Request) => void (new URL(req.url()).pathname === '/api' && order.push('api asked'))
  const onDone = (req: Request) => void (/\/js\/app\./.test(req.url()) && order.push('app.js loaded'))
  page.on('request', onStart)
  page.on('requestfinished', onDone)
  await openFresh(page, `${server.url}/#/pages/index/index`)
  await page.locator('.home-page .featured-park').first().waitFor({ timeout: 20_000 })
  await page.waitForLoadState('networkidle')
  api.stop()
  page.off('request', onStart)
  page.off('requestfinished', onDone)
  expect(api.calls.filter((a) => a === 'home.get')).toHaveLength(1)
  expect(order.slice(0, 2)).toEqual(['api asked', 'app.js loaded'])
  // The home route's own chunks were preloaded from the HTML (the build's route table), and the
  // router then used those responses: each went over the network once.
  const preloaded = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=preload][as=script]')).map((l) => l.href),
  )
  expect(preloaded.length).toBeGreaterThan(0)
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
  for (const url of preloaded) expect(fetched.filter((u) => u === url)).toHaveLength(1)
  // The inline script asked; the app took that answer instead of asking again.
  expect(await page.evaluate(() => '__earlyApi' in window)).toBe(false)
  expect(phone.pageErrors).toEqual([])
})

test.each([
  ['parks tab', '/pages/parks/index', '.parks-page .park-card', 'parks.list'],
  ['park detail', '/packages/park/detail/index?id=p001', '.park-detail-page .park-view__name', 'parks.get'],
  [
    'article detail',
    '/packages/article/detail/index?id=a-inquiry-checklist',
    '.article-view__title',
    'articles.get',
  ],
])(
  '%s: its first call goes out once, and its views are plain elements',
  async (_name, hash, ready, action) => {
    const { page } = phone
    const api = recordApi(page)
    await openFresh(page, `${server.url}/#${hash}`)
    await page.locator(ready).first().waitFor({ timeout: 20_000 })
    await page.waitForLoadState('networkidle')
    api.stop()
    expect(api.calls.filter((a) => a === action)).toHaveLength(1)
    // Views and texts are plain elements on H5 (src/lib/h5-components): no Stencil custom element
    // is mounted for them, and the page's own block is a div.
    expect(await page.locator('taro-view-core, taro-text-core').count()).toBe(0)
    expect(
      await page
        .locator(ready)
        .first()
        .evaluate((el) => el.closest('[class$="-page"]')?.tagName),
    ).toBe('DIV')
  },
)

test('calls that were not asked early go over the network: home → 找园区 tab → articles tab', async () => {
  const { page } = phone
  const api = recordApi(page)
  await openFresh(page, `${server.url}/#/pages/index/index`)
  await page.locator('.home-page .featured-park').first().waitFor({ timeout: 20_000 })
  await page.locator('.weui-tabbar__item').nth(1).click()
  await page.locator('.parks-page .park-card').first().waitFor({ timeout: 20_000 })
  await page.locator('.weui-tabbar__item').nth(2).click()
  await page.locator('.articles-page .article-card').first().waitFor({ timeout: 20_000 })
  api.stop()
  expect(api.calls).toEqual(expect.arrayContaining(['home.get', 'parks.list', 'articles.list']))
  expect(phone.pageErrors).toEqual([])
})

test('api unreachable on a later visit: the early call fails, the app falls back and shows its cached home', async () => {
  const { page } = phone
  // A first visit leaves the SWR cache.
  await openFresh(page, `${server.url}/#/pages/index/index`)
  await page.locator('.home-page .featured-park').first().waitFor({ timeout: 20_000 })
  await page.waitForLoadState('networkidle')
  const names = await page.locator('.home-page .featured-park__name').allTextContents()
  expect(names.length).toBeGreaterThan(0)

  const aborted: string[] = []
  await page.route('**/api', (route) => {
    aborted.push(JSON.parse(route.request().postData() ?? '{}').action)
    return route.abort('internetdisconnected')
  })
  try {
    await openFresh(page, `${server.url}/#/pages/index/index`)
    await page.locator('.home-page .featured-park').first().waitFor({ timeout: 20_000 })
    // The early call and the transport's own try both failed; the cached page is on screen.
    await page.locator('.home-page').getByText('网络异常，显示的是缓存内容').waitFor({ timeout: 20_000 })
    expect(await page.locator('.home-page .featured-park__name').allTextContents()).toEqual(names)
    expect(aborted.filter((a) => a === 'home.get')).toHaveLength(2)
    await settled(page)
    await shot(page, 'first-screen-api-down-cached-home')
  } finally {
    await page.unroute('**/api')
  }
})
