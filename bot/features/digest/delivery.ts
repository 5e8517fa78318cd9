import { digestText as t } from '../../i18n/digest';
import { recordDigestDelivery } from '../../telemetry';
import type { DeliveryResult, Services } from '../../services';
import type { InstallationDoc } from '../../store/directory-repository';
import type { DeliveryAttempt, DigestRun, DigestRunRepository } from '../../store/digest-run-repository';
import { DigestSubscriptionRepository, type DigestSubscription } from '../../store/digest-subscription-repository';
import type { AdaptiveCard } from '../../../cards/types';
import { deliverWithRetry, retryPolicyFor, type RetryPolicy } from '../delivery/retry-policy';
import { sendToUserWithRetry } from '../delivery/send-to-user';

/**
 * Posts the digest as a new thread in the channel, retrying throttling and server errors as the
 * retry policy says, and logging every attempt in the run document. If Teams says the bot is gone
 * (403/404, or the team's installation has disappeared) the subscription is stopped and the
 * tenant's admins are told 1:1, so nobody waits for a digest that cannot come.
 */
type RunDraft = Omit<DigestRun, 'id' | 'type' | 'schemaVersion' | 'ttl'>;

export async function deliverDigest(
  services: Services,
  input: {
    readonly subscription: DigestSubscription;
    readonly installation: InstallationDoc | undefined;
    readonly card: AdaptiveCard;
    readonly run: RunDraft;
    readonly runs: DigestRunRepository;
  },
  options: {
    readonly sleep?: (ms: number) => Promise<void>;
    readonly random?: () => number;
    readonly policy?: RetryPolicy;
    /** Waits for the tenant's turn to post (bot/features/digest/pacing.ts); each attempt waits. */
    readonly pace?: () => Promise<void>;
  },
  defaultSleep: (ms: number) => Promise<void>,
): Promise<'sent' | 'gone' | 'failed'> {
  const { subscription, installation, card, runs } = input;
  let run = input.run;
  const now = (): string => services.clock.now().toISOString();

  let result: DeliveryResult;
  if (installation === undefined) {
    result = { status: 'no_reference' };
    recordDigestDelivery(result.status);
    run = { ...run, attempts: [...run.attempts, { at: now(), outcome: 'no_reference' }] };
  } else {
    result = await deliverWithRetry(
      async () => {
        await options.pace?.();
        return services.notifier.postToChannel(installation, subscription.channelId, { card });
      },
      {
        sleep: options.sleep ?? defaultSleep,
        random: options.random ?? Math.random,
        policy: options.policy ?? retryPolicyFor(services.config),
        onAttempt: async ({ result: r, waitMs }) => {
          run = { ...run, attempts: [...run.attempts, attemptOf(r, now(), waitMs)] };
          await runs.saveRun(run);
        },
      },
    );
  }

  if (result.status === 'sent') {
    await runs.saveRun({
      ...run,
      status: 'sent',
      finishedAt: now(),
      conversationId: result.conversationId,
      activityId: result.activityId,
    });
    return 'sent';
  }
  if (result.status === 'gone' || result.status === 'no_reference') {
    await stopSubscription(services, subscription);
    await runs.saveRun({ ...run, status: 'gone', finishedAt: now() });
    await tellAdmins(services, subscription);
    return 'gone';
  }
  await runs.saveRun({ ...run, status: 'failed', failedRuns: (run.failedRuns ?? 0) + 1, finishedAt: now() });
  services.log.warn({ subscription: subscription.id, outcome: result.status }, 'Digest could not be delivered');
  return 'failed';
}

function attemptOf(r: DeliveryResult, at: string, waitMs: number | undefined): DeliveryAttempt {
  return {
    at,
    outcome: r.status,
    ...('httpStatus' in r && r.httpStatus !== undefined ? { httpStatus: r.httpStatus } : {}),
    ...(r.status === 'throttled' && r.retryAfterMs !== undefined ? { retryAfterMs: r.retryAfterMs } : {}),
    ...(waitMs !== undefined ? { waitMs } : {}),
    ...(r.status === 'failed' ? { error: r.error.slice(0, 200) } : {}),
  };
}

async function stopSubscription(services: Services, subscription: DigestSubscription): Promise<void> {
  const repo = new DigestSubscriptionRepository(services.store);
  const current = await repo.getById(subscription.tenantId, subscription.id);
  if (current === undefined || !current.active) return;
  await repo.replace({
    ...current,
    active: false,
    deactivatedReason: 'bot_removed',
    updatedAt: services.clock.now().toISOString(),
    updatedBy: 'system:digest',
  });
}

async function tellAdmins(services: Services, subscription: DigestSubscription): Promise<void> {
  const stored = await services.directory.listUsersWithRole(subscription.tenantId, 'admin');
  const admins = new Set([
    ...stored.map((u) => u.userId),
    ...services.config.ADMIN_AAD_OBJECT_IDS.map((id) => id.toLowerCase()),
  ]);
  for (const userId of admins) {
    const sent = await sendToUserWithRetry(
      services,
      { tenantId: subscription.tenantId, userId },
      { text: t(subscription.locale, 'admin.gone') },
    );
    if (sent.status !== 'sent')
      services.log.warn({ outcome: sent.status }, 'Could not tell an admin that a digest stopped');
  }
}
