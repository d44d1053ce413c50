// `npm run lighthouse`: Lighthouse 12 (mobile, default simulated throttling, performance only)
// on the H5 first screens, against a freshly started local runtime (build/server.cjs on a free
// port, a throw-away DATA_DIR seeded from mock/), in Debian's Chromium. Each page is measured
// `--runs` times (default 3) and the median run is printed beside issue 10's goals.
// Numbers only: it exits 0 whatever the figures are; non-zero only when the tooling breaks
// (no build, the server or Chromium does not start, a Lighthouse run fails).
//
// Usage: node scripts/lighthouse.mjs [--runs 3] [--pages home,parks,park,article] [--json] [--out file]
//          [--settle 90]
//   --runs    Lighthouse runs per page (default 3); each figure is the median over the runs
//   --pages   a subset of: home, parks, park, article (default all)
//   --json    print the summary as JSON instead of the table
//   --out     where to write the JSON summary (default test-results/lighthouse.json)
//   --settle  wait up to this many seconds (default 90; 0: none) for the machine to go quiet
//             (1-minute load average below half the cores) before measuring: Lighthouse's
//             simulation scales the CPU time it observes, so a build or test run still winding
//             down inflates TBT and LCP. The wait and the load are printed with the figures.
// CHROME_PATH overrides /usr/bin/chromium.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { root } from './lib/build-targets.mjs'
import { printUsage } from './lib/usage.mjs'

const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium'
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const START_TIMEOUT_MS = 20_000

/** Issue 10's goals for every page. */
const GOALS = { performance: 97, lcpMs: 2200, tbtMs: 150, cls: 0.02, jsKb: 150 }

/** @typedef {{ key: string, label: string, route: string }} PageSpec */

const readJson = (/** @type {string} */ file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'))
/** @type {{ id: string }[]} */
const mockParks = readJson('mock/parks.json')
/** @type {{ id: string }[]} */
const mockArticles = readJson('mock/articles.json')

/** @type {PageSpec[]} */
const PAGES = [
  { key: 'home', label: 'home', route: '/#/pages/index/index' },
  { key: 'parks', label: 'parks tab', route: '/#/pages/parks/index' },
  {
    key: 'park',
    label: `park detail (${mockParks[0].id})`,
    route: `/#/packages/park/detail/index?id=${encodeURIComponent(mockParks[0].id)}`,
  },
  {
    key: 'article',
    label: 'article detail',
    route: `/#/packages/article/detail/index?id=${encodeURIComponent(mockArticles[0].id)}`,
  },
]

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ runs: number, pages: PageSpec[], json: boolean, out: string, settleSeconds: number }} */
  const opts = {
    runs: 3,
    pages: PAGES,
    json: false,
    out: path.join(root, 'test-results', 'lighthouse.json'),
    settleSeconds: 90,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) usage(`${arg} needs a value`)
      return v
    }
    if (arg === '--runs') opts.runs = Number(value())
    else if (arg === '--pages') {
      const keys = value().split(',')
      const unknown = keys.filter((k) => !PAGES.some((p) => p.key === k))
      if (unknown.length) usage(`unknown page ${unknown.join(', ')}`)
      opts.pages = PAGES.filter((p) => keys.includes(p.key))
    } else if (arg === '--json') opts.json = true
    else if (arg === '--out') opts.out = path.resolve(value())
    else if (arg === '--settle') opts.settleSeconds = Number(value())
    else if (arg === '--help' || arg === '-h') usage()
    else usage(`unknown option ${arg}`)
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs must be a whole number ≥ 1')
  if (!(opts.settleSeconds >= 0)) usage('--settle must be a number of seconds ≥ 0')
  return opts
}

/** @param {string} [problem] @returns {never} */
const usage = (problem) => printUsage(import.meta.url, 'lighthouse', problem)

/**
 * Starts build/server.cjs on 127.0.0.1, port 0, with a fresh DATA_DIR (the server seeds it
 * from mock/ at start); resolves with its base URL.
 * @param {string} dataDir
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
async function startServer(dataDir) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }
  delete env.LEADS_WEBHOOK_URL
  const child = spawn(process.execPath, [path.join(root, 'build', 'server.cjs')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), START_TIMEOUT_MS)
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      output += chunk.toString()
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${m[1]}`)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}):\n${output}`))
    })
  })
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGINT')
      }),
  }
}

/**
 * @typedef {object} RunFigures
 * @property {number} performance  category score, 0–100
 * @property {number} fcpMs        simulated First Contentful Paint
 * @property {number} lcpMs        simulated Largest Contentful Paint
 * @property {number} tbtMs        simulated Total Blocking Time
 * @property {number} cls          Cumulative Layout Shift
 * @property {number} jsBytes      gzip bytes of the Script requests finished before the observed LCP
 * @property {number} jsWireBytes  their transfer bytes (Brotli + headers)
 * @property {string[]} jsFiles    those scripts (path and KB)
 * @property {number} transferBytes total transfer of the load (total-byte-weight)
 * @property {number} requests     network requests of the load
 */

/**
 * Lighthouse 12 with this Chromium now and then fails to record a trace (NO_NAVSTART) and
 * succeeds when run again: a run is tried up to three times before the tool counts as broken.
 * @template T
 * @param {string} label
 * @param {() => Promise<T>} attempt
 * @returns {Promise<T>}
 */
async function withRetries(label, attempt) {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt()
    } catch (err) {
      if (tries >= 3) throw err
      process.stderr.write(`  ${label}: ${err instanceof Error ? err.message : String(err)}; trying again\n`)
    }
  }
}

/**
 * The figures of one Lighthouse result.
 * "JS before first screen": every request of resourceType Script whose networkEndTime (in the
 * observed, unthrottled trace) is at or before the observed LCP, summed as gzip (zlib's default
 * level, what the issue's goal and its "before" figures count) of the built file. The server
 * sends the build's Brotli copies, so the bytes on the wire (transferSize, headers included) are
 * smaller; they are the "on the wire" figure. LCP is the first screen's content here (the H5 app
 * draws its first screen from JS), so these are the scripts the first screen waited for or
 * competed with.
 * @param {any} lhr
 * @returns {RunFigures}
 */
function figures(lhr) {
  const audits = lhr.audits
  const metrics = audits.metrics?.details?.items?.[0] ?? {}
  const net = audits['network-requests']?.details ?? {}
  /** @type {any[]} */
  const requests = net.items ?? []
  const startTs = net.debugData?.networkStartTimeTs
  const lcpTs = metrics.observedLargestContentfulPaintTs ?? metrics.observedFirstContentfulPaintTs
  // Both are trace timestamps in µs; request times are ms since the first request started.
  const lcpAt = Number.isFinite(startTs) && Number.isFinite(lcpTs) ? (lcpTs - startTs) / 1000 : Infinity
  const scripts = requests.filter(
    (r) => r.resourceType === 'Script' && Number.isFinite(r.networkEndTime) && r.networkEndTime <= lcpAt,
  )
  return {
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcpMs: audits['first-contentful-paint'].numericValue,
    lcpMs: audits['largest-contentful-paint'].numericValue,
    tbtMs: audits['total-blocking-time'].numericValue,
    cls: audits['cumulative-layout-shift'].numericValue,
    jsBytes: scripts.reduce((sum, r) => sum + gzipBytes(r.url), 0),
    jsWireBytes: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    jsFiles: scripts.map(
      (r) =>
        `${new URL(r.url).pathname} ${(gzipBytes(r.url) / 1024).toFixed(1)} KB` +
        ` (${((r.transferSize ?? 0) / 1024).toFixed(1)} KB on the wire)`,
    ),
    transferBytes: audits['total-byte-weight'].numericValue,
    requests: requests.length,
  }
}

/** @type {Map<string, number>} */
const gzipCache = new Map()
/** The gzip size (zlib's default level) of a served script, from dist-h5/. @param {string} url */
function gzipBytes(url) {
  const pathname = new URL(url).pathname
  let size = gzipCache.get(pathname)
  if (size === undefined) {
    const file = path.join(root, 'dist-h5', path.normalize(pathname))
    size = existsSync(file) ? gzipSync(readFileSync(file)).length : 0
    gzipCache.set(pathname, size)
  }
  return size
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/**
 * The median of each figure over the runs (each figure on its own, as the issue's table does).
 * @param {RunFigures[]} runs
 */
function summarise(runs) {
  /** @param {(r: RunFigures) => number} pick */
  const med = (pick) => median(runs.map(pick))
  // The file list of the run whose JS figure is the median, so the list adds up to the figure.
  const jsMedian = med((r) => r.jsBytes)
  const jsRun = runs.reduce((best, r) =>
    Math.abs(r.jsBytes - jsMedian) < Math.abs(best.jsBytes - jsMedian) ? r : best,
  )
  return {
    performance: med((r) => r.performance),
    fcpMs: Math.round(med((r) => r.fcpMs)),
    lcpMs: Math.round(med((r) => r.lcpMs)),
    tbtMs: Math.round(med((r) => r.tbtMs)),
    cls: Number(med((r) => r.cls).toFixed(3)),
    jsKb: Number((jsMedian / 1024).toFixed(1)),
    jsWireKb: Number((med((r) => r.jsWireBytes) / 1024).toFixed(1)),
    transferKb: Number((med((r) => r.transferBytes) / 1024).toFixed(1)),
    requests: med((r) => r.requests),
    jsFiles: jsRun.jsFiles,
    range: {
      performance: [Math.min(...runs.map((r) => r.performance)), Math.max(...runs.map((r) => r.performance))],
      lcpMs: [
        Math.round(Math.min(...runs.map((r) => r.lcpMs))),
        Math.round(Math.max(...runs.map((r) => r.lcpMs))),
      ],
      tbtMs: [
        Math.round(Math.min(...runs.map((r) => r.tbtMs))),
        Math.round(Math.max(...runs.map((r) => r.tbtMs))),
      ],
    },
  }
}

/** @typedef {ReturnType<typeof summarise> & { page: string, url: string }} PageSummary */

/** @param {boolean} ok */
const mark = (ok) => (ok ? '✓' : '✗')

/** @param {PageSummary[]} rows */
function formatTable(rows) {
  const head = [
    'page',
    'performance',
    'LCP',
    'TBT',
    'CLS',
    'JS before first screen (gzip)',
    'on the wire',
    'transfer',
  ]
  const goals = [
    'goal',
    `≥ ${GOALS.performance}`,
    `≤ ${(GOALS.lcpMs / 1000).toFixed(1)} s`,
    `≤ ${GOALS.tbtMs} ms`,
    `≤ ${GOALS.cls}`,
    `≤ ${GOALS.jsKb} KB`,
    '',
    '',
  ]
  const body = rows.map((r) => [
    r.page,
    `${r.performance} ${mark(r.performance >= GOALS.performance)}`,
    `${(r.lcpMs / 1000).toFixed(2)} s ${mark(r.lcpMs <= GOALS.lcpMs)}`,
    `${r.tbtMs} ms ${mark(r.tbtMs <= GOALS.tbtMs)}`,
    `${r.cls.toFixed(3)} ${mark(r.cls <= GOALS.cls)}`,
    `${r.jsKb.toFixed(1)} KB ${mark(r.jsKb <= GOALS.jsKb)}`,
    `${r.jsWireKb.toFixed(1)} KB`,
    `${r.transferKb.toFixed(1)} KB`,
  ])
  const all = [head, goals, ...body]
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  /** @param {string[]} cells */
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(head), rule, line(goals), ...body.map(line)].join('\n')
}

const opts = parseArgs(process.argv.slice(2))
const started = Date.now()

// The runtime measures what `npm start` serves: build the H5 app and the server bundle if stale.
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-builds.mjs'), 'h5', 'api'], {
  cwd: root,
  stdio: ['ignore', opts.json ? 'ignore' : 'inherit', 'inherit'],
})
if (built.status !== 0) process.exit(built.status ?? 1)
if (!existsSync(CHROME_PATH)) {
  console.error(`lighthouse: no Chromium at ${CHROME_PATH} (apt-get install chromium, or set CHROME_PATH)`)
  process.exit(1)
}

/**
 * Waits (up to `seconds`) until the 1-minute load average is below half the cores; resolves with
 * the seconds waited and the load average then.
 * @param {number} seconds
 */
async function settle(seconds) {
  const quiet = availableParallelism() / 2
  const start = Date.now()
  while (loadavg()[0] >= quiet && Date.now() - start < seconds * 1000) {
    await new Promise((r) => setTimeout(r, 2000))
  }
  return {
    waitedSeconds: Math.round((Date.now() - start) / 1000),
    loadAverage: Number(loadavg()[0].toFixed(2)),
  }
}

const settled = await settle(opts.settleSeconds)
if (!opts.json && settled.waitedSeconds > 0) {
  console.log(
    `Waited ${settled.waitedSeconds} s for a quieter machine (1-minute load average now ${settled.loadAverage}).`,
  )
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'park-leads-lighthouse-'))
/** @type {Awaited<ReturnType<typeof startServer>> | null} */
let server = null
/** @type {chromeLauncher.LaunchedChrome | null} */
let chrome = null
let exitCode = 0
try {
  server = await startServer(dataDir)
  const base = server.url
  // Warm the server once (first reads of the SQLite file, the static files' compression).
  for (const p of opts.pages) await fetch(base + p.route).then((r) => r.arrayBuffer())

  const browser = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  })
  chrome = browser
  /** @type {PageSummary[]} */
  const rows = []
  for (const page of opts.pages) {
    const url = base + page.route
    /** @type {RunFigures[]} */
    const runs = []
    for (let i = 0; i < opts.runs; i++) {
      const lhr = await withRetries(`${page.label} run ${i + 1}`, async () => {
        const result = await lighthouse(
          url,
          { port: browser.port, output: 'json', logLevel: 'silent' },
          {
            extends: 'lighthouse:default',
            settings: {
              onlyCategories: ['performance'],
              formFactor: 'mobile',
              throttlingMethod: 'simulate',
              // Not figures we print; skipping them saves seconds per run.
              disableFullPageScreenshot: true,
              skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
            },
          },
        )
        if (!result?.lhr) throw new Error(`Lighthouse returned nothing for ${url}`)
        if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`)
        return result.lhr
      })
      runs.push(figures(lhr))
      if (!opts.json)
        process.stderr.write(`  ${page.label} run ${i + 1}/${opts.runs}: ${runs[i].performance}\n`)
    }
    rows.push({ page: page.label, url: page.route, ...summarise(runs) })
  }

  const summary = {
    meta: {
      date: new Date().toISOString(),
      lighthouse: JSON.parse(readFileSync(path.join(root, 'node_modules/lighthouse/package.json'), 'utf8'))
        .version,
      chrome: CHROME_PATH,
      runs: opts.runs,
      settings: 'mobile, simulated throttling (default), performance category',
      jsBeforeFirstScreen:
        'sum of the gzip size (zlib default level) of the built files of the Script requests whose ' +
        'networkEndTime in the observed (unthrottled) trace is at or before the observed LCP; ' +
        'jsWireKb: their transferSize (Brotli body + headers)',
      goals: GOALS,
      seconds: Math.round((Date.now() - started) / 1000),
      settled,
      // Lighthouse's simulation scales the CPU time it observed: a busy machine inflates TBT and LCP.
      loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
    },
    pages: rows,
  }
  mkdirSync(path.dirname(opts.out), { recursive: true })
  writeFileSync(opts.out, JSON.stringify(summary, null, 2) + '\n')

  if (opts.json) console.log(JSON.stringify(summary, null, 2))
  else {
    console.log(
      `\nLighthouse ${summary.meta.lighthouse} — H5 on the local runtime (build/server.cjs, mock/ data), ` +
        `mobile, simulated throttling, median of ${opts.runs} runs per figure`,
    )
    console.log('')
    console.log(formatTable(rows))
    console.log('')
    console.log(
      'JS before first screen = gzip size (zlib default level) of the scripts whose download finished, in the\n' +
        'observed unthrottled trace, at or before the observed LCP; on the wire = their transfer size (the server\n' +
        "sends the build's Brotli copies; headers included). transfer = total-byte-weight of the load.",
    )
    for (const r of rows) console.log(`  ${r.page}: ${r.jsFiles.join(', ') || '(none)'}`)
    console.log(
      `Summary in ${path.relative(root, opts.out)}. Took ${summary.meta.seconds} s; load average ` +
        `${summary.meta.loadAverage.join(' ')} (simulated TBT/LCP scale with observed CPU time: a busy machine inflates them).`,
    )
  }
} catch (err) {
  console.error(`lighthouse: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  exitCode = 1
} finally {
  if (chrome) await Promise.resolve(chrome.kill()).catch(() => {})
  if (server) await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
process.exit(exitCode)
