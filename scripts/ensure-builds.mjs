// Builds each named target only when its output is missing or older than its sources.
// Usage: node scripts/ensure-builds.mjs weapp api h5      (FORCE_BUILD=1 rebuilds all named)
import { isTarget, runBuild, staleReason, TARGETS } from './lib/build-targets.mjs'

const args = process.argv.slice(2)
const names = args.filter(isTarget)
const unknown = args.filter((n) => !isTarget(n))
if (names.length === 0 || unknown.length > 0) {
  console.error(`用法 / usage: node scripts/ensure-builds.mjs <${Object.keys(TARGETS).join('|')}>...`)
  if (unknown.length) console.error(`未知目标 / unknown target: ${unknown.join(', ')}`)
  process.exit(2)
}

const force = process.env.FORCE_BUILD === '1'
for (const name of names) {
  const reason = force ? 'FORCE_BUILD=1' : staleReason(TARGETS[name])
  if (!reason) {
    console.log(`✓ ${TARGETS[name].label} 已是最新 / up to date`)
    continue
  }
  console.log(`… ${TARGETS[name].label}: ${reason}`)
  const code = runBuild(name)
  if (code !== 0) {
    console.error(`✗ 构建失败 / build failed: ${name} (exit ${code})`)
    process.exit(code)
  }
}
