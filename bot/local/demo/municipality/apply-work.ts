import type { FeatureRouter } from '../../../features/router';
import type { Services } from '../../../services';
import type { AdaptiveCard } from '../../../../cards/types';
import { CardClicker } from '../lib/card-clicker';
import { actionData, cardText } from '../lib/cards';
import { agreementText } from '../../../i18n/agreement';
import { at } from './apply-screening';
import type { CasePlan, MunicipalityPlan } from './plan';
import type { PlacementPlan, PlannedContact, PlannedWeek } from './plan-work';
import { employerFollowUps } from './plan-companies';
import { companyDocId } from '../../../domain/company';

/**
 * A group-1 citizen's planned months with the jobformidler, recorded by clicking the cards the
 * jobformidler would click (agreement.*, placement.*, hours.*, followup.*), each at its planned
 * moment: the handlers take the time from the turn, so rules such as "a week that has begun and is
 * not too old" and the follow-up cadence are checked against the day the action happens, exactly
 * as if the jobformidler had done it then.
 */
type Event =
  | { readonly at: Date; readonly kind: 'placement'; readonly placement: PlacementPlan }
  | { readonly at: Date; readonly kind: 'contact'; readonly contact: PlannedContact }
  | { readonly at: Date; readonly kind: 'hours'; readonly week: PlannedWeek }
  | { readonly at: Date; readonly kind: 'end'; readonly placement: PlacementPlan }
  | { readonly at: Date; readonly kind: 'goals' }
  | { readonly at: Date; readonly kind: 'employer'; readonly on: string; readonly placement: PlacementPlan };

const plusDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The planned work as one timeline (same-day order: placement 9:00, ABC goals 9:30, contact 10:00,
 * hours 11:00, a follow-up with the employer logged on the company 14:00, end 15:00).
 */
function timeline(c: CasePlan, today: string): Event[] {
  const work = c.work;
  if (work === undefined) return [];
  const events: Event[] = work.contacts.map((contact) => ({ at: at(contact.on, 10), kind: 'contact', contact }));
  if (work.goal !== undefined) events.push({ at: at(work.startOn, 9, 30), kind: 'goals' });
  const p = work.placement;
  if (p !== undefined) {
    events.push({ at: at(p.startOn, 9), kind: 'placement', placement: p });
    for (const on of employerFollowUps(p, today)) events.push({ at: at(on, 14), kind: 'employer', on, placement: p });
    // A week's hours are logged on the Monday after it (never before the week is over).
    for (const week of p.weeks) {
      const loggedOn = plusDays(week.monday, 7);
      if (loggedOn <= today) events.push({ at: at(loggedOn, 11), kind: 'hours', week });
    }
    if (p.end !== undefined) events.push({ at: at(p.end.on, 15), kind: 'end', placement: p });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function expectButton(card: AdaptiveCard, verb: string, caseNumber: string, step: string): AdaptiveCard {
  if (actionData(card, verb) === undefined)
    throw new Error(`${caseNumber}: ${step} was refused by the app:\n${cardText(card).slice(0, 600)}`);
  return card;
}

function checklist(p: PlacementPlan, job: string): Record<string, string> {
  const ordinary: Record<string, string> =
    p.ordinaryFromStart > 0
      ? { s_ORDINARY_HOURS_FROM_START: 'AGREED', v_ORDINARY_HOURS_FROM_START: String(p.ordinaryFromStart) }
      : { s_ORDINARY_HOURS_FROM_START: 'NOT_RELEVANT', r_ORDINARY_HOURS_FROM_START: 'Praktik først, timer senere' };
  return {
    s_TASKS: 'AGREED',
    v_TASKS: job,
    s_WORKING_HOURS: 'AGREED',
    v_WORKING_HOURS: p.type === 'ORDINARY_PAID_HOURS' ? String(Math.max(10, p.ordinaryFromStart)) : '28',
    ...ordinary,
    s_ORDINARY_HOURS_PLAN: 'AGREED',
    v_ORDINARY_HOURS_PLAN: 'Cirka en halv time mere om ugen, mod 30 timer',
    // An incomplete agreement leaves the milestones undiscussed (it shows as a gap on the card).
    ...(p.agreementComplete ? { s_MILESTONES: 'AGREED', v_MILESTONES: 'Flere opgaver på egen hånd' } : {}),
    s_FOLLOW_UP_PLAN: 'AGREED',
    v_FOLLOW_UP_PLAN: 'Hver 14. dag på virksomheden',
    s_PAYSLIP_TO_BENEFITS: 'AGREED',
    agreedAt: p.startOn,
    signedAt: p.startOn,
  };
}

/** Records one citizen's planned work as its jobformidler. Returns the number of card actions sent. */
export async function applyWork(
  services: Services,
  router: FeatureRouter,
  plan: MunicipalityPlan,
  c: CasePlan,
): Promise<number> {
  const jobformidlerId = c.visitation?.jobformidlerId;
  if (c.work === undefined || jobformidlerId === undefined) return 0;
  const me = new CardClicker(services, router, {
    tenantId: plan.tenantId,
    userId: jobformidlerId,
    roles: ['jobformidler'],
  });
  const caseRef = c.caseNumber;
  const job = c.work.goal?.title ?? 'Praktik i virksomheden';
  let actions = 0;
  const send = async (now: Date, verb: string, data: Record<string, unknown>) => {
    actions++;
    return me.send(now, verb, data);
  };
  const click = async (now: Date, card: AdaptiveCard, verb: string, fields: Record<string, string> = {}) => {
    actions++;
    return me.click(now, card, verb, fields);
  };

  for (const e of timeline(c, plan.today)) {
    switch (e.kind) {
      case 'placement': {
        const p = e.placement;
        const form = await send(e.at, 'agreement.new', { caseRef });
        const created = await click(e.at, form, 'agreement.create', {
          placementType: p.type,
          cvr: p.company.cvr,
          companyName: p.company.name,
          contactName: p.company.contact,
        });
        const agreed = await click(
          e.at,
          expectButton(created, 'agreement.save', caseRef, 'agreement.create'),
          'agreement.save',
          checklist(p, job),
        );
        if (cardText(agreed).includes(agreementText('da', 'not_saved', { error: '' }).trim()))
          throw new Error(`${caseRef}: agreement.save was refused by the app:\n${cardText(agreed).slice(0, 600)}`);
        // A complete agreement offers "Start forløb"; an incomplete one does not, so the jobformidler
        // starts the placement from the case card's "Nyt forløb".
        const startFrom = p.agreementComplete
          ? expectButton(agreed, 'placement.new', caseRef, 'agreement.save')
          : expectButton(await send(e.at, 'case.open', { caseRef }), 'placement.new', caseRef, 'case.open');
        const placementForm = await click(e.at, startFrom, 'placement.new');
        const saved = await click(
          e.at,
          expectButton(placementForm, 'placement.save', caseRef, 'placement.new'),
          'placement.save',
          {
            // Started from the case card, the form does not know the agreement's type: say it.
            placementType: p.type,
            startDate: p.startOn,
            plannedEndDate: p.plannedEndOn,
            status: 'ACTIVE',
          },
        );
        expectButton(saved, 'placement.edit', caseRef, 'placement.save');
        break;
      }
      case 'contact': {
        const form = await send(e.at, 'followup.new', { caseRef });
        const saved = await click(e.at, expectButton(form, 'followup.save', caseRef, 'followup.new'), 'followup.save', {
          date: e.contact.on,
          contactType: e.contact.type,
          outcome: 'CONTINUE',
        });
        if (actionData(saved, 'followup.save') !== undefined)
          throw new Error(`${caseRef}: followup.save was refused:\n${cardText(saved).slice(0, 600)}`);
        break;
      }
      case 'hours': {
        const form = await send(e.at, 'hours.new', { caseRef, isoWeek: e.week.isoWeek });
        await click(e.at, expectButton(form, 'hours.save', caseRef, 'hours.new'), 'hours.save', {
          isoWeek: e.week.isoWeek,
          ordinaryHours: String(e.week.ordinary),
          practiceHours: String(e.week.practice),
        });
        break;
      }
      case 'goals': {
        const goal = c.work.goal!;
        const form = await send(e.at, 'case.goals.edit', { caseRef });
        const saved = await click(
          e.at,
          expectButton(form, 'case.goals.save', caseRef, 'case.goals.edit'),
          'case.goals.save',
          {
            goalA_title: goal.title,
            goalA_actions: goal.actions,
            goalA_own: goal.citizenOwned ? 'true' : 'false',
          },
        );
        expectButton(saved, 'case.goals.edit', caseRef, 'case.goals.save');
        break;
      }
      case 'employer': {
        // A follow-up with the employer about this citizen, logged on the company, so it also counts on the case.
        const form = await send(e.at, 'company.contact.new', { companyId: companyDocId(e.placement.company.cvr) });
        const saved = await click(
          e.at,
          expectButton(form, 'company.contact.save', caseRef, 'company.contact.new'),
          'company.contact.save',
          { kind: 'PLACEMENT_FOLLOW_UP', mode: 'PHONE', date: e.on, cases: caseRef },
        );
        if (actionData(saved, 'company.contact.save') !== undefined)
          throw new Error(`${caseRef}: company.contact.save was refused:\n${cardText(saved).slice(0, 600)}`);
        break;
      }
      case 'end': {
        const opened = await send(e.at, 'case.open', { caseRef });
        const form = await click(e.at, expectButton(opened, 'placement.edit', caseRef, 'case.open'), 'placement.edit');
        const saved = await click(
          e.at,
          expectButton(form, 'placement.save', caseRef, 'placement.edit'),
          'placement.save',
          {
            status: e.placement.end!.status,
            actualEndDate: e.placement.end!.on,
          },
        );
        expectButton(saved, 'placement.edit', caseRef, 'placement.save (end)');
        break;
      }
    }
  }
  return actions;
}
