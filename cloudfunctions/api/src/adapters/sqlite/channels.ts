import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import type { Channel } from '@/domain/channels'
import { CHANNEL_LIST_MAX } from '../../core/channel-codes'
import type { ChannelStore, NewChannel } from '../../ports/channels'
import type { CodeFiles, StoredCode } from '../../ports/codes'

interface ChannelRow {
  code: string
  name: string
  created_at: string
  created_by_name: string
}

const toChannel = (r: ChannelRow): Channel => ({
  code: r.code,
  name: r.name,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
})

/** Named channels on the local runtime's SQLite file (migration: channels and mini-program codes). */
export function createSqliteChannelStore(db: Database.Database): ChannelStore {
  const list = db.prepare<[number]>(
    'SELECT code, name, created_at, created_by_name FROM channels ORDER BY created_at DESC, code DESC LIMIT ?',
  )
  const byCode = db.prepare<[string]>(
    'SELECT code, name, created_at, created_by_name FROM channels WHERE code = ?',
  )
  // ON CONFLICT DO NOTHING for either key; which one was taken is read back in the same transaction.
  const insert = db.prepare(`
    INSERT INTO channels (code, name, name_key, created_at, created_by, created_by_name)
    VALUES (@code, @name, @nameKey, @createdAt, @createdBy, @createdByName)
    ON CONFLICT DO NOTHING`)
  const nameTaken = db.prepare<[string]>('SELECT 1 FROM channels WHERE name_key = ?')
  const create = db.transaction((c: NewChannel) => {
    if (insert.run(c).changes === 1) return 'created' as const
    return nameTaken.get(c.nameKey) ? ('name-taken' as const) : ('code-taken' as const)
  })
  return {
    async listChannels() {
      return (list.all(CHANNEL_LIST_MAX) as ChannelRow[]).map(toChannel)
    },
    async findChannel(code) {
      const row = byCode.get(code) as ChannelRow | undefined
      return row ? toChannel(row) : null
    },
    async createChannel(channel) {
      return create.immediate(channel)
    },
  }
}

interface CodeRow {
  key: string
  scene: string
  page: string
  width: number
  h5_url: string | null
  created_at: string
  created_by: string
}

const KEY_RE = /^[0-9a-f]{40}$/

/** The URL path the local server serves code images under (server/app.ts). */
export const LOCAL_CODES_PATH = '/media/codes/'

/** The file name of a code image in the codes directory (what `/media/codes/<name>` serves). */
export const localCodeFile = (key: string): string => `${key}.png`

/**
 * The local runtime's code images: PNG files in `dir` (DATA_DIR/codes), named by their key, and
 * one `mini_codes` row each. A row whose file was deleted answers no URL, so the handler makes
 * the image again and the row is replaced.
 */
export function createSqliteCodeFiles(db: Database.Database, dir: string): CodeFiles {
  const byKey = db.prepare<[string]>('SELECT * FROM mini_codes WHERE key = ?')
  const upsert = db.prepare(`
    INSERT OR REPLACE INTO mini_codes (key, scene, page, width, h5_url, created_at, created_by)
    VALUES (@key, @scene, @page, @width, @h5Url, @createdAt, @createdBy)`)
  const fileOf = (key: string) => {
    // The key names a file: never let anything else reach the file system.
    if (!KEY_RE.test(key)) throw new Error(`bad code key ${key.slice(0, 48)}`)
    return path.join(dir, localCodeFile(key))
  }
  return {
    async find(key) {
      const r = byKey.get(key) as CodeRow | undefined
      if (!r) return null
      return {
        key: r.key,
        scene: r.scene,
        page: r.page,
        width: r.width,
        ...(r.h5_url ? { h5Url: r.h5_url } : {}),
        createdAt: r.created_at,
        createdBy: r.created_by,
      }
    },
    async save(code, image): Promise<StoredCode> {
      if (image.contentType !== 'image/png')
        throw new Error(`local code images are PNG, not ${image.contentType}`)
      const file = fileOf(code.key)
      mkdirSync(dir, { recursive: true })
      // Written beside and renamed, so the server never serves half a file.
      const partial = `${file}.${process.pid}.tmp`
      writeFileSync(partial, image.bytes)
      renameSync(partial, file)
      const stored: StoredCode = { ...code, ...(image.h5Url ? { h5Url: image.h5Url } : {}) }
      upsert.run({ ...stored, h5Url: stored.h5Url ?? null })
      return stored
    },
    async urlOf(code) {
      return existsSync(fileOf(code.key)) ? `${LOCAL_CODES_PATH}${localCodeFile(code.key)}` : null
    },
  }
}
