import { PassThrough } from 'node:stream'
import { formatBeijingDateTime } from '@/domain/format'
import { NEED_TYPE_LABELS, TAX_BRACKET_LABELS } from '@/domain/inquiryOptions'
import { DISTRICT_LABELS } from '@/domain/park'
import { LEAD_STAGE_LABELS } from '@/domain/lead-pipeline'
import type { DeskLeadRecord } from '../ports/lead-desk'
import type { FlagReason } from '../ports/lead-store'

/**
 * The lead export's workbook (issue 8 item 12): one sheet, Chinese headers, one row per lead.
 * Written with exceljs's streaming writer, so rows are committed as pages arrive and a 10,000
 * lead export never holds a full in-memory model of the sheet.
 */

/**
 * A cell a spreadsheet could take for a formula (CSV/DDE injection): Excel, WPS and LibreOffice
 * start one on `=`, `+`, `-`, `@`, and a leading tab or carriage return hides such a start.
 */
const FORMULA_START = /^[=+\-@\t\r]/
/** XML 1.0 cannot carry these; exceljs would write a file Excel refuses to open. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/**
 * Text as a cell may hold it: characters XML cannot carry removed, and a leading `'` before
 * anything that could start a formula (OWASP's advice; Excel shows the text and never evaluates
 * it, even after the cell is edited). Every text column is also stored as text (numFmt '@').
 */
export function safeCellText(value: string): string {
  const clean = value.replace(XML_INVALID, '')
  return FORMULA_START.test(clean) ? `'${clean}` : clean
}

const FLAG_LABELS: Record<FlagReason, string> = {
  'content-review': '内容待人工审核',
  'content-check-failed': '内容检查失败',
  'content-check-timeout': '内容检查超时',
}

interface Column {
  header: string
  key: string
  width: number
  /** Numbers stay numbers (areas); everything else is text. */
  value: (r: DeskLeadRecord, staffNames: ReadonlyMap<string, string>) => string | number | undefined
}

/** The columns, in order. The phone is in full: the export is for staff only (ACTION_ACCESS). */
export const LEAD_SHEET_COLUMNS: readonly Column[] = [
  {
    header: '提交时间（北京时间）',
    key: 'createdAt',
    width: 18,
    value: (r) => formatBeijingDateTime(r.createdAt),
  },
  // The desk's pipeline stage (src/domain/lead-pipeline.ts), as staff see it on the inbox.
  { header: '状态', key: 'stage', width: 10, value: (r) => LEAD_STAGE_LABELS[r.stage] ?? r.stage },
  {
    header: '负责人',
    key: 'assignee',
    width: 10,
    value: (r, names) => (r.assigneeId ? (names.get(r.assigneeId) ?? r.assigneeId) : undefined),
  },
  { header: '下次跟进', key: 'nextFollowUp', width: 12, value: (r) => r.nextFollowUp },
  {
    header: '首次联系（北京时间）',
    key: 'firstContactedAt',
    width: 18,
    value: (r) => (r.firstContactedAt ? formatBeijingDateTime(r.firstContactedAt) : undefined),
  },
  { header: '无效原因', key: 'invalidReason', width: 16, value: (r) => r.invalidReason },
  { header: '联系人', key: 'contactName', width: 12, value: (r) => r.contactName },
  { header: '手机号', key: 'phone', width: 14, value: (r) => r.phone },
  { header: '公司', key: 'company', width: 24, value: (r) => r.company },
  {
    header: '需求类型',
    key: 'needType',
    width: 10,
    value: (r) => NEED_TYPE_LABELS[r.needType] ?? r.needType,
  },
  { header: '面积下限（㎡）', key: 'areaMin', width: 12, value: (r) => r.areaMin },
  { header: '面积上限（㎡）', key: 'areaMax', width: 12, value: (r) => r.areaMax },
  { header: '所属行业', key: 'industry', width: 16, value: (r) => r.industry },
  {
    header: '意向区域',
    key: 'district',
    width: 10,
    value: (r) => (r.district ? (DISTRICT_LABELS[r.district] ?? r.district) : undefined),
  },
  {
    header: '年纳税额',
    key: 'taxBracket',
    width: 14,
    value: (r) => (r.taxBracket ? (TAX_BRACKET_LABELS[r.taxBracket] ?? r.taxBracket) : undefined),
  },
  { header: '备注', key: 'remark', width: 40, value: (r) => r.remark },
  { header: '来源渠道', key: 'source', width: 12, value: (r) => r.source },
  { header: '意向园区', key: 'parkName', width: 20, value: (r) => r.parkName },
  { header: '园区编号', key: 'parkId', width: 10, value: (r) => r.parkId },
  { header: '来源文章编号', key: 'articleId', width: 14, value: (r) => r.articleId },
  {
    header: '审核原因',
    key: 'flagged',
    width: 14,
    value: (r) => (r.flagged ? FLAG_LABELS[r.flagged] : undefined),
  },
  {
    header: '最后更新（北京时间）',
    key: 'updatedAt',
    width: 18,
    value: (r) => formatBeijingDateTime(r.updatedAt),
  },
  { header: '线索编号', key: 'id', width: 26, value: (r) => r.id },
]

export const LEAD_SHEET_NAME = '线索'
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** One row's values, keyed by column, escaped. */
export function leadRow(
  record: DeskLeadRecord,
  staffNames: ReadonlyMap<string, string> = new Map(),
): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = {}
  for (const c of LEAD_SHEET_COLUMNS) {
    const v = c.value(record, staffNames)
    row[c.key] = v === undefined ? null : typeof v === 'number' ? v : safeCellText(v)
  }
  return row
}

/**
 * Writes every page the source yields into one .xlsx and answers its bytes and row count.
 * `pages` is pulled one page at a time: reading and writing interleave.
 */
export async function writeLeadWorkbook(
  pages: AsyncIterable<DeskLeadRecord[]>,
  staffNames: ReadonlyMap<string, string> = new Map(),
): Promise<{ bytes: Buffer; rows: number }> {
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve)
    sink.on('error', reject)
  })
  // Loaded on first export only: every other call of a cold cloud function skips evaluating
  // exceljs and its dependencies (about 2.5 MB of the bundle).
  const ExcelJS = await import('exceljs')
  // No shared strings: each row is written and forgotten (a shared-string table would keep them all).
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  })
  book.creator = '园区招商'
  const sheet = book.addWorksheet(LEAD_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = LEAD_SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    // '@' = text: a phone stays "13800138000", never 1.38E+10, and nothing is re-parsed.
    style: c.key === 'areaMin' || c.key === 'areaMax' ? {} : { numFmt: '@' },
  }))
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  let rows = 0
  for await (const page of pages) {
    for (const record of page) {
      sheet.addRow(leadRow(record, staffNames)).commit()
      rows++
    }
  }
  sheet.commit()
  await book.commit()
  await done
  return { bytes: Buffer.concat(chunks), rows }
}
