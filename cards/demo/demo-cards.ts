import type { Locale } from '../../bot/i18n/locale';
import type { Role } from '../../bot/domain/roles';
import { demoText as t } from '../../bot/i18n/demo';
import { common } from '../../bot/i18n/common';
import { actionSet, adaptiveCard, container, executeAction, facts, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

export const DEMO_VERB = 'demo.start';

/** The welcome card's offer (local trial on an empty store only). */
export function demoOffer(locale: Locale, cases: number): JsonObject {
  return container(
    [
      text(t(locale, 'offer.text', { cases })),
      actionSet([executeAction(t(locale, 'offer.button'), DEMO_VERB, {}, { style: 'positive' })]),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

export function demoStartedCard(locale: Locale, cases: number): AdaptiveCard {
  return adaptiveCard([heading(t(locale, 'started.title')), text(t(locale, 'started.text', { cases }))]);
}

export interface StartHere {
  readonly title: string;
  readonly command: string;
}

/** Sent when the demo is built: what is there, who the colleagues are, and buttons to begin with. */
export function demoReadyCard(input: {
  locale: Locale;
  cases: number;
  yours: number;
  roles: readonly Role[];
  colleagues: readonly { readonly name: string; readonly roles: readonly Role[] }[];
  seconds: number;
  startHere: readonly StartHere[];
}): AdaptiveCard {
  const { locale } = input;
  const roleNames = (roles: readonly Role[]) => roles.map((r) => common(locale, `role.${r}`)).join(', ');
  return adaptiveCard(
    [
      heading(t(locale, 'ready.title')),
      text(t(locale, 'ready.text', { cases: input.cases })),
      facts([
        [t(locale, 'ready.roles'), roleNames(input.roles)],
        [t(locale, 'ready.yours'), t(locale, 'ready.yours_value', { count: input.yours })],
        [
          t(locale, 'ready.colleagues'),
          input.colleagues.map((c) => `${c.name} (${roleNames(c.roles).toLocaleLowerCase(locale)})`).join(', '),
        ],
      ]),
      note(t(locale, 'ready.time', { seconds: input.seconds })),
      text(t(locale, 'ready.start'), { weight: 'Bolder' }),
    ],
    input.startHere.slice(0, 5).map((s) => executeAction(s.title, 'command.run', { command: s.command })),
  );
}
