/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { NEED_TYPE_LABELS, NEED_TYPES } from '@/domain/inquiry'
import { maskPhone } from '@/domain/phone'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { inquiryIdFor } from '../../cloudfunctions/api/src/core/inquiry-id'
import type { InquiryRecord } from '../../cloudfunctions/api/src/ports/lead-store'
import { tmpDir } from './fixtures'

const script = path.resolve(__dirname, '../../scripts/leads.mjs')
const bundle = path.resolve(__dirname, '../../build/leads.cjs')

function run(dataDir: string, ...args: string[]) {
  const res = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

function lead(n: number, patch: Partial<InquiryRecord> = {}): InquiryRecord {
  const at = new Date(Date.UTC(2026, 4, 1, 2, n)).toISOString()
  const key = `leads-cli-key-${String(n).padStart(4, '0')}`
  return {
    id: inquiryIdFor('o-cli', key),
    openid: 'o-cli',
    idempotencyKey: key,
    needType: NEED_TYPES[n % NEED_TYPES.length],
    industry: '机械',
    company: `公司${n}`,
    contactName: `联系人${n}`,
    phone: `1352467${String(8500 + n).padStart(4, '0')}`,
    remark: '',
    consent: true,
    status: 'new',
    createdAt: at,
    updatedAt: at,
    ...patch,
  }
}

describe('npm run leads (scripts/leads.mjs)', () => {
  let dir: string
  beforeAll(async () => {
    dir = tmpDir('leads-cli')
    const storage = openSqliteStorage(path.join(dir, 'park-leads.sqlite'))
    for (let n = 0; n < NEED_TYPES.length; n++) await storage.insertInquiry(lead(n), [])
    await storage.insertInquiry(
      lead(10, {
        status: 'review',
        flagged: 'content-review',
        parkId: 'p012',
        parkName: '松江G60智造园',
        source: 'pst01',
        // Not something the schema lets through: the printer must still keep the terminal clean.
        company: 'evil\u202etxt.exe\u0007\u001b[2J公司',
      }),
      [],
    )
    storage.close()
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('prints a table newest first with masked phones', () => {
    const { code, stdout } = run(dir)
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(/^时间\s+状态\s+需求\s+联系人\s+手机\s+公司\s+园区\s+来源$/)
    expect(lines[2]).toMatch(/^2026-05-01 10:10\s+待审核\s+\S+\s+联系人10\s+135\*\*\*\*8510\s+/)
    expect(lines[2]).toContain('松江G60智造园(p012)')
    expect(lines[2]).toContain('pst01')
    expect(lines[3]).toMatch(/^2026-05-01 10:05 /)
    expect(stdout).toContain('共 7 条')
    expect(stdout).toContain('待审核 1 条')
    expect(stdout).not.toMatch(/1352467\d{4}/)
    // eslint-disable-next-line no-control-regex -- checking for control characters is the point
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/)
  })

  it('--json: every lead with masked phone and the same labels as the domain', () => {
    const { code, stdout } = run(dir, '--json')
    expect(code).toBe(0)
    const leads = JSON.parse(stdout)
    expect(leads).toHaveLength(7)
    expect(leads[0]).toMatchObject({
      status: 'review',
      flagged: 'content-review',
      phone: '135****8510',
      parkName: '松江G60智造园',
    })
    expect(leads.map((l: { createdAt: string }) => l.createdAt)).toEqual(
      [...leads.map((l: { createdAt: string }) => l.createdAt)].sort().reverse(),
    )
    for (const l of leads)
      expect(l.needLabel).toBe(NEED_TYPE_LABELS[l.needType as keyof typeof NEED_TYPE_LABELS])
    expect(new Set(leads.map((l: { needType: string }) => l.needType))).toEqual(new Set(NEED_TYPES))
    expect(stdout).not.toMatch(/1352467\d{4}/)
    expect(stdout).not.toContain('o-cli')
  })

  it('--limit', () => {
    const { stdout } = run(dir, '--limit', '2')
    expect(stdout).toContain('共 7 条，显示最新 2 条')
    expect(run(dir, '--limit', 'x').code).toBe(2)
  })

  it('says so clearly when there is no database yet', () => {
    const empty = tmpDir('leads-cli-empty')
    try {
      const table = run(empty)
      expect(table.code).toBe(0)
      expect(table.stdout).toContain('还没有线索')
      expect(table.stdout).toContain('park-leads.sqlite')
      const json = run(empty, '--json')
      expect(json.code).toBe(0)
      expect(JSON.parse(json.stdout)).toEqual([])
      expect(json.stderr).toContain('还没有线索')
    } finally {
      fs.rmSync(empty, { recursive: true, force: true })
    }
  })

  it("masks phones with the domain's maskPhone (a +86 number shows the mobile's own digits)", async () => {
    const other = tmpDir('leads-cli-86')
    try {
      const storage = openSqliteStorage(path.join(other, 'park-leads.sqlite'))
      await storage.insertInquiry(lead(1, { phone: '8613524679999' }), [])
      storage.close()
      const [row] = JSON.parse(run(other, '--json').stdout)
      // A copy of the masking without the +86 rule printed 861*******9999.
      expect(row.phone).toBe(maskPhone('8613524679999'))
      expect(row.phone).toBe('135****9999')
    } finally {
      fs.rmSync(other, { recursive: true, force: true })
    }
  })

  it('takes labels and masking from src/domain, not from copies', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../scripts/leads.ts'), 'utf8')
    expect(source).toMatch(/from '@\/domain\/inquiryOptions'/)
    expect(source).toMatch(/from '@\/domain\/phone'/)
    for (const text of Object.values(NEED_TYPE_LABELS)) expect(source).not.toContain(`'${text}'`)
    expect(source).not.toMatch(/function maskPhone/)
  })

  it('builds its bundle when missing, keeping --json output clean', () => {
    fs.rmSync(bundle, { force: true })
    const { code, stdout, stderr } = run(dir, '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toHaveLength(7)
    expect(stderr).toContain('build/leads.cjs')
    expect(fs.existsSync(bundle)).toBe(true)
  })
})
