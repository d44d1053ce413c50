// Timing helpers shared by the benches.

/**
 * Milliseconds since `start` (a process.hrtime.bigint() reading).
 * @param {bigint} start
 */
export const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6

/**
 * Nearest-rank percentile of sorted samples.
 * @param {number[]} sorted
 * @param {number} p
 */
export const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]
