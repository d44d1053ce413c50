import type { Park, ParkSummary } from '@/domain/park'
import type { ParkDetail } from '@/domain/actions'
import type { ParkMatch } from '@/domain/match-need'
import { contact } from './fixtures'

/** Data generators for the parks tests (the shared fixtures.ts stays the articles' baseline). */
export function makeParkSummary(i: number, over: Partial<ParkSummary> = {}): ParkSummary {
  const id = `p${String(i).padStart(3, '0')}`
  return {
    id,
    name: `园区房源${i}号`,
    district: 'songjiang',
    type: 'factory',
    deal: 'rent',
    areaMin: 1000,
    areaMax: 3000,
    divisible: false,
    price: { value: 1.1, unit: 'yuan_m2_day' },
    cover: `/media/parks/${id}-1.jpg`,
    highlights: ['独门独院', '可环评', '双层', '近地铁'],
    updatedAt: '2026-04-21T09:30:00+08:00',
    views: 10 + i,
    featured: false,
    ...over,
  }
}

export function makePark(over: Partial<Park> = {}): Park {
  return {
    ...makeParkSummary(12),
    name: '松江新桥独栋厂房',
    areaMin: 2000,
    areaMax: 5000,
    divisible: true,
    price: { value: 1.2, unit: 'yuan_m2_day' },
    featured: true,
    address: '上海市松江区新桥镇新茸路 88 号',
    location: { latitude: 31.0567, longitude: 121.3301 },
    floorHeight: 8,
    floorLoad: 1500,
    power: 630,
    standalone: true,
    propertyCert: true,
    envAssessment: false,
    industries: ['智能制造', '新材料'],
    taxRequirement: '年税收不低于50万元/亩',
    photos: ['/media/parks/p012-1.jpg', '/media/parks/p012-2.jpg', '/media/parks/p012-3.jpg'],
    description: '<p>园区位于松江新桥，交通便利。</p>',
    ...over,
  }
}

export function makeParkDetail(over: Partial<ParkDetail> = {}): ParkDetail {
  return {
    park: makePark(),
    contact,
    similar: [makeParkSummary(21, { name: '新桥标准厂房' }), makeParkSummary(22, { name: '车墩双层厂房' })],
    ...over,
  }
}

/** Three 松江 factories to rent for a 租厂房 need in 松江, best first, with their reasons (park-matches tests). */
export const SONGJIANG_MATCHES: ParkMatch[] = [
  {
    park: makeParkSummary(5, { name: '新桥名企产业园', areaMin: 1200, areaMax: 3600 }),
    score: 94,
    reasons: ['厂房出租', '位于松江', '面积 1,200–3,600㎡ 符合需求'],
  },
  {
    park: makeParkSummary(1, {
      name: 'G60科创走廊·松江智造园',
      areaMin: 2400,
      areaMax: 4800,
      divisible: true,
    }),
    score: 89,
    reasons: ['厂房出租', '位于松江', '面积 2,400–4,800㎡ 可分割', '准入 新能源'],
  },
  {
    park: makeParkSummary(10, { name: '泗泾镇双层厂房' }),
    score: 70,
    reasons: ['厂房出租', '位于松江'],
  },
]
