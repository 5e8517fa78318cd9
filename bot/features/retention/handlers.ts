import { z } from 'zod';
import { NotFoundError } from '../../domain/errors';
import { retentionText as t } from '../../i18n/retention';
import { CaseRepository } from '../../store/case-repository';
import { messageCard } from '../../../cards/common/message-card';
import { reopenConfirmCard, reopenedCard } from '../../../cards/retention/reopen-card';
import type { AdaptiveCard } from '../../../cards/types';
import { cardReply, defineAction, textReply, type Feature, type HandlerContext } from '../feature';
import { ownershipOf } from '../case-work/case-access';
import { CaseRefSchema } from '../case-work/form-reader';
import { isPlaceholder } from '../screening/case-ref';
import { reopenCase } from './reopen-case';

/** The confirmation card, after an audited read of the case's closure. */
async function askReopen(ctx: HandlerContext, caseRef: string): Promise<AdaptiveCard> {
  const theCase = await new CaseRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef);
  if (theCase === undefined) throw new NotFoundError('case');
  return ctx.guard.run(
    {
      action: 'case.reopen',
      auditAction: 'case.reopen.open',
      kind: 'read',
      purpose: 'administration',
      caseRef: theCase.caseRef,
      resource: ownershipOf(theCase),
    },
    async () =>
      theCase.status !== 'CLOSED' || theCase.closure === undefined
        ? messageCard(t(ctx.actor.locale, 'reopen.not_closed', { caseRef: theCase.caseRef }), { tone: 'attention' })
        : reopenConfirmCard({
            locale: ctx.actor.locale,
            caseRef: theCase.caseRef,
            closure: theCase.closure,
            expiresAt: theCase.expiresAt,
          }),
  );
}

async function doReopen(ctx: HandlerContext, caseRef: string): Promise<AdaptiveCard> {
  const locale = ctx.actor.locale;
  const result = await reopenCase(ctx, caseRef);
  if (result.kind !== 'reopened')
    return messageCard(t(locale, result.kind === 'expired' ? 'reopen.expired' : 'reopen.not_closed', { caseRef }), {
      tone: 'attention',
    });
  const c = result.caseDoc;
  const group = c.visitation?.group;
  const next =
    group === undefined
      ? 'visitation'
      : group === 'G3_NOT_EMPLOYMENT_READY' || group === 'OUT_OF_SCOPE'
        ? 'change'
        : 'owner';
  const mayDecide =
    next === 'visitation'
      ? ctx.guard.allows('visitation.decide', ownershipOf(c))
      : ctx.guard.allows('visitation.change', ownershipOf(c));
  return reopenedCard({ locale, caseRef, status: c.status, next, mayDecide });
}

const REOPEN_COMMAND = /^(?:genåbn|genaabn|genåben)(?: sag(?:en)?)?(?:\s+(\S+))?$|^re-?open(?: case)?(?:\s+(\S+))?$/;

/** Re-opening a closed case within its retention period (issue 15 item 2). */
export const retentionFeature: Feature = {
  name: 'retention',
  commands: [
    {
      id: 'case.reopen',
      patterns: [REOPEN_COMMAND],
      permission: 'case.reopen',
      help: {
        da: t('da', 'cmd.reopen'),
        en: t('en', 'cmd.reopen'),
        example: { da: 'genåbn sag SAGSNUMMER', en: 'reopen case CASE-NUMBER' },
      },
      handle: async (ctx, { match }) => {
        const typed = CaseRefSchema.safeParse(match[1] ?? match[2] ?? '');
        if (!typed.success || isPlaceholder(typed.data)) return [textReply(t(ctx.actor.locale, 'cmd.reopen_usage'))];
        return [cardReply(await askReopen(ctx, typed.data))];
      },
    },
  ],
  actions: [
    defineAction({
      verb: 'case.reopen',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await askReopen(ctx, data.caseRef) }),
    }),
    defineAction({
      verb: 'case.reopen.confirm',
      schema: z.object({ caseRef: CaseRefSchema }),
      handle: async (ctx, data) => ({ card: await doReopen(ctx, data.caseRef) }),
    }),
  ],
};
