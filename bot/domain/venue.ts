/**
 * Where a request happens. The kind of conversation is an input of the access policy: a group chat
 * or a team channel is read by everyone in it, so case data and art. 9 data never go there.
 */
export const CONVERSATION_KINDS = ['personal', 'groupChat', 'channel'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/** A conversation in Teams, or one of the two private venues outside Teams: the DPO's admin API and the bot's own jobs. */
export type Venue = ConversationKind | 'api' | 'system';

/** Only the person asking (and the bot) can read what is answered here. */
export const isPrivateVenue = (venue: Venue): boolean => venue !== 'groupChat' && venue !== 'channel';

/** Where a command or card action may run. Deny by default: a route that says nothing runs only in the 1:1 chat. */
export const PERSONAL_ONLY: readonly ConversationKind[] = ['personal'];
export const ANY_CONVERSATION: readonly ConversationKind[] = CONVERSATION_KINDS;
