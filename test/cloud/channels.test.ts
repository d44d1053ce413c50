/**
 * @jest-environment node
 */
/**
 * Issue 9 items 1–2, server side: channels.list / channels.create / codes.get through the real
 * router, on SQLite (local runtime: QR of the H5 address, files in the codes directory) and on
 * CloudBase (the cloud entry over the wx-server-sdk double: wxacode.getUnlimited, uploadFile,
 * getTempFileURL). The same rules on both; then what only one of them does.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Article } from '@/domain/article'
import { CHANNEL_CODE_RE, DIRECT_SOURCE, type Channel, type MiniCode } from '@/domain/channels'
import type { ApiResult } from '@/domain/result'
import { parseScene } from '@/domain/scene'
import type { StaffMember } from '@/domain/staff'
import { createQrCodeMaker } from '../../cloudfunctions/api/src/adapters/qr-code-maker'
import { migrate, MIGRATIONS } from '../../cloudfunctions/api/src/adapters/sqlite/migrations'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { toCloudArticle, toCloudPark } from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { channelDocId } from '../../cloudfunctions/api/src/adapters/cloudbase-channels'
import {
  channelNameKey,
  channelNamesOf,
  codeKey,
  generateChannelCode,
} from '../../cloudfunctions/api/src/core/channel-codes'
import { createCloudMain } from '../../cloudfunctions/api/src/index'
import { silentLogger } from '../../cloudfunctions/api/src/logger'
import type { CodeMaker } from '../../cloudfunctions/api/src/ports/codes'
import { createApi } from '../../cloudfunctions/api/src/router'
import * as double from '../doubles/wx-server-sdk'
import { makeArticles, tmpDir } from './fixtures'
import { clock, data, errorOf, leadParks } from './inquiry-fixtures'

// Slow shared machines: a test makes up to five PNGs and seats two members of staff.
jest.setTimeout(60_000)

const OWNER_CODE = 'CHANNELS-OWNER-2026'
const LONG_ARTICLE = 'a-' + 'x'.repeat(40)
const articles: Article[] = [...makeArticles(2), { ...makeArticles(1)[0], id: LONG_ARTICLE }]
const articleId = articles[0].id
const OWNER = 'o-owner'
const AGENT = 'o-agent'
const VISITOR = 'o-visitor'

interface Harness {
  call(action: string, payload: unknown, openid: string): Promise<ApiResult<unknown>>
  /** Code images made so far (maker calls). */
  made(): number
  /** Audit entries, as stored. */
  audit(): Array<{ actorId: string; action: string; targetType: string; targetId: string; after?: any }>
  /** Removes a stored code image behind the store's back (deleted by hand). */
  dropImage(code: MiniCode): void
  close(): void
}

function sqliteHarness(): Harness & { storage: SqliteStorage; codesDir: string } {
  const dir = tmpDir('channels')
  const codesDir = path.join(dir, 'codes')
  const storage = openSqliteStorage(path.join(dir, 'channels.sqlite'), { codesDir })
  storage.seedFromMock({ articles, parks: leadParks, agency: null })
  const qr = createQrCodeMaker({ baseUrl: () => 'http://192.0.2.5:8787' })
  let made = 0
  const maker: CodeMaker = {
    variant: qr.variant,
    make: (r) => {
      made++
      return qr.make(r)
    },
  }
  const api = createApi({
    storage,
    staff: storage.staff,
    audit: storage.audit,
    channels: storage.channels,
    codeMaker: maker,
    codeFiles: storage.codeFiles,
    staffInviteCode: OWNER_CODE,
    now: clock().now,
  })
  return {
    storage,
    codesDir,
    call: (action, payload, openid) => api({ action, payload }, { openid, source: 'local' }),
    made: () => made,
    audit: () => {
      const db = new Database(storage.file, { readonly: true })
      try {
        const rows = db
          .prepare('SELECT actor_id, action, target_type, target_id, after_json FROM audit_log ORDER BY id')
          .all() as Array<Record<string, string>>
        return rows.map((r) => ({
          actorId: r.actor_id,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          after: r.after_json ? JSON.parse(r.after_json) : undefined,
        }))
      } finally {
        db.close()
      }
    },
    dropImage: (code) => fs.rmSync(path.join(codesDir, path.basename(code.imageUrl))),
    close() {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

function cloudHarness(env: Record<string, string> = {}): Harness {
  double.__reset()
  double.__seed('parks', leadParks.map(toCloudPark))
  double.__seed('articles', articles.map(toCloudArticle))
  const main = createCloudMain({ logger: silentLogger, env: { STAFF_INVITE_CODE: OWNER_CODE, ...env } })
  return {
    call: (action, payload, openid) => {
      double.__setOpenid(openid)
      return main({ action, payload }, {})
    },
    made: () => double.openapi.wxacode.getUnlimited.mock.calls.length,
    audit: () => double.__all('audit_log') as any,
    dropImage: (code) => {
      void double.deleteFile({ fileList: [code.fileId!] })
    },
    close() {},
  }
}

async function seatStaff(h: Harness): Promise<StaffMember> {
  const owner = data<{ member: StaffMember }>(
    await h.call('staff.claim', { name: '张负责', mobile: '13524678515', code: OWNER_CODE }, OWNER),
  ).member
  const invite = data<{ code: string }>(await h.call('staff.invite', { role: 'agent' }, OWNER))
  await h.call('staff.claim', { name: '李顾问', mobile: '13800001111', code: invite.code }, AGENT)
  return owner
}

describe.each([
  ['SQLite', sqliteHarness],
  ['CloudBase', () => cloudHarness()],
])('channels and codes on %s', (_name, make) => {
  let h: Harness
  let owner: StaffMember
  beforeEach(async () => {
    double.__reset()
    h = make()
    owner = await seatStaff(h)
  })
  afterEach(() => h.close())

  const create = async (name: string, openid = AGENT) =>
    data<{ channel: Channel }>(await h.call('channels.create', { name }, openid)).channel
  const code = async (payload: unknown, openid = AGENT) =>
    data<MiniCode>(await h.call('codes.get', payload, openid))

  it('refuses a visitor every channel and code action (FORBIDDEN), before looking at the payload', async () => {
    for (const [action, payload] of [
      ['channels.list', {}],
      ['channels.create', { name: '访客渠道' }],
      ['codes.get', { target: { page: 'home' } }],
    ] as const) {
      expect(errorOf(await h.call(action, payload, VISITOR))).toEqual({
        code: 'FORBIDDEN',
        message: '没有权限执行此操作',
      })
    }
    expect(h.made()).toBe(0)
  })

  it('creates channels with server-made codes, cleaned names, newest first, audit-logged', async () => {
    const fair = await create('  2026 工博会展位\u200b ', OWNER)
    expect(fair).toEqual({
      code: expect.stringMatching(CHANNEL_CODE_RE),
      name: '2026 工博会展位',
      createdAt: expect.any(String),
      createdByName: '张负责',
    })
    const poster = await create('松江园区海报')
    expect(poster.code).not.toBe(fair.code)
    expect(poster.createdByName).toBe('李顾问')
    const listed = data<{ items: Channel[] }>(await h.call('channels.list', {}, AGENT)).items
    expect(listed.map((c) => c.name).sort()).toEqual(['2026 工博会展位', '松江园区海报'])
    expect(listed).toContainEqual(fair)

    const entries = h.audit().filter((a) => a.action === 'channels.create')
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: owner.id,
        targetType: 'channel',
        targetId: fair.code,
        after: { name: '2026 工博会展位' },
      }),
      expect.objectContaining({ targetId: poster.code, after: { name: '松江园区海报' } }),
    ])
  })

  it('refuses a duplicate name (spacing, case and width folded) and an empty one, with field messages', async () => {
    await create('Poster A 松江')
    for (const again of ['Poster A 松江', 'poster a松江', 'ＰＯＳＴＥＲ Ａ 松江']) {
      expect(errorOf(await h.call('channels.create', { name: again }, AGENT))).toEqual({
        code: 'VALIDATION',
        message: expect.any(String),
        fields: { name: '渠道名称已存在' },
      })
    }
    expect(errorOf(await h.call('channels.create', { name: ' \u200b ' }, AGENT)).fields).toEqual({
      name: '请填写渠道名称',
    })
    expect(errorOf(await h.call('channels.create', { name: '长'.repeat(21) }, AGENT)).fields).toEqual({
      name: '渠道名称最多 20 个字',
    })
    expect(data<{ items: Channel[] }>(await h.call('channels.list', {}, AGENT)).items).toHaveLength(1)
    expect(h.audit().filter((a) => a.action === 'channels.create')).toHaveLength(1)
  })

  it('makes a code once per scene and width and reuses it (created: false, nothing made again)', async () => {
    const channel = await create('公众号菜单')
    const first = await code({ target: { page: 'park', id: 'p012' }, channel: channel.code })
    expect(first).toMatchObject({
      scene: `p=p012&s=${channel.code}`,
      page: 'pages/index/index',
      width: 430,
      created: true,
      imageUrl: expect.any(String),
    })
    expect(parseScene(first.scene)).toEqual({ page: 'park', id: 'p012', source: channel.code })
    expect(h.made()).toBe(1)

    const again = await code({ target: { page: 'park', id: 'p012' }, channel: channel.code }, OWNER)
    expect(again).toEqual({ ...first, imageUrl: expect.any(String), created: false })
    expect(h.made()).toBe(1)

    // Another width, another page, no channel: other images.
    expect(
      (await code({ target: { page: 'park', id: 'p012' }, channel: channel.code, width: 860 })).created,
    ).toBe(true)
    const article = await code({ target: { page: 'article', id: articleId }, channel: channel.code })
    expect(article.scene).toBe(`a=${articleId}&s=${channel.code}`)
    const home = await code({ target: { page: 'home' }, channel: channel.code })
    expect(home.scene).toBe(`s=${channel.code}`)
    const plain = await code({ target: { page: 'home' } })
    expect(plain.scene).toBe('home')
    expect(parseScene(plain.scene)).toEqual({ page: 'home' })
    expect(h.made()).toBe(5)
  })

  it('makes the image again when the stored one was deleted by hand', async () => {
    const first = await code({ target: { page: 'park', id: 'p013' } })
    h.dropImage(first)
    const again = await code({ target: { page: 'park', id: 'p013' } })
    expect(again.created).toBe(true)
    expect(h.made()).toBe(2)
    expect((await code({ target: { page: 'park', id: 'p013' } })).created).toBe(false)
  })

  it('answers NOT_FOUND for an unknown park or article, VALIDATION for an unknown channel or a scene too long', async () => {
    expect(errorOf(await h.call('codes.get', { target: { page: 'park', id: 'p999' } }, AGENT))).toEqual({
      code: 'NOT_FOUND',
      message: '园区不存在或已下线',
    })
    expect(
      errorOf(await h.call('codes.get', { target: { page: 'article', id: 'a-none' } }, AGENT)).code,
    ).toBe('NOT_FOUND')
    expect(
      errorOf(await h.call('codes.get', { target: { page: 'park', id: 'p012' }, channel: 'zz9zz9' }, AGENT)),
    ).toEqual({ code: 'VALIDATION', message: expect.any(String), fields: { channel: '渠道不存在' } })
    expect(
      errorOf(await h.call('codes.get', { target: { page: 'article', id: LONG_ARTICLE } }, AGENT)).fields,
    ).toEqual({ target: '文章编号过长，无法生成小程序码' })
    // The schema's own refusals.
    expect(
      Object.keys(
        errorOf(await h.call('codes.get', { target: { page: 'park', id: 'p012' }, channel: 'BAD' }, AGENT))
          .fields!,
      ),
    ).toEqual(['channel'])
    expect(
      errorOf(await h.call('codes.get', { target: { page: 'park', id: 'p012' }, width: 100 }, AGENT)).fields,
    ).toEqual({ width: '尺寸至少 280' })
    expect(h.made()).toBe(0)
  })
})

describe('CloudBase: wxacode.getUnlimited, cloud storage, mini_codes', () => {
  beforeEach(() => double.__reset())

  it('calls getUnlimited with camelCase params, uploads once under codes/<sha1>, answers a temporary link', async () => {
    const h = cloudHarness()
    await seatStaff(h)
    const channel = data<{ channel: Channel }>(
      await h.call('channels.create', { name: '展位' }, AGENT),
    ).channel
    const res = data<MiniCode>(
      await h.call(
        'codes.get',
        { target: { page: 'park', id: 'p012' }, channel: channel.code, width: 600 },
        AGENT,
      ),
    )
    const scene = `p=p012&s=${channel.code}`
    expect(double.openapi.wxacode.getUnlimited).toHaveBeenCalledWith({
      scene,
      page: 'pages/index/index',
      width: 600,
      checkPath: false,
      envVersion: 'release',
    })
    const key = codeKey(scene, 600, 'wxacode:release')
    // WeChat answers a JPEG: stored under its real extension.
    expect(double.uploadFile).toHaveBeenCalledTimes(1)
    expect(double.uploadFile.mock.calls[0][0].cloudPath).toBe(`codes/${key}.jpg`)
    expect(res.fileId).toBe(`cloud://test-env.7465-test-env/codes/${key}.jpg`)
    expect(res.imageUrl).toMatch(
      /^https:\/\/test-env\.tcb\.qcloud\.la\/codes\/[0-9a-f]{40}\.jpg\?sign=double&t=7200$/,
    )
    expect(JSON.parse(double.__file(res.fileId!)!.subarray(4).toString())).toEqual({
      scene,
      page: 'pages/index/index',
      width: 600,
    })
    expect(double.__peek('mini_codes', key)).toMatchObject({ fileID: res.fileId, scene, width: 600 })
    expect(double.__peek('channels', channelDocId(channelNameKey('展位')))).toMatchObject({
      code: channel.code,
      name: '展位',
    })

    // Asked again: no getUnlimited, no upload; a fresh link to the same file.
    const again = data<MiniCode>(
      await h.call(
        'codes.get',
        { target: { page: 'park', id: 'p012' }, channel: channel.code, width: 600 },
        OWNER,
      ),
    )
    expect(again).toEqual({ ...res, created: false })
    expect(double.openapi.wxacode.getUnlimited).toHaveBeenCalledTimes(1)
    expect(double.uploadFile).toHaveBeenCalledTimes(1)
    expect(double.getTempFileURL).toHaveBeenCalledTimes(2)
  })

  it('WXACODE_ENV_VERSION picks the build, and codes of another build are not reused', async () => {
    const trial = cloudHarness({ WXACODE_ENV_VERSION: 'trial' })
    await seatStaff(trial)
    data(await trial.call('codes.get', { target: { page: 'home' } }, AGENT))
    expect(double.openapi.wxacode.getUnlimited.mock.calls[0][0]).toMatchObject({
      scene: 'home',
      envVersion: 'trial',
    })
    expect(double.__fileIds()).toEqual([expect.stringContaining(codeKey('home', 430, 'wxacode:trial'))])
  })

  it('turns WeChat errcodes into clear Chinese errors and stores nothing', async () => {
    const h = cloudHarness()
    await seatStaff(h)
    double.__setGetUnlimited(async () => {
      throw double.openapiError(41030, 'openapi.wxacode.getUnlimited:fail invalid page')
    })
    expect(errorOf(await h.call('codes.get', { target: { page: 'home' } }, AGENT))).toEqual({
      code: 'INTERNAL',
      message: '小程序页面尚未发布，无法生成小程序码',
    })
    // An errcode in the answer instead of a rejection, and an answer that is no image.
    double.__setGetUnlimited(async () => ({ errCode: 45009, errMsg: 'openapi.wxacode.getUnlimited:fail' }))
    expect(errorOf(await h.call('codes.get', { target: { page: 'home' } }, AGENT)).message).toBe(
      '生成小程序码过于频繁，请稍后再试',
    )
    double.__setGetUnlimited(async () => ({ errCode: 0, buffer: Buffer.from('{"errcode":-1}') }))
    expect(errorOf(await h.call('codes.get', { target: { page: 'home' } }, AGENT)).message).toBe(
      '生成小程序码失败，请稍后再试',
    )
    double.__setGetUnlimited(async () => {
      throw double.openapiError(-604101, 'function has no permission to call this API')
    })
    expect(errorOf(await h.call('codes.get', { target: { page: 'home' } }, AGENT)).message).toContain(
      'config.json',
    )
    expect(double.uploadFile).not.toHaveBeenCalled()
    expect(double.__all('mini_codes')).toEqual([])
  })

  it('declares wxacode.getUnlimited in config.json', () => {
    const config = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../cloudfunctions/api/config.json'), 'utf8'),
    )
    expect(config.permissions.openapi).toContain('wxacode.getUnlimited')
  })
})

describe('SQLite: files under the codes directory', () => {
  it('writes <sha1>.png under DATA_DIR/codes and answers its /media/codes path and the H5 address', async () => {
    const h = sqliteHarness()
    try {
      await seatStaff(h)
      const res = data<MiniCode>(await h.call('codes.get', { target: { page: 'park', id: 'p012' } }, AGENT))
      const key = codeKey('p=p012', 430, 'h5:http://192.0.2.5:8787')
      expect(res).toEqual({
        scene: 'p=p012',
        page: 'pages/index/index',
        imageUrl: `/media/codes/${key}.png`,
        h5Url: 'http://192.0.2.5:8787/#/pages/index/index?scene=p%3Dp012',
        width: 430,
        created: true,
      })
      const png = fs.readFileSync(path.join(h.codesDir, `${key}.png`))
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect(fs.readdirSync(h.codesDir)).toEqual([`${key}.png`])
      // The H5 address survives a reuse (stored with the row).
      expect(
        data<MiniCode>(await h.call('codes.get', { target: { page: 'park', id: 'p012' } }, AGENT)).h5Url,
      ).toBe(res.h5Url)
    } finally {
      h.close()
    }
  })
})

describe('SQLite migration step: channels and mini_codes', () => {
  it('upgrades a file of the step before: the tables arrive empty, a folded name and a code are unique', async () => {
    const dir = tmpDir('channels-migrate')
    const file = path.join(dir, 'before.sqlite')
    const step = MIGRATIONS.findIndex((m) => m.name === 'channels and mini-program codes')
    expect(step).toBeGreaterThan(0)
    const db = new Database(file)
    migrate(db, file, MIGRATIONS.slice(0, step))
    db.close()
    const storage = openSqliteStorage(file)
    try {
      expect(storage.migration.applied).toContain(MIGRATIONS[step].version)
      expect(await storage.channels.listChannels()).toEqual([])
      const base = { name: '甲', createdAt: '2026-05-01T02:00:00.000Z', createdBy: 's1', createdByName: '甲' }
      expect(await storage.channels.createChannel({ ...base, code: 'aaaaaa', nameKey: 'jia' })).toBe(
        'created',
      )
      expect(await storage.channels.createChannel({ ...base, code: 'bbbbbb', nameKey: 'jia' })).toBe(
        'name-taken',
      )
      expect(await storage.channels.createChannel({ ...base, code: 'aaaaaa', nameKey: 'yi' })).toBe(
        'code-taken',
      )
      expect(await storage.codeFiles.find('0'.repeat(40))).toBeNull()
    } finally {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('channel codes and names', () => {
  it('are 6 of [a-z0-9], never the direct source, and spread over the alphabet', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const c = generateChannelCode()
      expect(c).toMatch(CHANNEL_CODE_RE)
      expect(c).not.toBe(DIRECT_SOURCE)
      seen.add(c)
    }
    expect(seen.size).toBe(2000)
  })

  it('channelNamesOf names the known codes for the funnel and leaves the rest out', async () => {
    const h = sqliteHarness()
    try {
      await seatStaff(h)
      const a = data<{ channel: Channel }>(await h.call('channels.create', { name: '甲渠道' }, AGENT)).channel
      const names = await channelNamesOf(h.storage.channels)([a.code, 'direct', 'poster1'])
      expect(names).toEqual({ [a.code]: '甲渠道' })
    } finally {
      h.close()
    }
  })
})
