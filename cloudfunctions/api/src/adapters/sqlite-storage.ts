import path from 'node:path'
import Database from 'better-sqlite3'
import type { ChartsReader } from '../ports/charts'
import type { LeadDesk } from '../ports/lead-desk'
import type { LeadExportReader, RetentionStore } from '../ports/lead-export'
import type { LeadStore } from '../ports/lead-store'
import type { StoragePort } from '../ports/storage'
import type { ChannelStore } from '../ports/channels'
import type { CodeFiles } from '../ports/codes'
import { createSqliteChannelStore, createSqliteCodeFiles } from './sqlite/channels'
import { createSqliteCatalogue, type SeedData } from './sqlite/catalogue'
import { createSqliteCharts } from './sqlite/charts'
import { createSqliteLeadDesk } from './sqlite/desk'
import { createSqliteExportStore } from './sqlite/export'
import { createSqliteAlertStore, type SqliteAlertStore } from './sqlite/deliveries'
import { createSqliteLeadStore } from './sqlite/leads'
import { migrate, type MigrationReport } from './sqlite/migrations'
import { createSqliteAuditLog, createSqliteStaffStore, type SqliteStaffStore } from './sqlite/staff'

export type { SeedData } from './sqlite/catalogue'

/**
 * The local runtime's storage: one SQLite file, WAL mode, sync calls behind the async ports. It
 * holds the catalogue (StoragePort, sqlite/catalogue.ts) and the leads (LeadStore,
 * sqlite/leads.ts) on one connection; the schema comes from numbered steps (sqlite/migrations.ts).
 */
export interface SqliteStorage extends StoragePort, LeadStore, LeadExportReader, RetentionStore {
  readonly file: string
  /** The staff side of the leads (issue 8), on the same connection. */
  readonly desk: LeadDesk
  /** The desk's charts' GROUP BY counts (sqlite/charts.ts). */
  readonly charts: ChartsReader
  /** What opening did to the schema: the version found, the version now, the steps run. */
  readonly migration: MigrationReport
  /** Staff, invites and claim limits (sqlite/staff.ts); `audit`: the audit log of staff writes. */
  readonly staff: SqliteStaffStore
  readonly audit: ReturnType<typeof createSqliteAuditLog>
  /** Inserts what is missing and never overwrites (view counts survive restarts). Returns rows inserted. */
  seedFromMock(seed: SeedData): number
  /** Lead alerts (sqlite/deliveries.ts): deliveries, subscriptions, the digest's reads. */
  readonly alerts: SqliteAlertStore
  /** Named channels (sqlite/channels.ts, issue 9). */
  readonly channels: ChannelStore
  /** Code images: `mini_codes` rows and PNG files in the codes directory. */
  readonly codeFiles: CodeFiles
  close(): void
}

export interface SqliteStorageOptions {
  /** Where code images are written (served at /media/codes/); default `codes/` beside the file. */
  codesDir?: string
}

/** Opens (creating when missing) and migrates the file, then serves both ports from it. */
export function openSqliteStorage(file: string, options: SqliteStorageOptions = {}): SqliteStorage {
  const db = new Database(file)
  let migration: MigrationReport
  try {
    db.pragma('journal_mode = WAL')
    // WAL makes NORMAL durable enough for a view counter and much faster than FULL.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 2000')
    migration = migrate(db, file)
  } catch (err) {
    db.close()
    throw err
  }
  const catalogue = createSqliteCatalogue(db)
  const leads = createSqliteLeadStore(db)
  return {
    ...catalogue,
    ...leads,
    desk: createSqliteLeadDesk(db),
    charts: createSqliteCharts(db),
    staff: createSqliteStaffStore(db),
    audit: createSqliteAuditLog(db),
    ...createSqliteExportStore(db),
    alerts: createSqliteAlertStore(db),
    channels: createSqliteChannelStore(db),
    codeFiles: createSqliteCodeFiles(
      db,
      options.codesDir ?? path.join(path.dirname(path.resolve(file)), 'codes'),
    ),
    file,
    migration,
    close() {
      if (db.open) db.close()
    },
  }
}
