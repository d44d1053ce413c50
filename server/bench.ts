/**
 * Entry of build/bench-api.cjs (scripts/build-api.mjs): the pieces scripts/bench-api.mjs
 * measures, bundled like the local server so the bench runs the same code.
 */
export { openSqliteStorage } from '../cloudfunctions/api/src/adapters/sqlite-storage'
export { createApi } from '../cloudfunctions/api/src/router'
export { createServer } from './app'
export { makeSyntheticParks } from './synthetic'
