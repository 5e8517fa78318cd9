import { z } from 'zod';
import { visitationText as t } from '../../i18n/visitation';
import { visitationBasicsCard, visitationDetailsCard } from '../../../cards/visitation/decision-card';
import { visitationDecidedCard } from '../../../cards/visitation/decided-card';
import { messageCard } from '../../../cards/common/message-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { Locale } from '../../i18n/locale';
import { cardReply, defineAction, textReply, type Feature } from '../feature';
import { CaseRefSchema, isPlaceholder } from '../screening/case-ref';
import {
  openVisitation,
  saveVisitation,
  visitationBasics,
  visitationDetails,
  type VisitationView,
} from './decide-visitation';

const CardInputValue = z.union([z.string().max(2000), z.number(), z.boolean()]);
const FormDataSchema = z.object({ caseRef: CaseRefSchema }).catchall(CardInputValue);

function render(locale: Locale, view: VisitationView): AdaptiveCard {
  switch (view.kind) {
    case 'basics':
      return visitationBasicsCard({ locale, caseRef: view.caseRef, values: view.values, errors: view.errors });
    case 'details':
      return visitationDetailsCard({ locale, ...view });
    case 'decided':
      return visitationDecidedCard({ locale, ...view });
    case 'not_ready':
      return messageCard(t(locale, 'error.not_ready', { caseRef: view.caseRef }), { tone: 'attention' });
  }
}

const VISITATION_COMMAND = /^(?:visitation|visitér|visiter|visit)(?:\s+(\S+))?$/;

/** The visitation decision after a screening, and the handover of group 1 to a personal jobformidler. */
export const visitationFeature: Feature = {
  name: 'visitation',
  commands: [
    {
      id: 'visitation.open',
      helpButton: 'caseRef',
      patterns: [VISITATION_COMMAND],
      permission: 'visitation.decide',
      help: {
        da: t('da', 'cmd.help'),
        en: t('en', 'cmd.help'),
        example: { da: 'visitation SAGSNUMMER', en: 'visitation CASE-NUMBER' },
      },
      handle: async (ctx, { match }) => {
        const caseRef = CaseRefSchema.safeParse(match[1] ?? '');
        if (!caseRef.success || isPlaceholder(caseRef.data)) return [textReply(t(ctx.actor.locale, 'error.case_ref'))];
        return [cardReply(render(ctx.actor.locale, await openVisitation(ctx, caseRef.data)))];
      },
    },
  ],
  actions: [
    defineAction({
      verb: 'visitation.open',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: render(ctx.actor.locale, await openVisitation(ctx, data.caseRef)) }),
    }),
    defineAction({
      verb: 'visitation.next',
      schema: FormDataSchema,
      handle: async (ctx, { caseRef, ...raw }) => ({
        card: render(ctx.actor.locale, await visitationDetails(ctx, caseRef, raw)),
      }),
    }),
    defineAction({
      verb: 'visitation.back',
      schema: FormDataSchema,
      handle: async (ctx, { caseRef, ...raw }) => ({
        card: render(ctx.actor.locale, await visitationBasics(ctx, caseRef, raw)),
      }),
    }),
    defineAction({
      verb: 'visitation.save',
      schema: FormDataSchema,
      handle: async (ctx, { caseRef, ...raw }) => ({
        card: render(ctx.actor.locale, await saveVisitation(ctx, caseRef, raw)),
      }),
    }),
  ],
};
