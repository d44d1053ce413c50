import { buildScene, normaliseSource, parseScene } from '@/domain/scene'

describe('parseScene', () => {
  it('opens a park with its source', () => {
    expect(parseScene('p%3Dp012%26s%3Dpst01')).toEqual({ page: 'park', id: 'p012', source: 'pst01' })
    expect(parseScene('p=p012&s=pst01')).toEqual({ page: 'park', id: 'p012', source: 'pst01' })
  })
  it('opens an article', () => {
    expect(parseScene('a=a-g60-corridor-plan')).toEqual({ page: 'article', id: 'a-g60-corridor-plan' })
  })
  it('keeps a valid source even when the target is not usable', () => {
    expect(parseScene('s=expo2026')).toEqual({ page: 'home', source: 'expo2026' })
    expect(parseScene('p=BAD!&s=expo')).toEqual({ page: 'home', source: 'expo' })
  })
  it.each([
    ['empty', ''],
    ['not a string', 42],
    ['undefined', undefined],
    ['too long', `p=p012&s=${'x'.repeat(40)}`],
    ['unknown keys', 'x=1&y=2'],
    ['bad percent-encoding', '%E0%A4%A'],
    ['lone percent', '%'],
    ['characters outside the scene alphabet', 'p=p012 s=a'],
    ['chinese', '%E5%9B%AD%E5%8C%BA'],
    ['key without value', 'p=&s='],
    ['path traversal in id', 'p=../../x'],
    ['script', '<script>alert(1)</script>'],
    ['object', { scene: 'p=p012' }],
  ])('%s → home page, no crash', (_label, raw) => {
    const target = parseScene(raw)
    expect(target.page).toBe('home')
    expect('id' in target).toBe(false)
  })
  it('drops a malformed source but still opens the park', () => {
    expect(parseScene('p=p7&s=<b>')).toEqual({ page: 'home' })
    expect(parseScene('p=p7&s=a.b')).toEqual({ page: 'park', id: 'p7' })
  })
})

describe('buildScene', () => {
  it('round-trips through parseScene and fits in 32 characters', () => {
    const scene = buildScene({ page: 'park', id: 'p012', source: 'poster-songjiang' })
    expect(scene).toBe('p=p012&s=poster-songjiang')
    expect(scene!.length).toBeLessThanOrEqual(32)
    expect(parseScene(scene)).toEqual({ page: 'park', id: 'p012', source: 'poster-songjiang' })
  })
  it('refuses what would not fit', () => {
    expect(
      buildScene({ page: 'article', id: 'a-factory-selection-checklist', source: 'expo2026' }),
    ).toBeNull()
  })
})

describe('normaliseSource', () => {
  it('accepts plain tokens only', () => {
    expect(normaliseSource('share')).toBe('share')
    expect(normaliseSource('a%20b')).toBeUndefined()
    expect(normaliseSource(7)).toBeUndefined()
  })
})
