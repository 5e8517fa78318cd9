import { z } from 'zod';
import type { ConversationInfo } from '../features/feature';
import { resolveLocale, type Locale } from '../i18n/locale';

/**
 * The part of a Bot Framework activity Fremdrift relies on, validated with zod at the boundary.
 * Everything after this works with plain data.
 */
export const InboundActivitySchema = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  serviceUrl: z.string().url().max(2048),
  channelId: z.string().min(1).max(64),
  locale: z.string().max(32).optional().nullable(),
  text: z.string().max(20000).optional().nullable(),
  replyToId: z.string().max(512).optional().nullable(),
  from: z.object({
    id: z.string().min(1).max(512),
    name: z.string().max(512).optional().nullable(),
    aadObjectId: z.string().max(64).optional().nullable(),
  }),
  recipient: z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional().nullable() }),
  conversation: z.object({
    id: z.string().min(1).max(2048),
    conversationType: z.string().max(32).optional().nullable(),
    tenantId: z.string().max(64).optional().nullable(),
    isGroup: z.boolean().optional().nullable(),
  }),
  channelData: z
    .object({
      tenant: z
        .object({ id: z.string().max(64) })
        .optional()
        .nullable(),
      team: z
        .object({ id: z.string().max(2048), name: z.string().max(512).optional().nullable() })
        .optional()
        .nullable(),
      channel: z
        .object({ id: z.string().max(2048) })
        .optional()
        .nullable(),
      eventType: z.string().max(64).optional().nullable(),
      settings: z
        .object({
          selectedChannel: z
            .object({ id: z.string().max(2048) })
            .optional()
            .nullable(),
        })
        .optional()
        .nullable(),
    })
    .passthrough()
    .optional()
    .nullable(),
  action: z.string().max(64).optional().nullable(),
});
export type InboundActivity = z.infer<typeof InboundActivitySchema>;

export interface TurnIdentity {
  readonly tenantId: string;
  readonly userId: string;
  /** The name Teams shows for the user; undefined when the activity carries none (never the raw id). */
  readonly displayName: string | undefined;
  readonly botUserId: string;
  readonly locale: Locale;
  readonly conversation: ConversationInfo;
}

export type IdentityProblem = 'no_tenant' | 'no_user';

export const tenantOf = (a: InboundActivity): string | undefined =>
  a.conversation.tenantId ?? a.channelData?.tenant?.id ?? undefined;

/** Pure: who is acting and where. Teams always sends a tenant and the user's Entra object id. */
export function identify(a: InboundActivity): TurnIdentity | IdentityProblem {
  const tenantId = tenantOf(a);
  if (!tenantId) return 'no_tenant';
  const userId = a.from.aadObjectId?.toLowerCase();
  if (!userId) return 'no_user';
  return {
    tenantId,
    userId,
    displayName: a.from.name?.trim() || undefined,
    botUserId: a.from.id,
    locale: resolveLocale(a.locale),
    conversation: conversationOf(a),
  };
}

export function conversationOf(a: InboundActivity): ConversationInfo {
  const type = a.conversation.conversationType;
  const kind: ConversationInfo['kind'] =
    type === 'channel' ? 'channel' : type === 'groupChat' || a.conversation.isGroup === true ? 'groupChat' : 'personal';
  return {
    id: a.conversation.id,
    kind,
    botId: a.recipient.id,
    teamId: a.channelData?.team?.id ?? undefined,
    channelId: a.channelData?.channel?.id ?? undefined,
  };
}
