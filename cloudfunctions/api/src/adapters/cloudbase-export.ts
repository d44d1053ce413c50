import { randomBytes } from 'node:crypto'
import { beijingDate } from '@/domain/export'
import type {
  ExportCursor,
  ExportFile,
  ExportFileStore,
  LeadExportReader,
  PurgeCounts,
  RetentionStore,
} from '../ports/lead-export'
import { COLLECTIONS } from './cloudbase-collections'
import { toDesk } from './cloudbase-desk'
import type { CloudDatabase } from './cloudbase-storage'

/** A cloud-function read returns at most 1,000 documents. */
const MAX_READ = 1000

/**
 * The export's keyset pages and the retention purge in CloudBase. The pages walk the
 * `inquiries.created` index (createdAt, read ascending, `_id` breaking ties); the purge removes
 * by a createdAt range (the `created` indexes) and, for one desk stage, by `stage_created`.
 */
export function createCloudbaseExportStore(db: CloudDatabase): LeadExportReader & RetentionStore {
  const _ = db.command
  const inquiries = () => db.collection(COLLECTIONS.inquiries)
  const events = () => db.collection(COLLECTIONS.contactEvents)
  return {
    async leadsPage(range, after: ExportCursor | null, limit) {
      const conditions: object[] = [{ createdAt: _.gte(range.since) }, { createdAt: _.lt(range.until) }]
      if (after) {
        conditions.push(
          _.or([
            { createdAt: _.gt(after.createdAt) },
            { createdAt: _.eq(after.createdAt), _id: _.gt(after.id) },
          ]),
        )
      }
      const res = await inquiries()
        .where(_.and(conditions))
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(Math.max(1, Math.min(limit, MAX_READ)))
        .get()
      return res.data.map(toDesk)
    },

    async purgeOlderThan(before): Promise<PurgeCounts> {
      const [a, b] = await Promise.all([
        inquiries()
          .where({ createdAt: _.lt(before) })
          .remove(),
        events()
          .where({ createdAt: _.lt(before) })
          .remove(),
      ])
      return { inquiries: a.stats.removed, events: b.stats.removed }
    },

    async purgeStageOlderThan(stage, before) {
      const res = await inquiries()
        .where({ stage, createdAt: _.lt(before) })
        .remove()
      return res.stats.removed
    },
  }
}

/** The slice of wx-server-sdk's storage API the export uses. */
export interface CloudStorageSdk {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  /** At most 50 fileIDs a call; each answers status 0 when deleted. */
  deleteFile(options: { fileList: string[] }): Promise<{
    fileList: Array<{ fileID: string; status: number; errMsg?: string }>
  }>
  getTempFileURL(options: { fileList: Array<string | { fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }>
  }>
}

/** How long the desk has to fetch the file once the link is made. */
export const EXPORT_LINK_SECONDS = 10 * 60

/** deleteFile and getTempFileURL take at most 50 fileIDs a call. */
const FILE_BATCH = 50

/**
 * Export files in cloud storage: an unguessable path under `exports/` (nothing personal in the
 * name) and a temporary link that expires after EXPORT_LINK_SECONDS. Each file is listed in
 * `export_files` first, so the daily purge (purgeOlderThan) can delete it: full phones must not
 * outlive the download in storage.
 */
export function createCloudExportFiles(
  sdk: CloudStorageSdk,
  db: CloudDatabase,
): ExportFileStore & { purgeOlderThan(before: string): Promise<number> } {
  const _ = db.command
  const listed = () => db.collection(COLLECTIONS.exportFiles)
  return {
    async save(file: ExportFile, now: Date) {
      const token = randomBytes(16).toString('hex')
      const cloudPath = `exports/${beijingDate(now)}/${token}.xlsx`
      const { fileID } = await sdk.uploadFile({ cloudPath, fileContent: file.bytes })
      await listed().add({ data: { _id: token, fileID, createdAt: now.toISOString() } })
      const res = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: EXPORT_LINK_SECONDS }] })
      const link = res.fileList[0]
      if (!link || link.status !== 0 || !link.tempFileURL)
        throw new Error(`getTempFileURL failed: ${link?.errMsg ?? 'no link'}`)
      return {
        url: link.tempFileURL,
        expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(),
      }
    },

    /** Deletes the files listed before `before` (batches of 50), then their entries. Answers the count. */
    async purgeOlderThan(before: string): Promise<number> {
      let deleted = 0
      for (;;) {
        const res = await listed()
          .where({ createdAt: _.lt(before) })
          .limit(FILE_BATCH)
          .get()
        if (res.data.length === 0) return deleted
        const ids = res.data.map((d) => String(d.fileID))
        const out = await sdk.deleteFile({ fileList: ids })
        // A file already gone (deleted by hand) counts as deleted; anything else stays listed.
        const gone = new Set(
          out.fileList
            .filter((f) => f.status === 0 || /not exist/i.test(f.errMsg ?? ''))
            .map((f) => f.fileID),
        )
        const done = res.data.filter((d) => gone.has(String(d.fileID))).map((d) => d._id)
        if (done.length === 0) throw new Error('deleteFile removed none of the listed export files')
        await listed()
          .where({ _id: _.in(done) })
          .remove()
        deleted += done.length
        if (res.data.length < FILE_BATCH) return deleted
      }
    },
  }
}
