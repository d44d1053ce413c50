/** The charts' pure helpers (issue 8 item 13): zero days filled, top N + 其他, the funnel. */
import { addDays, datesBetween, defaultRange, fillDays, funnelOf, topBars } from '@/domain/charts'

describe('days', () => {
  it('lists Beijing dates inclusive, across a month end', () => {
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ])
    expect(defaultRange('2026-05-31')).toEqual({ from: '2026-05-02', to: '2026-05-31' })
    expect(datesBetween(defaultRange('2026-03-01').from, '2026-03-01')).toHaveLength(30)
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('fills empty days with 0 and sizes columns against the busiest day', () => {
    expect(
      fillDays(
        [
          { date: '2026-05-03', count: 4 },
          { date: '2026-05-01', count: 1 },
        ],
        '2026-05-01',
        '2026-05-04',
      ),
    ).toEqual([
      { date: '2026-05-01', count: 1, pct: 25 },
      { date: '2026-05-02', count: 0, pct: 0 },
      { date: '2026-05-03', count: 4, pct: 100 },
      { date: '2026-05-04', count: 0, pct: 0 },
    ])
    // Counts outside the range are ignored; an all-zero range has no NaN.
    expect(fillDays([{ date: '2026-04-30', count: 9 }], '2026-05-01', '2026-05-01')).toEqual([
      { date: '2026-05-01', count: 0, pct: 0 },
    ])
  })
})

describe('topBars', () => {
  it('keeps the N largest, sums the rest into 其他, labels a missing key', () => {
    const rows = [
      { key: 'a', count: 1 },
      { key: null, count: 5 },
      { key: 'b', count: 3 },
      { key: 'c', count: 1 },
      { key: 'd', count: 2 },
      { key: 'z', count: 0 },
    ]
    expect(topBars(rows, 2, '直接访问')).toEqual([
      { key: '', label: '直接访问', count: 5, pct: 100 },
      { key: 'b', label: 'b', count: 3, pct: 60 },
      { key: '*', label: '其他', count: 4, pct: 80 },
    ])
    // Ties ranked by label, so the order never flickers between reloads; no 其他 when nothing is left.
    expect(
      topBars(
        [
          { key: 'y', count: 2 },
          { key: 'x', label: '园区X', count: 2 },
        ],
        5,
        '',
      ),
    ).toEqual([
      { key: 'y', label: 'y', count: 2, pct: 100 },
      { key: 'x', label: '园区X', count: 2, pct: 100 },
    ])
    expect(topBars([], 3, '')).toEqual([])
  })
})

describe('funnelOf', () => {
  it('counts each step as the leads that reached it, with conversion from the step before', () => {
    expect(funnelOf({ new: 5, contacted: 2, visiting: 2, signed: 1, invalid: 7 })).toEqual([
      { stage: 'new', label: '新线索', count: 5, reached: 10, pct: 100, conversion: null },
      { stage: 'contacted', label: '已联系', count: 2, reached: 5, pct: 50, conversion: 50 },
      { stage: 'visiting', label: '已约看', count: 2, reached: 3, pct: 30, conversion: 60 },
      { stage: 'signed', label: '已签约', count: 1, reached: 1, pct: 10, conversion: 33.3 },
    ])
  })

  it('has no conversion after an empty step, and no NaN when empty', () => {
    const f = funnelOf({})
    expect(f.map((s) => [s.reached, s.pct, s.conversion])).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ])
  })
})
