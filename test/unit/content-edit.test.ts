import { priceFieldProblem, UpdateArticleSchema, UpdateParkSchema } from '@/domain/content-edit'
import { PARK_STATUS_LABELS, PARK_STATUSES, parkStatusOf } from '@/domain/park'
import { validate } from '@/domain/schemas'

/* The quick content edits' payloads (issue 9 item 5): src/domain/content-edit.ts. */

describe('park status', () => {
  it('has three states with Chinese labels; absent means available', () => {
    expect(PARK_STATUSES).toEqual(['available', 'let', 'withdrawn'])
    expect(PARK_STATUS_LABELS).toEqual({ available: '在租', let: '已租出', withdrawn: '下架' })
    expect(parkStatusOf({})).toBe('available')
    expect(parkStatusOf({ status: 'let' })).toBe('let')
  })
})

describe('UpdateParkSchema', () => {
  const ok = (payload: unknown) => validate(UpdateParkSchema, payload)

  it('takes any of status, price (null = 面议), featured, featuredOrder (null = none)', () => {
    expect(ok({ id: 'p012', status: 'withdrawn' })).toEqual({
      ok: true,
      value: { id: 'p012', status: 'withdrawn' },
    })
    expect(ok({ id: 'p012', price: { value: 1.25, unit: 'yuan_m2_day' } }).ok).toBe(true)
    expect(ok({ id: 'p012', price: null })).toEqual({ ok: true, value: { id: 'p012', price: null } })
    expect(ok({ id: 'p012', featured: true, featuredOrder: 0 }).ok).toBe(true)
    expect(ok({ id: 'p012', featuredOrder: 999 }).ok).toBe(true)
    expect(ok({ id: 'p012', featuredOrder: null }).ok).toBe(true)
  })

  it('refuses nothing to change, bad ids, unknown status, order outside 0–999 or fractional, bad prices', () => {
    const fields = (payload: unknown) => {
      const r = ok(payload)
      if (r.ok) throw new Error('expected a refusal')
      return r.fields
    }
    expect(Object.values(fields({ id: 'p012' }))).toContain('没有要保存的修改')
    expect(fields({ id: 'P012!', status: 'let' })).toHaveProperty('id')
    expect(fields({ id: 'p012', status: 'sold' })).toEqual({ status: '状态不存在' })
    expect(fields({ id: 'p012', featuredOrder: 1000 })).toEqual({ featuredOrder: '排序最大为 999' })
    expect(fields({ id: 'p012', featuredOrder: -1 })).toEqual({ featuredOrder: '排序最小为 0' })
    expect(fields({ id: 'p012', featuredOrder: 2.5 })).toEqual({ featuredOrder: '排序必须是整数' })
    expect(fields({ id: 'p012', price: { value: -1, unit: 'yuan_m2' } })).toEqual({
      'price.value': '价格不能为负数',
    })
    expect(fields({ id: 'p012', price: { value: Infinity, unit: 'yuan_m2' } })).toHaveProperty([
      'price.value',
    ])
    expect(fields({ id: 'p012', price: { value: 1e9, unit: 'yuan_m2' } })).toEqual({
      'price.value': '价格过大，请检查单位',
    })
    expect(fields({ id: 'p012', price: { value: 3, unit: 'wan' } })).toEqual({
      'price.unit': '价格单位不正确',
    })
    expect(fields({ id: 'p012', featured: 'yes' })).toEqual({ featured: '推荐必须是开关值' })
  })
})

describe('priceFieldProblem: the unit follows the deal (park.ts priceProblem)', () => {
  it('accepts the deal unit and 面议, refuses the other unit in Chinese', () => {
    expect(priceFieldProblem('rent', { value: 1.2, unit: 'yuan_m2_day' })).toBeNull()
    expect(priceFieldProblem('sale', { value: 3000, unit: 'yuan_m2' })).toBeNull()
    expect(priceFieldProblem('rent', null)).toBeNull()
    expect(priceFieldProblem('rent', { value: 3000, unit: 'yuan_m2' })).toBe('出租价格的单位应为元/m²/天')
    expect(priceFieldProblem('sale', { value: 1.2, unit: 'yuan_m2_day' })).toBe('出售价格的单位应为元/m²')
  })
})

describe('UpdateArticleSchema', () => {
  it('takes featured and / or hidden, and nothing else to change is refused', () => {
    expect(validate(UpdateArticleSchema, { id: 'policy-2026-01', hidden: true }).ok).toBe(true)
    expect(validate(UpdateArticleSchema, { id: 'policy-2026-01', featured: false, hidden: false }).ok).toBe(
      true,
    )
    expect(validate(UpdateArticleSchema, { id: 'policy-2026-01' }).ok).toBe(false)
    expect(validate(UpdateArticleSchema, { id: 'a b', hidden: true }).ok).toBe(false)
    expect(validate(UpdateArticleSchema, { id: 'a1', hidden: 1 }).ok).toBe(false)
  })
})
