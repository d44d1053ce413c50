/** An api answer that has not come within this time is a network failure (http.ts, http.h5.ts). */
export const API_TIMEOUT_MS = 10_000
