// `npm run content`: the content CLI is TypeScript (scripts/content.ts, so it checks records with
// src/domain's schemas and writes through the adapters' own code); this builds its bundle when the
// sources are newer, then runs it. Build messages go to stderr, so `check` output stays clean.
import { createRequire } from 'node:module'
import path from 'node:path'
import { root, runBuild, staleReason, TARGETS } from './lib/build-targets.mjs'

const reason = staleReason(TARGETS.api)
if (reason) {
  console.error(`… api: ${reason}`)
  const code = runBuild('api', { toStderr: true })
  if (code !== 0) process.exit(code)
}
createRequire(import.meta.url)(path.join(root, 'build', 'content.cjs'))
