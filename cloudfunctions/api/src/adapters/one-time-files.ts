import { randomBytes } from 'node:crypto'
import type { ExportFile, ExportFileStore } from '../ports/lead-export'

/** How long a local export link works (and the file is kept in memory at most). */
export const LOCAL_EXPORT_TTL_MS = 5 * 60 * 1000

export interface OneTimeFiles extends ExportFileStore {
  /** The file behind a token, removed as it is handed out; null when unknown, taken or expired. */
  take(token: string, now?: Date): ExportFile | null
}

const TOKEN_RE = /^[0-9a-f]{64}$/

/**
 * The local runtime's export files: kept in memory under a 256-bit random token, served once by
 * the local server (`GET <prefix><token>`, server/app.ts) within LOCAL_EXPORT_TTL_MS, then gone.
 * Nothing is written to disk, so a forgotten export leaves no personal data behind.
 */
export function createOneTimeFiles(prefix = '/exports/', ttlMs = LOCAL_EXPORT_TTL_MS): OneTimeFiles {
  const files = new Map<string, { file: ExportFile; expires: number }>()
  const sweep = (at: number) => {
    for (const [token, entry] of files) if (entry.expires <= at) files.delete(token)
  }
  return {
    async save(file, now) {
      sweep(now.getTime())
      const token = randomBytes(32).toString('hex')
      const expires = now.getTime() + ttlMs
      files.set(token, { file, expires })
      return { url: `${prefix}${token}`, expiresAt: new Date(expires).toISOString() }
    },
    take(token, now = new Date()) {
      if (!TOKEN_RE.test(token)) return null
      const entry = files.get(token)
      files.delete(token)
      if (!entry || entry.expires <= now.getTime()) return null
      return entry.file
    },
  }
}
