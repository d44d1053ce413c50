import type { LeadStage } from '@/domain/lead-pipeline'
import { INVALID_LEAD_RETENTION_MONTHS, LEAD_RETENTION_MONTHS } from '@/domain/retention'
import type { Logger } from '../logger'
import type { ScheduledJob } from './schedule'
import type { RetentionStore } from '../ports/lead-export'

/**
 * The retention purge (issue 8 item 14), a scheduled job `(deps, now) => summary`: run daily by
 * the cloud function's one timer trigger (the scheduled-jobs list in index.ts) and by the local
 * runtime's daily timer (server/main.ts).
 *
 *   - leads, contact events and the channel funnel's visits stored more than `leadMonths` ago
 *     (default 24) are deleted;
 *   - leads at stage 'invalid' (无效, set by staff on the desk) go after `invalidLeadMonths`
 *     (default 6), counted from when the lead was stored, like the rest.
 *
 * The log line says how many rows went and the cut-offs, never what they held.
 */

export interface RetentionConfig {
  leadMonths: number
  invalidLeadMonths: number
}

export interface RetentionJobDeps {
  retention: RetentionStore
  /** Cloud only: lead exports left in storage (older than EXPORT_FILE_HOURS) are deleted too. */
  exportFiles?: { purgeOlderThan(before: string): Promise<number> }
  /** The channel funnel's visits (ports/visits.ts), kept as long as the leads they lead to. */
  visits?: { purgeOlderThan(before: string): Promise<number> }
  logger: Logger
  /** Default: retentionConfigFrom(process.env). */
  retentionConfig?: RetentionConfig
}

export interface RetentionSummary {
  /** ISO 8601: everything stored before this went. */
  cutoff: string
  /** ISO 8601: 无效 leads stored before this went. */
  invalidCutoff: string
  inquiries: number
  invalidInquiries: number
  events: number
  /** Visits of the channel funnel (absent where no visit store is wired). */
  visits?: number
  /** Export files deleted from cloud storage (absent where there are none to keep: locally). */
  exportFiles?: number
}

/** An export file is kept this long in cloud storage: its link lasts minutes, a day is ample. */
export const EXPORT_FILE_HOURS = 24

/** The status the desk's pipeline gives a lead marked 无效. */
export const INVALID_STAGE: LeadStage = 'invalid'

/** The instant `months` calendar months before `now` (UTC), the day clamped to the month's end. */
export function monthsBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth() - months
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  )
}

function months(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const n = Number(value.trim())
  // A typo must not delete with a period nobody chose: the purge refuses to run instead.
  if (!Number.isInteger(n) || n < 1 || n > 240)
    throw new Error(`${name} must be a whole number of months, 1–240`)
  return n
}

/** LEAD_RETENTION_MONTHS and INVALID_LEAD_RETENTION_MONTHS, or the defaults in src/domain/retention.ts. */
export function retentionConfigFrom(env: Record<string, string | undefined>): RetentionConfig {
  return {
    leadMonths: months('LEAD_RETENTION_MONTHS', env.LEAD_RETENTION_MONTHS, LEAD_RETENTION_MONTHS),
    invalidLeadMonths: months(
      'INVALID_LEAD_RETENTION_MONTHS',
      env.INVALID_LEAD_RETENTION_MONTHS,
      INVALID_LEAD_RETENTION_MONTHS,
    ),
  }
}

export async function runRetention(deps: RetentionJobDeps, now: Date): Promise<RetentionSummary> {
  const config = deps.retentionConfig ?? retentionConfigFrom(process.env)
  const cutoff = monthsBefore(now, config.leadMonths).toISOString()
  const invalidCutoff = monthsBefore(now, config.invalidLeadMonths).toISOString()
  const all = await deps.retention.purgeOlderThan(cutoff)
  const invalidInquiries = await deps.retention.purgeStageOlderThan(INVALID_STAGE, invalidCutoff)
  const summary: RetentionSummary = {
    cutoff,
    invalidCutoff,
    inquiries: all.inquiries,
    invalidInquiries,
    events: all.events,
  }
  if (deps.visits) summary.visits = await deps.visits.purgeOlderThan(cutoff)
  if (deps.exportFiles) {
    summary.exportFiles = await deps.exportFiles.purgeOlderThan(
      new Date(now.getTime() - EXPORT_FILE_HOURS * 60 * 60 * 1000).toISOString(),
    )
  }
  deps.logger.info('retention purge', { ...summary })
  return summary
}

/** The purge as an entry of the daily jobs list (jobs/schedule.ts), in either runtime. */
export function retentionJob(deps: RetentionJobDeps): ScheduledJob {
  return { name: 'retention', run: async (now) => ({ ...(await runRetention(deps, now)) }) }
}
