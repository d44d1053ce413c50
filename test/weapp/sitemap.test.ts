/**
 * @jest-environment node
 */
/**
 * Item 7 (issue 9): the BUILT mini program carries a sitemap.json that lets WeChat search index
 * the tab pages and the park / article detail pages (with their `id`), and never the staff desk,
 * the inquiry form or the visitor's own pages. Rules are evaluated the way WeChat documents
 * them: top to bottom, the first rule whose page and params match decides.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST, ROOT } from './harness'

interface Rule {
  action?: 'allow' | 'disallow'
  page: string
  params?: string[]
  matching?: 'exact' | 'inclusive' | 'exclusive' | 'partial'
  priority?: number
}

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string }> }
  sitemapLocation?: string
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

function paramsMatch(rule: Rule, params: string[]): boolean {
  const wanted = rule.params ?? []
  const has = (p: string) => params.includes(p)
  switch (rule.matching ?? 'inclusive') {
    case 'exact':
      return wanted.length === params.length && wanted.every(has)
    case 'inclusive':
      return wanted.every(has)
    case 'exclusive':
      return !wanted.some(has)
    case 'partial':
      return wanted.some(has)
  }
}

/** WeChat's verdict for a page opened with these query parameter names. */
function indexable(rules: Rule[], page: string, params: string[] = []): boolean {
  // Higher priority first; equal priorities keep their order (Array#sort is stable).
  const ordered = [...rules].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))
  const hit = ordered.find((r) => (r.page === '*' || r.page === page) && paramsMatch(r, params))
  // No sitemap rule at all: WeChat indexes the page.
  return hit ? (hit.action ?? 'allow') === 'allow' : true
}

const app = readJson<AppJson>(join(DIST, 'app.json'))
const allPages = [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`)),
]

describe('weapp sitemap.json (built dist/)', () => {
  it('is in dist/, named by app.json sitemapLocation, and is the source file unchanged', () => {
    expect(app.sitemapLocation).toBe('sitemap.json')
    const built = join(DIST, 'sitemap.json')
    expect(existsSync(built)).toBe(true)
    expect(readJson(built)).toEqual(readJson(join(ROOT, 'src', 'sitemap.json')))
  })

  const rules = readJson<{ rules: Rule[] }>(join(DIST, 'sitemap.json')).rules

  it('lets WeChat index the park and article detail pages by id, and the three content tabs', () => {
    expect(indexable(rules, 'packages/park/detail/index', ['id'])).toBe(true)
    expect(indexable(rules, 'packages/park/detail/index', ['id', 'src'])).toBe(true)
    expect(indexable(rules, 'packages/article/detail/index', ['id'])).toBe(true)
    // A detail page without an id shows nothing worth indexing.
    expect(indexable(rules, 'packages/park/detail/index', [])).toBe(false)
    expect(indexable(rules, 'packages/article/detail/index', [])).toBe(false)
    for (const tab of ['pages/index/index', 'pages/parks/index', 'pages/articles/index']) {
      expect(app.tabBar?.list.map((t) => t.pagePath)).toContain(tab)
      expect(indexable(rules, tab)).toBe(true)
    }
  })

  it('disallows every page of the staff subpackage, with or without parameters', () => {
    const staff = allPages.filter((p) => p.startsWith('packages/staff/'))
    expect(staff.length).toBeGreaterThanOrEqual(7)
    for (const page of staff) {
      expect([page, indexable(rules, page)]).toEqual([page, false])
      expect([page, indexable(rules, page, ['id'])]).toEqual([page, false])
      expect([page, indexable(rules, page, ['code'])]).toEqual([page, false])
    }
  })

  it('disallows the inquiry and 我的 pages, and anything not listed (pages added later)', () => {
    const personal = allPages.filter(
      (p) => p === 'pages/mine/index' || p.startsWith('packages/inquiry/') || p.startsWith('packages/mine/'),
    )
    expect(personal.length).toBeGreaterThanOrEqual(7)
    for (const page of personal) expect([page, indexable(rules, page, ['id'])]).toEqual([page, false])
    expect(indexable(rules, 'packages/staff/some-future-page/index')).toBe(false)
  })
})
