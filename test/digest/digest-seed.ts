import type { CaseFacts, SensitiveFacts } from '../../bot/domain/case-facts';
import type { BotHarness, TestUser, Where } from '../harness/bot-harness';
import { facts, sensitive } from './facts-fixtures';

/**
 * A small municipality for the end-to-end digest tests, written straight into the embedded Cosmos
 * as the projection writer would (valid CaseFacts / SensitiveFacts documents).
 *
 * Group 1 since 1 January 2025, as of Monday 7 April 2025:
 *  - jobformidler J1: 10 citizens, 5 of them in a company internship since 1 March;
 *  - jobformidler J2: 6 citizens, 5 of them in a company internship.
 * So M1 = 10 of 16 = 63 % for the municipality, 5 of 10 = 50 % for a team of J1 alone.
 * Every citizen had a job conversation on Wednesday 2 April (M12 last week = 16).
 */
export const J1 = 'aaaaaaaa-0000-4000-8000-000000000001';
export const J2 = 'aaaaaaaa-0000-4000-8000-000000000002';

export function municipality(tenantId: string): { cases: CaseFacts[]; sensitive: SensitiveFacts[] } {
  const cases: CaseFacts[] = [];
  const add = (jobformidler: string, index: number, inPlacement: boolean): void => {
    const caseRef = `FR-${jobformidler.slice(-1)}${String(index).padStart(3, '0')}`;
    cases.push(
      facts(
        {
          caseRef,
          assignedJobformidlerId: jobformidler,
          g1: [['2025-01-01']],
          visitations: [{ group: 'G1_INTERVENTION', conversationAt: '2025-01-01', effectiveFrom: '2025-01-01' }],
          placements: inPlacement ? [{ placementId: `${caseRef}-p`, startDate: '2025-03-01' }] : [],
          contacts: [{ date: '2025-04-02' }],
          cvStatus: 'JOBNET',
          hasConcreteOwnJobGoal: true,
        },
        tenantId,
      ),
    );
  };
  for (let i = 0; i < 10; i++) add(J1, i, i < 5);
  for (let i = 0; i < 6; i++) add(J2, i, i < 5);
  return {
    cases,
    sensitive: [
      sensitive({ caseRef: 'FR-1000', screening: { conductedAt: '2025-03-20', outcome: 'NO_INDICATION' } }, tenantId),
    ],
  };
}

export async function seed(h: BotHarness, data: { cases: CaseFacts[]; sensitive: SensitiveFacts[] }): Promise<void> {
  for (const c of data.cases) await h.services.store.containers.cases.items.upsert(c);
  for (const s of data.sensitive) await h.services.store.containers.sensitive.items.upsert(s);
}

export interface Team {
  readonly teamId: string;
  readonly channelId: string;
  where(messageId?: string): Where;
}

export function team(name: string): Team {
  const teamId = `19:${name}-general@thread.tacv2`;
  const channelId = `19:${name}-ledelse@thread.tacv2`;
  return {
    teamId,
    channelId,
    where: (messageId = '1') => ({
      kind: 'channel',
      conversationId: `${channelId};messageid=${messageId}`,
      teamId,
      channelId,
    }),
  };
}

/** Adds the bot to a team (install event from the General channel), choosing `t.channelId` as its channel. */
export async function installIn(h: BotHarness, user: TestUser, t: Team): Promise<void> {
  await h.install(user, {
    kind: 'channel',
    conversationId: t.teamId,
    teamId: t.teamId,
    channelId: t.teamId,
    selectedChannelId: t.channelId,
  });
}
