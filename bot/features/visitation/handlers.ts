import { z } from 'zod';
import { visitationText as t } from '../../i18n/visitation';
import { visitationBasicsCard, visitationDetailsCard } from '../../../cards/visitation/decision-card';
import { visitationDecidedCard } from '../../../cards/visitation/decided-card';
import { messageCard } from '../../../cards/common/message-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { Locale } from '../../i18n/locale';
import {
  cardReply,
  defineAction,
  textReply,
  type ActionOutcome,
  type Feature,
  type HandlerContext,
  type InputRefusal,
} from '../feature';
import { CaseRefSchema, isPlaceholder } from '../screening/case-ref';
import { saveVisitation } from './decide-visitation';
import { openVisitation, visitationBasics, visitationDetails, type VisitationView } from './visitation-form';
import type { VisitationMode } from './rules';

const CardInputValue = z.union([z.string().max(2000), z.number(), z.boolean()]);
const FormDataSchema = z.object({ caseRef: CaseRefSchema }).catchall(CardInputValue);

/** The form again after the router refused a CPR number in it: the typed values (masked) and the field marked. */
const refusedVisitation =
  (mode: VisitationMode) =>
  async (
    ctx: HandlerContext,
    { caseRef, ...raw }: z.output<typeof FormDataSchema>,
    refusal: InputRefusal,
  ): Promise<ActionOutcome> => {
    const view = await visitationBasics(ctx, caseRef, raw, mode);
    const cpr = refusal.fields.map((field) => ({ field, key: 'cpr' as const }));
    const marked =
      view.kind === 'basics' || view.kind === 'details' ? { ...view, errors: [...view.errors, ...cpr] } : view;
    return { card: render(ctx.actor.locale, marked) };
  };

function render(locale: Locale, view: VisitationView): AdaptiveCard {
  switch (view.kind) {
    case 'basics':
      return visitationBasicsCard({
        locale,
        caseRef: view.caseRef,
        values: view.values,
        errors: view.errors,
        mode: view.mode,
        current: view.current,
      });
    case 'details':
      return visitationDetailsCard({ locale, ...view });
    case 'decided':
      return visitationDecidedCard({ locale, ...view });
    case 'not_ready':
      return messageCard(t(locale, 'error.not_ready', { caseRef: view.caseRef }), { tone: 'attention' });
    case 'not_changeable':
      return messageCard(
        t(locale, view.why === 'closed' ? 'change.closed' : 'change.not_visited', { caseRef: view.caseRef }),
        { tone: 'attention' },
      );
  }
}

const VISITATION_COMMAND = /^(?:visitation|visitér|visiter|visit)(?:\s+(\S+))?$/;
const CHANGE_COMMAND = /^(?:ændr visitation(?:en)?|aendr visitation|change visitation)(?:\s+(\S+))?$/;

/** The four card verbs of one mode (decide: `visitation.*`, change: `visitation.change.*`). */
function verbsFor(mode: VisitationMode, verbs: { open: string; next: string; back: string; save: string }) {
  return [
    defineAction({
      verb: verbs.open,
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: render(ctx.actor.locale, await openVisitation(ctx, data.caseRef, mode)) }),
    }),
    defineAction({
      verb: verbs.next,
      schema: FormDataSchema,
      refusedInput: refusedVisitation(mode),
      handle: async (ctx, { caseRef, ...raw }) => ({
        card: render(ctx.actor.locale, await visitationDetails(ctx, caseRef, raw, mode)),
      }),
    }),
    defineAction({
      verb: verbs.back,
      schema: FormDataSchema,
      handle: async (ctx, { caseRef, ...raw }) => ({
        card: render(ctx.actor.locale, await visitationBasics(ctx, caseRef, raw, mode)),
      }),
    }),
    defineAction({
      verb: verbs.save,
      schema: FormDataSchema,
      refusedInput: refusedVisitation(mode),
      handle: async (ctx, { caseRef, ...raw }) => ({
        card: render(ctx.actor.locale, await saveVisitation(ctx, caseRef, raw, mode)),
      }),
    }),
  ];
}

/**
 * The visitation decision after a screening, the handover of group 1 to a personal jobformidler and
 * of group 2 to its owner, and re-visitation (issue 15 item 3).
 */
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
    {
      id: 'visitation.change',
      patterns: [CHANGE_COMMAND],
      permission: 'visitation.change',
      help: {
        da: t('da', 'cmd.change.help'),
        en: t('en', 'cmd.change.help'),
        example: { da: 'ændr visitation SAGSNUMMER', en: 'change visitation CASE-NUMBER' },
      },
      handle: async (ctx, { match }) => {
        const caseRef = CaseRefSchema.safeParse(match[1] ?? '');
        if (!caseRef.success || isPlaceholder(caseRef.data)) return [textReply(t(ctx.actor.locale, 'error.case_ref'))];
        return [cardReply(render(ctx.actor.locale, await openVisitation(ctx, caseRef.data, 'change')))];
      },
    },
  ],
  actions: [
    ...verbsFor('decide', {
      open: 'visitation.open',
      next: 'visitation.next',
      back: 'visitation.back',
      save: 'visitation.save',
    }),
    ...verbsFor('change', {
      open: 'visitation.change',
      next: 'visitation.change.next',
      back: 'visitation.change.back',
      save: 'visitation.change.save',
    }),
  ],
};
