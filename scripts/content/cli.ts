// `npm run content -- check|import|export <dir> [--out <dir>] [--db <sqlite file>]`
// (scripts/content.mjs builds build/content.cjs from scripts/content.ts when stale and runs it).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { credentialsFrom, writeExportFiles, writeToCloudbase, type NodeSdk } from './cloud'
import { errorsOf, loadContent, report, type ContentSet } from './files'

export const USAGE = `用法 / usage: npm run content -- <check|import|export> <目录 dir> [--out <目录>] [--db <文件>]
  check    检查园区、文章、联系卡和图片，有错误时退出码为 1 / validate, exit 1 on any error
  import   检查后写入本地 SQLite（按编号新增或更新，图片复制到 DATA_DIR/media）/ upsert into local SQLite
  export   检查后导出为云开发控制台的导入格式（parks / articles / settings.json，每行一个文档，及 media/）；
           设置了 TCB_ENV + TCB_SECRET_ID + TCB_SECRET_KEY（或 TENCENTCLOUD_SECRETID/SECRETKEY）时
           直接写入该云开发环境 / CloudBase import files, or straight into the environment with credentials
  --out    export 的输出目录，默认 build/cloudbase-export / export directory
  --db     import 的 SQLite 文件，默认 DATA_DIR/park-leads.sqlite（DATA_DIR 默认 .data/）/ SQLite file
  目录 <dir> 与 mock/ 相同：parks.json|parks.jsonl、articles.json|articles.jsonl、agency.json、media/`

export interface RunOptions {
  /** Repository root (defaults for --out and DATA_DIR). */
  root: string
  env: Record<string, string | undefined>
  out: (line: string) => void
  err: (line: string) => void
  /** @cloudbase/node-sdk, loaded only for a direct write (tests pass a double). */
  loadSdk?: () => NodeSdk | Promise<NodeSdk>
}

interface Args {
  command: 'check' | 'import' | 'export'
  dir: string
  out?: string
  db?: string
}

function parseArgs(argv: string[]): Args | string {
  const positional: string[] = []
  const flags: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') return ''
    const flag = /^--(out|db)(?:=(.*))?$/.exec(arg)
    if (flag) {
      const value = flag[2] ?? argv[++i]
      if (!value) return `--${flag[1]} 需要一个值 (needs a value)`
      flags[flag[1]] = value
    } else if (arg.startsWith('-')) return `未知参数 (unknown option): ${arg}`
    else positional.push(arg)
  }
  const [command, dir, ...rest] = positional
  if (command !== 'check' && command !== 'import' && command !== 'export')
    return `请指定 check、import 或 export (expected check, import or export)${command ? `: ${command}` : ''}`
  if (!dir) return '请指定内容目录 (missing <dir>)'
  if (rest.length) return `多余的参数 (unexpected): ${rest.join(' ')}`
  return { command, dir, out: flags.out, db: flags.db }
}

/** Copies the media a content set uses under `mediaRoot` (DATA_DIR/media, served as /media). */
function copyMedia(set: ContentSet, mediaRoot: string): number {
  for (const ref of set.media) {
    const segments = ref.slice('/media/'.length).split('/')
    const to = path.join(mediaRoot, ...segments)
    mkdirSync(path.dirname(to), { recursive: true })
    copyFileSync(path.join(set.dir, 'media', ...segments), to)
  }
  return set.media.length
}

async function loadNodeSdk(): Promise<NodeSdk> {
  const mod = (await import('@cloudbase/node-sdk')) as unknown as { default?: NodeSdk } & NodeSdk
  return typeof mod.init === 'function' ? mod : (mod.default as NodeSdk)
}

/** Runs one command; resolves to the exit code (1 on any error, 2 on a usage error). */
export async function runContent(argv: string[], options: RunOptions): Promise<number> {
  const { out, err } = options
  const args = parseArgs(argv)
  if (typeof args === 'string') {
    if (args) err(args)
    ;(args ? err : out)(USAGE)
    return args ? 2 : 0
  }
  const dir = path.resolve(args.dir)
  const set = loadContent(dir, args.dir)
  const lines = report(set)
  const failed = errorsOf(set).length > 0
  // Problems and the summary: stdout for check (its output is the result), stderr otherwise.
  for (const line of lines) (args.command === 'check' ? out : err)(line)
  if (failed) {
    if (args.command !== 'check')
      err(
        `未${args.command === 'import' ? '导入' : '导出'}任何内容：请先修正以上错误 (nothing written: fix the errors above)`,
      )
    return 1
  }
  if (args.command === 'check') return 0

  if (args.command === 'import') {
    const dataDir = path.resolve(options.env.DATA_DIR || path.join(options.root, '.data'))
    const dbFile = path.resolve(args.db ?? path.join(dataDir, 'park-leads.sqlite'))
    mkdirSync(path.dirname(dbFile), { recursive: true })
    const fresh = !existsSync(dbFile)
    const storage = openSqliteStorage(dbFile)
    try {
      const { inserted, updated } = storage.importContent({
        parks: set.parks.map((p) => p.value),
        articles: set.articles.map((a) => a.value),
        agency: set.agency?.value ?? null,
      })
      const media = copyMedia(set, path.join(path.dirname(dbFile), 'media'))
      out(
        `已导入到 ${dbFile}${fresh ? '（新建）' : ''}：新增 ${inserted} 条，更新 ${updated} 条，图片 ${media} 个`,
      )
      out(
        `imported into ${dbFile}: ${inserted} inserted, ${updated} updated, ${media} media files (view counts kept)`,
      )
    } finally {
      storage.close()
    }
    return 0
  }

  const credentials = credentialsFrom(options.env)
  if (credentials) {
    const sdk = await (options.loadSdk ?? loadNodeSdk)()
    const app = sdk.init(credentials)
    out(`写入云开发环境 ${credentials.env} (writing to CloudBase environment ${credentials.env})`)
    const result = await writeToCloudbase(set, app, out)
    const total = Object.values(result.counts).reduce((n, c) => n + c.inserted + c.updated, 0)
    out(
      `✓ 已写入 ${total} 个文档、${result.media} 个图片 (wrote ${total} documents, ${result.media} media files)`,
    )
    if (!args.out) return 0
  }
  const outDir = path.resolve(args.out ?? path.join(options.root, 'build', 'cloudbase-export'))
  const files = writeExportFiles(set, outDir)
  for (const file of files) {
    const shown = path.relative(process.cwd(), file)
    out(`  ${shown.startsWith('..') ? file : shown}`)
  }
  out(
    `已导出到 ${outDir}，另含 media/ 下 ${set.media.length} 个图片 (exported to ${outDir}, with ${set.media.length} media files under media/)`,
  )
  if (!credentials) {
    for (const line of [
      '导入云开发控制台：数据库 → 选择与文件同名的集合（parks、articles、settings）→ 导入 → 选择该 .json 文件',
      '  （每行一个文档），冲突处理模式选 Upsert（按 _id 新增或覆盖；覆盖会用文件里的 views 替换浏览量）。',
      '  图片：把 media/ 整个上传到静态网站托管或 CDN 的根目录，构建小程序时设 TARO_APP_MEDIA_BASE 为其地址；',
      '  或设置 TCB_ENV、TCB_SECRET_ID、TCB_SECRET_KEY 后再运行 export：直接写入环境，图片换成 cloud:// 地址。',
      'Console: 数据库 → the collection of the same name → 导入 → the .json file (JSON Lines), conflict mode Upsert;',
      '  or set TCB_ENV + TCB_SECRET_ID + TCB_SECRET_KEY to write straight into the environment.',
    ])
      out(line)
  }
  return 0
}
