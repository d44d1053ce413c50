/**
 * For the lead-desk e2e (integrator): read an exported workbook back with the same library that
 * wrote it. `const { headers, rows } = await readLeadSheet(await fs.readFile(await download.path()))`
 */
import * as ExcelJS from 'exceljs'
import { LEAD_SHEET_NAME } from '../../cloudfunctions/api/src/core/lead-sheet'

export async function readLeadSheet(
  bytes: Buffer,
): Promise<{ headers: string[]; rows: Array<Record<string, unknown>> }> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = book.getWorksheet(LEAD_SHEET_NAME)
  if (!sheet) throw new Error(`no sheet named ${LEAD_SHEET_NAME}`)
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: Array<Record<string, unknown>> = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const out: Record<string, unknown> = {}
    headers.forEach((h, i) => (out[h] = row.getCell(i + 1).value))
    rows.push(out)
  })
  return { headers, rows }
}
