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

/**
 * Times `runs` sequential calls of `fn`: p50, p99 and the slowest, in ms.
 * @param {number} runs
 * @param {() => Promise<unknown>} fn
 */
export async function measure(runs, fn) {
  /** @type {number[]} */
  const samples = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    await fn()
    samples.push(ms(start))
  }
  samples.sort((a, b) => a - b)
  return {
    runs,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1],
  }
}
