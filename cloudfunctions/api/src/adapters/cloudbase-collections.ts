/**
 * Everything the CloudBase database must hold for this function, in one list: each collection,
 * what it holds, its permission and its indexes. The adapters take collection names from here
 * (COLLECTIONS), the setup step (cloudbase-setup.ts, run once by the owner) creates what is
 * missing and prints the indexes, and the README's table is checked against it
 * (test/cloud/cloudbase-collections.test.ts). Add a collection or an index here, nowhere else.
 *
 * Indexes follow the queries the adapters make: equality fields first, then the sort fields in
 * the query's direction, `_id` last where a keyset cursor breaks ties.
 */

export interface IndexSpec {
  name: string
  fields: ReadonlyArray<readonly [field: string, order: 'asc' | 'desc']>
  /** Which query it serves, for the README and the console. */
  serves: string
}

export interface CollectionSpec {
  name: string
  holds: string
  indexes: readonly IndexSpec[]
}

/**
 * The permission every collection gets: the mini program never reads the database itself (all
 * reads go through this function), so no user may read or write directly.
 */
export const COLLECTION_PERMISSION = '仅管理端可读写（所有用户不可读写）'

const desc = (field: string) => [field, 'desc'] as const
const asc = (field: string) => [field, 'asc'] as const

export const CLOUDBASE_COLLECTIONS = [
  {
    name: 'articles',
    holds: 'articles: `_id` = article id, written through toCloudArticle (adds `searchText`)',
    indexes: [
      { name: 'published', fields: [desc('publishedAt'), desc('_id')], serves: 'newest articles' },
      {
        name: 'category_published',
        fields: [asc('category'), desc('publishedAt'), desc('_id')],
        serves: 'articles of a category',
      },
    ],
  },
  {
    name: 'parks',
    holds:
      'parks: `_id` = park id, written through toCloudPark (adds `priceValue`, `priceAsc`, `priceDesc`, `searchText`)',
    indexes: [
      { name: 'newest', fields: [desc('updatedAt'), desc('_id')], serves: 'newest parks' },
      { name: 'area_asc', fields: [asc('areaMin'), asc('_id')], serves: 'area ascending' },
      { name: 'area_desc', fields: [desc('areaMax'), desc('_id')], serves: 'area descending' },
      { name: 'price_asc', fields: [asc('priceAsc'), asc('_id')], serves: 'price ascending' },
      { name: 'price_desc', fields: [desc('priceDesc'), desc('_id')], serves: 'price descending' },
      {
        name: 'district_newest',
        fields: [asc('district'), desc('updatedAt'), desc('_id')],
        serves: '区域 filter, newest',
      },
      {
        name: 'type_newest',
        fields: [asc('type'), desc('updatedAt'), desc('_id')],
        serves: '类型 filter, newest',
      },
      {
        name: 'district_type_newest',
        fields: [asc('district'), asc('type'), desc('updatedAt'), desc('_id')],
        serves: '区域 + 类型, newest; similar parks',
      },
      {
        name: 'district_type_price_asc',
        fields: [asc('district'), asc('type'), asc('priceAsc'), asc('_id')],
        serves: '区域 + 类型, price ascending',
      },
      {
        name: 'district_type_price_desc',
        fields: [asc('district'), asc('type'), desc('priceDesc'), desc('_id')],
        serves: '区域 + 类型, price descending',
      },
      {
        name: 'deal_price_asc',
        fields: [asc('deal'), asc('priceAsc'), asc('_id')],
        serves: '租售 filter, price ascending',
      },
      {
        name: 'deal_price_desc',
        fields: [asc('deal'), desc('priceDesc'), desc('_id')],
        serves: '租售 filter, price descending',
      },
      {
        name: 'featured_newest',
        fields: [asc('featured'), desc('updatedAt'), desc('_id')],
        serves: 'featured parks (home)',
      },
    ],
  },
  {
    name: 'settings',
    holds: 'settings: document `agency` = the contact card (hotline, WeChat ID, QR)',
    indexes: [],
  },
  {
    name: 'inquiries',
    holds: 'leads: `_id` = hash(openid, idempotency key), so a retried submission is stored once',
    indexes: [
      {
        name: 'openid_created',
        fields: [asc('openid'), desc('createdAt')],
        serves: '我的咨询, per-visitor limit, deletion',
      },
      {
        name: 'client_created',
        fields: [asc('clientKey'), desc('createdAt')],
        serves: 'per-address limit',
      },
      { name: 'created', fields: [desc('createdAt')], serves: 'staff list, newest first' },
      {
        name: 'stage_created',
        fields: [asc('stage'), desc('createdAt'), desc('_id')],
        serves: 'inbox: a status tab newest first, counts per status',
      },
      {
        name: 'follow_up',
        fields: [asc('nextFollowUp')],
        serves: 'inbox: follow-ups due today or overdue',
      },
      {
        name: 'phone_created',
        fields: [asc('phone'), desc('createdAt')],
        serves: 'lead detail: repeat leads (same phone)',
      },
      {
        name: 'status_created',
        fields: [asc('status'), desc('createdAt')],
        serves: 'new leads count (我的 badge); retention: 无效 leads past their period',
      },
    ],
  },
  {
    name: 'contact_events',
    holds: 'contact taps (call, copy WeChat ID, QR …), one document each',
    indexes: [
      {
        name: 'openid_created',
        fields: [asc('openid'), desc('createdAt')],
        serves: 'per-visitor limit, deletion',
      },
      {
        name: 'client_created',
        fields: [asc('clientKey'), desc('createdAt')],
        serves: 'per-address limit',
      },
      { name: 'created', fields: [desc('createdAt')], serves: 'staff reports, newest first' },
    ],
  },
  {
    name: 'lead_notes',
    holds: 'follow-up notes on a lead, one document each (`_id` = note id)',
    indexes: [
      {
        name: 'lead_created',
        fields: [asc('leadId'), asc('createdAt')],
        serves: 'lead detail: notes timeline',
      },
    ],
  },
  {
    name: 'lead_reads',
    holds: 'which member of staff opened which lead (`_id` = staff id:lead id)',
    indexes: [{ name: 'staff_lead', fields: [asc('staffId'), asc('leadId')], serves: 'inbox: unread marks' }],
  },
  {
    name: 'staff',
    holds: 'staff seats: `_id` = StaffMember.id, one per openid',
    indexes: [
      { name: 'openid', fields: [asc('openid')], serves: 'who is calling (every staff action)' },
      { name: 'role_active', fields: [asc('role'), asc('active')], serves: 'active owners count' },
    ],
  },
  {
    name: 'staff_invites',
    holds: 'one-time invite codes: `_id` = SHA-256 of the code (never the code)',
    indexes: [],
  },
  {
    name: 'staff_claim_failures',
    holds: 'failed staff claims, for the claim limits',
    indexes: [
      { name: 'openid_at', fields: [asc('openid'), desc('at')], serves: 'per-visitor claim limit' },
      { name: 'client_at', fields: [asc('clientKey'), desc('at')], serves: 'per-address claim limit' },
    ],
  },
  {
    name: 'audit_log',
    holds: 'every staff write: who, what, when, before → after (phones masked)',
    indexes: [
      {
        name: 'target_at',
        fields: [asc('targetType'), asc('targetId'), desc('at')],
        serves: 'history of a record',
      },
      { name: 'at', fields: [desc('at')], serves: 'audit review, newest first' },
    ],
  },
  {
    name: 'export_files',
    holds:
      'lead exports in cloud storage (`fileID`, `createdAt`): the daily purge deletes each file after a day',
    indexes: [{ name: 'created', fields: [desc('createdAt')], serves: 'purge of old export files' }],
  },
  {
    name: 'deliveries',
    holds: 'lead alerts: one per lead × channel × recipient, `_id` = `inquiryId:channel:recipient`',
    indexes: [
      {
        name: 'status_due',
        fields: [asc('status'), asc('nextAttemptAt')],
        serves: 'retries: pending deliveries that are due',
      },
      { name: 'inquiry', fields: [asc('inquiryId')], serves: "a lead's deliveries" },
    ],
  },
  {
    name: 'staff_alerts',
    holds: 'subscribe messages left per member of staff: `_id` = staff id, `subscribeLeft`',
    indexes: [],
  },
  {
    name: 'channels',
    holds:
      'named channels (issue 9): `_id` = SHA-1 of the folded name (one per name), `code` = the source code',
    indexes: [
      { name: 'newest', fields: [desc('createdAt'), desc('_id')], serves: 'channel list, newest first' },
      { name: 'code', fields: [asc('code')], serves: 'a channel by its code (codes, new-code check)' },
    ],
  },
  {
    name: 'mini_codes',
    holds:
      'generated mini-program codes: `_id` = SHA-1 of scene, width and env version; `fileID` in cloud storage',
    indexes: [],
  },
] as const satisfies readonly CollectionSpec[]

type Named = (typeof CLOUDBASE_COLLECTIONS)[number]['name']

/** Collection names for the adapters, from the list above. */
export const COLLECTIONS = {
  articles: 'articles',
  parks: 'parks',
  settings: 'settings',
  inquiries: 'inquiries',
  contactEvents: 'contact_events',
  leadNotes: 'lead_notes',
  leadReads: 'lead_reads',
  staff: 'staff',
  staffInvites: 'staff_invites',
  staffClaimFailures: 'staff_claim_failures',
  auditLog: 'audit_log',
  exportFiles: 'export_files',
  deliveries: 'deliveries',
  staffAlerts: 'staff_alerts',
  channels: 'channels',
  miniCodes: 'mini_codes',
} as const satisfies Record<string, Named>

export const AGENCY_DOC_ID = 'agency'

/**
 * The `api` function's timeout, seconds (云开发控制台 → 云函数 → api → 版本与配置 → 超时时间;
 * config.json cannot carry it). The default 3 s is too short: one submission may spend
 * msgSecCheck (≤ 1.5 s), naming the risky fields (≤ 0.8 s), the notifier (≤ 1.5 s) and a few
 * database round trips. The README's deploy step states this number (checked by a test).
 */
export const FUNCTION_TIMEOUT_S = 10

/** "`(openid asc, createdAt desc)`" */
export function describeIndex(index: IndexSpec): string {
  return `(${index.fields.map(([f, o]) => `${f} ${o}`).join(', ')})`
}

/** The README table: one row per index (one for a collection that needs none). */
export function collectionsTable(): string[] {
  const rows = ['| collection | index | fields | serves |', '| --- | --- | --- | --- |']
  for (const c of CLOUDBASE_COLLECTIONS as readonly CollectionSpec[]) {
    if (c.indexes.length === 0) rows.push(`| \`${c.name}\` | — | — | read by \`_id\` only |`)
    for (const i of c.indexes)
      rows.push(`| \`${c.name}\` | ${i.name} | \`${describeIndex(i)}\` | ${i.serves} |`)
  }
  return rows
}
