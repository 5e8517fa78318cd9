import { setTimeout as sleepFor } from 'node:timers/promises';
import type { DeliveryResult, OutboundMessage, Services } from '../../services';
import { deliverWithRetry, retryPolicyFor } from './retry-policy';

/**
 * A 1:1 message from a scheduled job, retried while Teams throttles or fails (Retry-After honoured,
 * backoff with jitter, PROACTIVE_RETRY_BASE_MS). What is still not sent afterwards is the caller's
 * to try again at a later pass.
 */
export function sendToUserWithRetry(
  services: Pick<Services, 'config' | 'log' | 'notifier'>,
  to: { readonly tenantId: string; readonly userId: string },
  message: OutboundMessage,
): Promise<DeliveryResult> {
  return deliverWithRetry(() => services.notifier.sendToUser(to.tenantId, to.userId, message), {
    policy: retryPolicyFor(services.config),
    sleep: (ms) => sleepFor(ms),
    random: Math.random,
    onAttempt: async ({ attempt, result, waitMs }) => {
      if (result.status !== 'sent')
        services.log.debug({ attempt, outcome: result.status, waitMs }, 'A 1:1 message was not delivered');
    },
  });
}
