/**
 * The park row exists twice: ParkCard.tsx (H5, and what jsdom tests render) and, for the mini
 * program, ParkCard.weapp.tsx drawing the native component park-card/index.wxml (issue 10: a
 * row's setData is its texts, not Taro's node tree). A change to one row that misses the other
 * shows here: both must use the same `park-card…` / `ui-…` classes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(__dirname, '../../src/features/parks/components')
const read = (file: string) => readFileSync(join(dir, file), 'utf8')
const classes = (source: string) =>
  [
    ...new Set(source.match(/\bpark-card(?:__[a-z]+)?(?:--[a-z]+)?\b|\bui-[a-z]+(?:-[a-z]+)*\b/g) ?? []),
  ].sort()

it('ParkCard.tsx and the native park-card template use the same classes', () => {
  const tsx = classes(read('ParkCard.tsx'))
  const wxml = classes(read('park-card/index.wxml'))
  expect(wxml).toEqual(tsx)
  expect(tsx).toEqual(expect.arrayContaining(['park-card', 'park-card__name', 'park-card__tag']))
})

it('the weapp row hands the template every value it binds', () => {
  const bound = [...read('park-card/index.wxml').matchAll(/\bc\.([a-zA-Z]+)/g)].map((m) => m[1])
  const weapp = read('ParkCard.weapp.tsx')
  for (const key of new Set(bound))
    expect([key, new RegExp(`\\b${key}\\??:`).test(weapp)]).toEqual([key, true])
})
