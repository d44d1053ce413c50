import {
  beijingRangeToUtc,
  exportFileName,
  MAX_EXPORT_ROWS,
  type ExportLeadsPayload,
  type ExportLeadsResult,
} from '@/domain/export'
import type { ActionContext } from '../context'
import { writeLeadWorkbook, XLSX_CONTENT_TYPE } from '../core/lead-sheet'
import { ActionError } from '../errors'
import type { AuditLog } from '../ports/audit-log'
import type { ExportFileStore, LeadExportReader } from '../ports/lead-export'
import type { DeskLeadRecord } from '../ports/lead-desk'
import type { StaffStore } from '../ports/staff-store'

/** Leads per read: CloudBase answers at most 1,000 a query from a cloud function. */
export const EXPORT_PAGE_SIZE = 1000

export interface ExportDeps {
  reader?: LeadExportReader
  /** Names the 负责人 column; without it the column holds staff ids. */
  staff?: Pick<StaffStore, 'listStaff'>
  files?: ExportFileStore
  audit?: AuditLog
  pageSize?: number
  maxRows?: number
}

export const TOO_MANY_ROWS = `该时间段的线索超过 ${MAX_EXPORT_ROWS} 条，请缩小日期范围后分次导出`

/**
 * export.leads (issue 8 item 12): the leads of a range of Beijing dates as one .xlsx, read in
 * keyset pages of ≤ 1,000 and streamed into the workbook; the file goes to the store (cloud
 * storage / a one-time local link) and the export is audited before the link is answered.
 */
export function createExportHandlers(deps: ExportDeps) {
  const pageSize = deps.pageSize ?? EXPORT_PAGE_SIZE
  const maxRows = deps.maxRows ?? MAX_EXPORT_ROWS

  async function* pages(reader: LeadExportReader, range: { since: string; until: string }) {
    let after: DeskLeadRecord | null = null
    let seen = 0
    for (;;) {
      const page = await reader.leadsPage(
        range,
        after ? { createdAt: after.createdAt, id: after.id } : null,
        pageSize,
      )
      seen += page.length
      if (seen > maxRows) throw new ActionError('VALIDATION', TOO_MANY_ROWS, { to: TOO_MANY_ROWS })
      if (page.length) yield page
      if (page.length < pageSize) return
      after = page[page.length - 1]
    }
  }

  return {
    async leads(payload: ExportLeadsPayload, ctx: ActionContext): Promise<ExportLeadsResult> {
      const { reader, files, audit } = deps
      if (!reader || !files || !audit) throw new Error('export.leads: reader, files and audit must be wired')
      const staff = ctx.staff!
      const started = Date.now()
      const range = beijingRangeToUtc(payload.from, payload.to)
      const names = new Map((await deps.staff?.listStaff())?.map((m) => [m.id, m.name]) ?? [])
      const { bytes, rows } = await writeLeadWorkbook(pages(reader, range), names)
      const fileName = exportFileName(payload.from, payload.to)
      const at = ctx.now()
      const link = await files.save({ name: fileName, bytes, contentType: XLSX_CONTENT_TYPE }, at)
      // Personal data leaves the system in bulk: who took which range, and how many rows.
      await audit.record({
        actorId: staff.id,
        action: 'export.leads',
        targetType: 'lead',
        targetId: `${payload.from}..${payload.to}`,
        after: { from: payload.from, to: payload.to, rows },
        at: at.toISOString(),
      })
      ctx.logger.info('leads exported', {
        staffId: staff.id,
        from: payload.from,
        to: payload.to,
        rows,
        bytes: bytes.length,
        ms: Date.now() - started,
      })
      return { rows, fileName, url: link.url, expiresAt: link.expiresAt }
    },
  }
}
