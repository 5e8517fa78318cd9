import { DateTime } from 'luxon';
import { DigestJob } from '../bot/features/digest/digest-job';
import { DigestSubscriptionRepository, subscriptionIdFor } from '../bot/store/digest-subscription-repository';
import type { CapturedCall } from '../test/harness/capturing-connector';
import { BenchApp, BENCH_TENANT } from './lib/bench-app';
import { maxInWindow, maxPerKeyInWindow } from './lib/rate';

/**
 * The weekly digest to many channels at once (one tenant, `channels` teams, each with the bot
 * installed and a channel subscribed), through the capturing connector while it answers a share of
 * the posts with 429 + Retry-After and 5xx. Checks what Teams and the leaders would notice: every
 * channel gets exactly one digest, no conversation sees more than 7 requests/s and the tenant no
 * more than 50 requests/s (every request counts, failed ones too), and how long the whole run takes.
 */
export interface FanOutResult {
  readonly channels: number;
  readonly requests: number;
  readonly injected429: number;
  readonly injected5xx: number;
  readonly delivered: number;
  readonly channelsWithOne: number;
  readonly duplicates: number;
  readonly missing: number;
  readonly peakPerConversation: number;
  readonly peakPerTenant: number;
  readonly seconds: number;
}

const channelOf = (c: CapturedCall): string =>
  (c.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? '';

export async function runFanOut(
  channels = Number(process.env.BENCH_CHANNELS ?? 200),
  failureEvery = 10,
  failureRounds = 5,
): Promise<FanOutResult> {
  const app = await BenchApp.start();
  const { services } = app.app;
  const now = new Date();
  const local = DateTime.fromJSDate(now, { zone: 'Europe/Copenhagen' });
  const subs = new DigestSubscriptionRepository(services.store);
  const channelIds: string[] = [];
  try {
    for (let i = 0; i < channels; i++) {
      const teamId = `19:bench-team-${i}-general@thread.tacv2`;
      const channelId = `19:bench-team-${i}-ledelse@thread.tacv2`;
      channelIds.push(channelId);
      await services.directory.saveInstallation(
        {
          tenantId: BENCH_TENANT,
          scope: 'team',
          conversationId: teamId,
          serviceUrl: app.connector.url,
          channelId: 'msteams',
          botId: '28:bench-bot',
          teamId,
          selectedChannelId: channelId,
        },
        now,
      );
      const stamp = local.minus({ days: 8 }).toUTC().toISO() ?? now.toISOString();
      await subs.save({
        id: subscriptionIdFor(channelId),
        tenantId: BENCH_TENANT,
        type: 'digest_subscription',
        schemaVersion: 1,
        teamId,
        channelId,
        scope: 'municipality',
        // Due today at midnight, so the run below finds every subscription due.
        weekday: local.weekday,
        time: '00:00',
        timeZone: 'Europe/Copenhagen',
        locale: 'da',
        active: true,
        activeSince: stamp,
        createdAt: stamp,
        createdBy: 'bench',
        updatedAt: stamp,
        updatedBy: 'bench',
      });
    }

    // Failures are mixed in: every `failureEvery`-th post is refused, in turn with 429
    // (Retry-After 1 s), 503 and 502, `failureRounds` times each.
    const kinds = [{ status: 429, retryAfterSeconds: 1 }, { status: 503 }, { status: 502 }];
    app.connector.injectEvery(
      failureEvery,
      failureRounds,
      ...kinds.map((k) => ({ ...k, pathIncludes: '/v3/conversations' })),
    );
    const since = app.connector.calls.length;
    const job = new DigestJob(services, { holder: 'bench-fan-out' });
    const started = performance.now();
    const summary = await job.runOnce(now, 'http');
    const seconds = (performance.now() - started) / 1000;

    const posts = app.connector.calls.slice(since).filter((c) => c.kind === 'create');
    const delivered = posts.filter((c) => c.status < 300);
    const perChannel = new Map<string, number>();
    for (const c of delivered) perChannel.set(channelOf(c), (perChannel.get(channelOf(c)) ?? 0) + 1);
    const counts = channelIds.map((id) => perChannel.get(id) ?? 0);
    if (summary.due !== channels) throw new Error(`expected ${channels} due subscriptions, found ${summary.due}`);
    return {
      channels,
      requests: posts.length,
      injected429: posts.filter((c) => c.status === 429).length,
      injected5xx: posts.filter((c) => c.status >= 500).length,
      delivered: delivered.length,
      channelsWithOne: counts.filter((n) => n === 1).length,
      duplicates: counts.filter((n) => n > 1).length,
      missing: counts.filter((n) => n === 0).length,
      peakPerConversation: maxPerKeyInWindow(posts, channelOf, (c) => c.at),
      peakPerTenant: maxInWindow(posts.map((c) => c.at)),
      seconds,
    };
  } finally {
    await app.stop();
  }
}

export function formatFanOut(r: FanOutResult): string {
  return [
    '| channels | requests | 429 | 5xx | delivered | exactly one | duplicates | missing | peak/s per conversation (≤ 7) | peak/s per tenant (≤ 50) | seconds |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${r.channels} | ${r.requests} | ${r.injected429} | ${r.injected5xx} | ${r.delivered} | ${r.channelsWithOne} | ${r.duplicates} | ${r.missing} | ${r.peakPerConversation} | ${r.peakPerTenant} | ${r.seconds.toFixed(1)} |`,
  ].join('\n');
}
