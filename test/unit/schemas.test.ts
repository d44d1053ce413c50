import { InquirySchema } from '@/domain/inquiry'
import { PRICE_UNITS, priceProblem } from '@/domain/park'
import {
  DEFAULT_PAGE_SIZE,
  GetArticleSchema,
  ListArticlesSchema,
  ListParksSchema,
  MAX_PAGE_SIZE,
  validate,
} from '@/domain/schemas'
import { cleanLine, cleanText } from '@/domain/text'

describe('ListArticlesSchema', () => {
  it('fills the default page size', () => {
    expect(validate(ListArticlesSchema, {})).toEqual({ ok: true, value: { limit: DEFAULT_PAGE_SIZE } })
  })
  it('accepts a category, a cursor and a page size up to the cap', () => {
    const r = validate(ListArticlesSchema, { category: 'policy', cursor: 'abc', limit: MAX_PAGE_SIZE })
    expect(r.ok).toBe(true)
  })
  it('rejects a page size over the cap with a Chinese message on `limit`', () => {
    expect(validate(ListArticlesSchema, { limit: MAX_PAGE_SIZE + 1 })).toEqual({
      ok: false,
      fields: { limit: `每页最多 ${MAX_PAGE_SIZE} 条` },
    })
  })
  it.each([
    [{ limit: '10' }, 'limit'],
    [{ limit: 2.5 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ category: 'sports' }, 'category'],
    [{ cursor: 42 }, 'cursor'],
    [{ cursor: 'x'.repeat(201) }, 'cursor'],
  ])('names the bad field for %p', (payload, field) => {
    const r = validate(ListArticlesSchema, payload)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(Object.keys(r.fields)).toEqual([field])
  })
  it('rejects a non-object payload', () => {
    const r = validate(ListArticlesSchema, 'hello')
    expect(r.ok).toBe(false)
  })
})

describe('GetArticleSchema', () => {
  it('accepts an article id', () => {
    expect(validate(GetArticleSchema, { id: 'a-g60-corridor-plan' })).toEqual({
      ok: true,
      value: { id: 'a-g60-corridor-plan' },
    })
  })
  it.each([{}, { id: '' }, { id: 7 }, { id: '../etc' }, { id: 'x'.repeat(65) }])(
    'rejects %p on `id`',
    (payload) => {
      const r = validate(GetArticleSchema, payload)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.fields.id).toMatch(/文章编号/)
    },
  )
})

// ---------------------------------------------------------------------------------------------
// Text cleaning (issue 7 item 6): nothing invisible survives into a lead or a search.

describe('cleanText: invisible characters', () => {
  // One of each family, written as escapes so the test file itself stays readable.
  const INVISIBLES: Record<string, string> = {
    'Arabic letter mark U+061C': '\u061c',
    'Mongolian vowel separator U+180E': '\u180e',
    'zero-width space/joiners U+200B–200D': '\u200b\u200c\u200d',
    'LRM/RLM U+200E/F': '\u200e\u200f',
    'bidi embeddings/overrides U+202A–202E': '\u202a\u202b\u202c\u202d\u202e',
    'word joiner, invisible operators U+2060–2064': '\u2060\u2061\u2062\u2063\u2064',
    'bidi isolates U+2066–2069': '\u2066\u2067\u2068\u2069',
    'BOM U+FEFF': '\ufeff',
    'interlinear annotation U+FFF9–FFFB': '\ufff9\ufffa\ufffb',
    'tag characters U+E0001, U+E0020–E007F': '\u{e0001}\u{e0041}\u{e007f}',
    'Hangul fillers U+115F, U+1160, U+3164, U+FFA0': '\u115f\u1160\u3164\uffa0',
    'soft hyphen U+00AD': '\u00ad',
    'combining grapheme joiner U+034F': '\u034f',
    'blank braille U+2800': '\u2800',
    'C0/C1 controls': '\u0000\u0007\u001b\u0085\u009f',
    'line/paragraph separators': '\u2028\u2029',
  }

  it.each(Object.entries(INVISIBLES))('removes %s', (_name, chars) => {
    expect(cleanText(`张${chars}三`)).toBe('张三')
    expect(cleanText(chars)).toBe('')
    expect(cleanLine(chars)).toBe('')
  })

  it('folds every kind of space (NBSP, en/em spaces, ideographic) into one ASCII space', () => {
    expect(cleanText('上海\u00a0\u2002\u2003\u202f\u205f\u3000某某\t公司', true)).toBe('上海 某某 公司')
  })

  it('keeps line breaks in multi-line text and folds \\r\\n; single-line text gets spaces', () => {
    expect(cleanText('第一行\r\n\u200b\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行')
    expect(cleanText('第一行 \n \n 第二行', true)).toBe('第一行 第二行')
  })

  it('keeps one variation selector after a visible character (IVS surname, emoji), drops orphans', () => {
    // 葛 + an ideographic variation selector: a variant form some family names need.
    expect(cleanText('\u845b\u{e0100}先生')).toBe('\u845b\u{e0100}先生')
    expect(cleanText('❤\ufe0f\ufe0f\ufe0f')).toBe('❤\ufe0f')
    expect(cleanText('\ufe0f\u{e0100}')).toBe('')
    expect(cleanText('a \ufe0f b')).toBe('a b')
    expect(cleanText('\u200b\ufe0fa')).toBe('a')
  })

  it('is idempotent on what it returns', () => {
    for (const s of ['a \ufe0f b', '\u00a0\ufe0f x', ' \n\u3164\n 甲 \u2800 乙 ', '<b>x</b>\ufe0e']) {
      expect(cleanText(cleanText(s))).toBe(cleanText(s))
      expect(cleanText(cleanText(s, true), true)).toBe(cleanText(s, true))
    }
  })
})

describe('InquirySchema: required text made of invisible characters', () => {
  const valid = {
    needType: 'rent-factory',
    contactName: '张先生',
    phone: '13812345678',
    consent: true,
    idempotencyKey: 'abcdefghijklmnop',
  }
  const blanks = [
    '\u3164',
    '\u115f\u1160',
    '\u200b\u200d\ufeff',
    '\u2800\u2800',
    '\u{e0020}\u{e0041}',
    ' \u061c ',
  ]

  it.each(blanks.map((b) => [JSON.stringify(b), b]))('contactName %s is "请填写联系人"', (_label, name) => {
    expect(validate(InquirySchema, { ...valid, contactName: name })).toEqual({
      ok: false,
      fields: { contactName: '请填写联系人' },
    })
  })

  it.each(blanks.map((b) => [JSON.stringify(b), b]))('phone %s is "请填写手机号"', (_label, phone) => {
    expect(validate(InquirySchema, { ...valid, phone })).toEqual({
      ok: false,
      fields: { phone: '请填写手机号' },
    })
  })

  it('a mobile wrapped in the bidi marks iOS adds when copying a contact is accepted', () => {
    const r = validate(InquirySchema, { ...valid, phone: '\u202d+86 138-1234-5678\u202c' })
    expect(r.ok && r.value.phone).toBe('13812345678')
  })

  it('stores free text without hidden characters', () => {
    const r = validate(InquirySchema, {
      ...valid,
      contactName: '\u202e张\u200b先生\u2066',
      company: '某某\u3164科技\u{e0041}',
      remark: '需要\u2060厂房\r\n\u200b\r\n尽快',
    })
    expect(r.ok && [r.value.contactName, r.value.company, r.value.remark]).toEqual([
      '张先生',
      '某某科技',
      '需要厂房\n尽快',
    ])
  })

  it('context must be an object: an array is refused with a clear message', () => {
    expect(validate(InquirySchema, { ...valid, context: ['p012'] })).toEqual({
      ok: false,
      fields: { context: '来源信息必须是对象' },
    })
    expect(validate(InquirySchema, { ...valid, context: [] })).toEqual({
      ok: false,
      fields: { context: '来源信息必须是对象' },
    })
    expect(validate(InquirySchema, { ...valid, context: 'p=p012' })).toEqual({
      ok: false,
      fields: { context: '来源信息必须是对象' },
    })
    const ok = validate(InquirySchema, { ...valid, context: { parkId: 'p012' } })
    expect(ok.ok && ok.value.context).toEqual({ parkId: 'p012' })
    const none = validate(InquirySchema, valid)
    expect(none.ok && none.value.context).toEqual({})
  })
})

describe('search keywords', () => {
  it('lose invisible characters, so a keyword of only invisibles filters nothing', () => {
    const r = validate(ListParksSchema, { keyword: '\u200b松江\u2066\u3164' })
    expect(r.ok && r.value.keyword).toBe('松江')
    const blank = validate(ListParksSchema, { keyword: '\u200b\u3164' })
    expect(blank.ok && blank.value.keyword).toBe('')
  })
})

describe('ListParksSchema: prices compare like with like', () => {
  it('a price sort needs a deal (rent 元/m²/天 and sale 元/m² cannot be ranked together)', () => {
    for (const sort of ['price_asc', 'price_desc']) {
      expect(validate(ListParksSchema, { sort })).toEqual({
        ok: false,
        fields: { sort: '按价格排序请先选择出租或出售' },
      })
      for (const deal of ['rent', 'sale']) expect(validate(ListParksSchema, { sort, deal }).ok).toBe(true)
    }
    // Sorts that do not compare prices need no deal.
    for (const sort of ['newest', 'area_asc', 'area_desc'])
      expect(validate(ListParksSchema, { sort }).ok).toBe(true)
  })

  it('a price range needs a deal; with one, its bounds are in that deal’s unit', () => {
    expect(validate(ListParksSchema, { priceMin: 1 })).toEqual({
      ok: false,
      fields: { deal: '按价格筛选请先选择出租或出售' },
    })
    expect(validate(ListParksSchema, { priceMax: 8000, sort: 'price_desc' })).toEqual({
      ok: false,
      fields: { sort: '按价格排序请先选择出租或出售', deal: '按价格筛选请先选择出租或出售' },
    })
    const ok = validate(ListParksSchema, { deal: 'sale', priceMin: 5000, priceMax: 8000, sort: 'price_asc' })
    expect(ok.ok && ok.value).toMatchObject({
      deal: 'sale',
      priceMin: 5000,
      priceMax: 8000,
      sort: 'price_asc',
    })
  })
})

describe('park prices: one unit per deal', () => {
  it('priceProblem accepts rent in 元/m²/天, sale in 元/m², 面议; refuses 万元 and crossed units', () => {
    expect(priceProblem({ deal: 'rent', price: { value: 1.2, unit: 'yuan_m2_day' } })).toBeNull()
    expect(priceProblem({ deal: 'sale', price: { value: 6800, unit: 'yuan_m2' } })).toBeNull()
    expect(priceProblem({ deal: 'sale', price: null })).toBeNull()
    expect(priceProblem({ deal: 'sale', price: { value: 3000, unit: 'wan' } })).toMatch(
      /sale price must be in yuan_m2/,
    )
    expect(priceProblem({ deal: 'rent', price: { value: 6800, unit: 'yuan_m2' } })).toMatch(/rent price/)
    expect(priceProblem({ deal: 'sale', price: { value: 1.2, unit: 'yuan_m2_day' } })).toMatch(/sale price/)
    expect(priceProblem({ deal: 'sale', price: { value: -1, unit: 'yuan_m2' } })).toBe('bad price value')
    expect(priceProblem({ deal: 'lease', price: { value: 1, unit: 'yuan_m2' } })).toBe('unknown deal lease')
    expect(PRICE_UNITS).toEqual(['yuan_m2_day', 'yuan_m2'])
  })
})
