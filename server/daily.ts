import type { Logger } from '../cloudfunctions/api/src/logger'

const DAY_MS = 24 * 60 * 60 * 1000
const BEIJING_MS = 8 * 60 * 60 * 1000

/** Milliseconds from `now` to the next `hour`:00 Beijing time (UTC+8, no daylight saving). */
export function msUntilBeijingHour(now: Date, hour: number): number {
  const beijing = now.getTime() + BEIJING_MS
  const next = Math.floor(beijing / DAY_MS) * DAY_MS + hour * 60 * 60 * 1000
  return (next > beijing ? next : next + DAY_MS) - beijing
}

/**
 * The local runtime's stand-in for the cloud timer trigger: runs `job` shortly after start (a
 * machine that was off still purges) and then daily at `hour`:00 Beijing time. A failure is
 * logged, never fatal. Timers are unref'd so they never hold the process open. Returns a stop.
 */
export function scheduleDaily(
  name: string,
  job: () => Promise<unknown>,
  logger: Logger,
  hour = 3,
  firstDelayMs = 10_000,
): () => void {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const run = async () => {
    try {
      await job()
    } catch (err) {
      logger.error('scheduled job failed', { job: name, err })
    }
  }
  const next = () => {
    if (stopped) return
    timer = setTimeout(
      () => {
        void run().then(next)
      },
      msUntilBeijingHour(new Date(), hour),
    )
    timer.unref()
  }
  timer = setTimeout(() => {
    void run().then(next)
  }, firstDelayMs)
  timer.unref()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}
