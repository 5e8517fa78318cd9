import type { Locale } from '../../bot/i18n/locale';
import { companyText as t } from '../../bot/i18n/company';
import { caseText as v } from '../../bot/i18n/case-common';
import { formatDate } from '../../bot/domain/calendar';
import type { PlacementStatus, PlacementType } from '../../bot/domain/case';
import type { CompanyContactKind, CompanyDoc, OpeningStatus } from '../../bot/domain/company';
import {
  actionSet,
  adaptiveCard,
  container,
  errorText,
  executeAction,
  facts,
  goodText,
  heading,
  note,
  subheading,
  text,
} from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

/**
 * The company card (`virksomhed <navn|cvr>`): who the company is and what it is open to, its
 * contact persons, counts of work agreements and placements (case references only of the reader's
 * own citizens), the latest company contacts and its job openings.
 */
export interface CompanyCardView {
  readonly locale: Locale;
  readonly company: Pick<
    CompanyDoc,
    | 'companyId'
    | 'cvr'
    | 'name'
    | 'address'
    | 'postcode'
    | 'city'
    | 'industry'
    | 'industryCode'
    | 'contactPersons'
    | 'openTo'
    | 'notes'
  >;
  readonly ownerName: string;
  readonly counts: { readonly agreements: number; readonly placements: number; readonly active: number };
  /** Case references the reader may see (their own citizens), with the placement or agreement shown. */
  readonly ownCases: readonly {
    readonly caseRef: string;
    readonly type: PlacementType;
    readonly status?: PlacementStatus | undefined;
  }[];
  readonly contacts: readonly {
    readonly date: string;
    readonly kind: CompanyContactKind;
    readonly mode: 'IN_PERSON' | 'PHONE' | 'VIDEO' | 'MESSAGE';
    readonly who: string;
    readonly citizenCount: number;
  }[];
  readonly openings: readonly {
    readonly openingId: string;
    readonly title: string;
    readonly hoursPerWeek: number;
    readonly fromDate: string;
    readonly status: OpeningStatus;
  }[];
  readonly canWrite: boolean;
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' } | undefined;
}

const section = (title: string, items: JsonObject[]): JsonObject =>
  container([subheading(title), ...items], { separator: true, spacing: 'Medium' });

export function companyCard(view: CompanyCardView): AdaptiveCard {
  const { locale, company: c } = view;
  const place = [c.address, [c.postcode, c.city].filter(Boolean).join(' ')].filter((s) => s && s.length > 0);
  const industry = [
    c.industryCode !== undefined ? t(locale, 'card.industry_code', { code: c.industryCode }) : undefined,
    c.industry,
  ].filter((s): s is string => s !== undefined);
  const body: JsonObject[] = [
    heading(c.name),
    ...(view.notice ? [view.notice.tone === 'good' ? goodText(view.notice.text) : errorText(view.notice.text)] : []),
    facts([
      [t(locale, 'card.cvr'), c.cvr],
      ...(place.length > 0 ? [[t(locale, 'card.address'), place.join(', ')] as const] : []),
      ...(industry.length > 0 ? [[t(locale, 'card.industry'), industry.join(' · ')] as const] : []),
      [t(locale, 'card.owner'), view.ownerName],
      [
        t(locale, 'card.open_to'),
        c.openTo.length > 0 ? c.openTo.map((o) => t(locale, `openTo.${o}`)).join(', ') : t(locale, 'card.open_to.none'),
      ],
    ]),
    ...(c.notes ? [note(`${t(locale, 'card.notes')}: ${c.notes}`)] : []),
    section(
      t(locale, 'card.persons'),
      c.contactPersons.length === 0
        ? [note(t(locale, 'card.persons.none'))]
        : [
            facts(
              c.contactPersons.map(
                (p) => [p.name, [p.role, p.phone, p.email].filter(Boolean).join(' · ') || '–'] as const,
              ),
            ),
          ],
    ),
    section(t(locale, 'card.cases'), [
      text(t(locale, 'card.cases.counts', view.counts)),
      ...(view.ownCases.length > 0
        ? [
            note(t(locale, 'card.cases.yours')),
            ...view.ownCases.map((o) =>
              container(
                [
                  text(
                    t(locale, 'card.cases.line', {
                      caseRef: o.caseRef,
                      type: v(locale, `placementType.${o.type}`),
                      status: o.status !== undefined ? v(locale, `placementStatus.${o.status}`) : '–',
                    }),
                    { size: 'Small' },
                  ),
                ],
                { selectAction: executeAction(o.caseRef, 'case.open', { caseRef: o.caseRef }) },
              ),
            ),
          ]
        : []),
      ...(view.counts.agreements + view.counts.placements > view.ownCases.length
        ? [note(t(locale, 'card.cases.others'))]
        : []),
    ]),
    section(
      t(locale, 'card.openings'),
      view.openings.length === 0
        ? [note(t(locale, 'card.openings.none'))]
        : view.openings.map((o) =>
            container(
              [
                text(
                  t(locale, 'card.openings.line', {
                    title: o.title,
                    hours: o.hoursPerWeek,
                    from: formatDate(o.fromDate, locale),
                    status: t(locale, `status.${o.status}`),
                  }),
                  { size: 'Small' },
                ),
              ],
              { selectAction: executeAction(o.title, 'opening.open', { openingId: o.openingId }) },
            ),
          ),
    ),
    section(
      t(locale, 'card.contacts'),
      view.contacts.length === 0
        ? [note(t(locale, 'card.contacts.none'))]
        : view.contacts.map((k) =>
            text(
              t(locale, 'card.contacts.line', {
                date: formatDate(k.date, locale),
                kind: t(locale, `kind.${k.kind}`),
                mode: t(locale, `mode.${k.mode}`),
                who: k.who,
              }) + (k.citizenCount > 0 ? t(locale, 'card.contacts.citizens', { count: k.citizenCount }) : ''),
              { size: 'Small' },
            ),
          ),
    ),
  ];
  if (view.canWrite)
    body.push(
      actionSet([
        executeAction(t(locale, 'action.log_contact'), 'company.contact.new', { companyId: c.companyId }),
        executeAction(t(locale, 'action.new_opening'), 'opening.new', { companyId: c.companyId }),
        executeAction(t(locale, 'action.edit'), 'company.edit', { companyId: c.companyId }),
      ]),
    );
  return adaptiveCard(body, [
    executeAction(t(locale, 'action.refresh'), 'company.open', { companyId: c.companyId }),
    executeAction(t(locale, 'action.list'), 'company.list'),
  ]);
}
