/** Why a delivery attempt failed, and whether trying again can help. Thrown by channel adapters. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The platform's code (43101, 47003, 93000 …) when it gave one. */
    readonly code?: number,
  ) {
    super(message)
    this.name = 'DeliveryError'
  }
}

/** Any other error (a timeout, a reset connection) is worth another try. */
export const isRetryable = (err: unknown): boolean => !(err instanceof DeliveryError) || err.retryable
