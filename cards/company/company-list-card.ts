import type { Locale } from '../../bot/i18n/locale';
import { companyText as t } from '../../bot/i18n/company';
import type { CompanyDoc } from '../../bot/domain/company';
import { actionSet, adaptiveCard, columns, executeAction, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

/** A page of companies (all of them, or those matching a search), each with a button to open it. */
export function companyListCard(input: {
  readonly locale: Locale;
  readonly companies: readonly Pick<CompanyDoc, 'companyId' | 'name' | 'cvr' | 'city' | 'openTo'>[];
  readonly query?: string | undefined;
  readonly nextPageToken?: string | undefined;
  /** A CVR that has no company yet: offer to add it. */
  readonly missingCvr?: string | undefined;
  readonly canWrite: boolean;
}): AdaptiveCard {
  const { locale } = input;
  const rows: JsonObject[] = input.companies.map((c) =>
    columns([
      {
        items: [
          text(t(locale, 'list.line', { name: c.name, cvr: c.cvr, place: c.city ? ` · ${c.city}` : '' })),
          ...(c.openTo.length > 0
            ? [note(t(locale, 'list.open_to', { what: c.openTo.map((o) => t(locale, `openTo.${o}`)).join(', ') }))]
            : []),
        ],
      },
      {
        width: 'auto',
        items: [
          actionSet([executeAction(t(locale, 'opening.action.open'), 'company.open', { companyId: c.companyId })]),
        ],
      },
    ]),
  );
  const empty =
    input.missingCvr !== undefined
      ? t(locale, 'find.none_cvr', { cvr: input.missingCvr })
      : input.query !== undefined
        ? t(locale, 'find.none', { query: input.query })
        : t(locale, 'list.none');
  const buttons: JsonObject[] = [
    ...(input.nextPageToken !== undefined
      ? [executeAction(t(locale, 'list.more'), 'company.list', { continuationToken: input.nextPageToken })]
      : []),
    ...(input.canWrite
      ? [
          executeAction(
            t(locale, 'action.create_from_cvr'),
            'company.new',
            input.missingCvr !== undefined ? { cvr: input.missingCvr } : {},
          ),
        ]
      : []),
  ];
  return adaptiveCard(
    [
      heading(input.query !== undefined ? t(locale, 'list.found', { query: input.query }) : t(locale, 'list.title')),
      ...(rows.length === 0 ? [note(empty)] : rows),
    ],
    buttons,
  );
}
