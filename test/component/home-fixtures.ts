import type { HomeData } from '@/domain/actions'
import type { ParkSummary } from '@/domain/park'
import { contact, makeSummary } from './fixtures'

/** Park and home-page data for the component and weapp tests of the home and 我的 pages. */
export function makePark(i: number, over: Partial<ParkSummary> = {}): ParkSummary {
  return {
    id: `p${String(i).padStart(3, '0')}`,
    name: `松江园区${i}号厂房`,
    district: 'songjiang',
    type: 'factory',
    deal: 'rent',
    areaMin: 1000 * i,
    areaMax: 3000 * i,
    divisible: true,
    price: { value: 1.2, unit: 'yuan_m2_day' },
    cover: `/media/covers/park${i}.png`,
    highlights: ['独门独院'],
    updatedAt: '2026-11-20T10:00:00+08:00',
    views: 10 * i,
    featured: true,
    ...over,
  }
}

export function makeHome(over: Partial<HomeData> = {}): HomeData {
  return {
    contact,
    featuredParks: [
      makePark(1),
      makePark(2, { name: '嘉定工业用地', district: 'jiading', type: 'land', deal: 'sale', price: null }),
    ],
    latestArticles: [makeSummary(1), makeSummary(2), makeSummary(3)],
    ...over,
  }
}
