// setData benchmark of the BUILT weapp (dist/) in miniprogram-simulate: per scenario (open a
// tab, load page two, load pages 2–5 of a 60-park list, filter, open a detail page) the setData
// calls, their JSON bytes, the largest call, the new list rows' own JSON and the ratio of the
// two, the page's rendered node count and the time until the page settled. Runs test/weapp/bench/setdata.bench.ts
// with jest (the weapp project's setup, a testMatch override: the bench is not in `npm test`)
// and prints its table.
//
// Usage: node scripts/bench-weapp.mjs [--runs 5] [--latency 30] [--dist dir] [--json] [--build]
//   --runs     measured passes after one warm-up pass (default 5); figures are medians
//   --latency  ms before each cloud answer arrives (default 30), so loading states render
//   --dist     another weapp build to measure (default dist/), e.g. to compare two builds
//   --json     print { meta, rows } as JSON instead of the table
//   --build    build dist/ first when it is missing or older than src/ (ensure-builds.mjs)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { root, staleReason, TARGETS } from './lib/build-targets.mjs'
import { printUsage } from './lib/usage.mjs'

const BENCH_FILE = 'test/weapp/bench/setdata.bench.ts'

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ runs: number, latency: number, dist: string | null, json: boolean, build: boolean }} */
  const opts = { runs: 5, latency: 30, dist: null, json: false, build: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) usage(`${arg} needs a value`)
      return v
    }
    if (arg === '--runs') opts.runs = Number(value())
    else if (arg === '--latency') opts.latency = Number(value())
    else if (arg === '--dist') opts.dist = path.resolve(value())
    else if (arg === '--json') opts.json = true
    else if (arg === '--build') opts.build = true
    else if (arg === '--help' || arg === '-h') usage()
    else usage(`unknown option ${arg}`)
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs must be a whole number ≥ 1')
  if (!Number.isFinite(opts.latency) || opts.latency < 0) usage('--latency must be ≥ 0 (ms)')
  return opts
}

/** @param {string} [problem] @returns {never} */
const usage = (problem) => printUsage(import.meta.url, 'bench-weapp', problem)

const opts = parseArgs(process.argv.slice(2))
const dist = opts.dist ?? path.join(root, 'dist')

if (opts.build && !opts.dist) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-builds.mjs'), 'weapp'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
if (!existsSync(path.join(dist, 'app.js'))) {
  console.error(
    `bench-weapp: no weapp build in ${path.relative(root, dist) || dist}/ — run \`npm run build:weapp\` ` +
      '(or pass --build) first.',
  )
  process.exit(1)
}
if (!opts.dist) {
  const stale = staleReason(TARGETS.weapp)
  if (stale) console.error(`bench-weapp: note: dist/ may be out of date (${stale}); --build rebuilds it.\n`)
}

const outDir = mkdtempSync(path.join(tmpdir(), 'bench-weapp-'))
const outFile = path.join(outDir, 'result.json')
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')
const started = Date.now()
const run = spawnSync(
  process.execPath,
  [
    jest,
    '--selectProjects',
    'weapp',
    '--testMatch',
    `<rootDir>/${BENCH_FILE}`,
    '--runInBand',
    '--ci',
    '--silent',
    '--coverage=false',
  ],
  {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      WEAPP_BENCH_OUT: outFile,
      WEAPP_BENCH_RUNS: String(opts.runs),
      WEAPP_BENCH_LATENCY: String(opts.latency),
      ...(opts.dist ? { WEAPP_DIST: opts.dist } : {}),
    },
  },
)

let result = null
try {
  result = JSON.parse(readFileSync(outFile, 'utf8'))
} catch {
  // reported below with jest's output
} finally {
  rmSync(outDir, { recursive: true, force: true })
}

if (run.status !== 0 || !result) {
  process.stderr.write(run.stdout ?? '')
  process.stderr.write(run.stderr ?? '')
  if (run.error) console.error(run.error.message)
  console.error(`bench-weapp: the benchmark failed (jest exit ${run.status ?? 'none'}).`)
  process.exit(run.status || 1)
}

if (opts.json) {
  console.log(JSON.stringify({ meta: result.meta, rows: result.rows }, null, 2))
} else {
  const { meta } = result
  console.log(
    `setData per scenario — ${path.relative(root, meta.dist) || meta.dist}/, ${meta.runs} runs after a warm-up, ` +
      `${meta.latencyMs} ms cloud latency, api = real router over mock/ (SQLite)`,
  )
  console.log('')
  console.log(result.table)
  console.log('')
  console.log(
    'Medians. bytes = UTF-8 JSON of the setData data; child-list rewrites = keys replacing a ' +
      "node's whole `cn`\n(count / bytes); new items JSON = UTF-8 JSON of the `items` of the list answers " +
      'that arrived (the rows themselves);\nratio = total bytes / new items JSON (goal for loading more: ' +
      '≤ 1.5×); nodes = elements simulate rendered for the page\nonce settled (WXML nodes incl. custom ' +
      'components; goal: < 1,000 with 50 parks loaded);\nwall ms = trigger → end of the last setData (incl. latency); ' +
      "setData ms = time inside\nsimulate's setData (template render + diff). " +
      `Took ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  )
}
