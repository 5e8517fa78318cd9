import { z } from 'zod';
import { caseloadText as t } from '../../i18n/caseload';
import { cardReply, defineAction, type Feature } from '../feature';
import { caseloadPage } from './list-caseload';

/** "Mine borgere" (`caseload.open`, also linked from the screening handover and the daily nudge). */
export const caseloadFeature: Feature = {
  name: 'caseload',
  commands: [
    {
      id: 'caseload',
      helpButton: 'run',
      patterns: [/^(mine borgere|mine sager|sagsstamme|my citizens|my cases|caseload)$/],
      permission: 'caseload.view',
      help: { da: t('da', 'cmd.help'), en: t('en', 'cmd.help'), example: { da: 'mine borgere', en: 'my citizens' } },
      quickAction: { da: t('da', 'quick'), en: t('en', 'quick') },
      handle: async (ctx) => [cardReply(await caseloadPage(ctx))],
    },
  ],
  actions: [
    defineAction({
      verb: 'caseload.open',
      // `continuationToken` came from cards drawn before the caseload was ordered by priority: such
      // a card opens the first page.
      schema: z.object({
        page: z.number().int().min(0).max(10_000).optional(),
        continuationToken: z.string().max(4000).optional(),
      }),
      handle: async (ctx, data) => ({ card: await caseloadPage(ctx, data.page ?? 0) }),
    }),
  ],
};
