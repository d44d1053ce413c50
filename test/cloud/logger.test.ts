/**
 * @jest-environment node
 */
import { createLogger, maskPhonesInText } from '../../cloudfunctions/api/src/logger'

function capture() {
  const lines: string[] = []
  const logger = createLogger({ write: (l) => lines.push(l), level: 'debug' })
  return { logger, lines }
}

describe('logger', () => {
  it('masks "13524678515" → "135****8515" in the message and in fields', () => {
    const { logger, lines } = capture()
    logger.info('客户 13524678515 来电', {
      phone: '13524678515',
      nested: { list: ['+86 135-2467-8515', 13524678515] },
    })
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toMatch(/2467/)
    const record = JSON.parse(lines[0])
    expect(record.msg).toBe('客户 135****8515 来电')
    expect(record.phone).toBe('135****8515')
    expect(record.nested.list).toEqual(['135****8515', '135****8515'])
    expect(record.level).toBe('info')
  })

  it('leaves non-phone digit runs alone', () => {
    expect(maskPhonesInText('order 202611260001 code 4000123021 id 12345678901')).toBe(
      'order 202611260001 code 4000123021 id 12345678901',
    )
  })

  it('writes errors with their message, masked, and survives cycles', () => {
    const { logger, lines } = capture()
    const loop: Record<string, unknown> = { a: 1 }
    loop.self = loop
    logger.error('failed', { err: new Error('bad phone 13564686846'), loop })
    const record = JSON.parse(lines[0])
    expect(record.err.message).toBe('bad phone 135****6846')
    expect(record.loop.self).toBe('[Circular]')
  })

  it('honours the level threshold', () => {
    const lines: string[] = []
    const logger = createLogger({ write: (l) => lines.push(l), level: 'warn' })
    logger.info('hidden')
    logger.warn('shown')
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown'])
  })
})
