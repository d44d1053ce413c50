import { INQUIRY_STATUS_LABELS, NEED_TYPE_LABELS } from '@/domain/inquiry'
import { DISTRICT_LABELS } from '@/domain/park'
import { sourceLabel } from '@/domain/source-label'
import type { LeadNotice } from '../ports/notifier'

/* How a LeadNotice reads on a console line and in a WeCom markdown message. */

function area(n: LeadNotice): string | undefined {
  if (n.areaMin === undefined && n.areaMax === undefined) return undefined
  if (n.areaMin !== undefined && n.areaMax !== undefined) return `${n.areaMin}–${n.areaMax} ㎡`
  return n.areaMin !== undefined ? `≥ ${n.areaMin} ㎡` : `≤ ${n.areaMax} ㎡`
}

function park(n: LeadNotice): string | undefined {
  if (!n.parkId) return undefined
  return n.parkName ? `${n.parkName}（${n.parkId}）` : n.parkId
}

/** WeCom markdown allows at most this many bytes (UTF-8) per message. */
export const MARKDOWN_MAX_BYTES = 4096

/**
 * Free text made safe for a markdown line: markup characters, controls and line breaks out
 * (a company called "**x**\n> <@all>" must not format or mention anyone), spaces folded, and
 * at most `max` characters (code points) with an ellipsis.
 */
export function plainText(text: string | undefined, max = 40): string | undefined {
  if (!text) return undefined
  const cleaned = text
    // Control characters are exactly what this removes.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[<>*_`#[\]()~|\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!cleaned) return undefined
  const chars = Array.from(cleaned)
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : cleaned
}

/** Cuts `text` to at most `maxBytes` of UTF-8 at a line (else character) boundary, saying so. */
export function capBytes(
  text: string,
  maxBytes = MARKDOWN_MAX_BYTES,
  more = '\n> ……（其余见工作台）',
): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text
  const budget = maxBytes - Buffer.byteLength(more, 'utf8')
  let out = ''
  let bytes = 0
  for (const line of text.split('\n')) {
    const add = (out ? 1 : 0) + Buffer.byteLength(line, 'utf8')
    if (bytes + add > budget) break
    out += (out ? '\n' : '') + line
    bytes += add
  }
  if (!out) {
    // One line longer than the budget: cut it by characters.
    for (const ch of Array.from(text)) {
      const b = Buffer.byteLength(ch, 'utf8')
      if (bytes + b > budget) break
      out += ch
      bytes += b
    }
  }
  return out + more
}

/** Beijing time "2026-05-01 10:00" from an ISO timestamp. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** One console line: "[新询盘] 2026-05-01 10:00 租厂房 · 135****8515 · 园区 … · 来源 …". */
export function formatNoticeLine(n: LeadNotice): string {
  const parts = [
    `[新询盘] ${beijingTime(n.createdAt)}`,
    NEED_TYPE_LABELS[n.needType],
    n.maskedPhone,
    n.district ? DISTRICT_LABELS[n.district] : undefined,
    area(n),
    park(n) ? `园区 ${park(n)}` : undefined,
    n.articleId ? `文章 ${n.articleId}` : undefined,
    `来源 ${sourceLabel(n.source)}`,
    n.status === 'review' ? `待审核（${n.flagged ?? 'review'}）` : undefined,
    `编号 ${n.inquiryId}`,
  ]
  return parts.filter(Boolean).join(' · ')
}

/** The markdown body of a WeCom group-robot message (≤ MARKDOWN_MAX_BYTES). */
export function formatNoticeMarkdown(n: LeadNotice): string {
  const rows: Array<[string, string | undefined]> = [
    ['需求', NEED_TYPE_LABELS[n.needType]],
    ['公司', plainText(n.company)],
    ['手机', n.maskedPhone],
    ['区域', n.district ? DISTRICT_LABELS[n.district] : undefined],
    ['面积', area(n)],
    ['园区', park(n)],
    ['文章', n.articleId],
    ['来源', sourceLabel(n.source)],
    ['状态', INQUIRY_STATUS_LABELS[n.status] + (n.flagged ? `（${n.flagged}）` : '')],
    ['时间', beijingTime(n.createdAt)],
    ['编号', n.inquiryId],
  ]
  const title =
    n.status === 'review'
      ? '**新询盘** <font color="warning">待审核</font>'
      : '**新询盘** <font color="info">待联系</font>'
  return capBytes([title, ...rows.filter(([, v]) => v).map(([k, v]) => `> ${k}：${v}`)].join('\n'))
}
