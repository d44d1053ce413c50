/**
 * setData benchmark (issue 3): what crosses the logic → render bridge when a visitor opens a
 * tab or scrolls to page two, measured on the BUILT dist/ in miniprogram-simulate.
 *
 * Not part of `npm test` (jest's testMatch only takes *.test.ts). Run it with
 *   node scripts/bench-weapp.mjs [--runs 5] [--latency 30] [--json]
 * or directly:
 *   npx jest --selectProjects weapp --testMatch '<rootDir>/test/weapp/bench/setdata.bench.ts'
 *
 * The `api` cloud function is the real router over a SQLite store seeded from mock/ (what
 * `npm start` serves), so every answer has the size and shape the app really gets. Each
 * answer arrives after WEAPP_BENCH_LATENCY ms (default 30) so loading states get their own
 * render as on a phone. One warm-up pass (simulate compiles each page's templates on first
 * load), then WEAPP_BENCH_RUNS measured passes (default 5); every figure is the median.
 *
 * Env: WEAPP_BENCH_OUT=<file> writes { meta, rows, table } as JSON there (the script reads it);
 * without it the table goes to the console. WEAPP_DIST=<dir> measures another build.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Buffer } from 'node:buffer'
import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import type { Park } from '@/domain/park'
import { openSqliteStorage } from '../../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi } from '../../../cloudfunctions/api/src/router'
import { ROOT, weappSuite, type PageHandle } from '../harness'

const h = weappSuite()

const RUNS = Math.max(1, Number(process.env.WEAPP_BENCH_RUNS) || 5)
const LATENCY = process.env.WEAPP_BENCH_LATENCY ? Math.max(0, Number(process.env.WEAPP_BENCH_LATENCY)) : 30
const OUT = process.env.WEAPP_BENCH_OUT

const readMock = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, 'mock', file), 'utf8')) as T
const articles = readMock<Article[]>('articles.json')
const parks = readMock<Park[]>('parks.json')
const agency = readMock<AgencyContact>('agency.json')

export interface BenchRow {
  scenario: string
  /** setData calls from the trigger until the page settled (median over the runs). */
  calls: number
  /** UTF-8 bytes of JSON.stringify(data), summed over the calls (median). */
  bytes: number
  /** The largest single call (median; WeChat's limit is 256 KB, ~100 KB+ is already slow). */
  maxBytes: number
  /** cloud.callFunction calls the scenario made (the same in every run). */
  cloudCalls: number
  /** Median ms from the trigger to the end of the last setData (includes the latency). */
  wallMs: number
  /** Median ms spent inside setData (simulate's template render + diff): render-side work. */
  setDataMs: number
  /**
   * Min–max over the runs. Calls can differ by one when React's passive effects land in the
   * same Taro update batch or the next; bytes grow a little as Taro's node ids (`sid`) lengthen
   * over a session.
   */
  callsRange: [number, number]
  bytesRange: [number, number]
  wallRange: [number, number]
  /**
   * Bytes of keys that replace a node's whole child list (`….cn`): Taro sends one when a
   * child is inserted before a sibling or removed, re-serialising every child of that node.
   * A skeleton → content swap has one for its parent; appending rows should cost only the
   * list footer's (a few hundred bytes), never the list's or the page's.
   */
  childListBytes: number
  /** Those keys, with their bytes (first timed run). */
  childLists: string[]
  /**
   * UTF-8 bytes of JSON.stringify(items) of every list answer (`parks.list`, `articles.list`,
   * any answer whose data has an `items` array) that arrived during the scenario: the new rows'
   * own data. 0 when the scenario loaded no list page.
   */
  newItemsBytes: number
  /** bytes / newItemsBytes (issue 10's goal for loading more: ≤ 1.5). */
  ratio: number | null
  /**
   * Rendered nodes of the page once it settled: every element miniprogram-simulate drew from
   * the WXML (`wx-view`, `wx-text`, …, and custom-component hosts such as Taro's `comp` /
   * `custom-wrapper` with what they render), i.e. the count WeChat's "fewer than 1,000 WXML
   * nodes" audit applies to. Text nodes are not counted.
   */
  nodes: number
}

interface Sample {
  calls: number
  bytes: number
  maxBytes: number
  cloudCalls: number
  wallMs: number
  setDataMs: number
  childLists: string[]
  childListBytes: number
  newItemsBytes: number
  nodes: number
}

const utf8 = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8')
/** A key that replaces a node's whole child list (`root.cn`, `root.cn.[0].cn` …). */
const isChildListKey = (key: string) => /(^|\.)cn$/.test(key)

/** Answers of the api during the current scenario (filled by the responder of `pass`). */
let answers: unknown[] = []
/** The page the scenario ends on (set by the scenario), whose nodes are counted. */
let current: PageHandle | null = null

/** Bytes of the list rows the answers carried (`data.items` of every list answer). */
const itemsBytes = (list: unknown[]) =>
  list.reduce<number>((sum, a) => {
    const items = (a as { ok?: boolean; data?: { items?: unknown } })?.data?.items
    return Array.isArray(items) ? sum + utf8(items) : sum
  }, 0)

/** Elements of the rendered page (see BenchRow.nodes). */
export const countNodes = (page: PageHandle): number => page.comp.dom.querySelectorAll('*').length

async function measure(action: () => Promise<unknown>): Promise<Sample> {
  answers = []
  h.resetStats()
  h.keepSetDataPayloads(true)
  const cloudBefore = h.cloudCalls().length
  const t0 = performance.now()
  try {
    await action()
  } finally {
    h.keepSetDataPayloads(false)
  }
  const s = h.stats()
  const last = s.entries[s.entries.length - 1]
  const rewrites = s.entries.flatMap((e) =>
    Object.entries(e.data ?? {})
      .filter(([key]) => isChildListKey(key))
      .map(([key, value]) => ({ key, bytes: utf8({ [key]: value }) })),
  )
  return {
    calls: s.calls,
    bytes: s.bytes,
    maxBytes: s.maxBytes,
    cloudCalls: h.cloudCalls().length - cloudBefore,
    wallMs: last ? last.at + last.ms - t0 : 0,
    setDataMs: s.entries.reduce((sum, e) => sum + e.ms, 0),
    childLists: rewrites.map((r) => `${r.key} (${r.bytes} B)`),
    childListBytes: rewrites.reduce((sum, r) => sum + r.bytes, 0),
    newItemsBytes: itemsBytes(answers),
    nodes: current ? countNodes(current) : 0,
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
/** Median of counts and byte sizes: a whole number (the upper middle value for even runs). */
const medianInt = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

const districtChip = (page: PageHandle, label: string) => {
  const i = page.queryAll('.park-chip').findIndex((c: any) => (c.dom?.textContent ?? '').trim() === label)
  if (i < 0) throw new Error(`no .park-chip "${label}"`)
  return i
}

/**
 * One pass over every scenario, in a fixed order, against a freshly seeded store (a detail
 * page counts a view, and view counts are on the home page and the lists): returns samples by
 * scenario name.
 */
async function pass(): Promise<Map<string, Sample>> {
  const n = ++passes
  const out = await withStore(`pass-${n}.sqlite`, parks, scenarios)
  // The long list needs more parks than mock/ has: its own store, after the other scenarios.
  for (const [k, v] of await withStore(`pass-${n}-long.sqlite`, longParks, longList)) out.set(k, v)
  return out
}

/** Runs `body` against the real router over a fresh SQLite store seeded with `parkRows`. */
async function withStore<T>(file: string, parkRows: Park[], body: () => Promise<T>): Promise<T> {
  const storage = openSqliteStorage(join(dir, file))
  try {
    storage.seedFromMock({ articles, parks: parkRows, agency })
    const api = createApi({ storage })
    h.setResponder(async (_name, data) => {
      const answer = await api(data, { openid: 'bench', source: 'local' })
      answers.push(answer)
      return answer
    })
    return await body()
  } finally {
    storage.close()
  }
}

/**
 * mock/ has 34 parks; the long-list scenario needs 50 loaded: the mock parks again under new
 * ids (`<id>b`, …) until there are LONG_PARKS of them, each a plausible row of its own size.
 */
const LONG_PARKS = 60
const longParks: Park[] = Array.from({ length: LONG_PARKS }, (_, i) => {
  const base = parks[i % parks.length]
  const copy = Math.floor(i / parks.length)
  return copy === 0 ? base : { ...base, id: `${base.id}${String.fromCharCode(97 + copy)}` }
})

/** Parks tab scrolled until 50 parks are loaded (pages 2–5 of 10). */
async function longList(): Promise<Map<string, Sample>> {
  const out = new Map<string, Sample>()
  h.wx.clearStorageSync()
  let page!: PageHandle
  await measure(async () => {
    page = current = await h.loadPage('pages/parks/index')
  })
  out.set(
    'parks: load pages 2–5 (50 loaded)',
    await measure(async () => {
      for (let i = 0; i < 4; i++) await page.reachBottom()
    }),
  )
  const cards = page.queryAll('.park-card').length
  if (cards !== 50) throw new Error(`long list: expected 50 parks on the page, found ${cards}`)
  await page.unload()
  current = null
  return out
}

async function scenarios(): Promise<Map<string, Sample>> {
  const out = new Map<string, Sample>()
  let page!: PageHandle

  // 首页: first visit (no cache), then a visit with the cached answer.
  h.wx.clearStorageSync()
  out.set(
    'home: open (no cache)',
    await measure(async () => {
      page = current = await h.loadPage('pages/index/index')
    }),
  )
  await page.unload()
  out.set(
    'home: open (cached)',
    await measure(async () => {
      page = current = await h.loadPage('pages/index/index')
    }),
  )
  await page.unload()

  // 资讯 tab.
  h.wx.clearStorageSync()
  out.set(
    'articles: open tab',
    await measure(async () => {
      page = current = await h.loadPage('pages/articles/index')
    }),
  )
  out.set('articles: load page 2', await measure(() => page.reachBottom()))
  await page.unload()

  // 找园区 tab.
  h.wx.clearStorageSync()
  out.set(
    'parks: open tab',
    await measure(async () => {
      page = current = await h.loadPage('pages/parks/index')
    }),
  )
  out.set('parks: load page 2', await measure(() => page.reachBottom()))
  out.set('parks: filter songjiang', await measure(() => page.tap('.park-chip', districtChip(page, '松江'))))
  await page.unload()

  // Detail pages.
  out.set(
    'park detail: open p001',
    await measure(async () => {
      page = current = await h.loadPage('packages/park/detail/index', { id: 'p001' })
    }),
  )
  await page.unload()
  out.set(
    'article detail: open',
    await measure(async () => {
      page = current = await h.loadPage('packages/article/detail/index', { id: articles[0].id })
    }),
  )
  await page.unload()

  return out
}

const kb = (n: number) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`)

export function formatTable(rows: BenchRow[]): string {
  const head = [
    'scenario',
    'setData calls',
    'total bytes',
    'largest call',
    'child-list rewrites',
    'new items JSON',
    'ratio',
    'nodes',
    'cloud calls',
    'wall ms',
    'setData ms',
  ]
  const body = rows.map((r) => [
    r.scenario,
    r.callsRange[0] === r.callsRange[1]
      ? String(r.calls)
      : `${r.calls} (${r.callsRange[0]}–${r.callsRange[1]})`,
    `${r.bytes} (${kb(r.bytes)})`,
    `${r.maxBytes} (${kb(r.maxBytes)})`,
    r.childListBytes ? `${r.childLists.length} / ${kb(r.childListBytes)}` : '-',
    r.newItemsBytes ? `${r.newItemsBytes} (${kb(r.newItemsBytes)})` : '-',
    r.ratio === null ? '-' : `${r.ratio.toFixed(2)}×`,
    String(r.nodes),
    String(r.cloudCalls),
    `${r.wallMs.toFixed(1)} (${r.wallRange[0].toFixed(0)}–${r.wallRange[1].toFixed(0)})`,
    r.setDataMs.toFixed(1),
  ])
  const widths = head.map((c, i) => Math.max(c.length, ...body.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(head), rule, ...body.map(line)].join('\n')
}

let dir = ''
let passes = 0

describe('setData benchmark', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'weapp-bench-'))
  })
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it(
    'home, articles and parks: open and page two',
    async () => {
      h.setLatency(LATENCY)

      await pass() // warm-up: simulate compiles each page's templates on first load
      const timed: Map<string, Sample>[] = []
      for (let i = 0; i < RUNS; i++) timed.push(await pass())

      const rows: BenchRow[] = [...timed[0].keys()].map((scenario) => {
        const samples = timed.map((p) => p.get(scenario) as Sample)
        // The same build and data make the same requests every time.
        for (const s of samples) expect([scenario, s.cloudCalls]).toEqual([scenario, samples[0].cloudCalls])
        const range = (pick: (s: Sample) => number): [number, number] => {
          const xs = samples.map(pick)
          return [Math.min(...xs), Math.max(...xs)]
        }
        return {
          scenario,
          calls: medianInt(samples.map((s) => s.calls)),
          bytes: medianInt(samples.map((s) => s.bytes)),
          maxBytes: medianInt(samples.map((s) => s.maxBytes)),
          cloudCalls: samples[0].cloudCalls,
          wallMs: median(samples.map((s) => s.wallMs)),
          setDataMs: median(samples.map((s) => s.setDataMs)),
          callsRange: range((s) => s.calls),
          bytesRange: range((s) => s.bytes),
          wallRange: range((s) => s.wallMs),
          childListBytes: medianInt(samples.map((s) => s.childListBytes)),
          childLists: samples[0].childLists,
          newItemsBytes: samples[0].newItemsBytes,
          ratio: null,
          nodes: medianInt(samples.map((s) => s.nodes)),
        }
      })

      for (const r of rows) r.ratio = r.newItemsBytes ? r.bytes / r.newItemsBytes : null
      const table = formatTable(rows)
      const meta = { dist: h.dist, runs: RUNS, latencyMs: LATENCY, date: new Date().toISOString() }
      if (OUT) writeFileSync(OUT, JSON.stringify({ meta, rows, table }, null, 2))
      else {
        // eslint-disable-next-line no-console
        console.log(`setData per scenario (${RUNS} runs, ${LATENCY} ms latency)\n${table}`)
      }
      for (const r of rows) expect(r.maxBytes).toBeLessThan(256 * 1024)
    },
    10 * 60 * 1000,
  )
})
