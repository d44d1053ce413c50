import type { StaffMember } from '@/domain/staff'
import type { Announcer } from '../core/announce'
import { buildDigest } from '../core/digest'
import type { DigestSource, RobotPort } from '../ports/alerts'
import type { StaffStore } from '../ports/staff-store'
import type { ScheduledJob } from './schedule'

/** Retries the deliveries left pending (the cloud function may have frozen before their retry). */
export function retryDeliveriesJob(announcer: Announcer, rounds = 5): ScheduledJob {
  return {
    name: 'retry-deliveries',
    async run() {
      const total = { due: 0, sent: 0, failed: 0, pending: 0 }
      // A few batches: after a long outage more than one batch may be waiting.
      for (let i = 0; i < rounds; i++) {
        const s = await announcer.retryDue()
        for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += s[k]
        if (s.due === 0) break
      }
      return total
    },
  }
}

export interface DigestJobDeps {
  source: DigestSource
  robot?: RobotPort
  staff?: StaffStore
  /** True once the pipeline's follow-up dates exist (migration step 5). */
  followUpsTracked: boolean
}

/** The 09:00 digest to the group robot. Without a robot it only counts (and says so). */
export function dailyDigestJob(deps: DigestJobDeps): ScheduledJob {
  return {
    name: 'daily-digest',
    async run(now) {
      const staff: StaffMember[] = deps.staff ? await deps.staff.listStaff() : []
      const { markdown, counts } = await buildDigest(deps.source, staff, now, deps.followUpsTracked)
      if (!markdown) return { ...counts, sent: false, reason: 'nothing to report' }
      if (!deps.robot) return { ...counts, sent: false, reason: 'no robot configured' }
      await deps.robot.sendMarkdown(markdown)
      return { ...counts, sent: true, bytes: Buffer.byteLength(markdown, 'utf8') }
    },
  }
}
