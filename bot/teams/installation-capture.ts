import type { DirectoryRepository, InstallationScope } from '../store/directory-repository';
import { conversationOf, tenantOf, type InboundActivity } from './activity-input';

/**
 * Keeps the installation store in step with Teams (after TeamsFx notificationMiddleware): a pure
 * classification of the activity, then the one store operation it calls for.
 */
export type InstallationEvent = 'installed' | 'uninstalled' | 'team-deleted' | 'team-restored' | 'messaged' | 'none';

export function classifyActivity(a: InboundActivity): InstallationEvent {
  const action = a.action?.toLowerCase();
  if (a.type === 'installationUpdate') {
    if (action === 'add' || action === 'add-upgrade') return 'installed';
    if (action === 'remove' || action === 'remove-upgrade') return 'uninstalled';
    return 'none';
  }
  if (a.type === 'conversationUpdate') {
    const eventType = a.channelData?.eventType ?? undefined;
    if (eventType === 'teamDeleted') return 'team-deleted';
    if (eventType === 'teamRestored') return 'team-restored';
    return 'none';
  }
  if (a.type === 'message' || a.type === 'invoke') return 'messaged';
  return 'none';
}

export function scopeOf(a: InboundActivity): InstallationScope {
  const kind = conversationOf(a).kind;
  return kind === 'channel' ? 'team' : kind;
}

/** The conversation a team installation is kept under: the team (General), whatever channel it came from. */
function installationConversationId(a: InboundActivity): string {
  return scopeOf(a) === 'team' ? (a.channelData?.team?.id ?? a.conversation.id) : a.conversation.id;
}

export class InstallationCapture {
  private readonly known = new Set<string>();

  constructor(private readonly directory: DirectoryRepository) {}

  /** Applies the activity to the store; returns what it was. */
  async apply(a: InboundActivity, now: Date): Promise<InstallationEvent> {
    const event = classifyActivity(a);
    const tenantId = tenantOf(a);
    if (tenantId === undefined) return 'none';
    const conversationId = installationConversationId(a);
    switch (event) {
      case 'installed':
      case 'team-restored':
        await this.save(a, tenantId, conversationId, now);
        break;
      case 'messaged':
        // Back-fill: a conversation the bot missed the install of (e.g. installed before a data reset).
        if (
          !this.known.has(conversationId) &&
          (await this.directory.getInstallation(tenantId, conversationId)) === undefined
        ) {
          await this.save(a, tenantId, conversationId, now);
        }
        this.known.add(conversationId);
        break;
      case 'uninstalled':
      case 'team-deleted': {
        this.known.delete(conversationId);
        const teamId = a.channelData?.team?.id;
        if (teamId) await this.directory.removeTeamInstallations(tenantId, teamId);
        await this.directory.removeInstallation(tenantId, conversationId);
        break;
      }
      case 'none':
        break;
    }
    return event;
  }

  private async save(a: InboundActivity, tenantId: string, conversationId: string, now: Date): Promise<void> {
    const scope = scopeOf(a);
    await this.directory.saveInstallation(
      {
        tenantId,
        scope,
        conversationId,
        serviceUrl: a.serviceUrl,
        channelId: a.channelId,
        botId: a.recipient.id,
        ...(a.channelData?.team?.id ? { teamId: a.channelData.team.id } : {}),
        ...(scope === 'team'
          ? {
              selectedChannelId:
                a.channelData?.settings?.selectedChannel?.id ?? a.channelData?.channel?.id ?? conversationId,
            }
          : {}),
        ...(scope === 'personal' && a.from.aadObjectId ? { userId: a.from.aadObjectId.toLowerCase() } : {}),
      },
      now,
    );
    this.known.add(conversationId);
  }
}
