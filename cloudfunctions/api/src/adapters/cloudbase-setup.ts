import {
  CLOUDBASE_COLLECTIONS,
  COLLECTION_PERMISSION,
  describeIndex,
  FUNCTION_TIMEOUT_S,
  type CollectionSpec,
} from './cloudbase-collections'
import type { CloudDatabase } from './cloudbase-storage'

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

/** `timeLimitMs`: the invocation's own limit when the platform tells it (context.time_limit_in_ms). */
export async function setupCloudbase(db: CloudDatabase, timeLimitMs?: number): Promise<SetupReport> {
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
  return { collections, indexes, permission: COLLECTION_PERMISSION, timeout }
}
