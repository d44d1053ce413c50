/**
 * In-memory stand-in for wx-server-sdk (the real one throws "missing secretId or secretKey"
 * on first use outside CloudBase and can take the process down). Implements the slice the
 * api function uses, with the real semantics: where (plain equality, command operators,
 * _.or / _.and, db.RegExp), chained orderBy, field projection (include or exclude; _id always
 * kept), limit (default 100, at most 1000), doc().get() rejecting a missing document,
 * doc().update() with _.inc, collection.add() (rejecting a taken _id, as the database does),
 * where().count(), where().remove() and where().update() (_.exists, _.remove), db.createCollection (rejecting an existing collection),
 * cloud storage (uploadFile → a `cloud://` fileID, getTempFileURL / deleteFile ≤ 50 ids; __file),
 * and cloud.openapi.security.msgSecCheck (v2 answers,
 * scripted with __setMsgSecCheck). On an array field a condition holds when some element satisfies
 * cloud.openapi.security.msgSecCheck (v2 answers,
 * scripted with __setMsgSecCheck) and cloud.openapi.subscribeMessage.send (__setSubscribeSend)
 * and cloud.openapi.wxacode.getUnlimited (a JPEG-signed buffer naming its scene, page and width,
 * as WeChat answers image/jpeg; scripted with __setGetUnlimited). On an array field a condition holds when some element satisfies
 * it (documented for equality: `where({ tags: 'x' })` finds arrays containing 'x'); `neq` is
 * its negation. Range operators and regular expressions never match null, a missing field or
 * another type. Test helpers start with `__`.
 */

type Doc = { _id: string; [field: string]: unknown }

const CMD = Symbol('command')
const REGEXP = Symbol('db.RegExp')

interface FieldCommand {
  [CMD]: 'field'
  op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'exists'
  value: unknown
}
interface LogicCommand {
  [CMD]: 'logic'
  op: 'or' | 'and'
  conditions: object[]
}
interface UpdateCommand {
  [CMD]: 'update'
  op: 'inc' | 'remove'
  value: number
}

interface DbRegExp {
  [REGEXP]: true
  regexp: string
  options: string
}

type Condition = Record<string, unknown> | LogicCommand

const isCommand = (value: unknown, kind: 'field' | 'logic' | 'update'): boolean =>
  typeof value === 'object' && value !== null && (value as { [CMD]?: string })[CMD] === kind

const field =
  (op: FieldCommand['op']) =>
  (value: unknown): FieldCommand => ({ [CMD]: 'field', op, value })

export const command = {
  eq: field('eq'),
  neq: field('neq'),
  lt: field('lt'),
  lte: field('lte'),
  gt: field('gt'),
  gte: field('gte'),
  in: field('in'),
  or: (conditions: object[]): LogicCommand => ({ [CMD]: 'logic', op: 'or', conditions }),
  and: (conditions: object[]): LogicCommand => ({ [CMD]: 'logic', op: 'and', conditions }),
  inc: (value: number): UpdateCommand => ({ [CMD]: 'update', op: 'inc', value }),
  exists: field('exists'),
  remove: (): UpdateCommand => ({ [CMD]: 'update', op: 'remove', value: 0 }),
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  throw new Error(`double: cannot compare ${typeof a} with ${typeof b}`)
}

const isRegExp = (value: unknown): value is DbRegExp =>
  typeof value === 'object' && value !== null && (value as { [REGEXP]?: boolean })[REGEXP] === true

/** One scalar against one operator (arrays are unrolled by the caller). */
function matchesScalar(actual: unknown, op: FieldCommand['op'] | 'regexp', value: unknown): boolean {
  if (op === 'eq') return actual === value
  if (op === 'in') return Array.isArray(value) && value.includes(actual)
  if (op === 'regexp') {
    const { regexp, options } = value as DbRegExp
    return typeof actual === 'string' && new RegExp(regexp, options).test(actual)
  }
  // Like the database, null, a missing field or another type never satisfies a range operator.
  if (actual === undefined || actual === null || typeof actual !== typeof value) return false
  const c = compare(actual, value)
  return op === 'lt' ? c < 0 : op === 'lte' ? c <= 0 : op === 'gt' ? c > 0 : c >= 0
}

function matchesField(actual: unknown, expected: unknown): boolean {
  let op: FieldCommand['op'] | 'regexp'
  let value: unknown
  if (isCommand(expected, 'field')) {
    ;({ op, value } = expected as FieldCommand)
  } else if (isRegExp(expected)) {
    op = 'regexp'
    value = expected
  } else if (isCommand(expected, 'logic') || isCommand(expected, 'update')) {
    throw new Error('double: field-level logic/update commands are not supported')
  } else if (expected !== null && typeof expected === 'object') {
    throw new Error('double: nested-object equality is not supported')
  } else {
    op = 'eq'
    value = expected
  }
  if (op === 'neq') return !matchesField(actual, command.eq(value))
  if (op === 'exists') return (actual !== undefined) === Boolean(value)
  // An array field matches when one of its elements does.
  if (Array.isArray(actual)) return actual.some((element) => matchesScalar(element, op, value))
  return matchesScalar(actual, op, value)
}

function matches(doc: Doc, condition: Condition): boolean {
  if (isCommand(condition, 'logic')) {
    const { op, conditions } = condition as LogicCommand
    return op === 'or'
      ? conditions.some((c) => matches(doc, c as Condition))
      : conditions.every((c) => matches(doc, c as Condition))
  }
  return Object.entries(condition).every(([key, expected]) => matchesField(doc[key], expected))
}

function project(doc: Doc, projection: Record<string, boolean> | null): Doc {
  const copy = structuredClone(doc)
  if (!projection) return copy
  const entries = Object.entries(projection)
  const including = entries.some(([, v]) => v)
  if (including && entries.some(([k, v]) => !v && k !== '_id')) {
    throw new Error('double: projection cannot mix inclusion and exclusion')
  }
  if (including) {
    const out: Doc = { _id: copy._id }
    for (const [k, v] of entries) if (v && k in copy) out[k] = copy[k]
    return out
  }
  for (const [k] of entries) if (k !== '_id') delete copy[k]
  return copy
}

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

interface QueryState {
  condition: Condition | null
  order: Array<[string, 'asc' | 'desc']>
  projection: Record<string, boolean> | null
  limit: number
}

const store = new Map<string, Map<string, Doc>>()

function table(name: string): Map<string, Doc> {
  let t = store.get(name)
  if (!t) {
    t = new Map()
    store.set(name, t)
  }
  return t
}

/** Counts calls per collection so tests can check round trips. */
export const __calls: Array<{
  collection: string
  op: 'get' | 'doc.get' | 'doc.update' | 'add' | 'count' | 'remove' | 'update'
}> = []

let autoId = 0

/** Resolves on a later macrotask, so concurrent callers interleave as they do against a server. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

class Query {
  constructor(
    protected readonly name: string,
    protected readonly state: QueryState,
  ) {}

  private next(patch: Partial<QueryState>): Query {
    return new Query(this.name, { ...this.state, ...patch })
  }

  where(condition: Condition): Query {
    if (this.state.condition) throw new Error('double: where() called twice')
    if (!condition || typeof condition !== 'object') throw new Error('double: where() needs an object')
    return this.next({ condition })
  }

  orderBy(fieldPath: string, direction: 'asc' | 'desc'): Query {
    if (direction !== 'asc' && direction !== 'desc') throw new Error(`double: bad order ${direction}`)
    return this.next({ order: [...this.state.order, [fieldPath, direction]] })
  }

  field(projection: Record<string, boolean>): Query {
    return this.next({ projection })
  }

  limit(n: number): Query {
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
      throw new Error(`double: limit ${n} out of range 1..${MAX_LIMIT}`)
    return this.next({ limit: n })
  }

  async get(): Promise<{ data: Doc[]; errMsg: string }> {
    __calls.push({ collection: this.name, op: 'get' })
    const { condition, order, projection, limit } = this.state
    let rows = [...table(this.name).values()]
    if (condition) rows = rows.filter((d) => matches(d, condition))
    if (order.length) {
      rows.sort((a, b) => {
        for (const [key, dir] of order) {
          const c = compare(a[key], b[key])
          if (c !== 0) return dir === 'asc' ? c : -c
        }
        return 0
      })
    }
    return { data: rows.slice(0, limit).map((d) => project(d, projection)), errMsg: 'collection.get:ok' }
  }

  private matching(): Doc[] {
    const { condition } = this.state
    const rows = [...table(this.name).values()]
    return condition ? rows.filter((d) => matches(d, condition)) : rows
  }

  async count(): Promise<{ total: number; errMsg: string }> {
    __calls.push({ collection: this.name, op: 'count' })
    await tick()
    return { total: this.matching().length, errMsg: 'collection.count:ok' }
  }

  /** Server-SDK semantics: updates every document the condition matches. */
  async update({
    data,
  }: {
    data: Record<string, unknown>
  }): Promise<{ stats: { updated: number }; errMsg: string }> {
    __calls.push({ collection: this.name, op: 'update' })
    if (!this.state.condition) throw new Error('double: update() without where() is refused')
    await tick()
    const matched = this.matching()
    for (const d of matched) applyUpdate(d, data)
    return { stats: { updated: matched.length }, errMsg: 'collection.update:ok' }
  }

  /** Server-SDK semantics: removes every document the condition matches. */
  async remove(): Promise<{ stats: { removed: number }; errMsg: string }> {
    __calls.push({ collection: this.name, op: 'remove' })
    if (!this.state.condition) throw new Error('double: remove() without where() is refused')
    await tick()
    const doomed = this.matching()
    for (const d of doomed) table(this.name).delete(d._id)
    return { stats: { removed: doomed.length }, errMsg: 'collection.remove:ok' }
  }
}

/** Applies an update's data to a stored document (plain values, _.inc, _.remove). */
function applyUpdate(doc: Doc, data: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(data)) {
    if (key === '_id') throw new Error('double: _id cannot be updated')
    if (isCommand(value, 'update')) {
      const cmd = value as UpdateCommand
      if (cmd.op === 'remove') {
        delete doc[key]
      } else {
        const current = doc[key]
        doc[key] = (typeof current === 'number' ? current : 0) + cmd.value
      }
    } else {
      doc[key] = structuredClone(value)
    }
  }
}

class DocRef {
  constructor(
    private readonly name: string,
    private readonly id: string,
  ) {}

  async get(): Promise<{ data: Doc; errMsg: string }> {
    __calls.push({ collection: this.name, op: 'doc.get' })
    const doc = table(this.name).get(this.id)
    if (!doc) throw new Error(`document.get:fail document with _id ${this.id} does not exist`)
    return { data: structuredClone(doc), errMsg: 'document.get:ok' }
  }

  async update({
    data,
  }: {
    data: Record<string, unknown>
  }): Promise<{ stats: { updated: number }; errMsg: string }> {
    __calls.push({ collection: this.name, op: 'doc.update' })
    const doc = table(this.name).get(this.id)
    if (!doc) return { stats: { updated: 0 }, errMsg: 'document.update:ok' }
    applyUpdate(doc, data)
    return { stats: { updated: 1 }, errMsg: 'document.update:ok' }
  }
}

class Collection extends Query {
  constructor(name: string) {
    super(name, { condition: null, order: [], projection: null, limit: DEFAULT_LIMIT })
  }

  doc(id: string): DocRef {
    return new DocRef(this.name, id)
  }

  /** Like the database: a taken _id rejects (after a round trip, so racing adds interleave). */
  async add({ data }: { data: Record<string, unknown> }): Promise<{ _id: string; errMsg: string }> {
    __calls.push({ collection: this.name, op: 'add' })
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new Error('double: add() needs { data }')
    await tick()
    const t = table(this.name)
    const id = typeof data._id === 'string' ? data._id : `auto-${++autoId}`
    if (t.has(id)) {
      const err = new Error(
        `errCode: -502001 database request fail | errMsg: [FailedOperation] E11000 duplicate key error index: _id_ dup key: { _id: "${id}" }`,
      )
      ;(err as Error & { errCode?: number }).errCode = -502001
      throw err
    }
    for (const value of Object.values(data)) {
      if (value === undefined) throw new Error('double: add() with an undefined field')
    }
    t.set(id, structuredClone({ ...data, _id: id }) as Doc)
    return { _id: id, errMsg: 'collection.add:ok' }
  }
}

/** db.RegExp({ regexp, options }), callable with or without `new` like the real one. */
function DbRegExpFactory(init: { regexp: string; options?: string }): DbRegExp {
  if (!init || typeof init.regexp !== 'string') throw new Error('double: db.RegExp needs { regexp }')
  const options = init.options ?? ''
  if (!/^[ims]*$/.test(options)) throw new Error(`double: unsupported RegExp options ${options}`)
  // Compile now so a malformed pattern fails at the call, as the server would reject it.
  new RegExp(init.regexp, options)
  return { [REGEXP]: true, regexp: init.regexp, options }
}

/** Collections that exist: made by createCollection or by __seed (a plain read never creates one). */
const existing = new Set<string>()

const db = {
  command,
  collection: (name: string) => new Collection(name),
  RegExp: DbRegExpFactory,
  /** Like the server SDK: rejects when the collection exists. */
  createCollection: jest.fn(async (name: string) => {
    await tick()
    if (existing.has(name)) {
      throw new Error(`errCode: -502005 database collection exists | errMsg: Table exist: ${name}`)
    }
    existing.add(name)
    table(name)
    return { errMsg: 'createCollection:ok' }
  }),
}

// Same value the real sdk exports.
export const DYNAMIC_CURRENT_ENV = Symbol.for('SYMBOL_CURRENT_ENV')

let openid = 'o-test-openid'

/** What msgSecCheck v2 answers through cloud.openapi: errCode 0 and a verdict in result.suggest. */
export function secCheckAnswer(
  suggest: 'pass' | 'review' | 'risky',
  label = suggest === 'pass' ? 100 : 20006,
) {
  return {
    errCode: 0,
    errMsg: 'openapi.security.msgSecCheck:ok',
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }],
    traceId: 'trace-double',
  }
}

type SecCheckParams = { version: number; openid: string; scene: number; content: string }
const passAll = async (_params: SecCheckParams): Promise<unknown> => secCheckAnswer('pass')
let secCheckImpl: (params: SecCheckParams) => Promise<unknown> = passAll

type SubscribeSendParams = {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}
const sendOk = async (_params: SubscribeSendParams): Promise<unknown> => ({
  errCode: 0,
  errMsg: 'openapi.subscribeMessage.send:ok',
})
let subscribeImpl: (params: SubscribeSendParams) => Promise<unknown> = sendOk

/** An error as cloud.openapi rejects with it: `errCode` and `errMsg` (e.g. 43101 user refused). */
export function openapiError(errCode: number, errMsg = `openapi.subscribeMessage.send:fail ${errCode}`) {
  return Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode, errMsg })
}

type GetUnlimitedParams = {
  scene: string
  page?: string
  width?: number
  checkPath?: boolean
  envVersion?: string
}

/** What getUnlimited answers by default: a JPEG signature followed by what was asked, readable in tests. */
export function wxacodeImage(params: GetUnlimitedParams): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from(JSON.stringify({ scene: params.scene, page: params.page, width: params.width })),
  ])
}

const codeOk = async (params: GetUnlimitedParams): Promise<unknown> => {
  // Like the platform: a scene over 32 characters or a page with a leading '/' is refused.
  if (typeof params.scene !== 'string' || params.scene.length === 0 || params.scene.length > 32)
    throw openapiError(40169, 'openapi.wxacode.getUnlimited:fail invalid scene')
  if (params.page?.startsWith('/'))
    throw openapiError(41030, 'openapi.wxacode.getUnlimited:fail invalid page')
  return {
    errCode: 0,
    errMsg: 'openapi.wxacode.getUnlimited:ok',
    contentType: 'image/jpeg',
    buffer: wxacodeImage(params),
  }
}
let getUnlimitedImpl: (params: GetUnlimitedParams) => Promise<unknown> = codeOk

export const openapi = {
  security: {
    msgSecCheck: jest.fn((params: SecCheckParams) => secCheckImpl(params)),
  },
  subscribeMessage: {
    send: jest.fn((params: SubscribeSendParams) => subscribeImpl(params)),
  },
  wxacode: {
    getUnlimited: jest.fn((params: GetUnlimitedParams) => getUnlimitedImpl(params)),
  },
}

/** Scripts wxacode.getUnlimited from now on (default: an image of what was asked). */
export function __setGetUnlimited(impl: (params: GetUnlimitedParams) => Promise<unknown>): void {
  getUnlimitedImpl = impl
}

/** Scripts subscribeMessage.send from now on (default: every send succeeds). */
export function __setSubscribeSend(impl: (params: SubscribeSendParams) => Promise<unknown>): void {
  subscribeImpl = impl
}

/** Scripts msgSecCheck from now on (default: every text passes). */
export function __setMsgSecCheck(impl: (params: SecCheckParams) => Promise<unknown>): void {
  secCheckImpl = impl
}

export const init = jest.fn((_options?: { env?: unknown }) => undefined)
export const database = jest.fn(() => db)
let clientIp: string | undefined = '192.0.2.10'

export const getWXContext = jest.fn(() => ({
  OPENID: openid,
  APPID: 'wx0000000000000000',
  UNIONID: undefined,
  ENV: 'test-env',
  CLIENTIP: clientIp,
}))

/** Sets what getWXContext().OPENID returns from now on. */
export function __setOpenid(value: string): void {
  openid = value
}

/** Sets what getWXContext().CLIENTIP returns from now on (undefined: the platform gave none). */
export function __setClientIp(value: string | undefined): void {
  clientIp = value
}

/** Replaces a collection's documents. */
export function __seed(name: string, docs: Doc[]): void {
  existing.add(name)
  const t = table(name)
  t.clear()
  for (const d of docs) t.set(d._id, structuredClone(d))
}

/** Reads a document as stored (not through the query path). */
export function __peek(name: string, id: string): Doc | undefined {
  const doc = table(name).get(id)
  return doc ? structuredClone(doc) : undefined
}

/** Cloud storage: uploaded files by fileID (uploadFile / getTempFileURL). */
const files = new Map<string, { cloudPath: string; bytes: Buffer }>()

/** `cloud.uploadFile`: stores the content under a `cloud://` fileID. */
export const uploadFile = jest.fn(async (options: { cloudPath: string; fileContent: Buffer }) => {
  if (!options.cloudPath || options.cloudPath.startsWith('/')) throw new Error('double: bad cloudPath')
  const fileID = `cloud://test-env.7465-test-env/${options.cloudPath}`
  files.set(fileID, { cloudPath: options.cloudPath, bytes: Buffer.from(options.fileContent) })
  return { fileID, statusCode: 200, errMsg: 'uploadFile:ok' }
})

/** `cloud.getTempFileURL`: at most 50 fileIDs a call; status -1 for an unknown one. */
export const getTempFileURL = jest.fn(
  async (options: { fileList: Array<string | { fileID: string; maxAge?: number }> }) => {
    if (options.fileList.length > 50) throw new Error('double: getTempFileURL takes at most 50 fileIDs')
    return {
      errMsg: 'getTempFileURL:ok',
      fileList: options.fileList.map((entry) => {
        const fileID = typeof entry === 'string' ? entry : entry.fileID
        const maxAge = typeof entry === 'string' ? 86400 : (entry.maxAge ?? 86400)
        const known = files.get(fileID)
        return known
          ? {
              fileID,
              tempFileURL: `https://test-env.tcb.qcloud.la/${known.cloudPath}?sign=double&t=${maxAge}`,
              maxAge,
              status: 0,
              errMsg: 'ok',
            }
          : { fileID, tempFileURL: '', maxAge, status: -1, errMsg: 'file not exist' }
      }),
    }
  },
)

/** `cloud.deleteFile`: at most 50 fileIDs a call; an unknown one answers status -1 "not exist". */
export const deleteFile = jest.fn(async (options: { fileList: string[] }) => {
  if (options.fileList.length > 50) throw new Error('double: deleteFile takes at most 50 fileIDs')
  return {
    errMsg: 'deleteFile:ok',
    fileList: options.fileList.map((fileID) =>
      files.delete(fileID)
        ? { fileID, status: 0, errMsg: 'ok' }
        : { fileID, status: -1, errMsg: 'storage file not exist' },
    ),
  }
})

/** Every stored fileID. */
export function __fileIds(): string[] {
  return [...files.keys()]
}

/** The bytes stored under a fileID (undefined when none). */
export function __file(fileID: string): Buffer | undefined {
  return files.get(fileID)?.bytes
}

export function __reset(): void {
  files.clear()
  store.clear()
  existing.clear()
  __calls.length = 0
  openid = 'o-test-openid'
  clientIp = '192.0.2.10'
  secCheckImpl = passAll
  subscribeImpl = sendOk
  getUnlimitedImpl = codeOk
}

/** Every document of a collection, as stored. */
export function __all(name: string): Doc[] {
  return [...table(name).values()].map((d) => structuredClone(d))
}

export default {
  init,
  database,
  getWXContext,
  openapi,
  uploadFile,
  getTempFileURL,
  deleteFile,
  DYNAMIC_CURRENT_ENV,
}
