/** Migration step 5 (the lead desk) on a file holding leads of before: stages from the old statuses. */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { MIGRATIONS, migrate } from '../../cloudfunctions/api/src/adapters/sqlite/migrations'
import { tmpDir } from './fixtures'

it('maps new / review / contacted / closed to 新线索 / 新线索 (flag kept) / 已联系 / 已签约 at version 1', async () => {
  const dir = tmpDir('desk-migration')
  const file = path.join(dir, 'old.sqlite')
  const db = new Database(file)
  migrate(
    db,
    file,
    MIGRATIONS.filter((m) => m.version < 5),
  )
  const insert = db.prepare(
    `INSERT INTO inquiries (id, openid, idempotency_key, need_type, contact_name, phone, consent, status, flagged,
       created_at, updated_at) VALUES (?, 'o-old', ?, 'other', '周先生', '13524678515', 1, ?, ?, ?, ?)`,
  )
  const statuses = ['new', 'review', 'contacted', 'closed'] as const
  statuses.forEach((st, i) =>
    insert.run(
      `old${i}`,
      `key-old-${i}-xxxxxxxxxx`,
      st,
      st === 'review' ? 'content-review' : null,
      `2026-01-0${i + 1}T00:00:00.000Z`,
      `2026-01-0${i + 1}T00:00:00.000Z`,
    ),
  )
  db.close()
  const storage = openSqliteStorage(file)
  try {
    expect(storage.migration.applied).toContain(5)
    const leads = await Promise.all(statuses.map((_, i) => storage.desk.getLead(`old${i}`)))
    expect(leads.map((l) => [l!.status, l!.stage, l!.version, l!.flagged ?? null])).toEqual([
      ['new', 'new', 1, null],
      ['review', 'new', 1, 'content-review'],
      ['contacted', 'contacted', 1, null],
      ['closed', 'signed', 1, null],
    ])
  } finally {
    storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
