import {
  DEFAULT_PAGE_SIZE,
  GetArticleSchema,
  ListArticlesSchema,
  MAX_PAGE_SIZE,
  validate,
} from '@/domain/schemas'

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
