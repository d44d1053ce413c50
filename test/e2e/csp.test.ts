/**
 * The H5 app under the local server's Content-Security-Policy (issue 7 item 5): every page and a
 * toast render with no CSP violation, while the policy really is enforced (an injected inline
 * script does not run).
 */
import type { Page } from 'playwright-core'
import { callApi, openFresh, settled, shot, until, phoneOnLocalServer } from './browser'

const violations: string[] = []

const live = phoneOnLocalServer()

beforeAll(async () => {
  await live.phone.context.exposeFunction('__cspViolation', (text: string) => violations.push(text))
  await live.phone.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation
      report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`)
    })
  })
  live.phone.page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(`console: ${msg.text()}`)
  })
}, 60_000)

async function visit(page: Page, hash: string, ready: string): Promise<void> {
  await openFresh(page, `${live.server.url}/#${hash}`)
  await page.locator(ready).first().waitFor({ timeout: 15_000 })
  await page.waitForLoadState('networkidle')
  await settled(page)
}

test('the policy is enforced: injected inline scripts, handlers and javascript: URLs do not run', async () => {
  const { page } = live.phone
  await visit(page, '/pages/index/index', '.home-page')
  await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__injected = "script"'
    document.head.append(s)
    const img = document.createElement('img')
    img.setAttribute('onerror', 'window.__injected = "handler"')
    img.src = '/none.png'
    document.body.append(img)
    const a = document.createElement('a')
    a.href = 'javascript:window.__injected = "url"'
    document.body.append(a)
    a.click()
  })
  // Each is reported twice: the securitypolicyviolation event and the console line.
  await until(
    async () => violations.length,
    (n) => n >= 6,
  )
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined()
  expect(violations.filter((v) => v.startsWith('console:'))).toHaveLength(3)
  // The handler is script-src-attr; the script element and the javascript: URL are script-src-elem.
  const directives = violations.filter((v) => !v.startsWith('console:')).map((v) => v.split(' ')[0])
  expect(directives.sort()).toEqual(['script-src-attr', 'script-src-elem', 'script-src-elem'])
  violations.length = 0
}, 60_000)

test('every page renders under the CSP with no violation', async () => {
  const { page } = live.phone
  const articles = await callApi<{ items: { id: string; tags?: string[] }[] }>(
    live.server.url,
    'articles.list',
    {
      limit: 1,
    },
  )
  const article = articles.data.items[0]
  const pages: [string, string][] = [
    ['/pages/index/index', '.home-page'],
    ['/pages/parks/index', '.park-card'],
    ['/pages/articles/index', '.article-card'],
    ['/pages/mine/index', '.taro_page'],
    ['/packages/park/detail/index?id=p003', '.contact-card__hotline'],
    [`/packages/article/detail/index?id=${article.id}`, '.article-view__title'],
    [`/packages/article/tag/index?tag=${encodeURIComponent(article.tags?.[0] ?? '政策')}`, '.taro_page'],
    ['/packages/article/search/index', '.taro_page'],
    ['/packages/mine/about/index', '.taro_page'],
    ['/packages/mine/favourites/index', '.taro_page'],
    ['/packages/mine/history/index', '.taro_page'],
    ['/packages/mine/inquiries/index', '.taro_page'],
    ['/packages/inquiry/form/index?parkId=p003', 'form, .taro_page'],
  ]
  for (const [hash, ready] of pages) await visit(page, hash, ready)

  // A toast (Taro builds it at run time) and images, including the data: tab bar icons.
  await visit(page, `/packages/article/detail/index?id=${article.id}`, '.contact-card__copy')
  await page.locator('.contact-card__copy').click()
  await page.getByText('微信号已复制').first().waitFor({ timeout: 5_000 })
  await visit(page, '/pages/index/index', '.home-page')
  // Taro's tab bar items are <a href="javascript:;"> with a click handler.
  await page.locator('.weui-tabbar__item').nth(1).click()
  await page.locator('.park-card').first().waitFor({ timeout: 15_000 })
  await page.locator('.weui-tabbar__item').nth(0).click()
  await page.locator('.home-page').first().waitFor({ timeout: 15_000 })
  await settled(page)
  const images = await page.evaluate(() =>
    Array.from(document.images).map((img) => ({
      src: img.currentSrc.slice(0, 40),
      ok: !img.complete || img.naturalWidth > 0,
    })),
  )
  expect(images.filter((i) => i.src && !i.ok)).toEqual([])
  await shot(page, 'csp-home')

  expect(violations).toEqual([])
  expect(live.phone.pageErrors).toEqual([])
}, 180_000)
