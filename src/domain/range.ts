/**
 * The one order rule for a numeric range (area, price), shared by the api's schemas, the filter
 * sheet and the filter normaliser: an open end is fine; with both ends, low may not exceed high.
 */
export const inOrder = (low: number | undefined, high: number | undefined): boolean =>
  low === undefined || high === undefined || low <= high

export const AREA_ORDER_MESSAGE = '最小面积不能大于最大面积'
export const PRICE_ORDER_MESSAGE = '最低价格不能高于最高价格'
