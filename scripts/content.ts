// `npm run content -- check|import|export <dir>`: content files in, local SQLite or CloudBase out.
// Bundled to build/content.cjs by scripts/build-api.mjs; scripts/content.mjs builds it when stale
// and runs it. The work is in scripts/content/ (files.ts checks, cloud.ts exports, cli.ts runs).
import path from 'node:path'
import { runContent } from './content/cli'

// build/content.cjs lives one level below the repository root.
const root = path.resolve(__dirname, '..')

runContent(process.argv.slice(2), {
  root,
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`失败 / failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
