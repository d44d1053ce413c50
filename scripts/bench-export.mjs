// export.leads over 10,000 leads in SQLite: wall time (first export, which loads exceljs, and
// the median of the next ones), the file's size, and the process's peak RSS. The export runs in
// a child process of its own so the peak is the export's, not the seeding's.
// Reads are keyset pages of 1,000 (what CloudBase allows); the workbook is streamed.
// Usage: node scripts/build-api.mjs && node scripts/bench-export.mjs
//   (builds build/bench-api.cjs itself when it is missing). Env: BENCH_RUNS (default 5).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ms, percentile } from './lib/stats.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bundle = path.join(root, 'build', 'bench-api.cjs')
const LEADS = 10_000
const RUNS = Math.min(Math.max(Number(process.env.BENCH_RUNS) || 5, 2), 50)
// One lead a minute from here: 10,000 span 2026-01-01 .. 2026-01-07 (UTC), all inside the range.
const START = '2026-01-01T00:00:00.000Z'
const RANGE = { from: '2025-12-31', to: '2026-01-08' }
const MB = 1024 * 1024

if (!existsSync(bundle)) {
  console.log('build/bench-api.cjs missing: running scripts/build-api.mjs')
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-api.mjs')], {
    stdio: 'inherit',
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

/** @type {import('../server/bench')} */
const bench = createRequire(import.meta.url)(bundle)

/** @type {import('../src/domain/staff').StaffMember} */
const OWNER = {
  id: 'bench-owner',
  openid: 'o-bench-owner',
  name: '基准',
  mobile: '13900000000',
  role: 'owner',
  active: true,
  createdAt: START,
}

/**
 * The child: open the seeded file, export RUNS times, print one JSON line.
 * @param {string} file
 */
async function child(file) {
  const storage = bench.openSqliteStorage(file)
  const files = bench.createOneTimeFiles()
  const api = bench.createApi({
    storage,
    leads: storage,
    // Only the guard's lookups are used by an export: the rest of the store is never reached.
    staff: /** @type {import('../cloudfunctions/api/src/ports/staff-store').StaffStore} */ (
      /** @type {unknown} */ ({
        findStaffByOpenid: async (/** @type {string} */ id) => (id === OWNER.openid ? OWNER : null),
        listStaff: async () => [OWNER],
      })
    ),
    audit: { record: async () => {} },
    exportReader: storage,
    exportFiles: files,
  })
  const rssBefore = process.memoryUsage().rss
  /** @type {number[]} */
  const samples = []
  let rows = 0
  let bytes = 0
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint()
    const res = await api(
      { action: 'export.leads', payload: RANGE },
      { openid: OWNER.openid, source: 'local' },
    )
    samples.push(ms(start))
    if (!res.ok) throw new Error(`export failed: ${JSON.stringify(res.error)}`)
    const data = /** @type {import('../src/domain/export').ExportLeadsResult} */ (res.data)
    rows = data.rows
    bytes = files.take(data.url.slice('/exports/'.length))?.bytes.length ?? 0
  }
  storage.close()
  const warm = samples.slice(1).sort((a, b) => a - b)
  process.stdout.write(
    `${JSON.stringify({
      rows,
      bytes,
      first: samples[0],
      warmP50: percentile(warm, 50),
      warmMax: warm[warm.length - 1],
      rssBefore,
      peakRss: process.resourceUsage().maxRSS * 1024,
    })}\n`,
  )
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-export-'))
  const file = path.join(dir, 'export.sqlite')
  try {
    const seeding = process.hrtime.bigint()
    const storage = bench.openSqliteStorage(file)
    for (const lead of bench.makeSyntheticLeads(LEADS, START)) await storage.insertInquiry(lead, [])
    storage.close()
    console.log(`seeded ${LEADS} leads in ${ms(seeding).toFixed(0)} ms`)

    // Twice: as node starts by default, and with the V8 heap capped at 96 MB, which shows the
    // live set of an export (the default run's peak is mostly garbage not yet collected).
    for (const args of [[], ['--max-old-space-size=96']]) {
      const run = spawnSync(process.execPath, [...args, fileURLToPath(import.meta.url), '--child', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
      if (run.status !== 0) throw new Error(`child failed (${run.status}): ${run.stdout}`)
      const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}')
      if (r.rows !== LEADS) throw new Error(`expected ${LEADS} rows, got ${r.rows}`)
      console.log(
        `export.leads ${args.join(' ') || '(default heap)'}: ${r.rows} rows → ${(r.bytes / MB).toFixed(2)} MB .xlsx`,
      )
      console.log(`  first export (loads exceljs): ${r.first.toFixed(0)} ms`)
      console.log(`  next ${RUNS - 1}: p50 ${r.warmP50.toFixed(0)} ms, max ${r.warmMax.toFixed(0)} ms`)
      console.log(
        `  RSS before ${(r.rssBefore / MB).toFixed(0)} MB, peak ${(r.peakRss / MB).toFixed(0)} MB (cloud function: 256 MB by default)`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--child') await child(process.argv[3])
else await main()
