import type { AgencyContact } from '@/domain/agency'
import type { Article, ArticleSummary } from '@/domain/article'

/** Data generators shared by the component tests. */
export function makeSummary(i: number, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: `a-${i}`,
    title: `园区资讯第${i}篇`,
    summary: '摘要',
    cover: `/media/covers/c${i}.png`,
    category: 'park-news',
    tags: ['松江产业园'],
    author: '园区招商编辑部',
    publishedAt: '2026-04-21T09:30:00+08:00',
    views: 34 + i,
    ...over,
  }
}

export function makeArticle(over: Partial<Article> = {}): Article {
  return { ...makeSummary(1), body: '<p>正文第一段</p>', ...over }
}

export const contact: AgencyContact = {
  agencyName: '中国产业园区招商网',
  agentName: '葛毅明',
  hotline: '4000123021',
  mobiles: [
    { number: '13524678515', wechatOnly: false },
    { number: '13391219793', wechatOnly: true },
  ],
  wechatId: '13524678515',
  wechatQr: '/media/agent-wechat-qr.png',
  inquiryHint: '请告诉我们您的需求、用途、税收、公司、联系人和手机号',
}

/** What Taro.request resolves with for an api answer from the local server. */
export const httpAnswer = (body: unknown, statusCode = 200) => ({ statusCode, data: body, header: {} })
