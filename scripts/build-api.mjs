// Bundles the cloud function (cloudfunctions/api/index.js), the local server
// (build/server.cjs), the api bench's pieces (build/bench-api.cjs, used by scripts/bench-api.mjs),
// the leads CLI (build/leads.cjs) and the content CLI (build/content.cjs) with esbuild. Usage: node scripts/build-api.mjs
import { build } from 'esbuild'
import { statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // tsconfig paths (`@/*` → src/*) are honoured from here.
  tsconfig: path.join(root, 'tsconfig.json'),
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
}

/** @type {(import('esbuild').BuildOptions & { name: string, outfile: string })[]} */
const targets = [
  {
    name: 'cloud function',
    entryPoints: ['cloudfunctions/api/src/index.ts'],
    outfile: 'cloudfunctions/api/index.js',
    // CloudBase runs Node 16+; wx-server-sdk and exceljs are installed there from the function's
    // package.json. exceljs (≈ 2.7 MB bundled) is loaded by the lead export only: kept out of the
    // bundle, a cold start of every other call does not parse it.
    target: 'node16',
    external: ['wx-server-sdk', 'exceljs'],
  },
  {
    name: 'local server',
    entryPoints: ['server/main.ts'],
    outfile: 'build/server.cjs',
    target: 'node20',
    // A native addon: loaded from node_modules at run time.
    external: ['better-sqlite3'],
  },
  {
    name: 'api bench',
    entryPoints: ['server/bench.ts'],
    outfile: 'build/bench-api.cjs',
    target: 'node20',
    external: ['better-sqlite3'],
  },
  {
    // `npm run leads` (scripts/leads.mjs runs it): TypeScript so it shares the domain's labels.
    name: 'leads cli',
    entryPoints: ['scripts/leads.ts'],
    outfile: 'build/leads.cjs',
    target: 'node20',
    external: ['better-sqlite3'],
  },
  {
    // `npm run content` (scripts/content.mjs runs it). The CloudBase SDK (a dev dependency) is
    // loaded from node_modules, and only for a direct write.
    name: 'content cli',
    entryPoints: ['scripts/content.ts'],
    outfile: 'build/content.cjs',
    target: 'node20',
    external: ['better-sqlite3', '@cloudbase/node-sdk'],
  },
]

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

try {
  for (const { name, ...options } of targets) {
    const started = Date.now()
    await build({ ...common, ...options })
    const size = statSync(path.join(root, options.outfile)).size
    console.log(`built ${name}: ${options.outfile} (${kb(size)}, ${Date.now() - started} ms)`)
  }
} catch (err) {
  // esbuild has already printed the diagnostics.
  console.error(`build-api failed: ${err instanceof Error ? err.message.split('\n')[0] : err}`)
  process.exit(1)
}
