import { readFileSync } from 'node:fs'

/**
 * Prints a script's usage — its leading `//` comment lines — and exits: 0 when asked for
 * (--help), 2 with the problem first when the arguments were wrong.
 * @param {string} scriptUrl  the script's import.meta.url
 * @param {string} name       the script's name, for the problem line
 * @param {string} [problem]
 * @returns {never}
 */
export function printUsage(scriptUrl, name, problem) {
  const lines = readFileSync(new URL(scriptUrl), 'utf8').split('\n')
  const end = lines.findIndex((l) => !l.startsWith('//'))
  const text = lines
    .slice(0, end < 0 ? lines.length : end)
    .map((l) => l.replace(/^\/\/ ?/, ''))
    .join('\n')
  if (problem) console.error(`${name}: ${problem}\n`)
  console[problem ? 'error' : 'log'](text)
  process.exit(problem ? 2 : 0)
}
