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
import { toInquiry } from './cloudbase-leads'
import type { CloudDatabase } from './cloudbase-storage'

/** A cloud-function read returns at most 1,000 documents. */
const MAX_READ = 1000

/**
 * The export's keyset pages and the retention purge in CloudBase. The pages walk the
 * `inquiries.created` index (createdAt, read ascending, `_id` breaking ties); the purge removes
 * by a createdAt range (the `created` indexes) and, for one status, by `status_created`.
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
      return res.data.map(toInquiry)
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

    async purgeStatusOlderThan(status, before) {
      const res = await inquiries()
        .where({ status, createdAt: _.lt(before) })
        .remove()
      return res.stats.removed
    },
  }
}

/** The slice of wx-server-sdk's storage API the export uses. */
export interface CloudStorageSdk {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(options: { fileList: Array<string | { fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }>
  }>
}

/** How long the desk has to fetch the file once the link is made. */
export const EXPORT_LINK_SECONDS = 10 * 60

/**
 * Export files in cloud storage: an unguessable path under `exports/` (nothing personal in the
 * name) and a temporary link that expires after EXPORT_LINK_SECONDS.
 */
export function createCloudExportFiles(sdk: CloudStorageSdk): ExportFileStore {
  return {
    async save(file: ExportFile, now: Date) {
      const cloudPath = `exports/${beijingDate(now)}/${randomBytes(16).toString('hex')}.xlsx`
      const { fileID } = await sdk.uploadFile({ cloudPath, fileContent: file.bytes })
      const res = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: EXPORT_LINK_SECONDS }] })
      const link = res.fileList[0]
      if (!link || link.status !== 0 || !link.tempFileURL)
        throw new Error(`getTempFileURL failed: ${link?.errMsg ?? 'no link'}`)
      return {
        url: link.tempFileURL,
        expiresAt: new Date(now.getTime() + EXPORT_LINK_SECONDS * 1000).toISOString(),
      }
    },
  }
}
