/**
 * @jest-environment node
 *
 * The cloud function's layers (issue 7 item 15): ports hold types only, and the
 * dependency-cruiser rules run by `npm run lint` really fail on the breaches they name. The rules
 * are tried on a tiny tree written to a temporary folder (so the breaches never sit in the
 * repository where ESLint and tsc would see them).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { tmpDir } from './fixtures'

const ROOT = path.resolve(__dirname, '../..')
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs')
const DEPCRUISE = path.join(ROOT, 'node_modules', '.bin', 'depcruise')

interface Violation {
  rule: { name: string }
  from: string
  to: string
  cycle?: Array<{ name: string }>
}

/** The exit status of the command `npm run lint` runs, and the violations named (JSON report). */
function cruise(cwd: string, targets: string[]): { status: number | null; violations: Violation[] } {
  const lint = spawnSync(DEPCRUISE, [...targets, '--config', CONFIG], { cwd, encoding: 'utf8' })
  const json = spawnSync(DEPCRUISE, [...targets, '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
  })
  if (!json.stdout) throw new Error(`depcruise printed nothing: ${json.stderr}`)
  const report = JSON.parse(json.stdout) as { summary: { violations: Violation[] } }
  return { status: lint.status, violations: report.summary.violations }
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
}

const TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'esnext', moduleResolution: 'bundler', paths: { '@/*': ['./src/*'] } },
})

describe('ports', () => {
  const dir = path.join(ROOT, 'cloudfunctions/api/src/ports')
  it.each(fs.readdirSync(dir).filter((f) => f.endsWith('.ts')))(
    '%s compiles to no code (interfaces only)',
    (file) => {
      const out = ts.transpileModule(fs.readFileSync(path.join(dir, file), 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2020,
          removeComments: true,
        },
      }).outputText
      expect(out.replace(/export \{\};?/g, '').trim()).toBe('')
    },
  )
})

describe('dependency-cruiser rules (.dependency-cruiser.cjs)', () => {
  let dir: string
  beforeAll(() => {
    dir = tmpDir('depcruise')
  })
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('pass the real tree', () => {
    const { status, violations } = cruise(ROOT, ['src', 'cloudfunctions/api/src', 'server'])
    expect(violations).toEqual([])
    expect(status).toBe(0)
  }, 30_000)

  it('pass a small tree that keeps the layers', () => {
    const clean = path.join(dir, 'clean')
    writeTree(clean, {
      'tsconfig.json': TSCONFIG,
      'src/domain/park.ts': 'export type Park = { id: string }\n',
      'cloudfunctions/api/src/context.ts': 'export interface Ctx { openid: string }\n',
      'cloudfunctions/api/src/ports/storage.ts':
        "import type { Park } from '@/domain/park'\nexport interface Storage { get(): Promise<Park> }\n",
      'cloudfunctions/api/src/handlers/parks.ts':
        "import type { Ctx } from '../context'\nimport type { Storage } from '../ports/storage'\nexport const get = (s: Storage, _c: Ctx) => s.get()\n",
      'cloudfunctions/api/src/adapters/memory.ts':
        "import type { Storage } from '../ports/storage'\nexport const memory: Storage = { get: async () => ({ id: 'p1' }) }\n",
      'cloudfunctions/api/src/router.ts':
        "import { get } from './handlers/parks'\nimport type { Storage } from './ports/storage'\nexport const api = (s: Storage) => get(s, { openid: '' })\n",
      'cloudfunctions/api/src/index.ts':
        "import { memory } from './adapters/memory'\nimport { api } from './router'\nexport const main = () => api(memory)\n",
    })
    const { status, violations } = cruise(clean, ['src', 'cloudfunctions/api/src'])
    expect(violations).toEqual([])
    expect(status).toBe(0)
  }, 30_000)

  it('fail on each breach, a type-only cycle included', () => {
    const bad = path.join(dir, 'bad')
    writeTree(bad, {
      'tsconfig.json': TSCONFIG,
      // The cycle of before: handlers took their context type from the router that imports them.
      'cloudfunctions/api/src/router.ts':
        "import { submit } from './handlers/inquiries'\nimport { keywords } from './adapters/keywords'\nexport interface Ctx { openid: string }\nexport const api = () => [submit, keywords]\n",
      'cloudfunctions/api/src/handlers/inquiries.ts':
        "import type { Ctx } from '../router'\nimport { keywords } from '../adapters/keywords'\nexport const submit = (c: Ctx) => [c.openid, keywords]\n",
      'cloudfunctions/api/src/adapters/keywords.ts': "export const keywords = ['risky-demo']\n",
      'cloudfunctions/api/src/ports/lead-store.ts':
        "import { createHash } from 'node:crypto'\nexport const id = (s: string) => createHash('sha256').update(s).digest('hex')\n",
      'cloudfunctions/api/src/index.ts':
        "import { api } from './router'\nimport { id } from './ports/lead-store'\nimport { tap } from '@/lib/api'\nexport const main = () => [api, id, tap]\n",
      'src/lib/api.ts': "import { page } from '@/pages/index/index'\nexport const tap = page\n",
      'src/pages/index/index.ts': "import { a } from '@/features/a/a'\nexport const page = a\n",
      'src/features/a/a.ts': "import { b } from '@/features/b/b'\nexport const a = b\n",
      'src/features/b/b.ts':
        "import { tap } from '@/lib/api'\nimport { x } from '@/domain/x'\nexport const b = [tap, x]\n",
      'src/domain/x.ts': "import { tap } from '@/lib/api'\nexport const x = tap\n",
    })
    const { status, violations } = cruise(bad, ['src', 'cloudfunctions/api/src'])
    expect(status).not.toBe(0)
    const seen = (rule: string) =>
      violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`)
    expect(seen('no-circular')).toEqual(
      expect.arrayContaining([
        'cloudfunctions/api/src/handlers/inquiries.ts → cloudfunctions/api/src/router.ts',
      ]),
    )
    expect(seen('handlers-use-ports')).toEqual(
      expect.arrayContaining([
        'cloudfunctions/api/src/handlers/inquiries.ts → cloudfunctions/api/src/router.ts',
        'cloudfunctions/api/src/handlers/inquiries.ts → cloudfunctions/api/src/adapters/keywords.ts',
      ]),
    )
    expect(seen('adapters-wired-by-entries-only')).toEqual(
      expect.arrayContaining([
        'cloudfunctions/api/src/router.ts → cloudfunctions/api/src/adapters/keywords.ts',
      ]),
    )
    expect(seen('ports-are-interfaces')).toEqual(['cloudfunctions/api/src/ports/lead-store.ts → crypto'])
    expect(seen('cloud-uses-domain-only')).toEqual(['cloudfunctions/api/src/index.ts → src/lib/api.ts'])
    expect(seen('features-are-independent')).toEqual(['src/features/a/a.ts → src/features/b/b.ts'])
    expect(seen('screens-are-top')).toEqual(['src/lib/api.ts → src/pages/index/index.ts'])
    expect(seen('shared-does-not-reach-up')).toEqual(['src/lib/api.ts → src/pages/index/index.ts'])
    expect(seen('domain-is-pure')).toEqual(['src/domain/x.ts → src/lib/api.ts'])
  }, 30_000)
})
