import { randomUUID } from 'node:crypto';
import { localTime } from '../../domain/calendar';
import type { TenantSettings } from '../../domain/tenant-settings';
import type { ScheduledJob } from '../../jobs/scheduler';
import type { Services } from '../../services';
import { FidelityRoundRepository, type FidelityRoundDoc } from '../../store/fidelity-round-repository';
import { closeRound, sendInvitations, sendReminders, type DeliveryOptions } from './round-delivery';
import { closeDue, reminderDue, roundPhase } from './rules';

/**
 * The fidelity rounds' clock, in every instance: invitations not sent yet (the start sends them at
 * once; this catches a send that died with its instance), reminders on their days from 09:00, and
 * closing the day after the end date from 08:00 with the report in the team's channel. Claims make
 * each message happen once however many instances look.
 */
export const FIDELITY_EVERY_MS = 15 * 60_000;

export function fidelityRoundJob(services: Services, options: Partial<DeliveryOptions> = {}): ScheduledJob {
  const delivery: DeliveryOptions = { holder: `fidelity-${randomUUID()}`, ...options };
  const allowed = (tenantId: string): boolean =>
    services.config.ALLOWED_TENANT_IDS.length === 0 || services.config.ALLOWED_TENANT_IDS.includes(tenantId);

  async function tick(round: FidelityRoundDoc, settings: TenantSettings, now: Date): Promise<void> {
    const local = localTime(now, settings.timeZone);
    if (closeDue(round, local)) {
      await closeRound(services, round, delivery, now);
      return;
    }
    if (roundPhase(round, local.date) !== 'open') return;
    if (round.invitationsSentAt === undefined) await sendInvitations(services, round, delivery, now);
    if (round.remindedOn !== local.date && reminderDue(round, local))
      await sendReminders(services, round, local.date, delivery, now);
  }

  return {
    name: 'fidelity-rounds',
    everyMs: FIDELITY_EVERY_MS,
    async run(now: Date): Promise<void> {
      const settingsOf = new Map<string, TenantSettings>();
      for await (const round of new FidelityRoundRepository(services.store).openRounds()) {
        if (!allowed(round.tenantId)) continue;
        let settings = settingsOf.get(round.tenantId);
        if (settings === undefined) {
          settings = await services.directory.getSettings(round.tenantId);
          settingsOf.set(round.tenantId, settings);
        }
        try {
          await tick(round, settings, now);
        } catch (e) {
          // One round's failure must not stop the others; the next tick tries again.
          services.log.error({ err: e, roundId: round.roundId }, 'Fidelity round job failed for a round');
        }
      }
    },
  };
}
