import { NEED_TYPE_LABELS } from '@/domain/inquiry'
import type { StaffMember } from '@/domain/staff'
import type { DigestFollowUp, DigestLead, DigestSource } from '../ports/alerts'
import { beijingTime, capBytes, plainText } from './lead-notice'

/*
 * The morning digest (issue 8 item 11): yesterday's leads, leads still 新线索 after 24 h, and
 * follow-ups due or overdue, grouped per agent, as one WeCom markdown message (≤ 4,096 bytes).
 */

const BEIJING_MS = 8 * 3600_000
const DAY_MS = 24 * 3600_000
/** Rows listed per section and agent; the counts are always complete up to the read limit. */
const LISTED = 5
/** Rows read per section. */
export const DIGEST_READ_LIMIT = 200

/** Beijing calendar day of an instant: "2026-12-01". */
export const beijingDay = (at: Date): string => new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10)

/** [start, end) of the Beijing day before `now`, as UTC ISO strings. */
export function yesterdayRange(now: Date): { day: string; from: string; to: string } {
  const todayStart = Date.parse(`${beijingDay(now)}T00:00:00.000Z`) - BEIJING_MS
  const from = new Date(todayStart - DAY_MS)
  return { day: beijingDay(from), from: from.toISOString(), to: new Date(todayStart).toISOString() }
}

export interface DigestInput {
  now: Date
  yesterday: DigestLead[]
  stale: DigestLead[]
  followUps: DigestFollowUp[]
  staff: StaffMember[]
  /** False while the pipeline (follow-up dates) does not exist yet. */
  followUpsTracked?: boolean
}

const UNASSIGNED = '未分配'

function row(lead: DigestLead, extra?: string): string {
  const parts = [
    beijingTime(lead.createdAt).slice(5),
    NEED_TYPE_LABELS[lead.needType],
    plainText(lead.company, 20),
    lead.maskedPhone,
    extra,
  ]
  return `> ${parts.filter(Boolean).join(' · ')}`
}

function countLine(label: string, n: number, limit = DIGEST_READ_LIMIT): string {
  return `${label}：**${n >= limit ? `${limit}+` : n}** 条`
}

/** The digest's markdown; `null` when there is nothing to say (no message then). */
export function formatDigest(input: DigestInput): string | null {
  const { yesterday, stale, followUps } = input
  if (yesterday.length + stale.length + followUps.length === 0) return null
  const today = beijingDay(input.now)
  const names = new Map(input.staff.map((m) => [m.id, m.name]))
  const who = (l: DigestLead) => (l.assigneeId ? (names.get(l.assigneeId) ?? '已停用成员') : UNASSIGNED)

  const lines = [
    `**每日线索简报** ${today}`,
    `> ${countLine(`昨日（${yesterdayRange(input.now).day.slice(5)}）新线索`, yesterday.length)}`,
    `> ${countLine('超过 24 小时仍是新线索', stale.length)}`,
    input.followUpsTracked === false
      ? '> 待跟进（今日到期或已逾期）：尚未启用跟进日期'
      : `> ${countLine('待跟进（今日到期或已逾期）', followUps.length)}`,
  ]

  const agents = new Set<string>()
  for (const l of [...yesterday, ...stale, ...followUps]) agents.add(who(l))
  const ordered = [...agents].sort((a, b) =>
    a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b),
  )
  for (const agent of ordered) {
    const mine = <T extends DigestLead>(list: T[]) => list.filter((l) => who(l) === agent)
    const sections: Array<[string, string[]]> = [
      [
        '<font color="warning">逾期/今日跟进</font>',
        mine(followUps).map((f) => row(f, `跟进日 ${f.followUpOn}`)),
      ],
      ['<font color="warning">超 24 小时未联系</font>', mine(stale).map((l) => row(l))],
      ['昨日新线索', mine(yesterday).map((l) => row(l))],
    ]
    if (sections.every(([, rows]) => rows.length === 0)) continue
    lines.push('', `**${agent}**`)
    for (const [title, rows] of sections) {
      if (rows.length === 0) continue
      lines.push(`${title}（${rows.length}）`, ...rows.slice(0, LISTED))
      if (rows.length > LISTED) lines.push(`> ……另有 ${rows.length - LISTED} 条`)
    }
  }
  lines.push('', '详情请打开小程序「员工工作台」。')
  return capBytes(lines.join('\n'))
}

/** Reads what the digest needs at `now` and formats it. */
export async function buildDigest(
  source: DigestSource,
  staff: StaffMember[],
  now: Date,
  followUpsTracked: boolean,
): Promise<{ markdown: string | null; counts: { yesterday: number; stale: number; followUps: number } }> {
  const range = yesterdayRange(now)
  const [yesterday, stale, followUps] = await Promise.all([
    source.leadsBetween(range.from, range.to, DIGEST_READ_LIMIT),
    source.staleNewLeads(new Date(now.getTime() - DAY_MS).toISOString(), DIGEST_READ_LIMIT),
    source.followUpsDue(beijingDay(now), DIGEST_READ_LIMIT),
  ])
  return {
    markdown: formatDigest({ now, yesterday, stale, followUps, staff, followUpsTracked }),
    counts: { yesterday: yesterday.length, stale: stale.length, followUps: followUps.length },
  }
}
