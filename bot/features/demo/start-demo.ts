import { offersDemo } from '../../config';
import { businessDate } from '../../domain/calendar';
import { ROLES } from '../../domain/roles';
import { demoText as t } from '../../i18n/demo';
import { buildDemo, demoPlan, DEMO } from '../../local/demo/demo-municipality';
import { CaseRepository } from '../../store/case-repository';
import type { Services } from '../../services';
import { messageCard } from '../../../cards/common/message-card';
import { demoReadyCard, demoStartedCard, type StartHere } from '../../../cards/demo/demo-cards';
import type { ActionOutcome, Command, HandlerContext } from '../feature';
import { staffName } from '../staff-name';

/**
 * Builds the demo municipality for the person who clicked, in the background: the click is answered
 * at once, and the "ready" card is sent to their 1:1 chat when the last case is recorded. One build
 * per tenant at a time; never on a store that has cases, and never outside the local trial.
 */
const running = new WeakMap<Services, Map<string, Promise<void>>>();

function buildsOf(services: Services): Map<string, Promise<void>> {
  let builds = running.get(services);
  if (builds === undefined) running.set(services, (builds = new Map()));
  return builds;
}

/** The build under way for a tenant, if any (tests and shutdown wait for it). */
export const demoBuild = (services: Services, tenantId: string): Promise<void> | undefined =>
  buildsOf(services).get(tenantId);

/** Offered on the welcome card: local trial, an admin, and no case yet. */
export async function demoOffered(ctx: HandlerContext): Promise<boolean> {
  return (
    offersDemo(ctx.services.config) &&
    ctx.guard.allows('roles.manage') &&
    !buildsOf(ctx.services).has(ctx.actor.tenantId) &&
    !(await new CaseRepository(ctx.services.store).hasAny(ctx.actor.tenantId))
  );
}

export async function startDemo(
  ctx: HandlerContext,
  startHere: (locale: HandlerContext['actor']['locale']) => StartHere[],
): Promise<ActionOutcome> {
  const { services, actor } = ctx;
  const locale = actor.locale;
  if (!offersDemo(services.config)) return { card: messageCard(t(locale, 'not_local.text'), { tone: 'attention' }) };
  ctx.guard.require('roles.manage');
  const builds = buildsOf(services);
  if (builds.has(actor.tenantId)) return { card: messageCard(t(locale, 'running.text')) };
  if (await new CaseRepository(services.store).hasAny(actor.tenantId))
    return { card: messageCard(t(locale, 'not_empty.text'), { tone: 'attention' }) };

  const me = await services.directory.getUser(actor.tenantId, actor.userId);
  const plan = demoPlan(
    { tenantId: actor.tenantId, userId: actor.userId, displayName: staffName(me, locale, actor.userId) },
    businessDate(ctx.now),
  );
  const build = (async () => {
    try {
      const demo = await buildDemo(services, plan);
      ctx.log.info({ ...demo.report, ms: Math.round(demo.report.ms) }, 'Demo municipality built');
      const card = demoReadyCard({
        locale,
        cases: demo.cases,
        yours: demo.yours,
        roles: ROLES,
        colleagues: demo.colleagues,
        seconds: Math.max(1, Math.round(demo.report.ms / 1000)),
        startHere: startHere(locale),
      });
      const sent = await services.notifier.sendToUser(actor.tenantId, actor.userId, { card });
      ctx.log.info({ delivery: sent.status }, 'Demo ready message');
    } catch (error) {
      ctx.log.error({ err: error }, 'Demo municipality failed');
      await services.notifier
        .sendToUser(actor.tenantId, actor.userId, { text: t(locale, 'failed.text') })
        .catch(() => undefined);
    } finally {
      builds.delete(actor.tenantId);
    }
  })();
  builds.set(actor.tenantId, build);
  return { card: demoStartedCard(locale, DEMO.cases) };
}

/** The commands the ready card starts from (each runs through the router, with its own checks). */
export function startHereFrom(commands: readonly Command[], ids: readonly string[]) {
  return (locale: 'da' | 'en'): StartHere[] =>
    ids.flatMap((id) => {
      const c = commands.find((x) => x.id === id);
      return c?.help
        ? [{ title: c.quickAction?.[locale] ?? c.help.example[locale], command: c.help.example[locale] }]
        : [];
    });
}
