import { createHash } from 'node:crypto'
import type { Channel } from '@/domain/channels'
import { CHANNEL_LIST_MAX, CodeMakeError } from '../core/channel-codes'
import type { ChannelStore } from '../ports/channels'
import type { CodeFiles, CodeMaker, MadeCode, StoredCode } from '../ports/codes'
import { COLLECTIONS } from './cloudbase-collections'
import type { CloudStorageSdk } from './cloudbase-export'
import type { CloudDatabase, CloudDoc } from './cloudbase-storage'

const toChannel = (d: CloudDoc): Channel => ({
  code: String(d.code ?? ''),
  name: String(d.name ?? ''),
  createdAt: String(d.createdAt ?? ''),
  createdByName: String(d.createdByName ?? ''),
})

/** A channel document's `_id`: one per name key, so the database itself refuses a second of a name. */
export const channelDocId = (nameKey: string): string =>
  `n${createHash('sha1').update(nameKey, 'utf8').digest('hex')}`

/**
 * Named channels in CloudBase (`channels`). `_id` is derived from the name key, so of two racing
 * creations of one name the database keeps one (an add with a taken `_id` fails); the code is a
 * field with its own index, checked before the add (a random 6-character code repeating is rare,
 * two at the same moment rarer still).
 */
export function createCloudbaseChannelStore(db: CloudDatabase): ChannelStore {
  const channels = () => db.collection(COLLECTIONS.channels)
  async function byCode(code: string): Promise<Channel | null> {
    const res = await channels().where({ code }).limit(1).get()
    return res.data[0] ? toChannel(res.data[0]) : null
  }
  return {
    async listChannels() {
      const res = await channels()
        .orderBy('createdAt', 'desc')
        .orderBy('_id', 'desc')
        .limit(CHANNEL_LIST_MAX)
        .get()
      return res.data.map(toChannel)
    },

    findChannel: byCode,

    async createChannel(c) {
      const _id = channelDocId(c.nameKey)
      const named = await channels().where({ _id }).limit(1).get()
      if (named.data.length > 0) return 'name-taken'
      if (await byCode(c.code)) return 'code-taken'
      try {
        await channels().add({
          data: {
            _id,
            code: c.code,
            name: c.name,
            nameKey: c.nameKey,
            createdAt: c.createdAt,
            createdBy: c.createdBy,
            createdByName: c.createdByName,
          },
        })
      } catch (err) {
        // A taken `_id`: the same name was created in the meantime. Anything else is rethrown.
        const raced = await channels().where({ _id }).limit(1).get()
        if (raced.data.length > 0) return 'name-taken'
        throw err
      }
      return 'created'
    },
  }
}

/** How long a code's temporary link works: the desk shows and saves it right away. */
export const CODE_LINK_SECONDS = 2 * 60 * 60

const isPng = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0x89504e47
const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff

/**
 * Code images in cloud storage (`codes/<key>.png`, or `.jpg` when WeChat answered a JPEG) with
 * one `mini_codes` document each (`_id` = key, `fileID`). Links are made when asked
 * (getTempFileURL): they expire, the file does not.
 */
export function createCloudCodeFiles(sdk: CloudStorageSdk, db: CloudDatabase): CodeFiles {
  const codes = () => db.collection(COLLECTIONS.miniCodes)
  return {
    async find(key) {
      const res = await codes().where({ _id: key }).limit(1).get()
      const d = res.data[0]
      if (!d || typeof d.fileID !== 'string') return null
      return {
        key,
        scene: String(d.scene ?? ''),
        page: String(d.page ?? ''),
        width: Number(d.width),
        fileId: d.fileID,
        createdAt: String(d.createdAt ?? ''),
        createdBy: String(d.createdBy ?? ''),
      }
    },

    async save(code, image: MadeCode): Promise<StoredCode> {
      const ext = image.contentType === 'image/png' ? 'png' : 'jpg'
      const { fileID } = await sdk.uploadFile({
        cloudPath: `codes/${code.key}.${ext}`,
        fileContent: image.bytes,
      })
      const fields = {
        scene: code.scene,
        page: code.page,
        width: code.width,
        fileID,
        createdAt: code.createdAt,
        createdBy: code.createdBy,
      }
      try {
        await codes().add({ data: { _id: code.key, ...fields } })
      } catch (err) {
        // A taken `_id`: a racing call stored the same code, or a record outlived its file.
        const res = await codes().where({ _id: code.key }).update({ data: fields })
        if (res.stats.updated !== 1) throw err
      }
      return { ...code, fileId: fileID }
    },

    async urlOf(code) {
      if (!code.fileId) return null
      const res = await sdk.getTempFileURL({ fileList: [{ fileID: code.fileId, maxAge: CODE_LINK_SECONDS }] })
      const link = res.fileList[0]
      if (link && link.status === 0 && link.tempFileURL) return link.tempFileURL
      if (/not exist/i.test(link?.errMsg ?? '')) return null
      throw new Error(`getTempFileURL failed: ${link?.errMsg ?? 'no link'}`)
    },
  }
}

export type WxacodeEnvVersion = 'release' | 'trial' | 'develop'

/** `cloud.openapi.wxacode.getUnlimited`'s parameters: the cloud call spells them in camelCase. */
export interface GetUnlimitedParams {
  scene: string
  page: string
  width: number
  checkPath: boolean
  envVersion: WxacodeEnvVersion
}

export interface GetUnlimitedResponse {
  errCode?: number
  errcode?: number
  errMsg?: string
  contentType?: string
  buffer?: Uint8Array
}

/** The slice of `cloud.openapi` the code maker calls (declared in config.json permissions.openapi). */
export interface WxCodeOpenApi {
  wxacode: { getUnlimited(params: GetUnlimitedParams): Promise<GetUnlimitedResponse> }
}

/** WeChat's errcodes, as the staff should read them. */
export const WXACODE_ERRORS: Record<number, string> = {
  41030: '小程序页面尚未发布，无法生成小程序码',
  40169: '小程序码参数不合法，无法生成小程序码',
  40097: '小程序码参数不合法，无法生成小程序码',
  45009: '生成小程序码过于频繁，请稍后再试',
  // The cloud call is not declared in the function's config.json (permissions.openapi).
  [-604101]: '云函数未获授权调用 wxacode.getUnlimited，请上传 config.json 后重试',
}

function codeOf(value: unknown): number | undefined {
  if (!value || typeof value !== 'object') return undefined
  const { errCode, errcode } = value as { errCode?: unknown; errcode?: unknown }
  const code = errCode ?? errcode
  return typeof code === 'number' ? code : undefined
}

const failure = (code: number | undefined) =>
  new CodeMakeError(
    (code !== undefined && WXACODE_ERRORS[code]) ||
      `生成小程序码失败，请稍后再试${code !== undefined ? `（错误码 ${code}）` : ''}`,
    code,
  )

/** WXACODE_ENV_VERSION: which build a scanned code opens; default the released one. */
export function parseEnvVersion(value: string | undefined): WxacodeEnvVersion | null {
  const v = (value ?? '').trim()
  if (v === '') return 'release'
  return v === 'release' || v === 'trial' || v === 'develop' ? v : null
}

/**
 * Mini-program codes from `wxacode.getUnlimited` (cloud call). `checkPath: false` lets a code be
 * made before the page is released (and for the trial / develop builds). A rejected call, an
 * errcode or an answer that is not an image becomes a CodeMakeError with a Chinese message.
 */
export function createWxCodeMaker(openapi: WxCodeOpenApi, envVersion: WxacodeEnvVersion): CodeMaker {
  return {
    variant: () => `wxacode:${envVersion}`,
    async make({ scene, page, width }) {
      let res: GetUnlimitedResponse
      try {
        res = await openapi.wxacode.getUnlimited({ scene, page, width, checkPath: false, envVersion })
      } catch (err) {
        throw failure(codeOf(err) ?? codeFromMessage(err))
      }
      const code = codeOf(res)
      if (code !== undefined && code !== 0) throw failure(code)
      const bytes = res?.buffer ? Buffer.from(res.buffer) : Buffer.alloc(0)
      if (isPng(bytes)) return { bytes, contentType: 'image/png' }
      if (isJpeg(bytes)) return { bytes, contentType: 'image/jpeg' }
      throw failure(undefined)
    },
  }
}

/** wx-server-sdk sometimes only names the code in the message ("errCode: -604101 | …"). */
function codeFromMessage(err: unknown): number | undefined {
  const m = /errCode:\s*(-?\d+)/.exec(err instanceof Error ? err.message : String(err))
  return m ? Number(m[1]) : undefined
}
