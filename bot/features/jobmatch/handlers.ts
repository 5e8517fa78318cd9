import { z } from 'zod';
import { jobMatchText } from '../../i18n/jobmatch';
import { cardReply, defineAction, textReply, type Feature } from '../feature';
import { CaseRefSchema, formActionSchema } from '../case-work/form-reader';
import { isPlaceholder } from '../screening/case-ref';
import { profileForm, saveProfile } from './match-profile';
import { suggestionsForCase, suggestionsForOpening } from './suggest';
import { dismissMatch, takeMatch } from './take-match';

const OpeningId = z.string().min(8).max(64);

/**
 * Job match (FSM KE3 "individuelt jobmatch"): suggestions from plain rules, for a citizen or for an
 * opening, and the jobformidler's decision on each. Taking a match starts a work agreement.
 */
export const jobMatchFeature: Feature = {
  name: 'jobmatch',
  commands: [
    {
      id: 'jobmatch.case',
      patterns: [/^(?:jobmatch|job match)(?: (\S+))?$/],
      permission: 'jobmatch.suggest',
      help: {
        da: jobMatchText('da', 'cmd.case'),
        en: jobMatchText('en', 'cmd.case'),
        example: { da: 'jobmatch SAGSNUMMER', en: 'job match CASE-NUMBER' },
      },
      handle: async (ctx, { match }) => {
        const caseRef = CaseRefSchema.safeParse(match[1] ?? '');
        if (!caseRef.success || isPlaceholder(caseRef.data))
          return [textReply(jobMatchText(ctx.actor.locale, 'cmd.usage'))];
        return [cardReply(await suggestionsForCase(ctx, caseRef.data))];
      },
    },
  ],
  actions: [
    defineAction({
      verb: 'jobmatch.for_case',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await suggestionsForCase(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'jobmatch.for_opening',
      schema: z.object({ openingId: OpeningId }),
      handle: async (ctx, data) => ({ card: await suggestionsForOpening(ctx, data.openingId) }),
    }),
    defineAction({
      verb: 'jobmatch.take',
      schema: z.object({ caseRef: CaseRefSchema, openingId: OpeningId }),
      handle: (ctx, data) => takeMatch(ctx, data),
    }),
    defineAction({
      verb: 'jobmatch.dismiss',
      schema: z.object({
        caseRef: CaseRefSchema,
        openingId: OpeningId,
        from: z.enum(['case', 'opening']).default('case'),
      }),
      handle: (ctx, data) => dismissMatch(ctx, data),
    }),
    defineAction({
      verb: 'jobmatch.profile.edit',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await profileForm(ctx, data.caseRef) }),
    }),
    defineAction({ verb: 'jobmatch.profile.save', schema: formActionSchema({}), handle: saveProfile }),
  ],
};
