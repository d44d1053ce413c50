import type { Logger } from '../logger'

/*
 * Scheduled work. The cloud function has ONE timer trigger (config.json `triggers`, 09:00
 * Beijing time daily; WeChat allows one per function); it runs every job of the list in turn.
 * Locally server/main.ts runs the same list from a daily timer (startDailyScheduler).
 */

/** A job: does its work for `now` and says what it did (logged). Throwing fails only that job. */
export interface ScheduledJob {
  name: string
  run(now: Date): Promise<Record<string, unknown>>
}

export interface ScheduledReport {
  at: string
  jobs: Array<{ name: string; ok: boolean; ms: number; summary?: Record<string, unknown>; error?: string }>
}

/** Runs each job once, one after another; a failing job is reported and the next still runs. */
export async function runJobs(
  jobs: readonly ScheduledJob[],
  now: Date,
  logger: Logger,
): Promise<ScheduledReport> {
  const report: ScheduledReport = { at: now.toISOString(), jobs: [] }
  for (const job of jobs) {
    const t0 = Date.now()
    try {
      const summary = await job.run(now)
      report.jobs.push({ name: job.name, ok: true, ms: Date.now() - t0, summary })
      logger.info('scheduled job done', { job: job.name, ms: Date.now() - t0, ...summary })
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err)
      report.jobs.push({ name: job.name, ok: false, ms: Date.now() - t0, error })
      logger.error('scheduled job failed', { job: job.name, err })
    }
  }
  return report
}

/** Hour of the daily run, Beijing time (UTC+8, no daylight saving). Matches config.json's cron. */
export const DAILY_HOUR_BEIJING = 9

/** The next hh:00 Beijing time strictly after `now`. */
export function nextDailyRun(now: Date, hour = DAILY_HOUR_BEIJING): Date {
  const beijing = new Date(now.getTime() + 8 * 3600_000)
  let at =
    Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), hour) - 8 * 3600_000
  if (at <= now.getTime()) at += 24 * 3600_000
  return new Date(at)
}

export interface DailySchedulerOptions {
  run: (now: Date) => Promise<unknown>
  now?: () => Date
  /** Injected for tests; default setTimeout, unref'd so the timer never holds the process. */
  setTimer?: (fn: () => void, ms: number) => { cancel(): void }
  hour?: number
}

const nodeTimer = (fn: () => void, ms: number) => {
  // setTimeout caps at 2^31-1 ms (~24.8 days); a day is far below.
  const t = setTimeout(fn, ms)
  t.unref?.()
  return { cancel: () => clearTimeout(t) }
}

/** Local runtime: runs `run` at every next hh:00 Beijing time. Returns a stop function. */
export function startDailyScheduler(options: DailySchedulerOptions): () => void {
  const now = options.now ?? (() => new Date())
  const setTimer = options.setTimer ?? nodeTimer
  let timer: { cancel(): void } | undefined
  let stopped = false
  const arm = () => {
    if (stopped) return
    const at = nextDailyRun(now(), options.hour)
    timer = setTimer(
      () => {
        void Promise.resolve()
          .then(() => options.run(now()))
          .catch(() => undefined)
          .finally(arm)
      },
      Math.max(0, at.getTime() - now().getTime()),
    )
  }
  arm()
  return () => {
    stopped = true
    timer?.cancel()
  }
}
