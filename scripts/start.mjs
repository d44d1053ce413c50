// `npm start`: make sure the H5 build and the api bundles exist, then run the local server.
// Usage: npm start [-- --rebuild]   (--rebuild: rebuild the H5 app even if it looks current)
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import path from 'node:path'
import { root, runBuild, staleReason, TARGETS } from './lib/build-targets.mjs'

const rebuild = process.argv.includes('--rebuild')

const h5Reason = staleReason(TARGETS.h5)
// A stale H5 build after a pull would show yesterday's app: rebuild it (~35 s).
if (rebuild || h5Reason) {
  if (h5Reason) console.log(`… h5: ${h5Reason}`)
  const code = runBuild('h5')
  if (code !== 0) process.exit(code)
}

const apiReason = staleReason(TARGETS.api)
if (apiReason) {
  console.log(`… api: ${apiReason}`)
  const code = runBuild('api')
  if (code !== 0) process.exit(code)
}

const child = spawn(process.execPath, [path.join(root, 'build', 'server.cjs')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
})

// Ctrl+C reaches the whole process group; forwarding is for signals sent to this pid only.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
}

child.on('error', (err) => {
  console.error(`无法启动服务 / could not start the server: ${err.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1))
})
