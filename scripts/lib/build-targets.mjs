// Shared by scripts/start.mjs and scripts/ensure-builds.mjs: what each build produces,
// what it is built from, and how to tell whether it is out of date (mtimes only).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** @param {...string} p */
const r = (...p) => path.join(root, ...p)

const taroBin = existsSync(r('node_modules', '.bin', 'taro')) ? r('node_modules', '.bin', 'taro') : null
/** @typedef {{ label: string, outputs: string[], sources: string[], command: [string, string[]] }} Target */
/** @typedef {'weapp' | 'h5' | 'api'} TargetName */

/** @param {string} type @returns {[string, string[]]} */
const taro = (type) =>
  taroBin ? [taroBin, ['build', '--type', type]] : ['npx', ['taro', 'build', '--type', type]]

/** @type {Record<TargetName, Target>} */
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
    label:
      '云函数 + 本地服务 api (cloudfunctions/api/index.js, build/server.cjs, build/leads.cjs, build/content.cjs)',
    outputs: [
      r('cloudfunctions', 'api', 'index.js'),
      r('build', 'server.cjs'),
      r('build', 'leads.cjs'),
      r('build', 'content.cjs'),
    ],
    sources: [
      r('cloudfunctions', 'api', 'src'),
      r('server'),
      r('src', 'domain'),
      r('scripts', 'build-api.mjs'),
      r('scripts', 'leads.ts'),
      r('scripts', 'content.ts'),
      r('scripts', 'content'),
      r('tsconfig.json'),
    ],
    command: [process.execPath, [r('scripts', 'build-api.mjs')]],
  },
}

/**
 * Newest mtime (ms) of a file or of any file below a directory; 0 when absent.
 * @param {string} p
 * @returns {number}
 */
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

/**
 * Why a target needs building, or null when its outputs are newer than every source.
 * @param {Target} target
 * @returns {string | null}
 */
export function staleReason(target) {
  const missing = target.outputs.find((o) => !existsSync(o))
  if (missing) return `缺少 / missing ${path.relative(root, missing)}`
  const oldestOutput = Math.min(...target.outputs.map((o) => statSync(o).mtimeMs))
  const newestSource = Math.max(...target.sources.map(newestMtime))
  return newestSource > oldestOutput ? '源码较新 / sources changed' : null
}

/** @param {string} name @returns {name is TargetName} */
export const isTarget = (name) => Object.hasOwn(TARGETS, name)

/**
 * Runs a target's build; returns its exit code. `toStderr` keeps stdout clean for a caller
 * whose own output is data (npm run leads -- --json).
 * @param {TargetName} name
 * @param {{ toStderr?: boolean }} [options]
 * @returns {number}
 */
export function runBuild(name, { toStderr = false } = {}) {
  const [cmd, args] = TARGETS[name].command
  const say = toStderr ? console.error : console.log
  say(
    `\n▶ 构建 / building ${TARGETS[name].label}: ${[path.basename(cmd), ...args.map((a) => path.relative(root, a) || a)].join(' ')}`,
  )
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: ['inherit', toStderr ? 2 : 'inherit', 'inherit'],
    env: process.env,
  })
  if (result.error) {
    console.error(`无法运行 / could not run ${cmd}: ${result.error.message}`)
    return 1
  }
  return result.status ?? 1
}
