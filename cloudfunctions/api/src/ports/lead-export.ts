import type { LeadStage } from '@/domain/lead-pipeline'
import type { DeskLeadRecord } from './lead-desk'

/** Where a page of an export resumes: after this lead, in (createdAt, id) order. */
export interface ExportCursor {
  createdAt: string
  id: string
}

/**
 * Reads for the lead export (issue 8 item 12): leads stored in [since, until), oldest first, in
 * keyset pages so 10,000 leads never need one big query (CloudBase returns ≤ 1,000 per read).
 */
export interface LeadExportReader {
  /** Up to `limit` leads after `after` (null: from the start), ordered by (createdAt, id). */
  leadsPage(
    range: { since: string; until: string },
    after: ExportCursor | null,
    limit: number,
  ): Promise<DeskLeadRecord[]>
}

/** A finished export file, handed over once. */
export interface ExportFile {
  name: string
  bytes: Buffer
  contentType: string
}

/**
 * Where finished export files go: cloud storage with a temporary link (CloudBase), or a
 * one-time, short-lived path of the local server.
 */
export interface ExportFileStore {
  save(file: ExportFile, now: Date): Promise<{ url: string; expiresAt: string }>
}

/** What a retention purge removed (counts only: never personal data). */
export interface PurgeCounts {
  inquiries: number
  events: number
}

/**
 * Deletions for the retention job (issue 8 item 14). Times are ISO 8601 UTC, compared as text
 * with the stored createdAt (fixed width, so text order is time order).
 */
export interface RetentionStore {
  /** Removes leads and contact events stored before `before`. */
  purgeOlderThan(before: string): Promise<PurgeCounts>
  /** Removes leads at this desk stage stored before `before`, with their notes (their events stay: they are the visitor's). */
  purgeStageOlderThan(stage: LeadStage, before: string): Promise<number>
}
