/**
 * @jest-environment node
 */
/**
 * `npm run content -- check|import|export <dir>` (issue 9 item 6): the checker's exact output on
 * a directory of mistakes, import into a real SQLite file read back through the router, export
 * read back through the CloudBase adapter (files, and the direct write with a double of
 * @cloudbase/node-sdk), and the CLI once as a child process.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import type { Park } from '@/domain/park'
import {
  createCloudbaseStorage,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi } from '../../cloudfunctions/api/src/router'
import { createServer } from '../../server/app'
import { runContent, type RunOptions } from '../../scripts/content/cli'
import * as nodeSdk from '../doubles/cloudbase-node-sdk'
import * as wx from '../doubles/wx-server-sdk'
import { tmpDir } from './fixtures'

const root = path.resolve(__dirname, '../..')
const mockDir = path.join(root, 'mock')
const errorsDir = 'test/fixtures/content-errors'
const readMock = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(mockDir, file), 'utf8')) as T
const mockParks = readMock<Park[]>('parks.json')
const mockArticles = readMock<Article[]>('articles.json')
const mockAgency = readMock<AgencyContact>('agency.json')

async function run(
  argv: string[],
  env: Record<string, string | undefined> = {},
  extra: Partial<RunOptions> = {},
) {
  const out: string[] = []
  const err: string[] = []
  const code = await runContent(argv, {
    root,
    env,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    loadSdk: () => nodeSdk,
    ...extra,
  })
  return { code, out, err }
}

/** A copy of mock/ to edit; JSON arrays turned into JSON Lines when asked. */
function contentCopy(jsonLines = false): string {
  const dir = tmpDir('content')
  fs.cpSync(mockDir, dir, { recursive: true })
  if (jsonLines) {
    for (const name of ['parks', 'articles']) {
      const records = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as unknown[]
      fs.rmSync(path.join(dir, `${name}.json`))
      fs.writeFileSync(
        path.join(dir, `${name}.jsonl`),
        records.map((r) => JSON.stringify(r)).join('\n') + '\n',
      )
    }
  }
  return dir
}

const ctx = { openid: 'o-content', source: 'cloud' as const }
const cleanup: string[] = []
afterAll(() => {
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true })
})

describe('content check', () => {
  it('passes mock/ with exit 0 and a summary of what it read', async () => {
    const { code, out, err } = await run(['check', 'mock'])
    expect(err).toEqual([])
    expect(out).toEqual([
      `✓ 检查了 ${mockParks.length} 个园区、${mockArticles.length} 篇文章、1 张联系卡、28 个图片：0 个错误，0 个警告 (checked ${mockParks.length} parks, ${mockArticles.length} articles, 1 agency card, 28 media files: 0 error(s), 0 warning(s))`,
    ])
    expect(code).toBe(0)
  })

  it('prints each problem as file:line field: 中文 (English), then the summary, and exits 1', async () => {
    const { code, out } = await run(['check', errorsDir])
    const f = (file: string) => `${errorsDir}/${file}`
    expect(out).toEqual([
      `${f('parks.jsonl')}:2 price.unit: 出租价格单位须为 yuan_m2_day（元/m²/天），出售须为 yuan_m2（元/m²） (rent is priced in yuan_m2_day, sale in yuan_m2)`,
      `${f('parks.jsonl')}:3 name: 缺少必填字段 (missing required field)`,
      `${f('parks.jsonl')}:3 district: 区域只能是 songjiang/jiading/qingpu/fengxian/jinshan/minhang/baoshan/pudong/xuancheng (unknown district)`,
      `${f('parks.jsonl')}:3 status: 状态只能是 available/let/withdrawn (status must be available, let or withdrawn)`,
      `${f('parks.jsonl')}:3 featureOrder: 未知字段，请检查拼写 (unknown field, check the spelling)`,
      `${f('parks.jsonl')}:3 areaMin: 最小面积不能大于最大面积 (areaMin must not exceed areaMax)`,
      `${f('parks.jsonl')}:5 id: 编号 p101 重复，第 1 行已用 (duplicate id p101, first on line 1)`,
      `${f('parks.jsonl')}:6 featuredOrder: 推荐顺序须在 0–999 之间 (must be 0–999)`,
      `${f('parks.jsonl')}:6 photos[1]: 图片不存在：media/parks/nope.png (missing file: media/parks/nope.png)`,
      `${f('parks.jsonl')}:7: JSON 格式错误，无法解析 (invalid JSON)`,
      `${f('articles.json')}:14 category: 分类只能是 park-news/policy/guide (unknown category)`,
      `${f('articles.json')}:14 publishedAt: 发布时间须为北京时间 ISO 格式，如 2026-11-20T10:30:00+08:00 (must be ISO 8601 with +08:00)`,
      `${f('articles.json')}:14 hidden: 隐藏必须是 true 或 false (must be true or false)`,
      `${f('articles.json')}:14 body: 警告：HTML 含有会被清理掉的标签或属性，页面显示将与原文不同 (warning: the sanitiser changes this HTML, the page will differ)`,
      `${f('articles.json')}:27 id: 文章编号只能用字母、数字、- 和 _，最多 64 位 (must be 1–64 of [A-Za-z0-9_-])`,
      `${f('articles.json')}:27 body: 图片不存在：media/missing.png (missing file: media/missing.png)`,
      `${f('agency.json')}:1 hotline: 热线格式不正确，如 4000123021 (must look like 4000123021)`,
      `${f('agency.json')}:1 mobiles[0].number: 手机号格式不正确，如 13524678515 (must look like 13524678515)`,
      '✗ 检查了 6 个园区、3 篇文章、1 张联系卡、2 个图片：17 个错误，1 个警告 (checked 6 parks, 3 articles, 1 agency card, 2 media files: 17 error(s), 1 warning(s))',
    ])
    expect(code).toBe(1)
  })

  it('a missing image is an error, in JSON Lines with the line of its record', async () => {
    const dir = contentCopy(true)
    cleanup.push(dir)
    fs.rmSync(path.join(dir, 'media', 'agent-wechat-qr.png'))
    const lines = fs.readFileSync(path.join(dir, 'parks.jsonl'), 'utf8').split('\n')
    const at = lines.findIndex((l) => l.includes('"/media/parks/warehouse-docks.png"'))
    expect(at).toBeGreaterThan(0)
    fs.rmSync(path.join(dir, 'media', 'parks', 'warehouse-docks.png'))
    const { code, out } = await run(['check', dir])
    expect(code).toBe(1)
    expect(out).toContain(
      `${dir}/agency.json:1 wechatQr: 图片不存在：media/agent-wechat-qr.png (missing file: media/agent-wechat-qr.png)`,
    )
    const parkLines = out.filter((l) => l.startsWith(`${dir}/parks.jsonl:`))
    expect(parkLines.length).toBeGreaterThan(0)
    expect(parkLines[0]).toMatch(
      new RegExp(
        `^${dir}/parks\\.jsonl:${at + 1} (cover|photos\\[\\d+\\]): 图片不存在：media/parks/warehouse-docks\\.png `,
      ),
    )
  })

  it('import and export refuse a directory with errors and write nothing', async () => {
    const dbDir = tmpDir('content-db')
    cleanup.push(dbDir)
    const imported = await run(['import', errorsDir, '--db', path.join(dbDir, 'x.sqlite')])
    expect(imported.code).toBe(1)
    expect(imported.err.at(-1)).toBe(
      '未导入任何内容：请先修正以上错误 (nothing written: fix the errors above)',
    )
    expect(fs.existsSync(path.join(dbDir, 'x.sqlite'))).toBe(false)
    const exported = await run(['export', errorsDir, '--out', path.join(dbDir, 'out')])
    expect(exported.code).toBe(1)
    expect(fs.existsSync(path.join(dbDir, 'out'))).toBe(false)
  })
})

describe('content import into the local SQLite file', () => {
  it('upserts by id in one go, keeps view counts, copies media, and the router serves the content', async () => {
    const dir = contentCopy(true)
    const dataDir = tmpDir('content-data')
    cleanup.push(dir, dataDir)
    const first = await run(['import', dir], { DATA_DIR: dataDir })
    expect(first.code).toBe(0)
    const total = mockParks.length + mockArticles.length + 1
    expect(first.out[0]).toBe(
      `已导入到 ${path.join(dataDir, 'park-leads.sqlite')}（新建）：新增 ${total} 条，更新 0 条，图片 28 个`,
    )
    expect(fs.existsSync(path.join(dataDir, 'media', 'agent-wechat-qr.png'))).toBe(true)

    // A visitor reads a park (views + 1), then the agency edits it and imports again.
    let storage = openSqliteStorage(path.join(dataDir, 'park-leads.sqlite'))
    let api = createApi({ storage })
    const p = mockParks[0]
    const before = (await api({ action: 'parks.get', payload: { id: p.id } }, ctx)) as {
      ok: true
      data: { park: Park }
    }
    const viewed = before.data.park.views
    expect(viewed).toBe(p.views + 1)
    storage.close()

    const lines = fs.readFileSync(path.join(dir, 'parks.jsonl'), 'utf8').trimEnd().split('\n')
    const edited: Park = { ...(JSON.parse(lines[0]) as Park), name: '改过名的园区', views: 0 }
    const added: Park = { ...edited, id: 'pnew1', name: '新园区 标准厂房' }
    lines[0] = JSON.stringify(edited)
    lines.push(JSON.stringify(added))
    fs.writeFileSync(path.join(dir, 'parks.jsonl'), lines.join('\n') + '\n')
    const second = await run(['import', dir], { DATA_DIR: dataDir })
    expect(second.code).toBe(0)
    expect(second.out[0]).toBe(
      `已导入到 ${path.join(dataDir, 'park-leads.sqlite')}：新增 1 条，更新 ${total} 条，图片 28 个`,
    )

    storage = openSqliteStorage(path.join(dataDir, 'park-leads.sqlite'))
    api = createApi({ storage })
    const list = (await api({ action: 'parks.list', payload: { keyword: '改过名', limit: 30 } }, ctx)) as {
      ok: true
      data: { items: Park[] }
    }
    expect(list.data.items.map((x) => [x.id, x.name, x.views])).toEqual([[p.id, '改过名的园区', viewed]])
    const fresh = (await api({ action: 'parks.get', payload: { id: 'pnew1' } }, ctx)) as {
      ok: true
      data: { park: Park }
    }
    expect(fresh.data.park).toEqual({ ...added, views: 1 })
    const a = mockArticles[3]
    const article = (await api({ action: 'articles.get', payload: { id: a.id } }, ctx)) as {
      ok: true
      data: { article: Article; contact: AgencyContact }
    }
    expect(article.data.article).toEqual({ ...a, views: a.views + 1 })
    expect(article.data.contact).toEqual(mockAgency)
    storage.close()
  })
})

describe('the local server and imported media', () => {
  it('serves /media/* from DATA_DIR/media first, then mock/media', async () => {
    const dataDir = tmpDir('content-media')
    cleanup.push(dataDir)
    const imported = Buffer.from([0x89, 0x50, 0x4e, 0x47, 7, 7, 7])
    fs.mkdirSync(path.join(dataDir, 'media', 'parks'), { recursive: true })
    fs.writeFileSync(path.join(dataDir, 'media', 'parks', 'factory-sawtooth.png'), imported)
    fs.writeFileSync(path.join(dataDir, 'media', 'only-imported.png'), imported)
    const storage = openSqliteStorage(path.join(dataDir, 'x.sqlite'))
    const server = createServer({
      storage,
      staticDir: path.join(dataDir, 'no-h5'),
      mediaDir: path.join(mockDir, 'media'),
      importedMediaDir: path.join(dataDir, 'media'),
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const get = async (p: string) => {
      const res = await fetch(`http://127.0.0.1:${port}${p}`)
      return { status: res.status, body: Buffer.from(await res.arrayBuffer()) }
    }
    try {
      expect(await get('/media/parks/factory-sawtooth.png')).toEqual({ status: 200, body: imported })
      expect(await get('/media/only-imported.png')).toEqual({ status: 200, body: imported })
      const fromMock = await get('/media/agent-wechat-qr.png')
      expect(fromMock).toEqual({
        status: 200,
        body: fs.readFileSync(path.join(mockDir, 'media', 'agent-wechat-qr.png')),
      })
      expect((await get('/media/nothing.png')).status).toBe(404)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      storage.close()
    }
  })
})

const cloudDb = () => wx.database() as unknown as CloudDatabase

function seedFromExport(outDir: string) {
  wx.__reset()
  for (const name of ['parks', 'articles', 'settings']) {
    const docs = fs
      .readFileSync(path.join(outDir, `${name}.json`), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { _id: string })
    wx.__seed(name, docs)
  }
}

describe('content export to CloudBase', () => {
  it('writes one JSON Lines file per collection (.json, as the console takes them) that the CloudBase adapter reads back as the originals', async () => {
    const outDir = tmpDir('content-export')
    cleanup.push(outDir)
    const { code, out } = await run(['export', 'mock', '--out', outDir])
    expect(code).toBe(0)
    expect(out.some((l) => l.includes('冲突处理模式选 Upsert'))).toBe(true)
    expect(fs.readdirSync(outDir).sort()).toEqual(['articles.json', 'media', 'parks.json', 'settings.json'])
    expect(fs.existsSync(path.join(outDir, 'media', 'parks', 'factory-sawtooth.png'))).toBe(true)

    seedFromExport(outDir)
    const storage = createCloudbaseStorage(cloudDb())
    for (const p of mockParks) expect(await storage.getPark(p.id)).toEqual(p)
    for (const a of mockArticles) expect(await storage.getArticle(a.id)).toEqual(a)
    expect(await storage.getAgencyContact()).toEqual(mockAgency)
    // The derived fields the queries need are there: a keyword and a price sort find parks.
    const api = createApi({ storage })
    const found = (await api({ action: 'parks.list', payload: { keyword: '松江', limit: 30 } }, ctx)) as {
      ok: true
      data: { items: Park[] }
    }
    expect(found.data.items.length).toBeGreaterThan(0)
    const doc = wx.__peek('parks', mockParks[0].id)!
    expect(doc).toMatchObject({ _id: mockParks[0].id, priceValue: mockParks[0].price?.value })
    expect(typeof doc.searchText).toBe('string')
    expect(doc).not.toHaveProperty('id')
  })

  it('with credentials, uploads media and upserts by _id through @cloudbase/node-sdk, keeping view counts', async () => {
    wx.__reset()
    nodeSdk.calls.length = 0
    const p = mockParks[0]
    // Already in the environment, with live views the file must not reset.
    wx.__seed('parks', [{ _id: p.id, name: '旧名称', views: 9999 }])
    const env = { TCB_ENV: 'env-1', TCB_SECRET_ID: 'AKID-test', TCB_SECRET_KEY: 'key-test' }
    const { code, out } = await run(['export', 'mock'], env)
    expect(code).toBe(0)
    expect(nodeSdk.calls[0]).toEqual({
      op: 'init',
      detail: { env: 'env-1', secretId: 'AKID-test', secretKey: 'key-test' },
    })
    expect(nodeSdk.calls.filter((c) => c.op === 'upload')).toHaveLength(28)
    expect(out).toContain(
      `  parks: 新增 ${mockParks.length - 1}，更新 1 (inserted ${mockParks.length - 1}, updated 1)`,
    )
    expect(out).toContain(
      `  articles: 新增 ${mockArticles.length}，更新 0 (inserted ${mockArticles.length}, updated 0)`,
    )
    expect(out).toContain('  settings: 新增 1，更新 0 (inserted 1, updated 0)')
    // Existence is asked once per batch, not per document.
    expect(nodeSdk.calls.filter((c) => c.op === 'get')).toHaveLength(3)

    const storage = createCloudbaseStorage(cloudDb())
    const cloudId = (media: string) => `cloud://test-env.7465-test-env/media/${media.slice('/media/'.length)}`
    const stored = await storage.getPark(p.id)
    expect(stored).toEqual({
      ...p,
      views: 9999,
      cover: cloudId(p.cover),
      photos: p.photos.map(cloudId),
    })
    expect(wx.__file(cloudId(p.cover))).toEqual(fs.readFileSync(path.join(mockDir, p.cover)))
    expect((await storage.getAgencyContact())?.wechatQr).toBe(cloudId(mockAgency.wechatQr))
    const a = mockArticles[0]
    expect(await storage.getArticle(a.id)).toEqual({ ...a, cover: cloudId(a.cover) })
  })

  it('says which credential is missing instead of writing files', async () => {
    const { code, err } = await run(['export', 'mock'], {
      TCB_ENV: 'env-1',
      TENCENTCLOUD_SECRETID: 'AKID',
    }).catch((e: Error) => ({ code: -1, err: [e.message] }))
    expect(code).toBe(-1)
    expect(err).toEqual([
      '云开发凭据不完整，缺少 TCB_SECRET_KEY (或 TENCENTCLOUD_SECRETKEY) (incomplete CloudBase credentials)',
    ])
  })
})

describe('npm run content as a child process', () => {
  it('check mock/ prints the summary and exits 0', () => {
    const res = spawnSync(process.execPath, [path.join(root, 'scripts', 'content.mjs'), 'check', 'mock'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(res.stdout.trim()).toMatch(
      /^✓ 检查了 \d+ 个园区、\d+ 篇文章、1 张联系卡、28 个图片：0 个错误，0 个警告 /,
    )
    expect(res.status).toBe(0)
  })
})
