import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { ActivityTypes, CardFactory, TeamsInfo, type Activity, type ConversationParameters } from 'botbuilder';
import type { DirectoryRepository, InstallationDoc } from '../store/directory-repository';
import type { DeliveryResult, Notifier, OutboundMessage } from '../services';
import type { Clock } from '../domain/clock';

/** Retry-After from a connector error (seconds or HTTP date), in ms. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response
    ?.headers;
  const value = headers?.get?.('retry-after');
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** Classifies a connector failure: 429/412/502/503/504 may be retried; 403/404 mean the bot is gone. */
export function classifyDeliveryError(error: unknown): DeliveryResult {
  const status = (error as { statusCode?: unknown }).statusCode;
  const httpStatus = typeof status === 'number' ? status : undefined;
  if (
    httpStatus === 429 ||
    httpStatus === 412 ||
    httpStatus === 502 ||
    httpStatus === 503 ||
    httpStatus === 504 ||
    httpStatus === 500
  ) {
    return { status: 'throttled', httpStatus, retryAfterMs: retryAfterMs(error) };
  }
  if (httpStatus === 403 || httpStatus === 404) return { status: 'gone', httpStatus };
  return {
    status: 'failed',
    httpStatus,
    error: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200),
  };
}

function toActivity(message: OutboundMessage): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.card !== undefined ? { attachments: [CardFactory.adaptiveCard(message.card)] } : {}),
  };
}

function referenceOf(installation: InstallationDoc, conversationId: string): Partial<ConversationReference> {
  return {
    channelId: installation.channelId,
    serviceUrl: installation.serviceUrl,
    bot: { id: installation.botId, name: 'Fremdrift' },
    conversation: {
      id: conversationId,
      tenantId: installation.tenantId,
      isGroup: installation.scope !== 'personal',
      conversationType: installation.scope === 'team' ? 'channel' : installation.scope,
      name: '',
    },
  };
}

/**
 * What a proactive turn's logic returned or threw. botbuilder hands an error thrown inside a
 * `continueConversationAsync`/`createConversationAsync` callback to the adapter's onTurnError
 * (teams-ai's `app.error`) and then returns normally, so a refused send would look delivered.
 * The logic is therefore wrapped: the outcome is kept and re-thrown after the adapter returns,
 * as the Microsoft 365 Agents SDK's proactive helper does.
 */
type TurnOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function capture<T>(logic: (ctx: TurnContext) => Promise<T>): {
  readonly run: (ctx: TurnContext) => Promise<void>;
  readonly result: () => T;
} {
  let outcome: TurnOutcome<T> | undefined;
  return {
    run: async (ctx) => {
      try {
        outcome = { ok: true, value: await logic(ctx) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    },
    result: () => {
      if (outcome === undefined) throw new Error('The proactive turn did not run');
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
  };
}

/** The id Teams gave a sent activity (a refusal never gets here: it is an HTTP error, thrown). */
const sentId = (response: { id?: string } | undefined): string => response?.id ?? '';

/** Proactive sending through the Bot Framework connector: one attempt per call, the outcome classified. */
export class ProactiveNotifier implements Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly directory: DirectoryRepository,
    private readonly clock: Clock,
  ) {}

  private async attempt(work: () => Promise<{ activityId: string; conversationId: string }>): Promise<DeliveryResult> {
    try {
      const { activityId, conversationId } = await work();
      return { status: 'sent', activityId, conversationId };
    } catch (error) {
      return classifyDeliveryError(error);
    }
  }

  /** Runs `logic` in an existing conversation; its errors reach the caller. */
  private async inConversation<T>(
    installation: InstallationDoc,
    conversationId: string,
    logic: (ctx: TurnContext) => Promise<T>,
  ): Promise<T> {
    const turn = capture(logic);
    await this.adapter.continueConversationAsync(this.botAppId, referenceOf(installation, conversationId), turn.run);
    return turn.result();
  }

  /** Opens a conversation and runs `logic` in it; errors of the create and of the logic reach the caller. */
  private async inNewConversation<T>(
    installation: InstallationDoc,
    parameters: ConversationParameters,
    logic: (ctx: TurnContext) => Promise<T>,
  ): Promise<T> {
    const turn = capture(logic);
    await this.adapter.createConversationAsync(
      this.botAppId,
      installation.channelId,
      installation.serviceUrl,
      '',
      parameters,
      turn.run,
    );
    return turn.result();
  }

  sendToConversation(
    installation: InstallationDoc,
    conversationId: string,
    message: OutboundMessage,
  ): Promise<DeliveryResult> {
    return this.attempt(async () => {
      const activityId = await this.inConversation(installation, conversationId, async (ctx) =>
        sentId(await ctx.sendActivity(toActivity(message))),
      );
      return { activityId, conversationId };
    });
  }

  updateMessage(
    installation: InstallationDoc,
    conversationId: string,
    activityId: string,
    message: OutboundMessage,
  ): Promise<DeliveryResult> {
    return this.attempt(async () => {
      await this.inConversation(installation, conversationId, async (ctx) => {
        await ctx.updateActivity({ ...toActivity(message), id: activityId });
      });
      return { activityId, conversationId };
    });
  }

  /** Undefined when Teams does not answer, so a caller keeps the members it knew instead of an empty team. */
  async teamMemberIds(installation: InstallationDoc): Promise<string[] | undefined> {
    const teamId = installation.teamId;
    if (teamId === undefined) return undefined;
    try {
      return await this.inConversation(installation, installation.conversationId, async (ctx) => {
        const ids: string[] = [];
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedTeamMembers(ctx, teamId, 500, token);
          for (const member of page.members ?? []) if (member.aadObjectId) ids.push(member.aadObjectId.toLowerCase());
          token = page.continuationToken || undefined;
        } while (token !== undefined);
        return ids;
      });
    } catch {
      return undefined;
    }
  }

  postToChannel(installation: InstallationDoc, channelId: string, message: OutboundMessage): Promise<DeliveryResult> {
    return this.attempt(async () => {
      const parameters: ConversationParameters = {
        isGroup: true,
        bot: { id: installation.botId, name: 'Fremdrift' },
        members: [],
        tenantId: installation.tenantId,
        channelData: { channel: { id: channelId }, tenant: { id: installation.tenantId } },
        activity: toActivity(message) as Activity,
      };
      return this.inNewConversation(installation, parameters, async (ctx) => {
        // botbuilder hands the logic an event whose id is the conversation id, not the new message's
        // id; Teams names a new channel thread "<channel>;messageid=<activity id>", so take it from there.
        const conversationId = ctx.activity.conversation.id;
        const messageId = /;messageid=([^;]+)$/.exec(conversationId)?.[1];
        return { conversationId, activityId: messageId ?? ctx.activity.id ?? '' };
      });
    });
  }

  /**
   * 1:1 to a staff member, in their current personal chat. When Teams says that chat is gone
   * (403/404: a reinstall, a new Playground session), a new 1:1 chat is opened with the Bot
   * Framework id the user was seen with, and becomes their current one.
   */
  async sendToUser(tenantId: string, userId: string, message: OutboundMessage): Promise<DeliveryResult> {
    const personal = await this.directory.getPersonalInstallation(tenantId, userId);
    if (personal !== undefined) {
      const result = await this.sendToConversation(personal, personal.conversationId, message);
      if (result.status !== 'gone') return result;
      const reopened = await this.openPersonalChat(tenantId, userId, message, personal);
      return reopened.status === 'no_reference' ? result : reopened;
    }
    return this.openPersonalChat(tenantId, userId, message, undefined);
  }

  private async openPersonalChat(
    tenantId: string,
    userId: string,
    message: OutboundMessage,
    dead: InstallationDoc | undefined,
  ): Promise<DeliveryResult> {
    const user = await this.directory.getUser(tenantId, userId);
    const via = dead ?? (await this.directory.listInstallations(tenantId, { maxItemCount: 1 })).items[0];
    if (user?.botUserId === undefined || via === undefined) return { status: 'no_reference' };
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: { id: via.botId, name: 'Fremdrift' },
      members: [{ id: user.botUserId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    let opened: string | undefined;
    const result = await this.attempt(() =>
      this.inNewConversation(via, parameters, async (ctx) => {
        // Remembered before sending: the chat exists even if this message is refused.
        opened = ctx.activity.conversation.id;
        return { conversationId: opened, activityId: sentId(await ctx.sendActivity(toActivity(message))) };
      }),
    );
    if (opened !== undefined) await this.rememberPersonalChat(via, tenantId, userId, opened, dead);
    return result;
  }

  private async rememberPersonalChat(
    via: InstallationDoc,
    tenantId: string,
    userId: string,
    conversationId: string,
    dead: InstallationDoc | undefined,
  ): Promise<void> {
    const now = this.clock.now();
    await this.directory.saveInstallation(
      {
        tenantId,
        scope: 'personal',
        conversationId,
        serviceUrl: via.serviceUrl,
        channelId: via.channelId,
        botId: via.botId,
        userId,
      },
      now,
    );
    await this.directory.setPersonalConversation(tenantId, userId, conversationId, now);
    if (dead !== undefined && dead.conversationId !== conversationId)
      await this.directory.removeInstallation(tenantId, dead.conversationId);
  }
}
