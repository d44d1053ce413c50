// `npm run content -- export`: the CloudBase shape of a checked content directory. Documents are
// made by the CloudBase adapter's own toCloudPark / toCloudArticle (the `_id` and the derived
// sort and search fields its queries read), so what is exported is what the function reads
// back. Two ways out: JSON Lines files for the console's import, or, with credentials in the
// environment, straight into the environment through @cloudbase/node-sdk.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import { rewriteMedia } from '@/domain/content-schemas'
import type { Park } from '@/domain/park'
import { AGENCY_DOC_ID, COLLECTIONS } from '../../cloudfunctions/api/src/adapters/cloudbase-collections'
import {
  toCloudArticle,
  toCloudPark,
  type CloudDoc,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import type { ContentSet } from './files'

/** The documents of each collection the content goes to. */
export interface CloudDocs {
  parks: CloudDoc[]
  articles: CloudDoc[]
  /** The agency card: `settings/agency`, where the adapter's getAgencyContact reads it. */
  settings: CloudDoc[]
}

/** Every document to write, media paths replaced through `media` (identity for the files). */
export function cloudDocs(set: ContentSet, media: (p: string) => string = (p) => p): CloudDocs {
  return {
    parks: set.parks.map((p) => toCloudPark(rewriteMedia<Park>('park', p.value, media))),
    articles: set.articles.map((a) => toCloudArticle(rewriteMedia<Article>('article', a.value, media))),
    settings: set.agency
      ? [{ _id: AGENCY_DOC_ID, ...rewriteMedia<AgencyContact>('agency', set.agency.value, media) }]
      : [],
  }
}

const COLLECTION_OF: Record<keyof CloudDocs, string> = {
  parks: COLLECTIONS.parks,
  articles: COLLECTIONS.articles,
  settings: COLLECTIONS.settings,
}

/**
 * Files for 云开发控制台 → 数据库 → 集合 → 导入, and the media. The console's "JSON" is JSON
 * Lines (one document a line, no array) and its file picker takes `.json`, hence `<collection>.json`
 * holding JSON Lines.
 */
export function writeExportFiles(set: ContentSet, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true })
  const docs = cloudDocs(set)
  const written: string[] = []
  for (const key of Object.keys(docs) as Array<keyof CloudDocs>) {
    if (docs[key].length === 0) continue
    const file = path.join(outDir, `${COLLECTION_OF[key]}.json`)
    writeFileSync(file, docs[key].map((d) => JSON.stringify(d)).join('\n') + '\n')
    written.push(file)
  }
  for (const ref of set.media) {
    const rel = ref.slice('/media/'.length)
    const to = path.join(outDir, 'media', ...rel.split('/'))
    mkdirSync(path.dirname(to), { recursive: true })
    copyFileSync(path.join(set.dir, 'media', ...rel.split('/')), to)
  }
  return written
}

/*
 * Just the slice of @cloudbase/node-sdk used here (a dev dependency: only this CLI needs it).
 * doc(id).set() is the SDK's upsert (replace the document, or create it); it answers errors
 * with a `code` instead of rejecting, so every answer is checked.
 */
export interface NodeSdkApp {
  database(): {
    command: { in(values: unknown[]): unknown }
    collection(name: string): {
      where(condition: object): {
        field(projection: Record<string, boolean>): {
          limit(n: number): {
            get(): Promise<{ data?: Array<Record<string, unknown>>; code?: string; message?: string }>
          }
        }
      }
      doc(id: string): { set(data: Record<string, unknown>): Promise<{ code?: string; message?: string }> }
    }
  }
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
}

export interface NodeSdk {
  init(config: { env: string; secretId: string; secretKey: string; sessionToken?: string }): NodeSdkApp
}

export interface CloudCredentials {
  env: string
  secretId: string
  secretKey: string
  sessionToken?: string
}

/**
 * TCB_ENV with TCB_SECRET_ID + TCB_SECRET_KEY, or TENCENTCLOUD_SECRETID + TENCENTCLOUD_SECRETKEY
 * (+ TENCENTCLOUD_SESSIONTOKEN for a temporary key: the names the SDK itself reads). null when
 * none is set; an error naming what is missing when only some are (better than quietly writing
 * files when a direct write was meant).
 */
export function credentialsFrom(env: Record<string, string | undefined>): CloudCredentials | null {
  const pick = (...names: string[]) => names.map((n) => env[n]?.trim()).find(Boolean)
  const found = {
    env: pick('TCB_ENV'),
    secretId: pick('TCB_SECRET_ID', 'TENCENTCLOUD_SECRETID'),
    secretKey: pick('TCB_SECRET_KEY', 'TENCENTCLOUD_SECRETKEY'),
  }
  if (!found.env && !found.secretId && !found.secretKey) return null
  const missing = [
    !found.env && 'TCB_ENV',
    !found.secretId && 'TCB_SECRET_ID (或 TENCENTCLOUD_SECRETID)',
    !found.secretKey && 'TCB_SECRET_KEY (或 TENCENTCLOUD_SECRETKEY)',
  ].filter(Boolean)
  if (missing.length)
    throw new Error(`云开发凭据不完整，缺少 ${missing.join('、')} (incomplete CloudBase credentials)`)
  const sessionToken = pick('TENCENTCLOUD_SESSIONTOKEN')
  return {
    env: found.env!,
    secretId: found.secretId!,
    secretKey: found.secretKey!,
    ...(sessionToken ? { sessionToken } : {}),
  }
}

/** Documents per existence query (a server-SDK query returns at most 1,000; `_id in` of 100 is light). */
export const BATCH = 100
/** Writes in flight at once within a batch. */
const PARALLEL = 10

const failed = (what: string, res: { code?: string; message?: string }) =>
  new Error(`${what} 失败 (failed): ${res.code}${res.message ? ` ${res.message}` : ''}`)

export interface CloudWriteReport {
  media: number
  counts: Record<keyof CloudDocs, { inserted: number; updated: number }>
}

/**
 * Uploads the media (cloud path = the same path under media/, so a re-run overwrites rather than
 * piles up), rewrites the records to the cloud:// file ids, then upserts every document by `_id`
 * in batches. A document that exists keeps its view count: views are the live counter.
 */
export async function writeToCloudbase(
  set: ContentSet,
  app: NodeSdkApp,
  say: (line: string) => void = () => {},
): Promise<CloudWriteReport> {
  const fileIds = new Map<string, string>()
  for (const ref of set.media) {
    const rel = ref.slice('/media/'.length)
    const fileContent = readFileSync(path.join(set.dir, 'media', ...rel.split('/')))
    const { fileID } = await app.uploadFile({ cloudPath: `media/${rel}`, fileContent })
    if (!fileID) throw new Error(`上传 ${ref} 失败 (upload failed)`)
    fileIds.set(ref, fileID)
  }
  say(`  图片 / media: 已上传 ${fileIds.size} 个 (uploaded ${fileIds.size})`)
  const docs = cloudDocs(set, (p) => fileIds.get(p) ?? p)
  const db = app.database()
  const counts = {} as CloudWriteReport['counts']
  for (const key of Object.keys(docs) as Array<keyof CloudDocs>) {
    const name = COLLECTION_OF[key]
    const collection = db.collection(name)
    const count = { inserted: 0, updated: 0 }
    for (let i = 0; i < docs[key].length; i += BATCH) {
      const batch = docs[key].slice(i, i + BATCH)
      const found = await collection
        .where({ _id: db.command.in(batch.map((d) => d._id)) })
        .field({ _id: true, views: true })
        .limit(BATCH)
        .get()
      if (found.code || !found.data) throw failed(`读取 ${name}`, found)
      const stored = new Map(found.data.map((d) => [String(d._id), d]))
      for (let j = 0; j < batch.length; j += PARALLEL) {
        await Promise.all(
          batch.slice(j, j + PARALLEL).map(async ({ _id, ...data }) => {
            const before = stored.get(_id)
            if (before && typeof before.views === 'number') data.views = before.views
            const res = await collection.doc(_id).set(data)
            if (res && res.code) throw failed(`写入 ${name}/${_id}`, res)
            if (before) count.updated += 1
            else count.inserted += 1
          }),
        )
      }
    }
    counts[key] = count
    say(
      `  ${name}: 新增 ${count.inserted}，更新 ${count.updated} (inserted ${count.inserted}, updated ${count.updated})`,
    )
  }
  return { media: fileIds.size, counts }
}
