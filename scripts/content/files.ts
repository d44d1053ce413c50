// Reads and checks a content directory laid out like mock/: parks.json or parks.jsonl,
// articles.json or articles.jsonl, agency.json, media/. Every problem is one line
// `file:line field: 中文 (English)`; the line is the JSON Lines line, or the line where the
// record starts in a JSON array. Used by `npm run content` (scripts/content.ts) for all three
// commands: nothing is imported or exported from a directory with an error.
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import { contentIssues, mediaRefs, type ContentKind } from '@/domain/content-schemas'
import type { Park } from '@/domain/park'

/** One record and where it came from. */
export interface Located<T> {
  value: T
  file: string
  line: number
}

export interface Problem {
  file: string
  line: number
  field: string
  message: string
  warning?: true
}

export interface ContentSet {
  dir: string
  parks: Located<Park>[]
  articles: Located<Article>[]
  agency: Located<AgencyContact> | null
  /** Every `/media/…` path the records use, once each (export uploads these). */
  media: string[]
  /** Records read per kind, valid or not (the summary's counts). */
  read: { parks: number; articles: number; agency: number }
  problems: Problem[]
}

/** The server's /media allowlist: anything else would 404 once published. */
export const MEDIA_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif', '.mp4'])

const msg = (zh: string, en: string) => `${zh} (${en})`

/**
 * Where each top-level element of a (possibly broken) JSON array text starts: [offset, line].
 * Tolerant on purpose: it only tracks strings and nesting depth.
 */
function elementStarts(text: string): Array<[number, number]> {
  const starts: Array<[number, number]> = []
  let line = 1
  let depth = 0
  let inString = false
  let escaped = false
  let expectValue = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line += 1
    if (inString) {
      if (escaped) escaped = false
      else if (c === '\\') escaped = true
      else if (c === '"') inString = false
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue
    if (depth === 1 && expectValue) {
      expectValue = false
      if (c !== ']') starts.push([i, line])
    }
    if (c === '"') inString = true
    else if (c === '[' || c === '{') {
      depth += 1
      if (depth === 1 && c === '[') expectValue = true
    } else if (c === ']' || c === '}') depth -= 1
    else if (c === ',' && depth === 1) expectValue = true
  }
  return starts
}

/** Line (1-based) of each top-level element of a JSON array text that parsed. */
export function arrayElementLines(text: string): number[] {
  return elementStarts(text).map(([, line]) => line)
}

/**
 * Line of a JSON.parse error: from the position V8 names in its message; when it names none
 * (e.g. "Unexpected token"), the first array element that does not parse on its own.
 */
function errorLine(text: string, err: unknown): number {
  const message = err instanceof Error ? err.message : ''
  const byLine = /line (\d+) column/.exec(message)
  if (byLine) return Number(byLine[1])
  const byPosition = /position (\d+)/.exec(message)
  if (byPosition) return text.slice(0, Number(byPosition[1])).split('\n').length
  const starts = elementStarts(text)
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1][0] : text.lastIndexOf(']')
    const slice = text
      .slice(starts[i][0], end > starts[i][0] ? end : undefined)
      .trim()
      .replace(/,$/, '')
    try {
      JSON.parse(slice)
    } catch {
      return starts[i][1]
    }
  }
  return 1
}

// V8's own wording changes between Node versions; the line is what locates the mistake.
const parseMessage = (_err: unknown) => msg('JSON 格式错误，无法解析', 'invalid JSON')

interface RawRecord {
  value: unknown
  file: string
  line: number
}

/** Records of a `.json` array or a `.jsonl` file; parse errors go to `problems`. */
function readRecords(file: string, shown: string, problems: Problem[]): RawRecord[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  if (file.endsWith('.jsonl')) {
    const out: RawRecord[] = []
    text.split('\n').forEach((raw, i) => {
      if (!raw.trim()) return
      try {
        out.push({ value: JSON.parse(raw), file: shown, line: i + 1 })
      } catch (err) {
        problems.push({ file: shown, line: i + 1, field: '', message: parseMessage(err) })
      }
    })
    return out
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    problems.push({ file: shown, line: errorLine(text, err), field: '', message: parseMessage(err) })
    return []
  }
  if (!Array.isArray(parsed)) {
    problems.push({
      file: shown,
      line: 1,
      field: '',
      message: msg('文件须为 JSON 数组', 'the file must hold a JSON array'),
    })
    return []
  }
  const lines = arrayElementLines(text)
  return parsed.map((value, i) => ({ value, file: shown, line: lines[i] ?? 1 }))
}

/** `parks` → parks.json or parks.jsonl (both present is an error: which one is the truth?). */
function collectionFile(dir: string, name: string, shownDir: string, problems: Problem[]) {
  const json = path.join(dir, `${name}.json`)
  const jsonl = path.join(dir, `${name}.jsonl`)
  const found = [json, jsonl].filter((f) => existsSync(f))
  if (found.length === 2) {
    problems.push({
      file: path.join(shownDir, `${name}.jsonl`),
      line: 1,
      field: '',
      message: msg(
        `${name}.json 与 ${name}.jsonl 只能保留一个`,
        `keep only one of ${name}.json and ${name}.jsonl`,
      ),
    })
  }
  return found[0] ? { file: found[0], shown: path.join(shownDir, path.basename(found[0])) } : null
}

/** Whether `/media/a/b.png` names a file under `<dir>/media`. */
function mediaProblem(dir: string, ref: string): string | null {
  const rel = ref.slice('/media/'.length)
  const segments = rel.split('/')
  if (segments.some((s) => s === '' || s.startsWith('.')))
    return msg(`图片路径不合法：${ref}`, `bad media path: ${ref}`)
  if (!MEDIA_EXTENSIONS.has(path.extname(rel).toLowerCase()))
    return msg(
      `图片格式不支持：${ref}（可用 ${[...MEDIA_EXTENSIONS].join(' ')}）`,
      `unsupported media type: ${ref}`,
    )
  const file = path.join(dir, 'media', ...segments)
  let isFile = false
  try {
    isFile = statSync(file).isFile()
  } catch {
    isFile = false
  }
  return isFile ? null : msg(`图片不存在：media/${rel}`, `missing file: media/${rel}`)
}

/**
 * Reads the directory and checks every record: the domain's content schemas, duplicate ids
 * within a kind, and the media files the records name. `shownDir` is how file names are printed.
 */
export function loadContent(dir: string, shownDir: string = dir): ContentSet {
  const problems: Problem[] = []
  const set: ContentSet = {
    dir,
    parks: [],
    articles: [],
    agency: null,
    media: [],
    problems,
    read: { parks: 0, articles: 0, agency: 0 },
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({ file: shownDir, line: 0, field: '', message: msg('目录不存在', 'no such directory') })
    return set
  }
  const media = new Set<string>()

  function check(kind: ContentKind, record: RawRecord): boolean {
    let ok = true
    for (const issue of contentIssues(kind, record.value)) {
      problems.push({ file: record.file, line: record.line, ...issue })
      if (!issue.warning) ok = false
    }
    for (const ref of mediaRefs(kind, record.value)) {
      const problem = mediaProblem(dir, ref.path)
      if (problem) {
        problems.push({ file: record.file, line: record.line, field: ref.field, message: problem })
        ok = false
      } else media.add(ref.path)
    }
    return ok
  }

  function collection<T extends { id: string }>(name: string, kind: ContentKind): Located<T>[] {
    const found = collectionFile(dir, name, shownDir, problems)
    if (!found) return []
    const firstLine = new Map<string, number>()
    const out: Located<T>[] = []
    const records = readRecords(found.file, found.shown, problems)
    set.read[kind === 'park' ? 'parks' : 'articles'] = records.length
    for (const record of records) {
      const ok = check(kind, record)
      const id = (record.value as { id?: unknown } | null)?.id
      if (typeof id === 'string') {
        const first = firstLine.get(id)
        if (first !== undefined) {
          problems.push({
            file: record.file,
            line: record.line,
            field: 'id',
            message: msg(`编号 ${id} 重复，第 ${first} 行已用`, `duplicate id ${id}, first on line ${first}`),
          })
          continue
        }
        firstLine.set(id, record.line)
      }
      if (ok) out.push({ value: record.value as T, file: record.file, line: record.line })
    }
    return out
  }

  set.parks = collection<Park>('parks', 'park')
  set.articles = collection<Article>('articles', 'article')

  const agencyFile = path.join(dir, 'agency.json')
  if (existsSync(agencyFile)) {
    const shown = path.join(shownDir, 'agency.json')
    const text = readFileSync(agencyFile, 'utf8').replace(/^\uFEFF/, '')
    try {
      const record = { value: JSON.parse(text) as unknown, file: shown, line: 1 }
      set.read.agency = 1
      if (check('agency', record)) set.agency = { ...record, value: record.value as AgencyContact }
    } catch (err) {
      problems.push({ file: shown, line: errorLine(text, err), field: '', message: parseMessage(err) })
    }
  }
  set.media = [...media].sort()
  // File by file as read, each in line order (a parse error is found before the records are checked).
  const fileOrder = [...new Set(problems.map((p) => p.file))]
  problems.sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.line - b.line)
  return set
}

export const errorsOf = (set: ContentSet) => set.problems.filter((p) => !p.warning)

/** `parks.jsonl:3 price.unit: 中文 (English)`; a problem of the whole file has no field. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}`
}

/** The lines `check` prints: each problem in file order, then the summary. */
export function report(set: ContentSet): string[] {
  const errors = errorsOf(set).length
  const warnings = set.problems.length - errors
  const { parks, articles, agency } = set.read
  return [
    ...set.problems.map(formatProblem),
    `${errors ? '✗' : '✓'} 检查了 ${parks} 个园区、${articles} 篇文章、${agency} 张联系卡、${set.media.length} 个图片：${errors} 个错误，${warnings} 个警告` +
      ` (checked ${parks} parks, ${articles} articles, ${agency} agency card, ${set.media.length} media files: ${errors} error(s), ${warnings} warning(s))`,
  ]
}
