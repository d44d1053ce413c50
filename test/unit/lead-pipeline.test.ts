import {
  LEAD_STAGES,
  LEAD_TRANSITIONS,
  beijingDate,
  beijingDayStart,
  canTransition,
  formatDuration,
  median,
  reachableStages,
  responseMinutes,
  stageForLegacyStatus,
  visitorStatusFor,
} from '@/domain/lead-pipeline'

describe('lead pipeline', () => {
  it('goes 新线索 → 已联系 → 已约看 → 已签约 one step at a time, or 无效 from an open stage', () => {
    expect(LEAD_TRANSITIONS).toEqual({
      new: ['contacted', 'invalid'],
      contacted: ['visiting', 'invalid'],
      visiting: ['signed', 'invalid'],
      signed: [],
      invalid: ['new'],
    })
    expect(canTransition('new', 'visiting')).toBe(false)
    expect(canTransition('signed', 'invalid')).toBe(false)
    expect(canTransition('invalid', 'new')).toBe(true)
    for (const s of LEAD_STAGES) expect(canTransition(s, s)).toBe(false)
  })

  it('reaches every stage from 新线索', () => {
    expect(reachableStages()).toEqual(new Set(LEAD_STAGES))
    expect(reachableStages('signed')).toEqual(new Set(['signed']))
  })

  it('maps the visitor-facing statuses both ways, keeping review on a new lead', () => {
    expect(stageForLegacyStatus('new')).toBe('new')
    expect(stageForLegacyStatus('review')).toBe('new')
    expect(stageForLegacyStatus('contacted')).toBe('contacted')
    expect(stageForLegacyStatus('closed')).toBe('signed')
    expect(visitorStatusFor('new', 'review')).toBe('review')
    expect(visitorStatusFor('contacted', 'review')).toBe('contacted')
    expect(visitorStatusFor('visiting', 'new')).toBe('contacted')
    expect(visitorStatusFor('signed', 'contacted')).toBe('closed')
    expect(visitorStatusFor('invalid', 'new')).toBe('new')
  })

  it('counts days and response times in Beijing time', () => {
    expect(beijingDate(new Date('2026-04-30T16:00:00.000Z'))).toBe('2026-05-01')
    expect(beijingDate(new Date('2026-04-30T15:59:59.000Z'))).toBe('2026-04-30')
    expect(beijingDayStart('2026-05-01')).toBe('2026-04-30T16:00:00.000Z')
    expect(responseMinutes('2026-05-01T00:00:00.000Z', '2026-05-01T01:30:20.000Z')).toBe(90)
    expect(responseMinutes('2026-05-01T00:00:00.000Z')).toBeNull()
    expect(formatDuration(0)).toBe('不到 1 分钟')
    expect(formatDuration(25)).toBe('25 分钟')
    expect(formatDuration(125)).toBe('2 小时 5 分')
    expect(formatDuration(60 * 26)).toBe('1 天 2 小时')
    expect(median([])).toBeNull()
    expect(median([30, 10, 20])).toBe(20)
    expect(median([10, 20])).toBe(15)
  })
})
