// 200 concurrent lead submissions against the local server (build/server.cjs, its own process)
// on 127.0.0.1 with a throw-away DATA_DIR: 200 visitors (one cookie each, so the per-visitor rate
// limit stays out of the way) behind 200 addresses (TRUST_PROXY=1 and an X-Forwarded-For each, so
// the per-address limit does too), each with its own idempotency key, plus 20 of them resent in the
// same burst. Then SQLite is read to verify every acknowledged submission is stored exactly once.
// Usage: node scripts/bench-leads.mjs     (builds the api bundle first when it is stale)
//   Env: BENCH_VISITORS (default 200, max 1000), BENCH_DUPLICATES (default 20),
//        BENCH_NODE_ARGS (extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p").
// Exit code: 0, or 1 when the exactly-once check fails (or the server cannot be started).
import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ms, percentile } from './lib/stats.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const VISITORS = Math.min(Math.max(Number(process.env.BENCH_VISITORS) || 200, 1), 1000)
const DUPLICATES = Math.min(Math.max(Number(process.env.BENCH_DUPLICATES ?? 20) || 0, 0), VISITORS)
const START_TIMEOUT_MS = 30_000
const REQUEST_TIMEOUT_MS = 30_000

// The server bundle must match the sources.
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-builds.mjs'), 'api'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
})
if (built.status !== 0) {
  console.error('构建失败 / api build failed: run node scripts/build-api.mjs')
  process.exit(1)
}

/** @param {number} bytes */
const hex = (bytes) => randomBytes(bytes).toString('hex')

/**
 * Starts build/server.cjs on 127.0.0.1, port 0; `ready` resolves with the port it printed.
 * @param {string} dataDir
 * @param {string} staticDir
 */
function startServer(dataDir, staticDir) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    TRUST_PROXY: '1',
  }
  // Loopback only: no webhook from a bench.
  delete env.LEADS_WEBHOOK_URL
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
      path.join(root, 'build', 'server.cjs'),
    ],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const output = { stdout: '', stderr: '' }
  child.stdout.setEncoding('utf8').on('data', (s) => (output.stdout += s))
  child.stderr.setEncoding('utf8').on('data', (s) => (output.stderr += s))
  /** @type {Promise<number>} */
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in time')), START_TIMEOUT_MS)
    const check = () => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.stdout)
      if (m) {
        clearTimeout(timer)
        resolve(Number(m[1]))
      }
    }
    child.stdout.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code}): ${output.stderr.trim()}`))
    })
  })
  return { child, output, ready }
}

/** @typedef {{ status: number, json: any, ms: number, error?: string }} Reply */

/**
 * @param {number} port
 * @param {http.Agent} agent
 * @param {string} body
 * @param {string} [cookie]
 * @param {string} [address] the visitor's address, as a trusted proxy would forward it
 * @returns {Promise<Reply>}
 */
function post(port, agent, body, cookie, address) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint()
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api',
        method: 'POST',
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(cookie ? { cookie: `vid=${cookie}` } : {}),
          ...(address ? { 'x-forwarded-for': address } : {}),
        },
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = []
        res.on('data', (/** @type {Buffer} */ c) => chunks.push(c))
        res.on('end', () => {
          let json = null
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          } catch {
            // counted as not acknowledged
          }
          resolve({ status: res.statusCode ?? 0, json, ms: ms(started) })
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (err) => resolve({ status: 0, json: null, ms: ms(started), error: err.message }))
    req.end(body)
  })
}

/**
 * @param {number} n
 * @param {string | undefined} parkId
 */
function inquiry(n, parkId) {
  return {
    needType: ['rent-factory', 'buy-factory', 'buy-land', 'office', 'registration', 'other'][n % 6],
    areaMin: 500 + n,
    areaMax: 5000 + n,
    industry: '精密制造',
    district: 'songjiang',
    company: `压测公司 ${n}`,
    contactName: `测试${n}`,
    phone: `139${String(10_000_000 + n).slice(-8)}`,
    remark: '压测数据，可删除',
    consent: true,
    idempotencyKey: `bench_${hex(12)}`,
    context: { source: 'bench', ...(parkId ? { parkId } : {}) },
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'park-bench-leads-'))
const staticDir = mkdtempSync(path.join(os.tmpdir(), 'park-bench-static-'))
/** @type {ReturnType<typeof startServer> | undefined} */
let server
/** @type {http.Agent | undefined} */
let agent
let exitCode = 0
try {
  /** @type {string | undefined} */
  let parkId
  try {
    parkId = JSON.parse(readFileSync(path.join(root, 'mock', 'parks.json'), 'utf8'))[0]?.id
  } catch {
    parkId = undefined
  }
  const running = startServer(dataDir, staticDir)
  server = running
  const port = await running.ready
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: VISITORS + DUPLICATES + 8 })
  agent = keepAlive

  // Warm-up without leads: JIT, statement cache, sockets.
  const warm = JSON.stringify({ action: 'home.get', payload: {} })
  await Promise.all(Array.from({ length: 20 }, () => post(port, keepAlive, warm)))

  const sends = Array.from({ length: VISITORS }, (_, n) => ({
    visitor: hex(16),
    payload: inquiry(n, parkId),
    // The benchmarking range (RFC 2544, 198.18.0.0/15): never a real peer, only counted by the limits.
    address: `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}`,
  }))
  const burst = [...sends, ...sends.slice(0, DUPLICATES)].map((s) => ({
    ...s,
    body: JSON.stringify({ action: 'inquiries.submit', payload: s.payload }),
  }))
  const started = process.hrtime.bigint()
  const replies = await Promise.all(burst.map((s) => post(port, keepAlive, s.body, s.visitor, s.address)))
  const wallMs = ms(started)

  // Stop the server before reading its file (a clean WAL checkpoint; reading live works too).
  const serverOutput = running.output
  await new Promise((resolve) => {
    running.child.once('exit', resolve)
    running.child.kill('SIGTERM')
  })
  server = undefined

  const acked = replies.map((r, i) => ({ ...burst[i], reply: r })).filter((x) => x.reply.json?.ok === true)
  const duplicates = acked.filter((x) => x.reply.json.data.duplicate === true).length
  const failures = replies.filter((r) => r.json?.ok !== true)
  const db = new Database(path.join(dataDir, 'park-leads.sqlite'), { readonly: true, fileMustExist: true })
  const rows = /** @type {{ id: string, openid: string, idempotency_key: string }[]} */ (
    db.prepare('SELECT id, openid, idempotency_key FROM inquiries').all()
  )
  const perKey = db
    .prepare('SELECT count(*) AS n FROM inquiries GROUP BY openid, idempotency_key HAVING count(*) > 1')
    .all()
  db.close()
  const byId = new Map(rows.map((r) => [r.id, r]))
  const expectedKeys = new Set(sends.map((s) => `h5:${s.visitor}\n${s.payload.idempotencyKey}`))
  const ackedKeys = new Set(acked.map((x) => `h5:${x.visitor}\n${x.payload.idempotencyKey}`))
  const everyAckStored = acked.every((x) => {
    const row = byId.get(x.reply.json.data.inquiryId)
    return row && row.openid === `h5:${x.visitor}` && row.idempotency_key === x.payload.idempotencyKey
  })
  const exactlyOnce =
    everyAckStored &&
    perKey.length === 0 &&
    rows.length === ackedKeys.size &&
    rows.every((r) => expectedKeys.has(`${r.openid}\n${r.idempotency_key}`))
  // The local notifier prints one line per new lead on the server's console.
  const notified = serverOutput.stdout.split('\n').filter((l) => l.startsWith('[新询盘]')).length

  const latencies = replies.map((r) => r.ms).sort((a, b) => a - b)
  /** @param {number} n */
  const f = (n) => n.toFixed(1)
  console.log('')
  console.log(
    `inquiries.submit — ${VISITORS} visitors + ${DUPLICATES} resends, all at once, local server (build/server.cjs) on 127.0.0.1`,
  )
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}`)
  console.log('')
  console.log(`  requests sent                  ${burst.length}`)
  console.log(`  acknowledged (ok)              ${acked.length}`)
  console.log(`  failed / refused               ${failures.length}`)
  console.log(`  rows stored                    ${rows.length}`)
  console.log(`  duplicates detected            ${duplicates}  (expected ${DUPLICATES})`)
  console.log(`  agency notified (console)      ${notified}`)
  console.log(`  every acknowledged submission stored exactly once: ${exactlyOnce ? 'yes' : 'no'}`)
  console.log(
    `  latency ms  p50 ${f(percentile(latencies, 50))}  p99 ${f(percentile(latencies, 99))}  max ${f(latencies[latencies.length - 1])}`,
  )
  console.log(`  burst wall time ${f(wallMs)} ms`)
  if (failures.length) {
    const sample = failures.slice(0, 3).map((r) => r.json?.error?.code ?? r.error ?? `HTTP ${r.status}`)
    console.log(`  failure sample: ${sample.join(', ')}`)
  }
  console.log('')
  if (!exactlyOnce) exitCode = 1
} catch (err) {
  console.error(`bench-leads failed: ${err instanceof Error ? err.message : String(err)}`)
  exitCode = 1
} finally {
  agent?.destroy()
  if (server) {
    server.child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(staticDir, { recursive: true, force: true })
}
process.exit(exitCode)
