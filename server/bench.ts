/**
 * Entry of build/bench-api.cjs (scripts/build-api.mjs): the pieces scripts/bench-api.mjs
 * measures, bundled like the local server so the bench runs the same code.
 */
export { openSqliteStorage } from '../cloudfunctions/api/src/adapters/sqlite-storage'
export { createApi } from '../cloudfunctions/api/src/router'
export { createServer } from './app'
export { makeSyntheticParks } from './synthetic'
export { makeSyntheticLeads } from './synthetic-leads'
export { createOneTimeFiles } from '../cloudfunctions/api/src/adapters/one-time-files'
export { writeLeadWorkbook } from '../cloudfunctions/api/src/core/lead-sheet'
