/** The app starts the outbox's sync at launch (app.ts); startOutbox.h5.ts defers it on H5. */
export { startOutboxSync } from './outbox'
