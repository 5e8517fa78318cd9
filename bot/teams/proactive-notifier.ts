import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { ActivityTypes, CardFactory, TeamsInfo, type Activity, type ConversationParameters } from 'botbuilder';
import type { DirectoryRepository, InstallationDoc } from '../store/directory-repository';
import type { DeliveryResult, Notifier, OutboundMessage } from '../services';

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

/** Proactive sending through the Bot Framework connector: one attempt per call, the outcome classified. */
export class ProactiveNotifier implements Notifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly directory: DirectoryRepository,
  ) {}

  private async attempt(work: () => Promise<{ activityId: string; conversationId: string }>): Promise<DeliveryResult> {
    try {
      const { activityId, conversationId } = await work();
      return { status: 'sent', activityId, conversationId };
    } catch (error) {
      return classifyDeliveryError(error);
    }
  }

  sendToConversation(
    installation: InstallationDoc,
    conversationId: string,
    message: OutboundMessage,
  ): Promise<DeliveryResult> {
    return this.attempt(async () => {
      let activityId = '';
      await this.adapter.continueConversationAsync(
        this.botAppId,
        referenceOf(installation, conversationId),
        async (ctx: TurnContext) => {
          activityId = (await ctx.sendActivity(toActivity(message)))?.id ?? '';
        },
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
      await this.adapter.continueConversationAsync(
        this.botAppId,
        referenceOf(installation, conversationId),
        async (ctx: TurnContext) => {
          await ctx.updateActivity({ ...toActivity(message), id: activityId });
        },
      );
      return { activityId, conversationId };
    });
  }

  async teamMemberIds(installation: InstallationDoc): Promise<string[] | undefined> {
    const teamId = installation.teamId;
    if (teamId === undefined) return undefined;
    const ids: string[] = [];
    try {
      await this.adapter.continueConversationAsync(
        this.botAppId,
        referenceOf(installation, installation.conversationId),
        async (ctx: TurnContext) => {
          let token: string | undefined;
          do {
            const page = await TeamsInfo.getPagedTeamMembers(ctx, teamId, 500, token);
            for (const member of page.members ?? []) if (member.aadObjectId) ids.push(member.aadObjectId.toLowerCase());
            token = page.continuationToken || undefined;
          } while (token !== undefined);
        },
      );
      return ids;
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
      let result = { activityId: '', conversationId: '' };
      await this.adapter.createConversationAsync(
        this.botAppId,
        installation.channelId,
        installation.serviceUrl,
        '',
        parameters,
        async (ctx: TurnContext) => {
          // botbuilder hands the logic an event whose id is the conversation id, not the new message's
          // id; Teams names a new channel thread "<channel>;messageid=<activity id>", so take it from there.
          const conversationId = ctx.activity.conversation.id;
          const messageId = /;messageid=([^;]+)$/.exec(conversationId)?.[1];
          result = { conversationId, activityId: messageId ?? ctx.activity.id ?? '' };
        },
      );
      return result;
    });
  }

  async sendToUser(tenantId: string, userId: string, message: OutboundMessage): Promise<DeliveryResult> {
    const personal = await this.directory.getPersonalInstallation(tenantId, userId);
    if (personal !== undefined) return this.sendToConversation(personal, personal.conversationId, message);
    // No personal chat yet: open one with the Bot Framework id we saw the user with, through any of the tenant's installations.
    const user = await this.directory.getUser(tenantId, userId);
    const anyInstallation = (await this.directory.listInstallations(tenantId, { maxItemCount: 1 })).items[0];
    if (user?.botUserId === undefined || anyInstallation === undefined) return { status: 'no_reference' };
    const botUserId = user.botUserId;
    return this.attempt(async () => {
      const parameters: ConversationParameters = {
        isGroup: false,
        bot: { id: anyInstallation.botId, name: 'Fremdrift' },
        members: [{ id: botUserId, name: '' }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      };
      let result = { activityId: '', conversationId: '' };
      await this.adapter.createConversationAsync(
        this.botAppId,
        anyInstallation.channelId,
        anyInstallation.serviceUrl,
        '',
        parameters,
        async (ctx: TurnContext) => {
          const sent = await ctx.sendActivity(toActivity(message));
          result = { conversationId: ctx.activity.conversation.id, activityId: sent?.id ?? '' };
        },
      );
      return result;
    });
  }
}
