/**
 * @jest-environment node
 *
 * The sample content the local runtime seeds (mock/): parks are complete, varied and
 * consistent with the contract and with the generated media.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { HomeData, ParkDetail } from '@/domain/actions'
import type { AgencyContact } from '@/domain/agency'
import type { Article } from '@/domain/article'
import {
  DEALS,
  DEAL_PRICE_UNIT,
  DISTRICTS,
  LISTING_TYPES,
  PRICE_UNITS,
  priceProblem,
  type Park,
  type ParkPage,
} from '@/domain/park'
import { PARK_ID_RE } from '@/domain/schemas'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi } from '../../cloudfunctions/api/src/router'
import { tmpDir } from './fixtures'

const root = path.resolve(__dirname, '..', '..')
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(root, 'mock', file), 'utf8')) as T
const parks = read<Park[]>('parks.json')
const articles = read<Article[]>('articles.json')
const agency = read<AgencyContact>('agency.json')

const text = (html: string) => html.replace(/<[^>]+>/g, '')

describe('mock/parks.json', () => {
  it('has at least 32 parks with ids p001, p002, … in order', () => {
    expect(parks.length).toBeGreaterThanOrEqual(32)
    parks.forEach((p, n) => {
      expect(p.id).toBe(`p${String(n + 1).padStart(3, '0')}`)
      expect(p.id).toMatch(PARK_ID_RE)
    })
  })

  it('covers every district, listing type and deal; 松江 has the most', () => {
    const count = (key: 'district' | 'type' | 'deal', value: string) =>
      parks.filter((p) => p[key] === value).length
    for (const d of DISTRICTS) expect(count('district', d)).toBeGreaterThan(0)
    for (const t of LISTING_TYPES) expect(count('type', t)).toBeGreaterThan(0)
    for (const d of DEALS) expect(count('deal', d)).toBeGreaterThan(0)
    const songjiang = count('district', 'songjiang')
    for (const d of DISTRICTS.filter((x) => x !== 'songjiang'))
      expect(count('district', d)).toBeLessThan(songjiang)
  })

  it('has realistic, consistent facts', () => {
    for (const p of parks) {
      const where = p.id
      expect([where, p.areaMin <= p.areaMax]).toEqual([where, true])
      expect([where, p.updatedAt]).toEqual([
        where,
        expect.stringMatching(/^2026-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      ])
      expect(p.highlights.length).toBeLessThanOrEqual(4)
      expect(p.industries.length).toBeGreaterThan(0)
      if (p.price) {
        expect(PRICE_UNITS).toContain(p.price.unit)
        if (p.deal === 'rent') expect([where, p.price.unit]).toEqual([where, 'yuan_m2_day'])
        // Sale is per m² too (land included): a price sort within a deal never mixes units.
        if (p.deal === 'sale') expect([where, p.price.unit]).toEqual([where, 'yuan_m2'])
        expect([where, priceProblem(p)]).toEqual([where, null])
        if (p.type === 'land') expect(p.price.value).toBeGreaterThanOrEqual(200)
        if (p.type === 'land') expect(p.price.value).toBeLessThanOrEqual(3000)
        if (p.deal === 'rent' && p.type === 'factory') expect(p.price.value).toBeGreaterThanOrEqual(0.8)
        if (p.deal === 'rent' && p.type === 'factory') expect(p.price.value).toBeLessThanOrEqual(3)
        if (p.deal === 'rent' && p.type === 'office') expect(p.price.value).toBeGreaterThanOrEqual(1.5)
        if (p.deal === 'rent' && p.type === 'office') expect(p.price.value).toBeLessThanOrEqual(4.5)
        if (p.deal === 'sale' && p.type === 'factory') expect(p.price.value).toBeGreaterThanOrEqual(4000)
        if (p.deal === 'sale' && p.type === 'factory') expect(p.price.value).toBeLessThanOrEqual(12000)
      }
      if (p.type === 'land' || p.type === 'registration') {
        expect([where, p.floorHeight]).toEqual([where, undefined])
      } else {
        expect([where, typeof p.floorHeight]).toEqual([where, 'number'])
      }
      if (p.type === 'registration') {
        expect(p.taxRequirement).toEqual(expect.any(String))
        expect(p.areaMax).toBeLessThanOrEqual(50)
      }
      if (p.type === 'factory' && p.standalone && p.floorHeight)
        expect(p.floorHeight).toBeGreaterThanOrEqual(6)
      if (p.floorLoad !== undefined) expect(p.floorLoad).toBeGreaterThanOrEqual(400)
      if (p.power !== undefined) expect(p.power).toBeGreaterThanOrEqual(250)
      if (p.power !== undefined) expect(p.power).toBeLessThanOrEqual(5000)
      // GCJ-02 inside the Shanghai area, or 宣城 for the xuancheng parks.
      const { latitude, longitude } = p.location
      if (p.district === 'xuancheng') expect(Math.abs(longitude - 118.76)).toBeLessThan(0.3)
      else
        expect([latitude > 30.6 && latitude < 31.6, longitude > 120.8 && longitude < 122.1]).toEqual([
          true,
          true,
        ])
    }
    const nulls = parks.filter((p) => p.price === null)
    expect(nulls.length).toBeGreaterThanOrEqual(2)
    expect(new Set(nulls.map((p) => p.deal)).size).toBe(2)
    const featured = parks.filter((p) => p.featured).length
    expect(featured).toBeGreaterThanOrEqual(6)
    expect(featured).toBeLessThanOrEqual(10)
  })

  it('every park has 3 existing photos, the cover first, and a 4–7 block description of 200–500 characters', () => {
    for (const p of parks) {
      expect(p.photos).toHaveLength(3)
      expect(p.cover).toBe(p.photos[0])
      for (const photo of p.photos) {
        expect(photo).toMatch(/^\/media\/parks\/[a-z-]+\.png$/)
        expect(fs.existsSync(path.join(root, 'mock', photo))).toBe(true)
      }
      const blocks = p.description.match(/<(p|h3|ul)>/g) ?? []
      expect([p.id, blocks.length >= 4 && blocks.length <= 7]).toEqual([p.id, true])
      const length = text(p.description).length
      expect([p.id, length >= 200 && length <= 500]).toEqual([p.id, true])
      // Only the tags the brief allows.
      expect(p.description.replace(/<\/?(p|h3|ul|li)>/g, '')).not.toMatch(/[<>]/)
    }
  })

  it('seeds into SQLite and drives home.get and parks.get', async () => {
    const dir = tmpDir('mock-seed')
    const storage = openSqliteStorage(path.join(dir, 'mock.sqlite'))
    try {
      expect(storage.seedFromMock({ articles, parks, agency })).toBe(articles.length + parks.length + 1)
      const api = createApi({ storage })
      const ctx = { openid: 'h5:mock', source: 'local' as const }
      const home = await api({ action: 'home.get' }, ctx)
      if (!home.ok) throw new Error(JSON.stringify(home.error))
      const { featuredParks, latestArticles } = home.data as HomeData
      expect(featuredParks.map((p) => p.id)).toEqual(['p028', 'p002', 'p016', 'p033', 'p001', 'p019'])
      expect(latestArticles).toHaveLength(5)
      const detail = await api({ action: 'parks.get', payload: { id: 'p001' } }, ctx)
      if (!detail.ok) throw new Error(JSON.stringify(detail.error))
      const { similar } = detail.data as ParkDetail
      expect(similar).toHaveLength(4)
      // Same district and type first: the other 松江 factories.
      expect(similar.slice(0, 3).every((p) => p.district === 'songjiang' && p.type === 'factory')).toBe(true)
    } finally {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('price-sorted pages over the seeded SQLite file never mix units; no deal, no price sort', async () => {
    const dir = tmpDir('mock-price')
    const storage = openSqliteStorage(path.join(dir, 'mock.sqlite'))
    try {
      storage.seedFromMock({ articles, parks, agency })
      const api = createApi({ storage })
      const ctx = { openid: 'h5:mock', source: 'local' as const }
      for (const deal of DEALS) {
        for (const sort of ['price_asc', 'price_desc'] as const) {
          const res = await api({ action: 'parks.list', payload: { deal, sort, limit: 30 } }, ctx)
          if (!res.ok) throw new Error(JSON.stringify(res.error))
          const items = (res.data as ParkPage).items
          expect(items).toHaveLength(parks.filter((p) => p.deal === deal).length)
          const priced = items.filter((i) => i.price !== null)
          expect(new Set(priced.map((i) => i.price!.unit))).toEqual(new Set([DEAL_PRICE_UNIT[deal]]))
          const values = priced.map((i) => i.price!.value)
          const ordered = [...values].sort((a, b) => (sort === 'price_asc' ? a - b : b - a))
          expect(values).toEqual(ordered)
          // 面议 last.
          expect(items.slice(priced.length).every((i) => i.price === null)).toBe(true)
        }
      }
      // The land lots once quoted in 万元 now rank among the other sale prices per m².
      const sale = await api(
        { action: 'parks.list', payload: { deal: 'sale', sort: 'price_asc', limit: 3 } },
        ctx,
      )
      if (!sale.ok) throw new Error(JSON.stringify(sale.error))
      expect((sale.data as ParkPage).items.map((i) => i.id)).toEqual(['p015', 'p027', 'p013'])
      const mixed = await api({ action: 'parks.list', payload: { sort: 'price_asc' } }, ctx)
      expect(mixed.ok).toBe(false)
      if (!mixed.ok) expect(mixed.error.fields).toEqual({ sort: '按价格排序请先选择出租或出售' })
    } finally {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
