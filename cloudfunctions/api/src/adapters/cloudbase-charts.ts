import type { FunnelCount, FunnelMetric, KeyCount } from '@/domain/charts'
import { DIRECT_SOURCE } from '@/domain/channels'
import { VISIT_KINDS, type VisitKind } from '@/domain/visits'
import { beijingDate, LEAD_STAGES, stageForLegacyStatus, type LeadStage } from '@/domain/lead-pipeline'
import { INQUIRY_STATUSES, type InquiryStatus } from '@/domain/inquiry'
import type { ChartRange, ChartsReader, LeadCounts } from '../ports/charts'
import { COLLECTIONS } from './cloudbase-collections'
import type { CloudDatabase, CloudDoc } from './cloudbase-storage'

/** A cloud-function read returns at most 1,000 documents. */
const MAX_READ = 1000

/** Counts per key, in first-seen order. */
function tally<K>(keys: Iterable<K>): Map<K, number> {
  const out = new Map<K, number>()
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1)
  return out
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/**
 * The charts' counts in CloudBase, which has no GROUP BY a cloud function can lean on cheaply:
 * the range's documents are read in pages of ≤ 1,000 along the `created` index (createdAt
 * ascending, `_id` breaking ties), with only the fields counted, and tallied in code. At this
 * agency's volume (hundreds of leads a month) a 30-day range is one or two reads.
 */
export function createCloudbaseCharts(db: CloudDatabase): ChartsReader {
  const _ = db.command

  async function walk(collection: string, range: ChartRange, fields: string[]): Promise<CloudDoc[]> {
    const out: CloudDoc[] = []
    let after: { createdAt: string; id: string } | null = null
    const projection = Object.fromEntries(['createdAt', ...fields].map((f) => [f, true]))
    for (;;) {
      const conditions: object[] = [{ createdAt: _.gte(range.since) }, { createdAt: _.lt(range.until) }]
      if (after)
        conditions.push(
          _.or([
            { createdAt: _.gt(after.createdAt) },
            { createdAt: _.eq(after.createdAt), _id: _.gt(after.id) },
          ]),
        )
      const res: { data: CloudDoc[] } = await db
        .collection(collection)
        .where(_.and(conditions))
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .field(projection)
        .limit(MAX_READ)
        .get()
      out.push(...res.data)
      if (res.data.length < MAX_READ) return out
      const last = res.data[res.data.length - 1]
      after = { createdAt: String(last.createdAt), id: String(last._id) }
    }
  }

  return {
    async leadCounts(range): Promise<LeadCounts> {
      const docs = await walk(COLLECTIONS.inquiries, range, [
        'source',
        'parkId',
        'parkName',
        'stage',
        'status',
      ])
      const parkNames = new Map<string, string>()
      for (const d of docs) {
        const id = str(d.parkId)
        const name = str(d.parkName)
        if (id && name) parkNames.set(id, name) // ascending: the newest name wins
      }
      // Documents stored before the desk carry no stage: read it from the visitor status.
      const stageOf = (d: CloudDoc): LeadStage =>
        LEAD_STAGES.includes(d.stage as LeadStage)
          ? (d.stage as LeadStage)
          : stageForLegacyStatus(
              INQUIRY_STATUSES.includes(d.status as InquiryStatus) ? (d.status as InquiryStatus) : 'new',
            )
      const days = tally(docs.map((d) => beijingDate(new Date(String(d.createdAt)))))
      // Leads stored before every lead carried a source are direct visits.
      const sources = tally(docs.map((d) => str(d.source) ?? DIRECT_SOURCE))
      const parks = tally(docs.map((d) => str(d.parkId)).filter((id): id is string => id !== null))
      return {
        byDay: [...days].map(([date, count]) => ({ date, count })),
        bySource: [...sources].map(([key, count]): KeyCount => ({ key, count })),
        byPark: [...parks].map(([key, count]): KeyCount => ({
          key,
          label: parkNames.get(key) ?? key,
          count,
        })),
        byStage: Object.fromEntries(tally(docs.map(stageOf))),
      }
    },

    async funnelCounts(range): Promise<FunnelCount[]> {
      const [visits, taps, leads] = await Promise.all([
        walk(COLLECTIONS.visits, range, ['source', 'kind']),
        walk(COLLECTIONS.contactEvents, range, ['source']),
        walk(COLLECTIONS.inquiries, range, ['source']),
      ])
      const keyOf = (d: CloudDoc, metric: FunnelMetric) =>
        `${beijingDate(new Date(String(d.createdAt)))}|${str(d.source) ?? DIRECT_SOURCE}|${metric}`
      const keys = [
        ...visits
          .filter((d) => VISIT_KINDS.includes(d.kind as VisitKind))
          .map((d) => keyOf(d, d.kind as FunnelMetric)),
        ...taps.map((d) => keyOf(d, 'tap')),
        ...leads.map((d) => keyOf(d, 'lead')),
      ]
      return [...tally(keys)].map(([key, count]) => {
        const [date, source, metric] = key.split('|')
        return { date, source, metric: metric as FunnelMetric, count }
      })
    },

    async tapsByKind(range): Promise<KeyCount[]> {
      const docs = await walk(COLLECTIONS.contactEvents, range, ['kind'])
      return [...tally(docs.map((d) => String(d.kind)))].map(([key, count]) => ({ key, count }))
    },
  }
}
