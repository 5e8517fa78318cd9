import { digestText as t } from '../../i18n/digest';
import { ANY_CONVERSATION } from '../../domain/venue';
import { cardReply, textReply, type Feature } from '../feature';
import { digestDefinitionsCard } from '../../../cards/digest/definitions-card';
import { digestParams } from '../../../cards/digest/digest-card';
import { preview } from './preview';
import { subscribe, unsubscribe } from './subscriptions';

/**
 * The leader digest in chat: subscribe a channel, stop it, or see the digest now (privately).
 * Scheduling and delivery live in digest-job.ts.
 */
export const digestFeature: Feature = {
  name: 'digest',
  commands: [
    {
      id: 'digest.subscribe',
      helpButton: 'run',
      // Leaders use these where the team reads along; they answer with aggregates or a private preview only.
      conversations: ANY_CONVERSATION,
      patterns: [
        /^(?:abonn[eé]r|tilmeld)(?: (?:på|paa))?(?: den)? (?:ugerapport(?:en)?|ugentlige? rapport(?:en)?)(?<rest>.*)$/,
        /^subscribe(?: to)?(?: the)? (?:weekly )?digest(?<rest>.*)$/,
      ],
      permission: 'digest.subscribe',
      help: {
        da: t('da', 'cmd.subscribe.help'),
        en: t('en', 'cmd.subscribe.help'),
        example: { da: 'abonnér på ugerapport', en: 'subscribe to weekly digest' },
      },
      handle: async (ctx, { match }) => [textReply(await subscribe(ctx, match.groups?.rest ?? ''))],
    },
    {
      id: 'digest.unsubscribe',
      helpButton: 'run',
      conversations: ANY_CONVERSATION,
      patterns: [
        /^(?:afmeld|stop)(?: (?:ugerapport(?:en)?|den ugentlige rapport))$/,
        /^(?:unsubscribe|stop)(?: from)?(?: the)? (?:weekly )?digest$/,
      ],
      permission: 'digest.subscribe',
      help: {
        da: t('da', 'cmd.unsubscribe.help'),
        en: t('en', 'cmd.unsubscribe.help'),
        example: { da: 'afmeld ugerapport', en: 'unsubscribe weekly digest' },
      },
      handle: async (ctx) => [textReply(await unsubscribe(ctx))],
    },
    {
      id: 'digest.preview',
      helpButton: 'run',
      conversations: ANY_CONVERSATION,
      patterns: [/^(?:vis|se) (?:ugerapport(?:en)?|den ugentlige rapport)$/, /^show(?: the)? (?:weekly )?digest$/],
      permission: 'digest.preview',
      help: {
        da: t('da', 'cmd.preview.help'),
        en: t('en', 'cmd.preview.help'),
        example: { da: 'vis ugerapport', en: 'show weekly digest' },
      },
      quickAction: { da: t('da', 'cmd.preview.quick'), en: t('en', 'cmd.preview.quick') },
      handle: (ctx) => preview(ctx),
    },
    {
      // The definitions behind every figure: the digest points here when it had no room for them
      // inline. Not listed in help (it is reached from the digest's own words), so help stays short.
      id: 'digest.explain',
      conversations: ANY_CONVERSATION,
      patterns: [/^forklar (?:ugerapport(?:en)?|tallene)$/, /^explain(?: the)? (?:weekly )?digest$/],
      permission: 'help.view',
      handle: async (ctx) => {
        const settings = await ctx.services.directory.getSettings(ctx.actor.tenantId);
        const locale = ctx.actor.locale;
        return [
          cardReply(digestDefinitionsCard(locale, digestParams(locale, settings.g1CompanyShareTarget, settings))),
        ];
      },
    },
  ],
};
