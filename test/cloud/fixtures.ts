import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import { ARTICLE_CATEGORIES, type Article } from '@/domain/article'
import type { Park, ParkSort, ParkSummary } from '@/domain/park'
import type { StaffMember } from '@/domain/staff'
import type { StaffStore } from '../../cloudfunctions/api/src/ports/staff-store'

/**
 * 40 articles over the three categories. Several share a publishedAt (so the id tie-break
 * of the keyset order is exercised) and ids are not in date order.
 */
export function makeArticles(count = 40): Article[] {
  const out: Article[] = []
  for (let n = 0; n < count; n++) {
    // Pairs and triples of equal timestamps; all +08:00 like the real data.
    const day = 1 + Math.floor(n / 3)
    const month = 1 + (day % 12)
    const date = `2026-${String(month).padStart(2, '0')}-${String(1 + (day % 27)).padStart(2, '0')}T10:00:00+08:00`
    out.push({
      id: `a-${((n * 7) % count).toString().padStart(3, '0')}`,
      title: `测试文章 ${n}`,
      summary: `摘要 ${n}`,
      cover: `/media/covers/c${n % 4}.png`,
      category: ARTICLE_CATEGORIES[n % ARTICLE_CATEGORIES.length],
      tags: n % 2 ? ['园区', '政策'] : [],
      author: '招商部',
      publishedAt: date,
      views: n * 10,
      body: `<p>正文 ${n}</p>`,
    })
  }
  return out
}

export const agency: AgencyContact = {
  agencyName: '测试招商机构',
  agentName: '张三',
  hotline: '4000000000',
  mobiles: [
    { number: '13800000001', wechatOnly: false },
    { number: '13800000002', wechatOnly: true },
  ],
  wechatId: 'test-wechat',
  wechatQr: '/media/qr.png',
  inquiryHint: '请说明需求',
}

/** The order the api must return: publishedAt desc, then id desc. */
export function expectedOrder(articles: Article[]): string[] {
  return [...articles]
    .sort((a, b) =>
      a.publishedAt === b.publishedAt ? (a.id < b.id ? 1 : -1) : a.publishedAt < b.publishedAt ? 1 : -1,
    )
    .map((a) => a.id)
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`))
}

/** A park with every field, for hand-written fixtures; override what the test is about. */
export function park(id: string, patch: Partial<Park> = {}): Park {
  return {
    id,
    name: `测试园区 ${id}`,
    district: 'songjiang',
    type: 'factory',
    deal: 'rent',
    areaMin: 1000,
    areaMax: 2000,
    divisible: true,
    price: { value: 1.5, unit: 'yuan_m2_day' },
    cover: '/media/parks/factory-sawtooth.png',
    highlights: ['可环评'],
    updatedAt: '2026-05-01T10:00:00+08:00',
    views: 10,
    featured: false,
    address: '上海市松江区',
    location: { latitude: 31.03, longitude: 121.22 },
    floorHeight: 9,
    floorLoad: 2000,
    power: 500,
    standalone: false,
    propertyCert: true,
    envAssessment: true,
    industries: ['智能制造'],
    photos: ['/media/parks/factory-sawtooth.png'],
    description: '<p>测试</p>',
    ...patch,
  }
}

/**
 * Hand-made parks for the edges: literal % _ \ and regex characters in text, ASCII case,
 * exact area bounds, equal sort values, negotiable prices. Ids sort after p00001…p99999.
 */
export function edgeParks(): Park[] {
  return [
    park('pz01', {
      name: '容积率100%地块',
      type: 'land',
      deal: 'sale',
      areaMin: 5000,
      areaMax: 5000,
      price: null,
    }),
    park('pz02', { name: 'A_B 双层厂房', areaMin: 1000, areaMax: 2000 }),
    park('pz03', { name: '路径A\\B仓库', type: 'warehouse', highlights: ['层高(9.5)米'] }),
    park('pz04', {
      name: 'G60 智造园',
      address: '松江区G60科创走廊',
      price: { value: 2.25, unit: 'yuan_m2_day' },
    }),
    park('pz05', { name: '普通厂房', industries: ['现代物流', '电商仓储'], areaMin: 2000, areaMax: 2000 }),
    park('pz06', { name: '面议办公', type: 'office', price: null, updatedAt: '2026-05-01T10:00:00+08:00' }),
    park('pz07', { name: '临港厂房', district: 'pudong', price: { value: 1.5, unit: 'yuan_m2_day' } }),
    park('pz08', {
      name: '注册地址',
      type: 'registration',
      areaMin: 10,
      areaMax: 30,
      price: null,
      featured: true,
    }),
  ]
}

export interface ParkFilterQuery {
  district?: string
  type?: string
  deal?: string
  areaMin?: number
  areaMax?: number
  priceMin?: number
  priceMax?: number
  keyword?: string
  sort?: ParkSort
}

/**
 * The rule every adapter must follow, written independently of them: filter, then order.
 * Keyword: case-insensitive (ASCII) literal substring of name, address, an industry or a highlight.
 */
export function referenceParks(parks: Park[], q: ParkFilterQuery): string[] {
  const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase())
  const kw = q.keyword === undefined ? undefined : lower(q.keyword.trim())
  const rows = parks.filter(
    (p) =>
      (q.district === undefined || p.district === q.district) &&
      (q.type === undefined || p.type === q.type) &&
      (q.deal === undefined || p.deal === q.deal) &&
      (q.areaMin === undefined || p.areaMax >= q.areaMin) &&
      (q.areaMax === undefined || p.areaMin <= q.areaMax) &&
      (q.priceMin === undefined || (p.price !== null && p.price.value >= q.priceMin)) &&
      (q.priceMax === undefined || (p.price !== null && p.price.value <= q.priceMax)) &&
      (!kw || [p.name, p.address, ...p.industries, ...p.highlights].some((t) => lower(t).includes(kw))),
  )
  const byId = (a: Park, b: Park) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const num = (a: number, b: number) => a - b
  const sort = q.sort ?? 'newest'
  const compare: Record<ParkSort, (a: Park, b: Park) => number> = {
    newest: (a, b) => (a.updatedAt === b.updatedAt ? -byId(a, b) : a.updatedAt < b.updatedAt ? 1 : -1),
    area_asc: (a, b) => num(a.areaMin, b.areaMin) || byId(a, b),
    area_desc: (a, b) => num(b.areaMax, a.areaMax) || -byId(a, b),
    // Negotiable (null) after every priced park, in both directions.
    price_asc: (a, b) =>
      (a.price === null ? 1 : 0) - (b.price === null ? 1 : 0) ||
      (a.price && b.price ? num(a.price.value, b.price.value) : 0) ||
      byId(a, b),
    price_desc: (a, b) =>
      (a.price === null ? 1 : 0) - (b.price === null ? 1 : 0) ||
      (a.price && b.price ? num(b.price.value, a.price.value) : 0) ||
      -byId(a, b),
  }
  return rows.sort(compare[sort]).map((p) => p.id)
}

/** What a list row must be: the summary fields of the park, nothing more. */
export function summaryOf(p: Park): ParkSummary {
  return {
    id: p.id,
    name: p.name,
    district: p.district,
    type: p.type,
    deal: p.deal,
    areaMin: p.areaMin,
    areaMax: p.areaMax,
    divisible: p.divisible,
    price: p.price,
    cover: p.cover,
    highlights: p.highlights,
    updatedAt: p.updatedAt,
    views: p.views,
    featured: p.featured,
  }
}

/**
 * Related articles, written independently of the adapters: others sharing a tag (more shared
 * tags first, then the same category, then newest), then the rest of the category, newest first.
 */
export function referenceRelated(articles: Article[], id: string, limit = 4): string[] {
  const me = articles.find((a) => a.id === id)
  if (!me) return []
  const newest = expectedOrder(articles.filter((a) => a.id !== id)).map((aid) =>
    articles.find((a) => a.id === aid)!,
  )
  const shared = (a: Article) => a.tags.filter((t) => me.tags.includes(t)).length
  const same = (a: Article) => (a.category === me.category ? 1 : 0)
  const sharers = newest
    .map((a, order) => ({ a, order }))
    .filter(({ a }) => shared(a) > 0)
    .sort((x, y) => shared(y.a) - shared(x.a) || same(y.a) - same(x.a) || x.order - y.order)
    .map(({ a }) => a)
  const rest = newest.filter((a) => shared(a) === 0 && same(a) === 1)
  return [...sharers, ...rest].slice(0, limit).map((a) => a.id)
}

/**
 * A StaffStore that only knows who is who (what the router's guard and the announcer read):
 * for tests of staff actions that are not about seats. Seat management throws, so a test that
 * reaches it by mistake fails loudly.
 */
export function staffDirectory(members: StaffMember[]): StaffStore {
  const unused = () => Promise.reject(new Error('staffDirectory: seat management is not part of this test'))
  return {
    findStaffByOpenid: async (openid) => members.find((m) => m.openid === openid) ?? null,
    listStaff: async () => members,
    countActiveOwners: async () => members.filter((m) => m.active && m.role === 'owner').length,
    createInvite: unused,
    claimWithInvite: unused,
    claimFirstOwner: unused,
    deactivateStaff: unused,
    failedClaims: unused,
    recordFailedClaim: unused,
    countNewLeads: async () => 0,
  }
}
