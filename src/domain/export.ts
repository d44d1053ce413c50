/**
 * The lead export (issue 8 item 12): a range of Beijing calendar dates, both ends included.
 * Shared by the desk page and the cloud function; no valibot here (the schema is in
 * export-schema.ts), so the page does not carry it.
 */

/** The longest range one export may cover (days, both ends included). */
export const MAX_EXPORT_DAYS = 366
/** The most rows one export writes: 60 s of cloud function and 256 MB hold this with room. */
export const MAX_EXPORT_ROWS = 20_000

const BEIJING_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** What the desk sends: Beijing dates "YYYY-MM-DD", both ends included (export-schema.ts checks it). */
export interface ExportLeadsPayload {
  from: string
  to: string
}

export interface ExportLeadsResult {
  /** Leads written, one row each. */
  rows: number
  /** "线索导出_2026-11-01_2026-11-30.xlsx" */
  fileName: string
  /**
   * Where the file can be fetched once: a cloud-storage temporary link (weapp: downloadFile →
   * openDocument) or, locally, a short-lived one-time path on the same origin (H5: a download).
   */
  url: string
  /** ISO 8601: the link does not work after this. */
  expiresAt: string
}

/** Days covered by an inclusive range of dates. */
export function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1
}

/** The Beijing calendar date of an instant: "2026-12-01". */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10)
}

/** The date `days` before (negative: after) a Beijing date. */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10)
}

/**
 * The UTC instants of a Beijing date range: [since, until), as the ISO strings the stores keep
 * (fixed width, so text order is time order). 2026-11-01..2026-11-30 → 2026-10-31T16:00:00.000Z
 * .. 2026-11-30T16:00:00.000Z.
 */
export function beijingRangeToUtc(from: string, to: string): { since: string; until: string } {
  const since = new Date(Date.parse(`${from}T00:00:00Z`) - BEIJING_MS).toISOString()
  const until = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS - BEIJING_MS).toISOString()
  return { since, until }
}

/** The desk's default: the last 30 days, today (Beijing) included. */
export function defaultExportRange(now: Date): { from: string; to: string } {
  const to = beijingDate(now)
  return { from: shiftDate(to, 29), to }
}

export const exportFileName = (from: string, to: string) => `线索导出_${from}_${to}.xlsx`

/** A real calendar date (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const t = Date.parse(`${text}T00:00:00Z`)
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === text
}
