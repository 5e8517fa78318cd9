import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError } from '../../domain/errors';
import type { CoreElementSet } from '../../domain/core-element-set';
import type { DeliveryResult, OutboundMessage, Services } from '../../services';
import { claimOnce } from '../../store/claims';
import { deleteDoc, type WithEtag } from '../../store/documents';
import { FidelityRoundRepository, type FidelityRoundDoc } from '../../store/fidelity-round-repository';
import { invitationCard } from '../../../cards/fidelity/answer-cards';
import { deliverWithRetry, type RetryPolicy } from '../delivery/retry-policy';
import { CoreElementSetCatalogue } from './core-element-sets';
import { loadReport, reportCard } from './report';
import { reminderDates } from './rules';
import { languageOfRecipient } from '../language/recipient-language';
import type { Locale } from '../../i18n/locale';

/**
 * Everything a round sends on its own: the invitation to each member, reminders to those who have
 * not answered, and the report in the team's channel when it closes. Each message is claimed once
 * in Cosmos first (bot/store/claims.ts), so several instances and repeated job ticks send it exactly
 * once: an invitation per member and round, a reminder per member and day, a close per round.
 * Throttled sends are retried with the digest's retry policy (backoff, jitter, Retry-After).
 */
export interface DeliveryOptions {
  readonly holder: string;
  readonly policy?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

const inviteKey = (roundId: string, userId: string): string => `fidelity-invite:${roundId}:${userId}`;
const remindKey = (roundId: string, userId: string, date: string): string =>
  `fidelity-remind:${roundId}:${userId}:${date}`;

async function send(options: DeliveryOptions, attempt: () => Promise<DeliveryResult>): Promise<DeliveryResult> {
  return deliverWithRetry(attempt, {
    sleep: options.sleep ?? ((ms) => sleep(ms)),
    random: options.random ?? Math.random,
    ...(options.policy ? { policy: options.policy } : {}),
    onAttempt: () => Promise.resolve(),
  });
}

async function setOf(services: Services, round: FidelityRoundDoc): Promise<CoreElementSet> {
  const set = await new CoreElementSetCatalogue(services.store).find(round.tenantId, round.setId, round.setVersion);
  if (set === undefined) throw new Error(`Core element set ${round.setId}@${round.setVersion} is missing`);
  return set;
}

/** Re-reads the round and applies `change` until the write wins (answers may arrive meanwhile). */
async function updateRound(
  services: Services,
  round: FidelityRoundDoc,
  change: (current: WithEtag<FidelityRoundDoc>) => FidelityRoundDoc | undefined,
): Promise<void> {
  const repo = new FidelityRoundRepository(services.store);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await repo.get(round.tenantId, round.roundId);
    if (current === undefined) return;
    const next = change(current);
    if (next === undefined) return;
    try {
      await repo.replace({ ...next, _etag: current._etag });
      return;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new ConflictError(`fidelity round ${round.roundId}`);
}

/** Sends one message per member not yet answered, each claimed under `key(member)`. Returns how many went. */
async function toMembers(
  services: Services,
  round: FidelityRoundDoc,
  messageIn: (language: Locale) => OutboundMessage,
  key: (userId: string) => string,
  options: DeliveryOptions,
  now: Date,
  what: string,
): Promise<number> {
  let sent = 0;
  const answered = new Set(round.answeredBy ?? []);
  for (const userId of round.invitees ?? []) {
    if (answered.has(userId)) continue;
    if (!(await claimOnce(services.store.containers.runs, round.tenantId, key(userId), now, options.holder))) continue;
    // Each member in their own language (their choice, else Teams'), never the leader's.
    const message = messageIn(await languageOfRecipient(services, round.tenantId, userId));
    const result = await send(options, () => services.notifier.sendToUser(round.tenantId, userId, message));
    if (result.status === 'sent') sent++;
    else services.log.warn({ roundId: round.roundId, status: result.status, what }, 'Fidelity message not delivered');
  }
  return sent;
}

/** The invitation to every member, once per member and round; then the round notes that all were asked. */
export async function sendInvitations(
  services: Services,
  round: FidelityRoundDoc,
  options: DeliveryOptions,
  now: Date,
): Promise<number> {
  const set = await setOf(services, round);
  const sent = await toMembers(
    services,
    round,
    (locale) => ({ card: invitationCard({ locale, round, set, reminder: false }) }),
    (userId) => inviteKey(round.roundId, userId),
    options,
    now,
    'invitation',
  );
  await updateRound(services, round, (current) =>
    current.invitationsSentAt !== undefined ? undefined : { ...current, invitationsSentAt: now.toISOString() },
  );
  services.log.info({ roundId: round.roundId, sent }, 'Fidelity round invitations sent');
  return sent;
}

/** A reminder to those who have not answered, once per member and day. */
export async function sendReminders(
  services: Services,
  round: FidelityRoundDoc,
  date: string,
  options: DeliveryOptions,
  now: Date,
): Promise<number> {
  const set = await setOf(services, round);
  const sent = await toMembers(
    services,
    round,
    (locale) => ({ card: invitationCard({ locale, round, set, reminder: true }) }),
    (userId) => remindKey(round.roundId, userId, date),
    options,
    now,
    'reminder',
  );
  await updateRound(services, round, (current) =>
    current.remindedOn === date ? undefined : { ...current, remindedOn: date },
  );
  services.log.info({ roundId: round.roundId, sent, date }, 'Fidelity round reminders sent');
  return sent;
}

/**
 * Closes a round after its end date: any unsent drafts and the once-only records of invitations and
 * reminders are deleted, then the round drops its lists of who was asked and who answered, so only the
 * team's sums remain; then the report is posted in the channel the round was started in. Every step
 * until then can run again (an instance that dies half-way leaves the round open, and the next tick
 * finishes it); only the audit entry and the report are claimed once per round.
 */
export async function closeRound(
  services: Services,
  round: FidelityRoundDoc,
  options: DeliveryOptions,
  now: Date,
): Promise<'closed' | 'claimed_elsewhere'> {
  const repo = new FidelityRoundRepository(services.store);
  const invitees = (await repo.get(round.tenantId, round.roundId))?.invitees ?? round.invitees ?? [];
  const drafts = await repo.deleteDrafts(round.tenantId, round.roundId);
  // The claims behind invitations and reminders name who had not answered on which day: gone too.
  const keys = invitees.flatMap((userId) => [
    inviteKey(round.roundId, userId),
    ...reminderDates(round.startDate, round.endDate).map((date) => remindKey(round.roundId, userId, date)),
  ]);
  for (const key of keys) await deleteDoc(services.store.containers.runs, `claim:${key}`, round.tenantId);
  await updateRound(services, round, (current) => {
    if (current.status === 'CLOSED') return undefined;
    const { invitees: _invitees, answeredBy: _answeredBy, ...rest } = current;
    return { ...rest, status: 'CLOSED', closedAt: now.toISOString() };
  });

  const claimed = await claimOnce(
    services.store.containers.runs,
    round.tenantId,
    `fidelity-close:${round.roundId}`,
    now,
    options.holder,
  );
  if (!claimed) return 'claimed_elsewhere';
  await services.audit.append({
    tenantId: round.tenantId,
    at: now.toISOString(),
    actorId: 'system:fidelity',
    actorRoles: [],
    action: 'fidelity.round.close',
    kind: 'write',
    purpose: 'management_information',
    channel: 'system',
    outcome: 'ok',
    correlationId: randomUUID(),
  });

  const closed = await repo.get(round.tenantId, round.roundId);
  const report = closed === undefined ? undefined : await loadReport(services.store, closed);
  const installation = await services.directory.getInstallation(round.tenantId, round.teamId);
  let status: DeliveryResult['status'] = 'no_reference';
  if (report !== undefined && installation !== undefined) {
    const card = reportCard(round.locale, report);
    const result = await send(options, () => services.notifier.postToChannel(installation, round.channelId, { card }));
    status = result.status;
    if (result.status === 'sent')
      await updateRound(services, round, (current) => ({ ...current, reportPostedAt: now.toISOString() }));
  }
  services.log.info({ roundId: round.roundId, drafts, report: status }, 'Fidelity round closed');
  return 'closed';
}
