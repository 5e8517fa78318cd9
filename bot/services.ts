import type { Config } from './config';
import type { Logger } from './log';
import type { Clock } from './domain/clock';
import type { Store } from './store/cosmos-store';
import type { DirectoryRepository, InstallationDoc } from './store/directory-repository';
import type { AuditLog } from './store/audit-log';
import type { AdaptiveCard } from '../cards/types';

/** A message the bot sends on its own initiative (not as a reply). */
export interface OutboundMessage {
  readonly text?: string;
  readonly card?: AdaptiveCard;
}

/** The outcome of one delivery attempt, classified so callers can retry, deactivate or give up. */
export type DeliveryResult =
  | { readonly status: 'sent'; readonly activityId: string; readonly conversationId: string }
  | { readonly status: 'throttled'; readonly httpStatus: number; readonly retryAfterMs?: number | undefined }
  | { readonly status: 'gone'; readonly httpStatus: number }
  | { readonly status: 'failed'; readonly httpStatus?: number | undefined; readonly error: string }
  | { readonly status: 'no_reference' };

/**
 * Proactive messaging, implemented at the SDK edge (bot/teams/proactive-notifier.ts). One attempt per
 * call (retries: bot/features/delivery); a refusal by Teams is reported, never turned into `sent`.
 */
export interface Notifier {
  /**
   * 1:1 to a staff member: their current personal chat (the one they last wrote from), or a new 1:1
   * chat opened with their Bot Framework id when there is none or Teams says it is gone (403/404).
   */
  sendToUser(tenantId: string, userId: string, message: OutboundMessage): Promise<DeliveryResult>;
  /** Into an existing conversation (personal chat, group chat, or a channel thread). */
  sendToConversation(
    installation: InstallationDoc,
    conversationId: string,
    message: OutboundMessage,
  ): Promise<DeliveryResult>;
  /** A new thread in a team channel. */
  postToChannel(installation: InstallationDoc, channelId: string, message: OutboundMessage): Promise<DeliveryResult>;
  /**
   * Entra object ids (lower case) of a team's members, from the Teams roster; undefined when Teams
   * cannot answer. Used for team-scoped digests (which cases belong to the team's jobformidlere).
   */
  teamMemberIds(installation: InstallationDoc): Promise<string[] | undefined>;
  /** Replaces a message the bot sent earlier. */
  updateMessage(
    installation: InstallationDoc,
    conversationId: string,
    activityId: string,
    message: OutboundMessage,
  ): Promise<DeliveryResult>;
}

/** What use cases get: configuration, time, the store and its shared repositories, and proactive sending. */
export interface Services {
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly store: Store;
  readonly directory: DirectoryRepository;
  readonly audit: AuditLog;
  readonly notifier: Notifier;
}
