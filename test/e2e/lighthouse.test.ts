/**
 * `npm run lighthouse` end to end (issue 10 item 2), kept short: one run of one page. The script
 * starts its own local runtime and Chromium; this checks that it finishes, exits 0 and reports
 * every figure the table prints, with "JS before first screen" made of the app's own scripts.
 * The figures themselves are never judged here (numbers only, like the script).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ROOT } from './browser'

interface PageFigures {
  page: string
  performance: number
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
  jsKb: number
  jsWireKb: number
  transferKb: number
  jsFiles: string[]
}

it('measures the home page once and writes the summary', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lighthouse-e2e-'))
  const out = path.join(dir, 'summary.json')
  try {
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'scripts/lighthouse.mjs'),
        ...['--runs', '1', '--pages', 'home', '--json', '--out', out, '--settle', '0'],
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 150_000 },
    )
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({
      status: 0,
      stderr: '',
    })

    const printed = JSON.parse(run.stdout) as {
      meta: { runs: number; settled: { waitedSeconds: number } }
      pages: PageFigures[]
    }
    const written = JSON.parse(readFileSync(out, 'utf8')) as typeof printed
    expect(written).toEqual(printed)
    expect(printed.meta.runs).toBe(1)
    expect(printed.meta.settled.waitedSeconds).toBe(0) // --settle 0: measured at once
    expect(printed.pages.map((p) => p.page)).toEqual(['home'])

    const [home] = printed.pages
    expect(home.performance).toBeGreaterThanOrEqual(0)
    expect(home.performance).toBeLessThanOrEqual(100)
    for (const ms of [home.fcpMs, home.lcpMs]) expect(ms).toBeGreaterThan(0)
    expect(home.lcpMs).toBeGreaterThanOrEqual(home.fcpMs)
    expect(home.tbtMs).toBeGreaterThanOrEqual(0)
    expect(home.cls).toBeGreaterThanOrEqual(0)
    // The first screen cannot draw without the app's entry script: it is among the counted ones,
    // and everything counted is a script of the build (the page loads no one else's).
    expect(home.jsFiles.some((f) => /^\/js\/app\.[0-9a-f]+\.js /.test(f))).toBe(true)
    for (const f of home.jsFiles)
      expect(f).toMatch(/^\/js\/[\w.-]+\.js \d+\.\d KB \(\d+\.\d KB on the wire\)$/)
    expect(home.jsKb).toBeGreaterThan(0)
    // The server sends the build's Brotli copies: fewer bytes on the wire than the gzip figure.
    expect(home.jsWireKb).toBeGreaterThan(0)
    expect(home.jsWireKb).toBeLessThan(home.jsKb)
    expect(home.transferKb).toBeGreaterThan(home.jsWireKb)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 180_000)
