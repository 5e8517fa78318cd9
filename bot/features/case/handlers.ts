import { z } from 'zod';
import { NotFoundError } from '../../domain/errors';
import { caseloadText } from '../../i18n/caseload';
import { cardReply, defineAction, type Feature, type HandlerContext } from '../feature';
import type { AdaptiveCard } from '../../../cards/types';
import { CaseRefSchema, formActionSchema } from './form-reader';
import { caseCardFor } from './open-case';
import { cvForm, saveCv } from './cv-status';
import { jobGoalsForm, saveJobGoals } from './job-goals';
import { takeOverCase } from './take-over';

const CaseRefData = z.object({ caseRef: CaseRefSchema });

/**
 * Typed case references arrive lower-cased (the router normalises text); generated references are
 * upper-case, so that is tried first, then the text as typed.
 */
async function openTyped(ctx: HandlerContext, typed: string): Promise<AdaptiveCard> {
  try {
    return await caseCardFor(ctx, typed.toUpperCase());
  } catch (e) {
    if (e instanceof NotFoundError && typed !== typed.toUpperCase()) return caseCardFor(ctx, typed);
    throw e;
  }
}

/** The case card (`case.open`, linked from the screening handover), ABC job goals, CV status and taking over a case. */
export const caseFeature: Feature = {
  name: 'case',
  commands: [
    {
      id: 'case.open',
      patterns: [/^(?:sag|åbn sag|case|open case) ([a-z0-9][a-z0-9._-]{2,63})$/],
      permission: 'case.read',
      help: {
        da: caseloadText('da', 'cmd.case'),
        en: caseloadText('en', 'cmd.case'),
        example: { da: 'sag FR-ABCD-1234', en: 'case FR-ABCD-1234' },
      },
      handle: async (ctx, { match }) => [cardReply(await openTyped(ctx, match[1] ?? ''))],
    },
  ],
  actions: [
    defineAction({
      verb: 'case.open',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await caseCardFor(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'case.take_over',
      schema: CaseRefData,
      handle: (ctx, data) => takeOverCase(ctx, data.caseRef),
    }),
    defineAction({
      verb: 'case.goals.edit',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await jobGoalsForm(ctx, data.caseRef) }),
    }),
    defineAction({ verb: 'case.goals.save', schema: formActionSchema({}), handle: saveJobGoals }),
    defineAction({
      verb: 'case.cv.edit',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await cvForm(ctx, data.caseRef) }),
    }),
    defineAction({ verb: 'case.cv.save', schema: formActionSchema({}), handle: saveCv }),
  ],
};
