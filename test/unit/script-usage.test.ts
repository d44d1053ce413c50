/**
 * The measuring scripts print their leading comment block as usage (scripts/lib/usage.mjs):
 * exit 0 for --help, exit 2 with the problem first for an unknown option.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' })

describe.each([
  ['lighthouse.mjs', 'lighthouse', '--settle'],
  ['bench-weapp.mjs', 'bench-weapp', '--latency'],
])('%s usage', (script, name, option) => {
  it('--help prints the header and exits 0', () => {
    const { status, stdout } = run(script, '--help')
    expect(status).toBe(0)
    expect(stdout).toContain(option)
    expect(stdout).not.toMatch(/^\/\//m) // comment markers stripped
    // Only the leading block: the body's own comments are not usage.
    expect(stdout).not.toContain('The runtime measures what')
  })

  it('an unknown option names the problem and exits 2', () => {
    const { status, stderr } = run(script, '--bogus')
    expect(status).toBe(2)
    expect(stderr.startsWith(`${name}: unknown option --bogus\n`)).toBe(true)
  })
})
