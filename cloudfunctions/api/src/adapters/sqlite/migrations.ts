import type Database from 'better-sqlite3'
import { INQUIRY_STATUSES } from '@/domain/inquiry'
import { PRICE_NULL_ASC_KEY, PRICE_NULL_DESC_KEY } from '../../core/park-order'

/**
 * The SQLite schema as numbered steps. `PRAGMA user_version` holds the last step applied; each
 * step runs in its own IMMEDIATE transaction together with the version bump, so a crash or a
 * second process opening the same file leaves the file at a whole step, never half of one.
 *
 * Rules for a new step: append it (never edit or reorder a shipped step), make it additive
 * where possible (ALTER TABLE … ADD COLUMN, CREATE INDEX), and extend
 * test/cloud/sqlite-migrations.test.ts, which upgrades a file made by the schema of before the
 * migrations (test/cloud/fixtures/schema-before-migrations.sql) and checks nothing is lost.
 */
export interface Migration {
  version: number
  /** What the step is for, in a few words (shown in errors). */
  name: string
  sql: string
}

/*
 * Step 1 is the schema that shipped before migrations existed, byte for byte (CREATE … IF NOT
 * EXISTS included): files made by that code have user_version 0 and these tables, and are
 * adopted as step 1 without running it (see adoptUnversioned).
 *
 * parks: a real column for everything a filter or a sort reads, JSON (`detail`) for what only
 * the detail page shows. price_asc_key / price_desc_key are the price sort keys with 面议 (NULL)
 * mapped to a sentinel past every price (see core/park-order.ts); generated, so they can
 * never disagree with price_value.
 *
 * Indexes follow the queries the app makes (EXPLAIN QUERY PLAN checks in
 * test/cloud/parks-scale.test.ts): every sort alone; 区域 with every sort; 类型 with the
 * default newest sort; 区域 + 类型 with newest and with either price sort; 租售 with either
 * price sort; the home page's featured parks (a partial index). Other combinations walk the
 * closest of these and filter, or sort a bounded remainder.
 *
 * Leads (personal data). One row per (openid, idempotency_key): the UNIQUE constraint is the
 * backstop, the check inside insertInquiry's IMMEDIATE transaction the rule. (openid, created_at)
 * serves the rate-limit counts and "my inquiries"; created_at alone the staff list
 * (scripts/leads.mjs). Times are UTC ISO strings of one width, so text order is time order.
 */
const LEAD_SCHEMA = `
CREATE TABLE IF NOT EXISTS inquiries (
  id              TEXT PRIMARY KEY,
  openid          TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  need_type       TEXT NOT NULL,
  area_min        INTEGER,
  area_max        INTEGER,
  industry        TEXT NOT NULL DEFAULT '',
  district        TEXT,
  tax_bracket     TEXT,
  company         TEXT NOT NULL DEFAULT '',
  contact_name    TEXT NOT NULL,
  phone           TEXT NOT NULL,
  remark          TEXT NOT NULL DEFAULT '',
  consent         INTEGER NOT NULL CHECK (consent = 1),
  source          TEXT,
  park_id         TEXT,
  park_name       TEXT,
  article_id      TEXT,
  status          TEXT NOT NULL CHECK (status IN (${INQUIRY_STATUSES.map((st) => `'${st}'`).join(', ')})),
  flagged         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (openid, idempotency_key)
);
CREATE INDEX IF NOT EXISTS inquiries_openid_created ON inquiries (openid, created_at);
CREATE INDEX IF NOT EXISTS inquiries_created ON inquiries (created_at);
CREATE TABLE IF NOT EXISTS contact_events (
  id         INTEGER PRIMARY KEY,
  openid     TEXT NOT NULL,
  kind       TEXT NOT NULL,
  page       TEXT NOT NULL,
  park_id    TEXT,
  article_id TEXT,
  source     TEXT,
  at         TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contact_events_openid ON contact_events (openid);
CREATE INDEX IF NOT EXISTS contact_events_created ON contact_events (created_at);
`

const STEP_1 = `
CREATE TABLE IF NOT EXISTS articles (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '',
  cover        TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL,
  tags         TEXT NOT NULL DEFAULT '[]',
  author       TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL,
  views        INTEGER NOT NULL DEFAULT 0,
  body         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS articles_category_published ON articles (category, published_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS parks (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  district       TEXT NOT NULL,
  type           TEXT NOT NULL,
  deal           TEXT NOT NULL,
  area_min       REAL NOT NULL,
  area_max       REAL NOT NULL,
  divisible      INTEGER NOT NULL DEFAULT 0,
  price_value    REAL,
  price_unit     TEXT,
  price_asc_key  REAL GENERATED ALWAYS AS (coalesce(price_value, ${PRICE_NULL_ASC_KEY})) VIRTUAL,
  price_desc_key REAL GENERATED ALWAYS AS (coalesce(price_value, ${PRICE_NULL_DESC_KEY})) VIRTUAL,
  cover          TEXT NOT NULL DEFAULT '',
  highlights     TEXT NOT NULL DEFAULT '[]',
  updated_at     TEXT NOT NULL,
  views          INTEGER NOT NULL DEFAULT 0,
  featured       INTEGER NOT NULL DEFAULT 0,
  search_text    TEXT NOT NULL DEFAULT '',
  detail         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS parks_newest ON parks (updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_area_asc ON parks (area_min, id);
CREATE INDEX IF NOT EXISTS parks_area_desc ON parks (area_max DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_price_asc ON parks (price_asc_key, id);
CREATE INDEX IF NOT EXISTS parks_price_desc ON parks (price_desc_key DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_newest ON parks (district, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_area_asc ON parks (district, area_min, id);
CREATE INDEX IF NOT EXISTS parks_district_area_desc ON parks (district, area_max DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_price_asc ON parks (district, price_asc_key, id);
CREATE INDEX IF NOT EXISTS parks_district_price_desc ON parks (district, price_desc_key DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_type_newest ON parks (type, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_type_newest ON parks (district, type, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_district_type_price_asc ON parks (district, type, price_asc_key, id);
CREATE INDEX IF NOT EXISTS parks_district_type_price_desc ON parks (district, type, price_desc_key DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_deal_price_asc ON parks (deal, price_asc_key, id);
CREATE INDEX IF NOT EXISTS parks_deal_price_desc ON parks (deal, price_desc_key DESC, id DESC);
CREATE INDEX IF NOT EXISTS parks_featured ON parks (updated_at DESC, id DESC) WHERE featured = 1;
${LEAD_SCHEMA}`

/*
 * Step 2, per-address rate limits (issue 7 item 4). `client_key` is a keyed hash of the caller's
 * network address (never the address itself), NULL when none was known (rows stored before this
 * step, callers without an address). Partial indexes: only rows that have a key can be counted
 * by it. Contact events gain (openid, created_at) for their own per-visitor limit; it also
 * serves every lookup the old openid-only index did, so that one goes.
 */
const STEP_2 = `
ALTER TABLE inquiries ADD COLUMN client_key TEXT;
ALTER TABLE contact_events ADD COLUMN client_key TEXT;
CREATE INDEX inquiries_client_created ON inquiries (client_key, created_at) WHERE client_key IS NOT NULL;
CREATE INDEX contact_events_client_created ON contact_events (client_key, created_at) WHERE client_key IS NOT NULL;
CREATE INDEX contact_events_openid_created ON contact_events (openid, created_at);
DROP INDEX contact_events_openid;
`

/*
 * Step 3, prices in one unit per deal (issue 7 item 10). Files seeded before it hold land lots
 * quoted as a whole in 万元 (unit 'wan'), which sorted among 元/m² unit prices. A lot's unit price
 * is its total over its area (× 10,000 元 per 万元), rounded to the yuan; the total is derived
 * again for the detail page. A lot without an area cannot be converted and becomes 面议 (NULL),
 * which no price range matches. The sort keys are generated columns and follow by themselves.
 */
const STEP_3 = `
UPDATE parks SET price_value = round(price_value * 10000.0 / area_min), price_unit = 'yuan_m2'
  WHERE price_unit = 'wan' AND area_min > 0;
UPDATE parks SET price_value = NULL, price_unit = NULL WHERE price_unit = 'wan';
`

/*
 * Step 4, the lead desk's staff (issue 8 items 1–3). `staff`: one seat per platform identity
 * (openid UNIQUE: a deactivated member re-invited gets their old seat back). `staff_invites`:
 * one-time codes by their SHA-256 (never the code), used once (used_at set in the claim's
 * transaction); the first owner's configured code leaves a used row too. `staff_claim_failures`:
 * failed claims per visitor and per address hash, for the claim's rate limits. `audit_log`: every
 * staff write, the changed fields as JSON (phones masked).
 */
const STEP_4 = `
CREATE TABLE staff (
  id         TEXT PRIMARY KEY,
  openid     TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  mobile     TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('owner', 'agent')),
  active     INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE staff_invites (
  code_hash  TEXT PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('owner', 'agent')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_by    TEXT,
  used_at    TEXT
);
CREATE TABLE staff_claim_failures (
  id         INTEGER PRIMARY KEY,
  openid     TEXT NOT NULL,
  client_key TEXT,
  at         TEXT NOT NULL
);
CREATE INDEX staff_claim_failures_openid ON staff_claim_failures (openid, at);
CREATE INDEX staff_claim_failures_client ON staff_claim_failures (client_key, at) WHERE client_key IS NOT NULL;
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  actor_id    TEXT NOT NULL,
  action      TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id   TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  at          TEXT NOT NULL
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, at);
CREATE INDEX audit_log_at ON audit_log (at);
`

/*
 * Step 5, the lead desk (issue 8 items 5–8). Pipeline columns on the lead itself (one row, one
 * version: the compare-and-set of leads.update is a single UPDATE … WHERE version = ?). Leads of
 * before get their stage from the visitor-facing status: contacted → 已联系, closed → 已签约,
 * new / review → 新线索 (the review flag stays in `flagged`). Notes and per-staff read marks are
 * tables of their own. Indexes: the stage tab newest first, the due block, repeat leads by phone.
 */
const STEP_5 = `
ALTER TABLE inquiries ADD COLUMN stage TEXT NOT NULL DEFAULT 'new'
  CHECK (stage IN ('new', 'contacted', 'visiting', 'signed', 'invalid'));
ALTER TABLE inquiries ADD COLUMN assignee_id TEXT;
ALTER TABLE inquiries ADD COLUMN next_follow_up TEXT;
ALTER TABLE inquiries ADD COLUMN invalid_reason TEXT;
ALTER TABLE inquiries ADD COLUMN first_contacted_at TEXT;
ALTER TABLE inquiries ADD COLUMN first_contacted_by TEXT;
ALTER TABLE inquiries ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
UPDATE inquiries SET stage = 'contacted' WHERE status = 'contacted';
UPDATE inquiries SET stage = 'signed' WHERE status = 'closed';
CREATE INDEX inquiries_desk_newest ON inquiries (created_at DESC, id DESC);
CREATE INDEX inquiries_stage_newest ON inquiries (stage, created_at DESC, id DESC);
CREATE INDEX inquiries_follow_up ON inquiries (next_follow_up) WHERE next_follow_up IS NOT NULL;
CREATE INDEX inquiries_phone ON inquiries (phone);
CREATE TABLE lead_notes (
  id          TEXT PRIMARY KEY,
  lead_id     TEXT NOT NULL,
  author_id   TEXT NOT NULL,
  author_name TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX lead_notes_lead ON lead_notes (lead_id, created_at);
CREATE TABLE lead_reads (
  staff_id TEXT NOT NULL,
  lead_id  TEXT NOT NULL,
  read_at  TEXT NOT NULL,
  PRIMARY KEY (staff_id, lead_id)
) WITHOUT ROWID;
`

/*
 * Step 6, lead alerts (issue 8 item 9). `deliveries`: one row per lead × channel × recipient,
 * written before the first attempt; `notice` is the announcement as JSON (masked phone only), so
 * a retry needs nothing else. The partial index serves the retry runner's "pending and due"
 * scan, oldest due first. `staff_alert_subscriptions`: one-time subscribe-message grants left
 * per member of staff (StaffMember.id), never negative.
 */
const STEP_6 = `
CREATE TABLE deliveries (
  id              TEXT PRIMARY KEY,
  inquiry_id      TEXT NOT NULL,
  channel         TEXT NOT NULL CHECK (channel IN ('robot', 'subscribe')),
  recipient       TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error      TEXT,
  history         TEXT NOT NULL DEFAULT '[]',
  notice          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_inquiry ON deliveries (inquiry_id);
CREATE TABLE staff_alert_subscriptions (
  staff_id       TEXT PRIMARY KEY,
  subscribe_left INTEGER NOT NULL DEFAULT 0 CHECK (subscribe_left >= 0),
  updated_at     TEXT NOT NULL
);
`

/*
 * Channels and mini-program codes (issue 9 items 1–2). `channels`: one row per named channel,
 * its code the key; `name_key` (the name folded for comparison) is UNIQUE, so two racing
 * creations of one name leave one channel. `mini_codes`: one generated code image per key (SHA-1
 * of scene, width and the maker's variant; the file is DATA_DIR/codes/<key>.png), reused when
 * asked again. Neither table depends on another step's.
 */
const CHANNELS_STEP = `
CREATE TABLE channels (
  code            TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  name_key        TEXT NOT NULL UNIQUE,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_by_name TEXT NOT NULL
);
CREATE INDEX channels_newest ON channels (created_at DESC, code DESC);
CREATE TABLE mini_codes (
  key        TEXT PRIMARY KEY,
  scene      TEXT NOT NULL,
  page       TEXT NOT NULL,
  width      INTEGER NOT NULL,
  h5_url     TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
`

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'catalogue and leads (the schema before migrations)', sql: STEP_1 },
  { version: 2, name: 'per-address rate limits (client_key)', sql: STEP_2 },
  { version: 3, name: 'prices in one unit per deal (万元 lots to 元/m²)', sql: STEP_3 },
  { version: 4, name: 'staff, invites, claim limits, audit log', sql: STEP_4 },
  { version: 5, name: 'lead desk: pipeline columns, notes, read marks', sql: STEP_5 },
  { version: 6, name: 'lead alerts: deliveries and staff subscriptions', sql: STEP_6 },
  { version: 7, name: 'channels and mini-program codes', sql: CHANNELS_STEP },
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

/** The tables step 1 creates: a version-0 file holding all of them was made by the code of before. */
const STEP_1_TABLES = ['articles', 'settings', 'parks', 'inquiries', 'contact_events']

export const userVersion = (db: Database.Database): number =>
  db.pragma('user_version', { simple: true }) as number

/**
 * A file made before migrations existed has user_version 0 and step 1's tables: it is at step 1
 * already. Marking it so (instead of running step 1) keeps its rows and tables untouched. A
 * version-0 file with only some of them (an older build, before parks) runs step 1, whose
 * IF NOT EXISTS adds just what is missing.
 */
function adoptUnversioned(db: Database.Database): void {
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  )
  if (STEP_1_TABLES.every((t) => tables.has(t))) db.pragma('user_version = 1')
}

export interface MigrationReport {
  from: number
  to: number
  /** Versions of the steps run now (empty when the file was current). */
  applied: number[]
}

/**
 * Brings the file to the last step, one transaction per step. Refuses a file from newer code.
 * `steps` is for tests (a failing step); the app always runs MIGRATIONS.
 */
export function migrate(
  db: Database.Database,
  file = 'database',
  steps: readonly Migration[] = MIGRATIONS,
): MigrationReport {
  const latest = steps[steps.length - 1].version
  const from = userVersion(db)
  if (from > latest) {
    throw new Error(
      `${file} is at schema step ${from}, newer than this code knows (${latest}); update the app instead of opening it with an older build`,
    )
  }
  const applied: number[] = []
  for (const step of steps) {
    // IMMEDIATE takes the write lock before the version is read, so two processes opening the
    // same file at once run each step once: the second sees the bumped version and skips.
    const ran = db
      .transaction((): boolean => {
        if (userVersion(db) === 0 && step.version === 1) adoptUnversioned(db)
        if (userVersion(db) >= step.version) return false
        try {
          db.exec(step.sql)
        } catch (err) {
          throw new Error(
            `${file}: migration step ${step.version} (${step.name}) failed: ${err instanceof Error ? err.message : String(err)}`,
          )
        }
        db.pragma(`user_version = ${step.version}`)
        return true
      })
      .immediate()
    if (ran) applied.push(step.version)
  }
  return { from, to: userVersion(db), applied }
}
