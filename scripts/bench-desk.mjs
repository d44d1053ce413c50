// Latency of the lead desk's inbox (leads.list) over 10,000 leads in SQLite, through the router
// in-process as a member of staff: page 1 (with the status counts and the due block) vs page 50
// reached through the keyset cursor, for all leads, one status tab, and a phone-tail search.
// Usage: node scripts/build-api.mjs && node scripts/bench-desk.mjs   Env: BENCH_RUNS (default 300).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { measure, ms } from './lib/stats.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bundle = path.join(root, 'build', 'bench-api.cjs')

const LEADS = 10_000
const RUNS = Math.min(Math.max(Number(process.env.BENCH_RUNS) || 300, 10), 10_000)
const WARMUP = 50
const PAGE = 50
const LIMIT = 20

if (!existsSync(bundle)) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-api.mjs')], {
    stdio: 'inherit',
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

/** @type {import('../server/bench')} */
const { openSqliteStorage, createApi } = createRequire(import.meta.url)(bundle)

/** Warm (JIT, statement cache) before timing: WARMUP calls first. @param {number} runs @param {() => Promise<unknown>} fn */
async function warmAndMeasure(runs, fn) {
  for (let i = 0; i < WARMUP; i++) await fn()
  return measure(runs, fn)
}

/** @param {any} result */
function unwrap(result) {
  if (!result.ok) throw new Error(`api error: ${JSON.stringify(result.error)}`)
  return result.data
}

/** @type {import('../src/domain/lead-pipeline').LeadStage[]} */
const STAGES = ['new', 'new', 'new', 'contacted', 'contacted', 'visiting', 'signed', 'invalid']
const SOURCES = ['pst01', 'qr02', 'share', undefined]
/** @type {import('../src/domain/staff').StaffMember[]} */
const staff = [
  {
    id: 's-owner',
    openid: 'o-owner',
    name: '张经理',
    mobile: '13900001111',
    role: 'owner',
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: 's-agent',
    openid: 'o-agent',
    name: '李顾问',
    mobile: '13900002222',
    role: 'agent',
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  },
]

const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-bench-'))
/** @type {ReturnType<typeof openSqliteStorage> | undefined} */
let storage
try {
  storage = openSqliteStorage(path.join(dir, 'desk.sqlite'))
  const s = storage
  const t0 = Date.parse('2026-01-01T00:00:00.000Z')
  let start = process.hrtime.bigint()
  for (let i = 0; i < LEADS; i++) {
    const at = new Date(t0 + i * 7 * 60_000).toISOString()
    await s.insertInquiry(
      {
        id: `lead${String(i).padStart(6, '0')}`,
        openid: `o-v${i % 3000}`,
        idempotencyKey: `bench-key-${String(i).padStart(8, '0')}`,
        needType: 'rent-factory',
        industry: '精密机械',
        company: `公司${i}`,
        contactName: `客户${i}`,
        phone: `135${String(i).padStart(8, '0')}`,
        remark: '',
        consent: true,
        source: SOURCES[i % SOURCES.length],
        parkId: i % 5 ? 'p012' : undefined,
        status: 'new',
        createdAt: at,
        updatedAt: at,
      },
      [],
    )
  }
  for (let i = 0; i < LEADS; i++) {
    const stage = STAGES[i % STAGES.length]
    if (stage === 'new') continue
    const id = `lead${String(i).padStart(6, '0')}`
    const at = new Date(t0 + i * 7 * 60_000 + 30 * 60_000).toISOString()
    await s.desk.updateLead(
      id,
      1,
      {
        stage,
        firstContactedAt: at,
        firstContactedBy: 's-agent',
        assigneeId: i % 2 ? 's-agent' : 's-owner',
        nextFollowUp: i % 11 === 0 ? '2026-03-01' : undefined,
        invalidReason: stage === 'invalid' ? '空号' : undefined,
      },
      at,
    )
  }
  const seedMs = ms(start)

  const api = createApi({
    storage: s,
    leads: s,
    desk: s.desk,
    // The two lookups the desk makes; the bench seats no one through the claim flow.
    staff: /** @type {import('../cloudfunctions/api/src/ports/staff-store').StaffStore} */ (
      /** @type {unknown} */ ({
        findStaffByOpenid: async (/** @type {string} */ o) => staff.find((m) => m.openid === o) ?? null,
        listStaff: async () => staff,
      })
    ),
    audit: { record: async () => {} },
  })
  /** @param {object} payload */
  const list = (payload) =>
    api(
      { action: 'leads.list', payload: { limit: LIMIT, ...payload } },
      { openid: 'o-agent', source: 'local' },
    )

  /** The cursor of page 50, reached as the app would: 49 pages first. */
  const cursorOf = async (/** @type {object} */ query) => {
    /** @type {string | null} */
    let cursor = null
    for (let page = 1; page < PAGE; page++) {
      cursor = unwrap(await list({ ...query, cursor })).nextCursor
      if (!cursor) return null
    }
    return cursor
  }

  /** @type {Array<[string, Record<string, unknown>]>} */
  const queries = [
    ['all leads', {}],
    ['tab new (新线索)', { stage: 'new' }],
    ['tab contacted (已联系)', { stage: 'contacted' }],
  ]
  /** @type {[string, Awaited<ReturnType<typeof measure>>][]} */
  const rows = []
  for (const [label, q] of queries) {
    rows.push([`${label}, page 1`, await warmAndMeasure(RUNS, () => list(q))])
    const c = await cursorOf(q)
    if (c) rows.push([`${label}, page ${PAGE}`, await warmAndMeasure(RUNS, () => list({ ...q, cursor: c }))])
  }
  rows.push(['search phone tail, page 1', await warmAndMeasure(RUNS, () => list({ q: '4321' }))])
  rows.push(['search name, page 1', await warmAndMeasure(RUNS, () => list({ q: '客户99' }))])
  rows.push([
    'leads.get (detail)',
    await warmAndMeasure(RUNS, () =>
      api({ action: 'leads.get', payload: { id: 'lead005000' } }, { openid: 'o-agent', source: 'local' }),
    ),
  ])

  /** @param {number} n */
  const f = (n) => n.toFixed(3).padStart(8)
  console.log('')
  console.log(
    `leads.list — ${LEADS.toLocaleString('en')} leads in SQLite (WAL), seeded in ${seedMs.toFixed(0)} ms; ${LIMIT} per page`,
  )
  console.log('page 1 also counts leads per status and reads the due follow-ups; later pages do neither')
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}; ${WARMUP} warm-up runs of each first`,
  )
  console.log('')
  console.log(
    `${'what'.padEnd(30)}${'runs'.padStart(6)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}`,
  )
  for (const [label, r] of rows)
    console.log(`${label.padEnd(30)}${String(r.runs).padStart(6)} ${f(r.p50)} ${f(r.p99)} ${f(r.max)}`)
  console.log('')
} finally {
  storage?.close()
  rmSync(dir, { recursive: true, force: true })
}
