import { companyDocId } from '../../../domain/company';
import type { FeatureRouter } from '../../../features/router';
import type { Services } from '../../../services';
import { CompanyRepository } from '../../../store/company-repository';
import type { AdaptiveCard } from '../../../../cards/types';
import { CardClicker } from '../lib/card-clicker';
import { actionData, cardText } from '../lib/cards';
import { at } from './apply-screening';
import type { MunicipalityPlan } from './plan';

/**
 * The company side of the plan, recorded by clicking the cards the staff would click: the
 * consultant adds each company ("ny virksomhed"), then openings ("Ny jobåbning") and company
 * contacts ("Log kontakt") are added at their planned days by whoever had them. A company that
 * already exists was done by an earlier run: its openings and contacts are left alone, so a second
 * run adds nothing. Returns the number of card actions sent.
 */
export async function applyCompanySide(
  services: Services,
  router: FeatureRouter,
  plan: MunicipalityPlan,
): Promise<number> {
  const side = plan.companySide;
  const companies = new CompanyRepository(services.store);
  const roles = new Map([...plan.jobformidlere, ...plan.konsulenter].map((s) => [s.userId, s.roles] as const));
  const as = (userId: string) =>
    new CardClicker(services, router, { tenantId: plan.tenantId, userId, roles: roles.get(userId) ?? [] });
  let actions = 0;
  const expect = (card: AdaptiveCard, text: string, what: string): void => {
    if (!cardText(card).includes(text))
      throw new Error(`${what} was refused by the app:\n${cardText(card).slice(0, 600)}`);
  };

  const fresh = new Set<string>();
  for (const c of side.companies) {
    if ((await companies.getByCvr(plan.tenantId, c.cvr)) !== undefined) continue;
    fresh.add(c.cvr);
    const me = as(c.ownerId);
    const when = at(c.addedOn, 8, 30);
    const form = await me.send(when, 'company.new', {});
    const created = await me.click(when, form, 'company.create', {
      cvr: c.cvr,
      name: c.name,
      postcode: c.postcode,
      city: c.city,
      industry: c.industry,
      openTo: c.openTo.join(','),
      ownerId: c.ownerId,
      person1_name: c.contactPerson.name,
      person1_role: c.contactPerson.role,
      person1_phone: c.contactPerson.phone,
    });
    actions += 2;
    expect(created, 'Virksomheden er oprettet.', `company ${c.cvr}`);
  }

  for (const o of side.openings.filter((x) => fresh.has(x.cvr))) {
    const me = as(o.byUserId);
    const when = at(o.registeredOn, 11);
    const form = await me.send(when, 'opening.new', { companyId: companyDocId(o.cvr) });
    const created = await me.click(when, form, 'opening.create', {
      title: o.title,
      placementType: o.placementType,
      hoursPerWeek: String(o.hoursPerWeek),
      ordinaryHoursFromStart: String(o.ordinaryHoursFromStart),
      tasks: o.tasks,
      accommodationPossible: o.accommodationPossible ? 'true' : 'false',
      fromDate: o.fromDate,
      status: o.status,
    });
    actions += 2;
    expect(created, 'Jobåbningen er oprettet.', `opening at ${o.cvr}`);
  }

  for (const k of side.contacts.filter((x) => fresh.has(x.cvr))) {
    const me = as(k.staffId);
    const when = at(k.on, 13);
    const form = await me.send(when, 'company.contact.new', { companyId: companyDocId(k.cvr) });
    const saved = await me.click(when, form, 'company.contact.save', { kind: k.kind, mode: k.mode, date: k.on });
    actions += 2;
    if (actionData(saved, 'company.contact.save') !== undefined)
      throw new Error(`company contact at ${k.cvr} was refused:\n${cardText(saved).slice(0, 600)}`);
  }
  return actions;
}
