import * as v from 'valibot'
import { NEED_FIELDS } from './inquiry'
import { AREA_ORDER_MESSAGE, inOrder } from './range'

/**
 * parks.match's payload: the inquiry's need fields with the inquiry's own rules (NEED_FIELDS,
 * one definition). Strict: a name, a phone or anything else is refused, so personal data never
 * travels with a recommendation request.
 */
export const MatchParksSchema = v.pipe(
  v.strictObject(NEED_FIELDS, '请求参数格式不正确'),
  v.forward(
    v.check((q) => inOrder(q.areaMin, q.areaMax), AREA_ORDER_MESSAGE),
    ['areaMax'],
  ),
)

export type MatchParksPayload = v.InferInput<typeof MatchParksSchema>
export type MatchParksInput = v.InferOutput<typeof MatchParksSchema>
