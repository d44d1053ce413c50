import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import type { Park } from '@/domain/park'
import { checkSeedArticle, checkSeedPark } from '../core/seed-check'
import {
  AGENCY_DOC_ID,
  CLOUDBASE_COLLECTIONS,
  COLLECTIONS,
  COLLECTION_PERMISSION,
  describeIndex,
  FUNCTION_TIMEOUT_S,
  type CollectionSpec,
} from './cloudbase-collections'
import { backfillLeadStages } from './cloudbase-desk'
import { backfillFeaturedRanks } from './cloudbase-content'
import { toCloudArticle, toCloudPark, type CloudDatabase, type CloudDoc } from './cloudbase-storage'

/**
 * The owner's one-time setup of a CloudBase environment, run inside the deployed `api` function
 * (README, deploy step 5): creates every collection of cloudbase-collections.ts that is missing
 * and lists what the console must still be told by hand (indexes and permissions cannot be set
 * from wx-server-sdk). Idempotent: run it again after adding a collection or an index.
 */
export interface SetupReport {
  collections: Array<{ name: string; status: 'created' | 'exists' | 'failed'; error?: string }>
  /** One line per index to create: "parks.newest (updatedAt desc, _id desc) — newest parks". */
  indexes: string[]
  permission: string
  timeout: { expectedSeconds: number; configuredSeconds?: number; ok?: boolean }
  /** Leads of before the desk given their pipeline stage now (cloudbase-desk.ts backfillLeadStages). */
  leadStagesBackfilled?: number
  /** Featured parks of before given the "no order" featuredRank (cloudbase-content.ts). */
  featuredRanksBackfilled?: number
  /** Documents written by an `import` (missing ones only; existing ids are left as they are). */
  imported?: { inserted: number; kept: number }
}

/**
 * Content to write, e.g. the contents of mock/parks.json: through toCloudArticle / toCloudPark,
 * so the derived search and sort fields are there. One kind per call keeps the event under the
 * 100 KB limit.
 */
export interface SetupImport {
  articles?: Article[]
  parks?: Park[]
  agency?: AgencyContact
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 200)

async function ensureCollection(
  db: CloudDatabase,
  name: string,
): Promise<SetupReport['collections'][number]> {
  try {
    await db.createCollection(name)
    return { name, status: 'created' }
  } catch (err) {
    // createCollection rejects for an existing collection too: a read tells the two apart.
    try {
      await db.collection(name).limit(1).get()
      return { name, status: 'exists' }
    } catch {
      return { name, status: 'failed', error: messageOf(err) }
    }
  }
}

/** Adds each document unless its `_id` is taken (an `add` with a taken `_id` rejects). */
async function insertMissing(db: CloudDatabase, collection: string, docs: CloudDoc[]) {
  let inserted = 0
  let kept = 0
  for (const doc of docs) {
    try {
      await db.collection(collection).add({ data: doc })
      inserted += 1
    } catch (err) {
      const existing = await db.collection(collection).where({ _id: doc._id }).limit(1).get()
      if (existing.data.length === 0) throw err
      kept += 1
    }
  }
  return { inserted, kept }
}

/** Checks everything first (nothing is written when one record is malformed), then writes. */
async function importContent(
  db: CloudDatabase,
  content: SetupImport,
): Promise<{ inserted: number; kept: number }> {
  const articles = content.articles ?? []
  const parks = content.parks ?? []
  if (!Array.isArray(articles) || !Array.isArray(parks))
    throw new Error('import: articles and parks must be arrays')
  articles.forEach(checkSeedArticle)
  parks.forEach(checkSeedPark)
  const results = [
    await insertMissing(db, COLLECTIONS.articles, articles.map(toCloudArticle)),
    await insertMissing(db, COLLECTIONS.parks, parks.map(toCloudPark)),
    await insertMissing(
      db,
      COLLECTIONS.settings,
      content.agency ? [{ _id: AGENCY_DOC_ID, ...content.agency }] : [],
    ),
  ]
  return results.reduce((a, b) => ({ inserted: a.inserted + b.inserted, kept: a.kept + b.kept }))
}

/** `timeLimitMs`: the invocation's own limit when the platform tells it (context.time_limit_in_ms). */
export async function setupCloudbase(
  db: CloudDatabase,
  timeLimitMs?: number,
  content?: SetupImport,
): Promise<SetupReport> {
  const collections = []
  for (const spec of CLOUDBASE_COLLECTIONS) collections.push(await ensureCollection(db, spec.name))
  const indexes = CLOUDBASE_COLLECTIONS.flatMap((c: CollectionSpec) =>
    c.indexes.map((i) => `${c.name}.${i.name} ${describeIndex(i)} — ${i.serves}`),
  )
  const timeout: SetupReport['timeout'] = { expectedSeconds: FUNCTION_TIMEOUT_S }
  if (typeof timeLimitMs === 'number' && Number.isFinite(timeLimitMs)) {
    timeout.configuredSeconds = Math.round(timeLimitMs / 1000)
    timeout.ok = timeout.configuredSeconds >= FUNCTION_TIMEOUT_S
  }
  const report: SetupReport = { collections, indexes, permission: COLLECTION_PERMISSION, timeout }
  if (collections.some((c) => c.name === COLLECTIONS.inquiries && c.status === 'exists'))
    report.leadStagesBackfilled = await backfillLeadStages(db)
  if (collections.some((c) => c.name === COLLECTIONS.parks && c.status === 'exists'))
    report.featuredRanksBackfilled = await backfillFeaturedRanks(db)
  if (content) report.imported = await importContent(db, content)
  return report
}
