/**
 * @jest-environment node
 *
 * Property-based: thousands of malformed and hostile payloads against the real router and a
 * real SQLite file. Reproduce a failure with FC_SEED=<seed printed by fast-check>.
 */
import fc from 'fast-check'
import * as v from 'valibot'
import {
  INQUIRY_LIMITS,
  InquirySchema,
  NEED_TYPES,
  TAX_BRACKETS,
  cleanText,
  type SubmitResult,
} from '@/domain/inquiry'
import { DISTRICTS } from '@/domain/park'
import type { ApiResult } from '@/domain/result'
import { wellFormed } from '../../cloudfunctions/api/src/handlers/inquiries'
import type { InquiryRecord } from '../../cloudfunctions/api/src/ports/lead-store'
import { leadEnv, sqliteRows, type LeadEnv } from './inquiry-fixtures'

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined
const runs = (n: number) => ({ numRuns: n, ...(seed === undefined ? {} : { seed }) })

let env: LeadEnv
beforeAll(() => {
  env = leadEnv()
})
afterAll(() => env.close())

let visitorSeq = 0
/** A fresh visitor per run, so the rate limit never answers for the schema. */
const nextVisitor = () => `o-prop-${++visitorSeq}`

const SCHEMA_KEYS = new Set([
  'needType',
  'areaMin',
  'areaMax',
  'industry',
  'district',
  'taxBracket',
  'company',
  'contactName',
  'phone',
  'remark',
  'consent',
  'idempotencyKey',
  'context',
])

// ---------------------------------------------------------------------------------------------
// Arbitraries

const HOSTILE_SNIPPETS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">点我</a>',
  '<',
  '<<>>',
  '<!--',
  '\u0000',
  '\u0007\u0008\u001b[31m红色',
  '\r\n\r\n',
  '\t\t',
  '\u007f',
  '\u200b\u200d\ufeff',
  '\u2028\u2029',
  '\u3000\u3000',
  '😀👨‍👩‍👧🇨🇳',
  '\ud800',
  "' OR 1=1 --",
  '"; DROP TABLE inquiries; --',
  '${7*7}{{7*7}}',
  '%00%3Cscript%3E',
  '13524678515',
  '__proto__',
  '田'.repeat(60),
]

const snippet = fc.constantFrom(...HOSTILE_SNIPPETS)

/**
 * Characters that draw nothing: format characters (bidi, zero-width, tags, interlinear), Hangul
 * fillers, blank braille, controls, orphan variation selectors. A stored row must hold none.
 */
const INVISIBLE_CHARS = [
  '\u00ad',
  '\u034f',
  '\u061c',
  '\u115f',
  '\u1160',
  '\u180e',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2060',
  '\u2061',
  '\u2062',
  '\u2063',
  '\u2064',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u206a',
  '\u206f',
  '\u2800',
  '\u3164',
  '\ufeff',
  '\uffa0',
  '\ufff9',
  '\ufffa',
  '\ufffb',
  '\u{e0001}',
  '\u{e0020}',
  '\u{e0041}',
  '\u{e007f}',
  '\u0085',
  '\u009b',
  '\ufe0f',
  '\u{e0100}',
]
const invisibleChar = fc.constantFrom(...INVISIBLE_CHARS)
const invisibleOnly = fc.array(invisibleChar, { minLength: 1, maxLength: 8 }).map((a) => a.join(''))
/** Visible text with invisible characters sprinkled in, before, between and after. */
const laced = fc
  .array(fc.oneof(invisibleChar, fc.constantFrom('张', '三', 'A', ' ', '\n', '😀', '科技', '\u00a0')), {
    maxLength: 20,
  })
  .map((a) => a.join(''))

/** Strings a form should survive: control characters, HTML, emoji, lone surrogates, huge ones. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  invisibleOnly,
  laced,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  snippet,
  fc
    .array(fc.oneof(snippet, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 6 })
    .map((a) => a.join('')),
  fc.integer({ min: 1, max: 4000 }).map((n) => '长'.repeat(n)),
  fc.integer({ min: 1, max: 3000 }).map((n) => '<b>x</b>'.repeat(n)),
)

const junk: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, -1),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), {
    maxKeys: 3,
  }),
  fc.anything({ maxDepth: 2, maxKeys: 3 }),
)

const validKey = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/)
const mobile = fc
  .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/))
  .map(([a, b]) => a + b)
const phoneSpelling = fc.oneof(
  mobile,
  mobile.map((m) => `+86 ${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`),
  mobile.map((m) => `(${m.slice(0, 3)}) ${m.slice(3, 7)}.${m.slice(7)}`),
  mobile.map((m) => `0086${m}`),
)

/** Mostly right, sometimes junk: per field (so a fair share of whole payloads pass). */
const maybe = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: junk })

/** Free text: hostile, and often short enough to pass the caps. */
const text = (max: number) =>
  fc.oneof(
    { weight: 1, arbitrary: hostileString },
    {
      weight: 3,
      arbitrary: fc
        .oneof(snippet, laced, fc.string({ unit: 'binary', maxLength: max }))
        .map((s) => s.slice(0, max)),
    },
  )

const contextArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  {
    weight: 6,
    arbitrary: fc.record(
      {
        parkId: maybe(fc.constantFrom('p012', 'p013', 'p999')),
        articleId: maybe(fc.constantFrom('a-1', 'policy-2026')),
        source: maybe(fc.constantFrom('pst01', 'expo', 'share')),
        openid: fc.constant('o-forged'),
        __junk: junk,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: junk },
)

/** An own property named like a prototype key, as JSON.parse would create it. */
function withOwn(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  return obj
}

const pollutionKeys = fc.subarray([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'openid',
])

/** An object payload in which any field may be missing, wrong, hostile, or right. */
const objectPayload: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record(
      {
        needType: maybe(fc.constantFrom(...NEED_TYPES)),
        areaMin: maybe(fc.integer({ min: 1, max: 50_000 })),
        areaMax: maybe(fc.integer({ min: 1, max: 50_000 })),
        industry: maybe(text(50)),
        district: maybe(fc.constantFrom(...DISTRICTS)),
        taxBracket: maybe(fc.constantFrom(...TAX_BRACKETS)),
        company: maybe(text(50)),
        contactName: maybe(text(20)),
        phone: maybe(phoneSpelling),
        remark: maybe(text(500)),
        consent: maybe(fc.constant(true)),
        idempotencyKey: maybe(validKey),
        context: contextArb,
      },
      // Required keys are always there (junk may still be undefined); optional ones come and go.
      { requiredKeys: ['needType', 'contactName', 'phone', 'consent', 'idempotencyKey'] },
    ),
    pollutionKeys,
    fc.anything({ maxDepth: 2, maxKeys: 3 }),
    fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 3 }),
  )
  .map(([fields, polluters, pollution, extra]) => {
    const payload: Record<string, unknown> = { ...extra, ...fields }
    for (const key of polluters) withOwn(payload, key, pollution)
    return payload
  })

const anyPayload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: objectPayload },
  { weight: 1, arbitrary: junk },
)

// ---------------------------------------------------------------------------------------------
// Checks

function isApiResult(res: unknown): res is ApiResult<unknown> {
  if (!res || typeof res !== 'object') return false
  const r = res as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
  if (r.ok === true) return 'data' in r
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error?.message === 'string'
}

/** As the router decides: an object literal or a null-prototype object (fast-check makes both). */
const isPlainObject = (value: unknown) =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value))

/**
 * What no stored text may hold, written out independently of the cleaner's own regex: every
 * format character (Cf), controls except \n, line/paragraph separators, Hangul fillers, blank
 * braille, the ignorable rest of U+E0000–E0FFF, and a variation selector with nothing before it.
 */
const FORBIDDEN =
  // Controls and lone combining marks in a class are exactly what is being looked for.
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\p{Cf}\u0000-\u0009\u000b-\u001f\u007f-\u009f\u034f\u115f\u1160\u2028\u2029\u2800\u3164\uffa0\u{e0000}-\u{e00ff}]|(?:^|[\s])[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]|^\s|\s$/u

function recordAsInput(r: InquiryRecord): Record<string, unknown> {
  return {
    needType: r.needType,
    areaMin: r.areaMin,
    areaMax: r.areaMax,
    industry: r.industry,
    district: r.district,
    taxBracket: r.taxBracket,
    company: r.company,
    contactName: r.contactName,
    phone: r.phone,
    remark: r.remark,
    consent: r.consent,
    idempotencyKey: r.idempotencyKey,
    context: { parkId: r.parkId, articleId: r.articleId, source: r.source },
  }
}

/** Every stored lead must be one the schema would accept as it is, and clean. */
function checkStoredRows() {
  const rows = sqliteRows(env.storage.file, 'inquiries')
  for (const row of rows) {
    for (const [column, max] of [
      ['industry', INQUIRY_LIMITS.industry],
      ['company', INQUIRY_LIMITS.company],
      ['contact_name', INQUIRY_LIMITS.contactName],
      ['remark', INQUIRY_LIMITS.remark],
    ] as const) {
      const text = row[column] as string
      expect(typeof text).toBe('string')
      expect(text.length).toBeLessThanOrEqual(max)
      expect(text).not.toContain('<')
      expect(text).not.toMatch(FORBIDDEN)
      expect(wellFormed(text)).toBe(text)
      // Cleaning is idempotent: what was stored is already clean.
      expect(cleanText(text)).toBe(text)
    }
    expect(row.contact_name.length).toBeGreaterThan(0)
    expect(row.phone).toMatch(/^1[3-9]\d{9}$/)
    expect(row.consent).toBe(1)
    expect(['new', 'review']).toContain(row.status)
    expect(row.openid).toMatch(/^o-prop-\d+$/)
  }
  return rows.length
}

async function checkAllViaStore() {
  const seen = new Set<string>()
  for (const row of sqliteRows(env.storage.file, 'inquiries')) {
    if (seen.has(row.openid)) continue
    seen.add(row.openid)
    for (const r of await env.storage.listInquiries(row.openid, 50)) {
      const again = v.safeParse(InquirySchema, recordAsInput(r))
      if (!again.success)
        throw new Error(`stored row ${r.id} does not re-validate: ${JSON.stringify(again.issues[0].message)}`)
      // Re-validating changes nothing: cleaned text and the normalised phone are fixed points.
      expect(again.output).toMatchObject({
        industry: r.industry,
        company: r.company,
        contactName: r.contactName,
        remark: r.remark,
        phone: r.phone,
      })
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Properties

describe('inquiries.submit under generated hostile input', () => {
  it('never crashes, refuses with VALIDATION/BAD_REQUEST naming schema fields, stores only clean rows (1,200 runs)', async () => {
    const outcomes = { ok: 0, validation: 0, badRequest: 0 }
    await fc.assert(
      fc.asyncProperty(anyPayload, async (payload) => {
        const res = await env.api(
          { action: 'inquiries.submit', payload },
          { openid: nextVisitor(), source: 'cloud' },
        )
        expect(isApiResult(res)).toBe(true)
        if (res.ok) {
          outcomes.ok += 1
          const d = res.data as SubmitResult
          expect(d).toEqual({
            inquiryId: expect.stringMatching(/^[0-9a-f]{32}$/),
            status: expect.any(String),
            duplicate: false,
          })
          return
        }
        const { code, fields } = res.error
        expect(['VALIDATION', 'BAD_REQUEST']).toContain(code)
        if (isPlainObject(payload) || payload === null || payload === undefined) {
          // An object (or no payload at all): the schema speaks, field by field.
          expect(code).toBe('VALIDATION')
          expect(fields && Object.keys(fields).length).toBeGreaterThan(0)
          for (const [key, message] of Object.entries(fields ?? {})) {
            expect(SCHEMA_KEYS.has(key.split('.')[0])).toBe(true)
            expect(message).toMatch(/[\u4e00-\u9fff]/)
          }
          outcomes.validation += 1
        } else {
          expect(code).toBe('BAD_REQUEST')
          outcomes.badRequest += 1
        }
      }),
      runs(1200),
    )
    if (process.env.FC_DEBUG) console.log(JSON.stringify(outcomes))
    const stored = checkStoredRows()
    await checkAllViaStore()
    expect(stored).toBe(outcomes.ok)
    // The generator must reach every branch, or the property proves little.
    expect(outcomes.ok).toBeGreaterThan(50)
    expect(outcomes.validation).toBeGreaterThan(200)
    expect(outcomes.badRequest).toBeGreaterThan(20)
    // Nothing leaked onto Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(Object.prototype)).toEqual([])
  })
})

// A valid form fill with hostile but acceptable free text.
const freeText = (max: number, min = 0) =>
  fc.oneof(hostileString, fc.string({ unit: 'grapheme', maxLength: max })).filter((s) => {
    const c = cleanText(s)
    return c.length >= min && c.length <= max
  })

const validInquiry = fc.record(
  {
    needType: fc.constantFrom(...NEED_TYPES),
    areaMin: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
    areaMax: fc.option(fc.integer({ min: 5000, max: 10_000_000 }), { nil: undefined }),
    industry: freeText(INQUIRY_LIMITS.industry),
    district: fc.option(fc.constantFrom(...DISTRICTS), { nil: undefined }),
    taxBracket: fc.option(fc.constantFrom(...TAX_BRACKETS), { nil: undefined }),
    company: freeText(INQUIRY_LIMITS.company),
    contactName: freeText(INQUIRY_LIMITS.contactName, 1),
    phone: phoneSpelling,
    remark: freeText(INQUIRY_LIMITS.remark),
    consent: fc.constant(true as const),
    idempotencyKey: validKey,
    context: fc.record(
      {
        parkId: fc.constantFrom('p012', 'p013', 'p999'),
        articleId: fc.constantFrom('a-1', 'policy-2026'),
        source: fc.stringMatching(/^[0-9a-zA-Z_-]{1,16}$/),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['needType', 'contactName', 'phone', 'consent', 'idempotencyKey'] },
)

describe('valid generated inquiries', () => {
  it('are stored exactly once; the same key again answers duplicate with the same id (300 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(validInquiry, async (payload) => {
        const openid = nextVisitor()
        const ctx = { openid, source: 'local' as const }
        const first = await env.api({ action: 'inquiries.submit', payload }, ctx)
        // The demo keyword list could, in principle, refuse generated text: then nothing is stored.
        if (!first.ok) {
          expect(first.error.code).toBe('VALIDATION')
          expect(first.error.message).toBe('内容包含不当信息，请修改后再提交')
          return
        }
        const again = await env.api({ action: 'inquiries.submit', payload }, ctx)
        expect(again).toEqual({ ok: true, data: { ...(first.data as SubmitResult), duplicate: true } })
        const stored = await env.storage.listInquiries(openid, 50)
        expect(stored).toHaveLength(1)
        const expected = v.parse(InquirySchema, payload)
        // Lone surrogates are stored as U+FFFD, one for one (handlers/inquiries.ts wellFormed).
        for (const f of ['industry', 'company', 'contactName', 'remark'] as const)
          expected[f] = wellFormed(expected[f])
        expect(stored[0]).toMatchObject({
          id: (first.data as SubmitResult).inquiryId,
          needType: expected.needType,
          industry: expected.industry,
          company: expected.company,
          contactName: expected.contactName,
          remark: expected.remark,
          phone: expected.phone,
          idempotencyKey: expected.idempotencyKey,
        })
        expect(stored[0].areaMin).toBe(expected.areaMin)
        expect(stored[0].parkId).toBe(expected.context.parkId)
      }),
      runs(300),
    )
    checkStoredRows()
  })
})

describe('invisible characters in a valid form', () => {
  it('are dropped: the stored name and remark equal the visible text alone (300 runs)', async () => {
    // Selectors are left out here: whether one stays depends on the character before it.
    const hidden = fc.constantFrom(...INVISIBLE_CHARS.filter((c) => !/[\ufe0f\u{e0100}]/u.test(c)))
    const visible = fc.constantFrom('张', '三', '李', 'Amy', '科技', '😀', '1')
    const mixed = fc.array(fc.tuple(fc.array(hidden, { maxLength: 3 }), visible), {
      minLength: 1,
      maxLength: 6,
    })
    await fc.assert(
      fc.asyncProperty(mixed, mixed, validKey, async (name, remark, idempotencyKey) => {
        const laced = (parts: [string[], string][]) => parts.map(([h, c]) => h.join('') + c).join('')
        const plain = (parts: [string[], string][]) => parts.map(([, c]) => c).join('')
        const openid = nextVisitor()
        const payload = {
          ...base(),
          contactName: laced(name).slice(0, 200),
          remark: laced(remark),
          idempotencyKey,
        }
        const res = await env.api({ action: 'inquiries.submit', payload }, { openid, source: 'local' })
        if (plain(name).length > INQUIRY_LIMITS.contactName) {
          expect(res.ok).toBe(false)
          return
        }
        expect(res.ok).toBe(true)
        const [stored] = await env.storage.listInquiries(openid, 1)
        expect(stored.contactName).toBe(plain(name))
        expect(stored.remark).toBe(plain(remark))
      }),
      runs(300),
    )
    checkStoredRows()
  })
})

// One field of a valid form made wrong: the answer must name exactly that field.
const base = () => ({
  needType: 'office',
  areaMin: 100,
  areaMax: 200,
  industry: '软件',
  district: 'pudong',
  taxBracket: 'lt-50',
  company: '某公司',
  contactName: '赵',
  phone: '13812345678',
  remark: '',
  consent: true,
  idempotencyKey: 'abcdefghijklmnop',
  context: { source: 'pst01' },
})

const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
)
const tooLong = (max: number) =>
  fc
    .tuple(fc.integer({ min: max + 1, max: max + 400 }), fc.constantFrom('字', 'a', '😀'))
    .map(([n, c]) => c.repeat(n))
    .filter((s) => cleanText(s).length > max)
const notInList = fc
  .string({ maxLength: 12 })
  .filter((s) => !(DISTRICTS as readonly string[]).concat(NEED_TYPES, TAX_BRACKETS).includes(s))
// Not `notString`: it includes integers, and a small positive integer is a valid area.
const badArea = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.string({ maxLength: 5 }),
  fc.integer({ max: 0 }),
  fc.constantFrom(0, -5, 1.5, 10_000_001, Number.NaN, Number.POSITIVE_INFINITY),
)

const INVALID: Record<string, fc.Arbitrary<unknown>> = {
  needType: fc.oneof(notInList, notString),
  areaMin: badArea,
  areaMax: badArea,
  industry: fc.oneof(notString, tooLong(INQUIRY_LIMITS.industry)),
  district: fc.oneof(notInList, notString),
  taxBracket: fc.oneof(notInList, notString),
  company: fc.oneof(notString, tooLong(INQUIRY_LIMITS.company)),
  contactName: fc.oneof(
    notString,
    tooLong(INQUIRY_LIMITS.contactName),
    fc.constantFrom('', '   ', '<b></b>', '\u0000\u0007', '\u200b'),
    // Only invisible characters: an empty name, refused as missing.
    invisibleOnly,
  ),
  phone: fc.oneof(
    notString,
    fc.constantFrom(
      '',
      '12345678901',
      '1352467851',
      '135246785150',
      '+1 415 555 0100',
      '1'.repeat(31),
      '1352467851x',
    ),
  ),
  remark: fc.oneof(notString, tooLong(INQUIRY_LIMITS.remark)),
  consent: fc.oneof(fc.constantFrom(false, 'true', 1, 'yes', null), fc.string({ maxLength: 3 })),
  idempotencyKey: fc.oneof(
    notString,
    fc.constantFrom(
      '',
      'short',
      'a'.repeat(65),
      'has space in it!!',
      '<script>alert1</script>',
      '键'.repeat(20),
    ),
  ),
  // Arrays too: valibot's object() alone would take ['p012'] as an empty context.
  context: fc.oneof(
    fc.constantFrom('p=p012', 42, null, true, [], ['p012']),
    fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
    fc.record({ parkId: fc.constantFrom('P012', '../x', 'p', 42 as unknown) }),
    fc.record({ source: fc.constantFrom('', 'has space', 'x'.repeat(17), '<s>') }),
  ),
}

describe('one wrong field in an otherwise valid form', () => {
  it('is refused with VALIDATION naming exactly that field (400 runs)', async () => {
    const fieldArb = fc.constantFrom(...Object.keys(INVALID))
    const mutation = fieldArb.chain((field) =>
      fc.oneof(
        INVALID[field].map((value) => ({ field, value, missing: false })),
        fc.constant({ field, value: undefined as unknown, missing: true }),
      ),
    )
    const optional = new Set([
      'areaMin',
      'areaMax',
      'industry',
      'district',
      'taxBracket',
      'company',
      'remark',
      'context',
    ])
    await fc.assert(
      fc.asyncProperty(mutation, async ({ field, value, missing }) => {
        const payload: Record<string, unknown> = base()
        if (missing) delete payload[field]
        else payload[field] = value
        const res = await env.api(
          { action: 'inquiries.submit', payload },
          { openid: nextVisitor(), source: 'cloud' },
        )
        if (missing && optional.has(field)) {
          // Optional fields may be left out.
          expect(res.ok).toBe(true)
          return
        }
        expect(res.ok).toBe(false)
        if (res.ok) return
        expect(res.error.code).toBe('VALIDATION')
        const named = Object.keys(res.error.fields ?? {}).map((k) => k.split('.')[0])
        // An out-of-range area is still a number: the min ≤ max check may name areaMax as well.
        const alsoAreaMax = field === 'areaMin' && typeof value === 'number' && value > 200
        expect(named).toEqual(alsoAreaMax && named.length === 2 ? ['areaMin', 'areaMax'] : [field])
      }),
      runs(400),
    )
  })

  it('areaMin above areaMax is named on areaMax', async () => {
    const res = await env.api(
      { action: 'inquiries.submit', payload: { ...base(), areaMin: 500, areaMax: 100 } },
      { openid: nextVisitor(), source: 'cloud' },
    )
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.any(String),
        fields: { areaMax: '最小面积不能大于最大面积' },
      },
    })
  })
})
