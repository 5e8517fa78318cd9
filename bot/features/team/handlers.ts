import { z } from 'zod';
import { teamText as t } from '../../i18n/team';
import { cardReply, defineAction, type Feature } from '../feature';
import { CaseRefSchema, FormValueSchema } from '../case-work/form-reader';
import {
  bulkForm,
  bulkSave,
  reassignForm,
  reassignSave,
  transferAnswer,
  transferOpen,
  transferRequest,
} from './move-flow';
import { myFigures } from './my-figures';
import { sparringCase, sparringCaseload, teamOverview } from './sparring';

const UserIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/);
const CaseRefData = z.object({ caseRef: CaseRefSchema });
const CaseForm = z.object({ caseRef: CaseRefSchema }).catchall(FormValueSchema);
const BulkForm = z.object({ fromUserId: UserIdSchema }).catchall(FormValueSchema);

/**
 * The team around a citizen (issue 15 items 4 and 6): the leader at the case table (the team's
 * caseloads against the band, a jobformidler's citizens and a case's overview for sparring), moving
 * cases between jobformidlere, a jobformidler's handover with the receiver's acceptance, and
 * "mine tal". Every route is 1:1 only (deny by default).
 */
export const teamFeature: Feature = {
  name: 'team',
  commands: [
    {
      id: 'sparring',
      patterns: [/^(?:sparring|sagsstammer|teamets sagsstammer|team caseloads|caseloads)$/],
      permission: 'caseload.balance',
      help: { da: t('da', 'cmd.sparring'), en: t('en', 'cmd.sparring'), example: { da: 'sparring', en: 'sparring' } },
      handle: async (ctx) => [cardReply(await teamOverview(ctx))],
    },
    {
      id: 'figures.own',
      patterns: [/^(?:mine tal|my figures|my numbers)$/],
      permission: 'figures.own',
      help: { da: t('da', 'cmd.figures'), en: t('en', 'cmd.figures'), example: { da: 'mine tal', en: 'my figures' } },
      handle: async (ctx) => [cardReply(await myFigures(ctx))],
    },
  ],
  actions: [
    defineAction({
      verb: 'sparring.team',
      schema: z.object({}),
      handle: async (ctx) => ({ card: await teamOverview(ctx) }),
    }),
    defineAction({
      verb: 'sparring.caseload',
      schema: z.object({ userId: UserIdSchema, continuationToken: z.string().min(1).max(4000).optional() }),
      handle: async (ctx, data) => ({ card: await sparringCaseload(ctx, data.userId, data.continuationToken) }),
    }),
    defineAction({
      verb: 'sparring.case',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await sparringCase(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'reassign.form',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await reassignForm(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'reassign.save',
      schema: CaseForm,
      handle: (ctx, data) => reassignSave(ctx, data),
    }),
    defineAction({
      verb: 'reassign.bulk',
      schema: z.object({ fromUserId: UserIdSchema }),
      handle: async (ctx, data) => ({ card: await bulkForm(ctx, data.fromUserId) }),
    }),
    defineAction({
      verb: 'reassign.bulk.save',
      schema: BulkForm,
      handle: (ctx, data) => bulkSave(ctx, data),
    }),
    defineAction({
      verb: 'transfer.open',
      schema: CaseRefData,
      handle: async (ctx, data) => ({ card: await transferOpen(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'transfer.request',
      schema: CaseForm,
      handle: (ctx, data) => transferRequest(ctx, data),
    }),
    defineAction({
      verb: 'transfer.accept',
      schema: z.object({ caseRef: CaseRefSchema, requestedAt: z.string().max(40) }),
      handle: async (ctx, data) => ({ card: await transferAnswer(ctx, data.caseRef, data.requestedAt, true) }),
    }),
    defineAction({
      verb: 'transfer.decline',
      schema: z.object({ caseRef: CaseRefSchema, requestedAt: z.string().max(40) }),
      handle: async (ctx, data) => ({ card: await transferAnswer(ctx, data.caseRef, data.requestedAt, false) }),
    }),
  ],
};
