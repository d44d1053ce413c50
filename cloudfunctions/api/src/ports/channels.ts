import type { Channel } from '@/domain/channels'

/** A channel as the handler hands it to the store: the public fields and who made it. */
export interface NewChannel extends Channel {
  /**
   * The name as compared for duplicates (NFKC, lower case, no spaces: core/channel-codes.ts),
   * so 「松江 海报」 and 「松江海报」 are one channel.
   */
  nameKey: string
  /** StaffMember.id of the maker (the audit log's actor); `createdByName` is shown. */
  createdBy: string
}

export type CreateChannelOutcome =
  | 'created'
  /** Another channel has this code: the handler draws a new one. */
  | 'code-taken'
  /** Another channel has this name key. */
  | 'name-taken'

/**
 * The named channels (issue 9 item 1): SQLite `channels` (adapters/sqlite/channels.ts), CloudBase
 * `channels` (adapters/cloudbase-channels.ts). A channel is never edited or deleted: its code is
 * printed on posters and stored on the leads it brought.
 */
export interface ChannelStore {
  /** Every channel, newest first (at most CHANNEL_LIST_MAX, core/channel-codes.ts). */
  listChannels(): Promise<Channel[]>
  /** The channel with this code, or null. */
  findChannel(code: string): Promise<Channel | null>
  /** Stores it unless its code or its name key is taken. */
  createChannel(channel: NewChannel): Promise<CreateChannelOutcome>
}
