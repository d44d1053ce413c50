// Shared by scripts/start.mjs and scripts/ensure-builds.mjs: what each build produces,
// what it is built from, and how to tell whether it is out of date (mtimes only).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const r = (...p) => path.join(root, ...p)

const taroBin = existsSync(r('node_modules', '.bin', 'taro')) ? r('node_modules', '.bin', 'taro') : null
const taro = (type) =>
  taroBin ? [taroBin, ['build', '--type', type]] : ['npx', ['taro', 'build', '--type', type]]

export const TARGETS = {
  weapp: {
    label: '小程序 weapp (dist/)',
    outputs: [r('dist', 'app.js')],
    sources: [r('src'), r('config'), r('babel.config.js')],
    command: taro('weapp'),
  },
  h5: {
    label: 'H5 (dist-h5/)',
    outputs: [r('dist-h5', 'index.html')],
    sources: [r('src'), r('config'), r('babel.config.js')],
    command: taro('h5'),
  },
  api: {
    label: '云函数 + 本地服务 api (cloudfunctions/api/index.js, build/server.cjs)',
    outputs: [r('cloudfunctions', 'api', 'index.js'), r('build', 'server.cjs')],
    sources: [
      r('cloudfunctions', 'api', 'src'),
      r('server'),
      r('src', 'domain'),
      r('scripts', 'build-api.mjs'),
      r('tsconfig.json'),
    ],
    command: [process.execPath, [r('scripts', 'build-api.mjs')]],
  },
}

/** Newest mtime (ms) of a file or of any file below a directory; 0 when absent. */
export function newestMtime(p) {
  let stats
  try {
    stats = statSync(p)
  } catch {
    return 0
  }
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = 0
  for (const entry of readdirSync(p, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)))
  }
  return newest
}

/** Why a target needs building, or null when its outputs are newer than every source. */
export function staleReason(target) {
  const missing = target.outputs.find((o) => !existsSync(o))
  if (missing) return `缺少 / missing ${path.relative(root, missing)}`
  const oldestOutput = Math.min(...target.outputs.map((o) => statSync(o).mtimeMs))
  const newestSource = Math.max(...target.sources.map(newestMtime))
  return newestSource > oldestOutput ? '源码较新 / sources changed' : null
}

/** Runs a target's build with inherited stdio; returns its exit code. */
export function runBuild(name) {
  const [cmd, args] = TARGETS[name].command
  console.log(
    `\n▶ 构建 / building ${TARGETS[name].label}: ${[path.basename(cmd), ...args.map((a) => path.relative(root, a) || a)].join(' ')}`,
  )
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.error) {
    console.error(`无法运行 / could not run ${cmd}: ${result.error.message}`)
    return 1
  }
  return result.status ?? 1
}
