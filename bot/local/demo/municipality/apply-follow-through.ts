import type { FeatureRouter } from '../../../features/router';
import type { Services } from '../../../services';
import type { AdaptiveCard } from '../../../../cards/types';
import { CaseRepository } from '../../../store/case-repository';
import { CardClicker } from '../lib/card-clicker';
import { actionData, cardText } from '../lib/cards';
import { at } from './apply-screening';
import type { CasePlan, MunicipalityPlan } from './plan';

/**
 * Records a citizen's planned follow-through (plan-follow-through.ts) by clicking the cards the staff
 * would click, each at its planned moment: the group 2 owner's rehabilitation card (meeting held,
 * recommendation, closing), a jobformidler's handover that the colleague accepts, and closing for a
 * job followed by aftercare contacts. Returns the number of card actions sent.
 */
function expect(card: AdaptiveCard, verb: string, caseRef: string, step: string): AdaptiveCard {
  if (actionData(card, verb) === undefined)
    throw new Error(`${caseRef}: ${step} was refused by the app:\n${cardText(card).slice(0, 600)}`);
  return card;
}

export async function applyFollowThrough(
  services: Services,
  router: FeatureRouter,
  plan: MunicipalityPlan,
  c: CasePlan,
): Promise<number> {
  let actions = 0;
  const as = (userId: string, roles: ('jobformidler' | 'myndighedssagsbehandler')[]) => {
    const clicker = new CardClicker(services, router, { tenantId: plan.tenantId, userId, roles });
    return {
      send: (now: Date, verb: string, data: Record<string, unknown>) => {
        actions++;
        return clicker.send(now, verb, data);
      },
      click: (now: Date, card: AdaptiveCard, verb: string, fields: Record<string, string> = {}) => {
        actions++;
        return clicker.click(now, card, verb, fields);
      },
    };
  };
  const caseRef = c.caseNumber;

  const r = c.rehab;
  const owner = c.visitation?.ownerId;
  if (r !== undefined && owner !== undefined && r.heldOn !== undefined) {
    const me = as(owner, ['myndighedssagsbehandler']);
    const when = at(r.recommendedOn ?? r.heldOn, 11);
    const card = expect(await me.send(when, 'rehab.open', { caseRef }), 'rehab.save', caseRef, 'rehab.open');
    const saved = await me.click(when, card, 'rehab.save', {
      meetingHeldAt: r.heldOn,
      ...(r.recommendation !== undefined && r.recommendedOn !== undefined
        ? { recommendation: r.recommendation, recommendedAt: r.recommendedOn }
        : {}),
    });
    if (!cardText(saved).includes('Gemt.')) throw new Error(`${caseRef}: rehab.save was refused:\n${cardText(saved)}`);
    if (r.closedOn !== undefined && r.recommendation !== undefined && r.recommendation !== 'OTHER') {
      const closeAt = at(r.closedOn, 13);
      const form = expect(
        await me.send(closeAt, 'rehab.close.open', { caseRef }),
        'rehab.close.review',
        caseRef,
        'close',
      );
      const review = expect(
        await me.click(closeAt, form, 'rehab.close.review', { reason: r.recommendation, date: r.closedOn }),
        'rehab.close.confirm',
        caseRef,
        'rehab.close.review',
      );
      await me.click(closeAt, review, 'rehab.close.confirm');
    }
  }

  const f = c.followThrough;
  const jobformidler = c.visitation?.jobformidlerId;
  if (f?.transfer !== undefined && jobformidler !== undefined) {
    const t = f.transfer;
    const from = as(jobformidler, ['jobformidler']);
    const form = expect(
      await from.send(at(t.on, 9), 'transfer.open', { caseRef }),
      'transfer.request',
      caseRef,
      'transfer.open',
    );
    await from.click(at(t.on, 9), form, 'transfer.request', { toUserId: t.toJobformidlerId, reason: t.reason });
    // The colleague answers from the question they got 1:1 (the request is on the case).
    const pending = (await new CaseRepository(services.store).get(plan.tenantId, caseRef))?.pendingTransfer;
    if (pending === undefined) throw new Error(`${caseRef}: the transfer request was not recorded`);
    await as(t.toJobformidlerId, ['jobformidler']).send(at(t.on, 10), 'transfer.accept', {
      caseRef,
      requestedAt: pending.requestedAt,
    });
  }
  if (f?.closedForJob !== undefined && jobformidler !== undefined) {
    const me = as(jobformidler, ['jobformidler']);
    const closeAt = at(f.closedForJob.on, 14);
    const review = expect(
      await me.send(closeAt, 'case.close.review', {
        caseRef,
        reason: 'EMPLOYED_SELF_SUPPORTING',
        date: f.closedForJob.on,
      }),
      'case.close.confirm',
      caseRef,
      'case.close.review',
    );
    await me.click(closeAt, review, 'case.close.confirm');
    for (const on of f.closedForJob.aftercare) {
      const form = expect(
        await me.send(at(on, 10), 'aftercare.new', { caseRef }),
        'aftercare.save',
        caseRef,
        'aftercare.new',
      );
      const saved = await me.click(at(on, 10), form, 'aftercare.save', { date: on, mode: 'PHONE' });
      if (actionData(saved, 'aftercare.save') !== undefined)
        throw new Error(`${caseRef}: aftercare.save was refused:\n${cardText(saved).slice(0, 600)}`);
    }
  }
  return actions;
}
