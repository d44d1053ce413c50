import { maskPhone } from '@/domain/phone'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

// A mainland mobile, bare or with +86/86 and spaces/dashes between the groups; the
// lookarounds keep longer digit runs (order numbers, timestamps) untouched.
const MOBILE_RE = /(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g

/** Replaces every mobile-looking run in a string with its masked form. */
export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE_RE, (match) => {
    // Keep a country prefix out of the masked digits so the result stays 135****8515.
    const digits = match.replace(/\D/g, '')
    return maskPhone(digits.length > 11 ? digits.slice(-11) : digits)
  })
}

const MAX_DEPTH = 6

/** Deep copy safe for JSON: phones masked, errors flattened, cycles cut. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskPhonesInText(value)
  if (typeof value === 'number') {
    // A phone stored as a number is still a phone.
    return Number.isInteger(value) && /^1[3-9]\d{9}$/.test(String(value)) ? maskPhone(String(value)) : value
  }
  if (typeof value === 'bigint') return value.toString()
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value
  }
  if (seen.has(value)) return '[Circular]'
  if (depth >= MAX_DEPTH) return '[Truncated]'
  seen.add(value)
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: redact(value.message, depth + 1, seen) }
    if (value.stack) out.stack = redact(value.stack, depth + 1, seen)
    const code = (value as { code?: unknown }).code
    if (code !== undefined) out.code = redact(code, depth + 1, seen)
    return out
  }
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1, seen))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = redact(v, depth + 1, seen)
  return out
}

export interface LoggerOptions {
  /** Minimum level written; default 'info'. */
  level?: LogLevel
  /** Where each JSON line goes; default stdout (CloudBase collects stdout/stderr). */
  write?: (line: string) => void
  /** Fields added to every line, e.g. { service: 'api' }. */
  base?: LogFields
  now?: () => Date
}

/** One JSON object per line, phones masked in the message and in every field. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = LEVELS[options.level ?? 'info']
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  const now = options.now ?? (() => new Date())
  const base = options.base ?? {}
  const log = (level: LogLevel) => (msg: string, fields?: LogFields) => {
    if (LEVELS[level] < min) return
    const record = redact({ ...base, ...fields }) as LogFields
    let line: string
    try {
      line = JSON.stringify({
        time: now().toISOString(),
        level,
        msg: maskPhonesInText(String(msg)),
        ...record,
      })
    } catch {
      line = JSON.stringify({ time: now().toISOString(), level, msg: maskPhonesInText(String(msg)) })
    }
    write(line)
  }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
