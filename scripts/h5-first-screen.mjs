/// <reference lib="dom" />
// What the H5 first screen costs, measured in Chromium against a freshly started local runtime:
// per page, the JavaScript requested before the page's content is on screen (transfer bytes,
// i.e. gzip as served), the api calls made before it, the request chain (when the HTML, the last
// script, the first api call and the content arrived) and the images of the first screen. The
// byte and request figures do not depend on machine load; the times do (they are shown under
// Lighthouse-like network throttling, without CPU throttling, for comparing builds on one machine).
//
// Usage: node scripts/h5-first-screen.mjs [--json] [--no-throttle] [--lh] [--runs 1] [--page home]
//          [--url http://127.0.0.1:8787]
//   Needs dist-h5/ and build/server.cjs (`npm run build:h5 && npm run build:api`) and Chromium.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { root } from './lib/build-targets.mjs'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const KB = 1024

/** @typedef {{ name: string, hash: string, ready: string }} PageSpec */
/** @type {PageSpec[]} */
const PAGES = [
  { name: 'home', hash: '/pages/index/index', ready: '.home-page .hotline-banner' },
  { name: 'parks tab', hash: '/pages/parks/index', ready: '.parks-page .park-card' },
  { name: 'park detail', hash: '/packages/park/detail/index?id=p001', ready: '.park-view' },
  {
    name: 'article detail',
    hash: '/packages/article/detail/index?id=a-inquiry-checklist',
    ready: '.article-view__title',
  },
]

const args = process.argv.slice(2)
const asJson = args.includes('--json')
const throttle = !args.includes('--no-throttle')
// --lh: Lighthouse's mobile screen (412×823 at 1.75) and its 4× CPU slowdown, applied for real.
const lhDevice = args.includes('--lh')
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1
const pageAt = args.indexOf('--page')
const only = pageAt >= 0 ? args[pageAt + 1] : null
// --url: measure a server that is already running (e.g. another build) instead of starting one.
const urlAt = args.indexOf('--url')
const givenUrl = urlAt >= 0 ? args[urlAt + 1] : null

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
async function startServer() {
  const serverJs = path.join(root, 'build/server.cjs')
  if (!existsSync(serverJs) || !existsSync(path.join(root, 'dist-h5/index.html'))) {
    console.error('h5-first-screen: run `npm run build:h5 && npm run build:api` first')
    process.exit(1)
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'park-leads-fs-'))
  const child = spawn(process.execPath, [serverJs], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000)
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += chunk.toString()
      const m = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//)
      if (m) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${m[1]}`)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
  })
  return {
    url: /** @type {string} */ (url),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true })
          resolve()
        })
        child.kill('SIGINT')
      }),
  }
}

/**
 * @typedef {{ id: string, url: string, type: string, start: number, end: number, bytes: number,
 *   head: number, action?: string, status?: number }} Req
 */

/**
 * One cold load of `spec` (fresh browser context: empty cache and storage).
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 * @param {PageSpec} spec
 */
async function measure(browser, base, spec) {
  const context = await browser.newContext({
    viewport: lhDevice ? { width: 412, height: 823 } : { width: 375, height: 667 },
    deviceScaleFactor: lhDevice ? 1.75 : 2,
    ...(lhDevice
      ? {
          userAgent:
            'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Mobile Safari/537.36',
        }
      : {}),
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  await context.addInitScript(() => {
    const w = /** @type {any} */ (window)
    w.__fs = { lcp: 0, lcpNode: '', cls: 0, ready: 0, shifts: /** @type {string[]} */ ([]) }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const entry = /** @type {any} */ (e)
        w.__fs.lcp = entry.startTime
        const el = entry.element
        w.__fs.lcpNode = el ? `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}` : ''
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const entry = /** @type {any} */ (e)
        if (entry.hadRecentInput) continue
        w.__fs.cls += entry.value
        const nodes = (entry.sources || []).map(
          (/** @type {any} */ src) =>
            src.node &&
            `${src.node.nodeName.toLowerCase()}.${String(src.node.className).split(' ')[0]} ` +
              `y ${Math.round(src.previousRect.y)}→${Math.round(src.currentRect.y)} ` +
              `h ${Math.round(src.previousRect.height)}→${Math.round(src.currentRect.height)}`,
        )
        w.__fs.shifts.push(`${entry.value.toFixed(3)} @${Math.round(entry.startTime)} ${nodes.join(' ')}`)
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  if (lhDevice) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  if (throttle) {
    // Lighthouse's mobile preset: 150 ms RTT, 1.6 Mbps down, 750 Kbps up.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    })
  }
  /** @type {Map<string, Req>} */
  const reqs = new Map()
  let t0 = 0
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!t0 && e.type === 'Document') t0 = e.timestamp
    /** @type {Req} */
    const r = {
      id: e.requestId,
      url: e.request.url,
      type: e.type ?? 'Other',
      start: e.timestamp,
      end: 0,
      bytes: 0,
      head: 0,
    }
    if (e.request.url.endsWith('/api') && e.request.postData) {
      try {
        r.action = JSON.parse(e.request.postData).action
      } catch {
        r.action = '?'
      }
    }
    reqs.set(e.requestId, r)
  })
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId)
    // What had arrived when the headers were read: the headers' share of the transfer.
    if (r) Object.assign(r, { status: e.response.status, head: e.response.encodedDataLength ?? 0 })
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId)
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength })
  })

  await page.goto(`${base}/#${spec.hash}`)
  await page.locator(spec.ready).first().waitFor({ timeout: 30_000 })
  // The content's paint: the next frame after it entered the DOM.
  const readyAt = await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  )
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(500)
  const fs = await page.evaluate(() => /** @type {any} */ (window).__fs)
  const images = await page.evaluate(() =>
    Array.from(document.images)
      .filter((img) => img.complete && img.naturalWidth > 0 && !img.src.startsWith('data:'))
      .map((img) => {
        const box = img.getBoundingClientRect()
        return {
          src: new URL(img.currentSrc || img.src).pathname,
          natural: `${img.naturalWidth}×${img.naturalHeight}`,
          shown: `${Math.round(box.width)}×${Math.round(box.height)}`,
          aboveFold: box.top < innerHeight && box.bottom > 0,
          hasSize: img.hasAttribute('width') && img.hasAttribute('height'),
          loading: img.loading,
          priority: img.getAttribute('fetchpriority') || '',
        }
      }),
  )
  await context.close()

  const rel = (/** @type {number} */ t) => Math.round((t - t0) * 1000)
  const list = [...reqs.values()].filter((r) => r.end > 0 || r.type === 'Fetch' || r.type === 'XHR')
  const readyAbs = t0 + /** @type {number} */ (readyAt) / 1000
  const before = list.filter((r) => r.start <= readyAbs)
  const js = before.filter((r) => r.type === 'Script')
  const css = before.filter((r) => r.type === 'Stylesheet')
  const api = list.filter((r) => r.action)
  const apiBefore = api.filter((r) => r.start <= readyAbs)
  const img = list.filter((r) => r.type === 'Image')
  const sum = (/** @type {Req[]} */ l) => l.reduce((t, r) => t + r.bytes, 0)
  const body = (/** @type {Req[]} */ l) => l.reduce((t, r) => t + r.bytes - r.head, 0)
  return {
    page: spec.name,
    jsBeforeScreen: {
      files: js.length,
      bytes: sum(js),
      body: body(js),
      list: js.map((r) => `${new URL(r.url).pathname} ${r.bytes - r.head}`),
    },
    cssBeforeScreen: { files: css.length, bytes: sum(css) },
    apiBeforeScreen: apiBefore.map((r) => r.action),
    apiAll: api.map((r) => r.action),
    chain: {
      html: rel(list.find((r) => r.type === 'Document')?.end ?? t0),
      lastScriptEnd: rel(Math.max(...js.map((r) => r.end))),
      firstApiStart: api.length ? rel(Math.min(...api.map((r) => r.start))) : null,
      firstApiEnd: api.length ? rel(Math.min(...api.map((r) => r.end || Infinity))) : null,
      ready: Math.round(/** @type {number} */ (readyAt)),
    },
    lcp: { ms: Math.round(fs.lcp), node: fs.lcpNode },
    cls: Math.round(fs.cls * 1000) / 1000,
    shifts: /** @type {string[]} */ (fs.shifts),
    images: { requests: img.length, bytes: sum(img), list: images },
  }
}

const server = givenUrl ? { url: givenUrl, stop: async () => {} } : await startServer()
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
  ],
})
/** @type {Awaited<ReturnType<typeof measure>>[]} */
const results = []
try {
  for (const spec of PAGES.filter((p) => !only || p.name.startsWith(only))) {
    for (let i = 0; i < runs; i++) results.push(await measure(browser, server.url, spec))
  }
} finally {
  await browser.close()
  await server.stop()
}

if (asJson) {
  console.log(JSON.stringify(results, null, 2))
} else {
  const fmt = (/** @type {number} */ n) => `${(n / KB).toFixed(1)} KB`
  console.log(
    `H5 first screen (${throttle ? '150 ms RTT, 1.6 Mbps' : 'no throttling'}; times in ms from navigation)`,
  )
  for (const r of results) {
    console.log(`\n${r.page}`)
    console.log(
      `  JS before content: ${r.jsBeforeScreen.files} files, ${fmt(r.jsBeforeScreen.body)} gzipped (${fmt(r.jsBeforeScreen.bytes)} with headers)`,
    )
    for (const line of r.jsBeforeScreen.list) console.log(`    ${line}`)
    console.log(`  CSS before content: ${r.cssBeforeScreen.files} files, ${fmt(r.cssBeforeScreen.bytes)}`)
    console.log(
      `  api before content: ${r.apiBeforeScreen.join(', ') || '—'}; all api calls: ${r.apiAll.join(', ') || '—'}`,
    )
    const c = r.chain
    console.log(
      `  chain: html ${c.html} → last script ${c.lastScriptEnd} → api ${c.firstApiStart ?? '—'}…${c.firstApiEnd ?? '—'} → content ${c.ready}`,
    )
    console.log(`  LCP ${r.lcp.ms} ms (${r.lcp.node || '?'}), CLS ${r.cls}`)
    for (const shift of r.shifts) console.log(`    layout shift ${shift}`)
    console.log(`  images: ${r.images.requests} requests, ${fmt(r.images.bytes)}`)
    for (const i of r.images.list)
      console.log(
        `    ${i.src} ${i.natural} shown ${i.shown}${i.aboveFold ? ' above fold' : ''}${i.hasSize ? ' sized' : ''} ${i.loading}${i.priority ? ` ${i.priority}` : ''}`,
      )
  }
}
