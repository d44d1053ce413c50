#!/usr/bin/env node
// `npm run bench`: every benchmark, one after another, numbers printed (never pass/fail on time).
//   1. api     server list query over 10,000 parks: p50/p99, page 1 vs page 50 (keyset); parks.match, visits.record
//   2. weapp   setData calls and bytes on the built dist/ (open tabs, load page 2, details)
//   3. leads   200 concurrent inquiry submissions on loopback: exactly-once check, p50/p99
//   4. export  export.leads of 10,000 leads to .xlsx: time (first / warm) and peak RSS
//   5. desk    inbox query (leads.list) over 10,000 leads: p50/p99, page 1 vs page 50 (keyset)
//   6. alerts  submit → robot message on a loopback receiver, one retry injected: p50/p99
// Usage: npm run bench [-- api weapp leads export desk alerts]
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** @type {Record<string, string>} */
const all = {
  api: 'scripts/bench-api.mjs',
  weapp: 'scripts/bench-weapp.mjs',
  leads: 'scripts/bench-leads.mjs',
  export: 'scripts/bench-export.mjs',
  desk: 'scripts/bench-desk.mjs',
  alerts: 'scripts/bench-alerts.mjs',
}
const picked = process.argv.slice(2).filter((a) => a in all)
const names = picked.length ? picked : Object.keys(all)

// Builds first, only when stale: the weapp bench measures dist/, the others the api bundle.
const ensure = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-builds.mjs'), 'weapp', 'api'], {
  cwd: root,
  stdio: 'inherit',
})
if (ensure.status !== 0) process.exit(ensure.status ?? 1)

let failed = 0
for (const name of names) {
  const script = path.join(root, all[name])
  console.log(`\n=== bench: ${name} ===`)
  if (!existsSync(script)) {
    console.log(`(missing ${all[name]})`)
    failed++
    continue
  }
  const run = spawnSync(process.execPath, [script], { cwd: root, stdio: 'inherit' })
  if (run.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
