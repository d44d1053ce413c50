// Prints the leads (询盘) stored by the local server, newest first, phones masked.
// Usage: npm run leads [-- --json] [-- --limit 200]
//   DATA_DIR   where the server keeps park-leads.sqlite (default: .data/ in the repo)
// Read-only: safe while the server is running (SQLite WAL).
// Bundled to build/leads.cjs by scripts/build-api.mjs; scripts/leads.mjs builds it when stale and runs it.
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { NEED_TYPE_LABELS, type InquiryStatus, type NeedType } from '@/domain/inquiryOptions'
import { maskPhone } from '@/domain/phone'

// build/leads.cjs lives one level below the repository root.
const root = path.resolve(__dirname, '..')

/** Short staff-facing status labels (the visitor sees the domain's longer ones). */
const STATUS_LABELS: Record<InquiryStatus, string> = {
  new: '新',
  review: '待审核',
  contacted: '已联系',
  closed: '已完成',
}

/** A row of the inquiries table as the SQLite adapter stores it. */
interface Row {
  id: string
  created_at: string
  status: string
  flagged: string | null
  need_type: string
  contact_name: string
  phone: string
  company: string
  industry: string
  district: string | null
  area_min: number | null
  area_max: number | null
  tax_bracket: string | null
  remark: string
  park_id: string | null
  park_name: string | null
  article_id: string | null
  source: string | null
}

const USAGE = `用法 / usage: npm run leads [-- --json] [-- --limit N]
  --json      JSON 数组（手机号已打码）/ a JSON array, phones masked
  --limit N   最多显示 N 条，默认 100 / at most N leads, default 100
  DATA_DIR    数据目录，默认 .data/ / data directory, default .data/`

interface Options {
  json: boolean
  limit: number
  help?: boolean
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { json: false, limit: 100 }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') opts.json = true
    else if (arg === '--limit' || arg.startsWith('--limit=')) {
      const raw = arg.includes('=') ? arg.slice('--limit='.length) : argv[++i]
      const n = Number(raw)
      if (!Number.isInteger(n) || n < 1 || n > 100_000)
        throw new Error(`--limit 需要 1–100000 的整数 / bad --limit: ${raw}`)
      opts.limit = n
    } else if (arg === '--help' || arg === '-h') opts.help = true
    else throw new Error(`未知参数 / unknown option: ${arg}`)
  }
  return opts
}

/** Beijing time "2026-05-01 10:00" from the stored UTC ISO string. */
function beijing(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms)
    ? String(iso)
    : new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

// Terminal safety: stored text is already cleaned, but a table must never carry control, bidi
// or zero-width characters (they could reorder or hide what staff read).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g
const safe = (s: unknown) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .replace(UNSAFE, '')
    .trim()

/** Columns a CJK character (or an emoji) takes in a terminal. */
function width(text: string): number {
  let w = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp >= 0x300 && cp <= 0x36f) continue
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
    w += wide ? 2 : 1
  }
  return w
}

function fit(text: string, max: number): string {
  if (width(text) <= max) return text
  let out = ''
  for (const ch of text) {
    if (width(out + ch) > max - 1) break
    out += ch
  }
  return `${out}…`
}

const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)))

const label = <K extends string>(labels: Record<K, string>, key: string) =>
  Object.hasOwn(labels, key) ? labels[key as K] : key

type Lead = ReturnType<typeof toLead>

function toLead(row: Row) {
  return {
    id: row.id,
    createdAt: row.created_at,
    time: beijing(row.created_at),
    status: row.status,
    statusLabel: label<InquiryStatus>(STATUS_LABELS, row.status),
    flagged: row.flagged ?? undefined,
    needType: row.need_type,
    needLabel: label<NeedType>(NEED_TYPE_LABELS, row.need_type),
    contactName: row.contact_name,
    // Never print a phone any other way.
    phone: maskPhone(row.phone ?? ''),
    company: row.company,
    industry: row.industry,
    district: row.district ?? undefined,
    areaMin: row.area_min ?? undefined,
    areaMax: row.area_max ?? undefined,
    taxBracket: row.tax_bracket ?? undefined,
    remark: row.remark,
    parkId: row.park_id ?? undefined,
    parkName: row.park_name ?? undefined,
    articleId: row.article_id ?? undefined,
    source: row.source ?? undefined,
  }
}

function printTable(leads: Lead[], total: number) {
  const columns: [string, number, (l: Lead) => string | undefined][] = [
    ['时间', 16, (l) => l.time],
    ['状态', 6, (l) => l.statusLabel],
    ['需求', 8, (l) => l.needLabel],
    ['联系人', 12, (l) => l.contactName],
    ['手机', 11, (l) => l.phone],
    ['公司', 24, (l) => l.company],
    ['园区', 20, (l) => (l.parkId ? (l.parkName ? `${l.parkName}(${l.parkId})` : l.parkId) : '')],
    ['来源', 16, (l) => l.source ?? ''],
  ]
  const cells = leads.map((l) => columns.map(([, max, get]) => fit(safe(get(l)), max) || '-'))
  const widths = columns.map(([title], i) => Math.max(width(title), ...cells.map((r) => width(r[i]))))
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i]))
      .join('  ')
      .trimEnd()
  const out = [
    line(columns.map(([title]) => title)),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ]
  out.push('')
  out.push(
    total > leads.length
      ? `共 ${total} 条，显示最新 ${leads.length} 条（--limit 调整）/ ${total} leads, newest ${leads.length} shown`
      : `共 ${total} 条 / ${total} leads`,
  )
  const review = leads.filter((l) => l.status === 'review').length
  if (review)
    out.push(`待审核 ${review} 条：内容检查未通过或未完成，请人工查看 / ${review} flagged for review`)
  process.stdout.write(`${out.join('\n')}\n`)
}

function main(): void {
  let opts: Options
  try {
    opts = parseArgs(process.argv.slice(2))
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`)
    process.exit(2)
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(root, '.data'))
  const file = path.join(dataDir, 'park-leads.sqlite')
  const none = (why: string) => {
    const message = `还没有线索 / no leads yet: ${why}\n启动本地服务（npm start）并提交一条询盘后再试 / start the server (npm start) and submit an inquiry first.\n`
    if (opts.json) {
      process.stderr.write(message)
      process.stdout.write('[]\n')
    } else {
      process.stdout.write(message)
    }
  }
  if (!existsSync(file)) return none(`未找到数据库 ${file} / ${file} does not exist`)

  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'inquiries'")
      .get()
    if (!table) return none(`${file} 中还没有 inquiries 表 / no inquiries table yet`)
    const { n: total } = db.prepare('SELECT count(*) AS n FROM inquiries').get() as { n: number }
    if (total === 0 && !opts.json) return none(`${file} 中没有询盘 / the inquiries table is empty`)
    const rows = (
      db.prepare('SELECT * FROM inquiries ORDER BY created_at DESC, id DESC LIMIT ?').all(opts.limit) as Row[]
    ).map(toLead)
    if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    else printTable(rows, total)
  } finally {
    db.close()
  }
}

main()
