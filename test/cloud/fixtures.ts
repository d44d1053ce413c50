import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import { ARTICLE_CATEGORIES, type Article } from '@/domain/article'

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
