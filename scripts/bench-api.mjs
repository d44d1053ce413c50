// Latency of parks.list over 10,000 parks in SQLite: the router in-process (page 1, and page 50
// reached through the cursor) and the local server over HTTP on 127.0.0.1; parks.match over the
// same catalogue and visits.record (issue 9) through the router.
// Usage: node scripts/build-api.mjs && node scripts/bench-api.mjs
//   (builds build/bench-api.cjs itself when it is missing). Env: BENCH_RUNS (default 300).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { measure, ms } from './lib/stats.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bundle = path.join(root, 'build', 'bench-api.cjs')

const PARKS = 10_000
const RUNS = Math.min(Math.max(Number(process.env.BENCH_RUNS) || 300, 10), 10_000)
const WARMUP = 100
const PAGE = 50
// A price sort needs a deal (rent and sale prices are in different units).
const QUERY = { district: 'songjiang', type: 'factory', deal: 'rent', sort: 'price_asc', limit: 10 }

if (!existsSync(bundle)) {
  console.log('build/bench-api.cjs missing: running scripts/build-api.mjs')
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-api.mjs')], {
    stdio: 'inherit',
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

/** @type {import('../server/bench')} */
const bench = createRequire(import.meta.url)(bundle)
const { openSqliteStorage, createApi, createServer, makeSyntheticParks } = bench

/** @param {...() => Promise<unknown>} fns */
async function warmUp(...fns) {
  for (const fn of fns) for (let i = 0; i < WARMUP; i++) await fn()
}

/**
 * @template T
 * @param {import('../src/domain/result').ApiResult<T>} result
 */
function unwrap(result) {
  if (!result.ok) throw new Error(`api error: ${JSON.stringify(result.error)}`)
  return result.data
}

/**
 * @param {number} port
 * @param {http.Agent} agent
 * @param {string} body
 */
function post(port, agent, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = []
        res.on('data', (/** @type {Buffer} */ c) => chunks.push(c))
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`))
          else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'park-bench-'))
/** @type {ReturnType<typeof openSqliteStorage> | undefined} */
let storage
/** @type {import('node:http').Server | undefined} */
let server
/** @type {http.Agent | undefined} */
let agent
try {
  const parks = makeSyntheticParks(PARKS)
  storage = openSqliteStorage(path.join(dir, 'bench.sqlite'))
  let start = process.hrtime.bigint()
  storage.seedFromMock({ articles: [], parks })
  const seedMs = ms(start)
  const matching = parks.filter((p) => p.district === QUERY.district && p.type === QUERY.type).length

  const api = createApi({ storage, visits: storage.visits })
  /** @type {import('../cloudfunctions/api/src/router').CallContext} */
  const ctx = { openid: 'bench', source: 'local' }
  /**
   * @param {string | null} cursor
   * @returns {Promise<import('../src/domain/result').ApiResult<import('../src/domain/park').ParkPage>>}
   */
  const list = async (cursor) =>
    /** @type {any} */ (await api({ action: 'parks.list', payload: { ...QUERY, cursor } }, ctx))

  // The cursor of page 50, reached the way a client would: 49 pages first.
  /** @type {string | null} */
  let cursor = null
  for (let page = 1; page < PAGE; page++) {
    cursor = unwrap(await list(cursor)).nextCursor
    if (!cursor) throw new Error(`the query has no page ${page + 1}`)
  }
  const page50 = unwrap(await list(cursor))
  if (page50.items.length !== QUERY.limit) throw new Error('page 50 is not full')

  const listening = createServer({ storage, staticDir: dir, mediaDir: dir })
  server = listening
  await new Promise((resolve) => listening.listen(0, '127.0.0.1', () => resolve(undefined)))
  const { port } = /** @type {import('node:net').AddressInfo} */ (listening.address())
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 })
  agent = keepAlive
  const page1Body = JSON.stringify({ action: 'parks.list', payload: QUERY })
  const page50Body = JSON.stringify({ action: 'parks.list', payload: { ...QUERY, cursor } })
  // parks.match reads at most 500 candidates of the need's kind and ≤ 40 full records.
  const need = {
    needType: 'rent-factory',
    district: 'songjiang',
    areaMin: 2000,
    industry: '新能源汽车零部件',
    taxBracket: '50-200',
  }
  /** @param {string} action @param {unknown} payload @param {import('../cloudfunctions/api/src/router').CallContext} [c] */
  const call = async (action, payload, c = ctx) => {
    const answer = /** @type {any} */ (await api({ action, payload }, c))
    if (!answer.ok) throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`)
    return answer
  }
  let visitor = 0
  const visitBatch = {
    visits: [
      { kind: 'scan', source: 'bench1', page: '/pages/index/index', at: new Date().toISOString() },
      { kind: 'view', source: 'bench1', parkId: parks[0].id, at: new Date().toISOString() },
    ],
  }
  const cases = {
    routerMatch: () => call('parks.match', need),
    // A visitor per batch: the per-visitor limit (120/h) is not what is measured.
    routerVisits: () => call('visits.record', visitBatch, { openid: `bench-v${visitor++}`, source: 'local' }),
    routerPage1: () => list(null),
    routerPage50: () => list(cursor),
    httpPage1: () => post(port, keepAlive, page1Body),
    httpPage50: () => post(port, keepAlive, page50Body),
  }
  // Every path warm (JIT, statement cache, sockets) before any is measured.
  await warmUp(...Object.values(cases))
  const routerMatch = await measure(RUNS, cases.routerMatch)
  const routerVisits = await measure(RUNS, cases.routerVisits)
  const routerPage1 = await measure(RUNS, cases.routerPage1)
  const routerPage50 = await measure(RUNS, cases.routerPage50)
  const httpPage1 = await measure(RUNS, cases.httpPage1)
  const httpPage50 = await measure(RUNS, cases.httpPage50)

  /** @param {number} n */
  const f = (n) => n.toFixed(3).padStart(8)
  /** @type {[string, Awaited<ReturnType<typeof measure>>][]} */
  const rows = [
    ['router   page 1', routerPage1],
    [`router   page ${PAGE} (cursor)`, routerPage50],
    ['HTTP     page 1', httpPage1],
    [`HTTP     page ${PAGE} (cursor)`, httpPage50],
    ['router   parks.match', routerMatch],
    ['router   visits.record (2)', routerVisits],
  ]
  console.log('')
  console.log(
    `parks.list — ${PARKS.toLocaleString('en')} parks in SQLite (WAL), seeded in ${seedMs.toFixed(0)} ms`,
  )
  console.log(
    `query: district=${QUERY.district} type=${QUERY.type} sort=${QUERY.sort} limit=${QUERY.limit}  (${matching} matching rows)`,
  )
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}; ${WARMUP} warm-up runs of each first`,
  )
  console.log('')
  console.log(
    `${'what'.padEnd(26)}${'runs'.padStart(6)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}`,
  )
  for (const [label, r] of rows) {
    console.log(`${label.padEnd(26)}${String(r.runs).padStart(6)} ${f(r.p50)} ${f(r.p99)} ${f(r.max)}`)
  }
  console.log('')
} finally {
  agent?.destroy()
  const open = server
  if (open) await new Promise((resolve) => open.close(() => resolve(undefined)))
  storage?.close()
  rmSync(dir, { recursive: true, force: true })
}
