import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../domain/errors';
import type { HkoDoc } from '../../domain/hko';
import { hkoText } from '../../i18n/hko';
import { HkoRepository } from '../../store/hko-repository';
import { hkoCard } from '../../../cards/hko/hko-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext, InputRefusal } from '../feature';
import { readCase, writeCase } from '../case-work/case-access';
import { catalogueFieldLabel } from '../case-work/field-label';
import { changedBy, newCaseWorkDoc } from '../case-work/doc-stamp';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { caseCardFor } from '../case/open-case';
import { saveOnce } from '../case-work/save-once';
import { readHko } from './rules';

type HkoSubmission = { caseRef: string; submissionId: string; etag: string; hkoId?: string | undefined } & FormValues;

const label = (ctx: HandlerContext): ((field: string) => string) => catalogueFieldLabel(hkoText, ctx.actor.locale);

/** The HKO form, new or filled with a stored application. Reading it is an art. 9 read (hko.read). */
export function hkoForm(ctx: HandlerContext, caseRef: string, hkoId?: string, error?: string): Promise<AdaptiveCard> {
  return readCase(
    ctx,
    caseRef,
    'hko.read',
    async ({ settings }) => {
      let draft: Record<string, string> = {};
      let etag: string | undefined;
      if (hkoId !== undefined) {
        const h = await new HkoRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef, hkoId);
        if (h === undefined) throw new NotFoundError(`hko ${hkoId}`);
        etag = h._etag;
        draft = Object.fromEntries(
          Object.entries({
            hkoType: h.hkoType,
            consideredAt: h.consideredAt,
            appliedAt: h.appliedAt,
            decidedAt: h.decidedAt,
            decision: h.decision,
            deliveredAt: h.deliveredAt,
          }).filter((e): e is [string, string] => e[1] !== undefined),
        );
      }
      return hkoCard({
        locale: ctx.actor.locale,
        caseRef,
        hkoId,
        draft,
        etag,
        submissionId: randomUUID(),
        fastTrackDays: settings.hkoFastTrackDays,
        error,
      });
    },
    'hko.read',
  );
}

/** Saves an HKO application in the `sensitive` container and rebuilds the sensitive facts (HKO part). */
export function saveHko(ctx: HandlerContext, data: HkoSubmission, refusal?: InputRefusal): Promise<ActionOutcome> {
  const { locale, tenantId } = ctx.actor;
  const hkoId = data.hkoId ?? data.submissionId;
  return answerForm(ctx, {
    refusal,
    label: label(ctx),
    catalogue: hkoText,
    invalid: async (message) => {
      const settings = await ctx.services.directory.getSettings(tenantId);
      return hkoCard({
        locale,
        caseRef: data.caseRef,
        hkoId: data.hkoId,
        draft: draftOf(data),
        etag: data.etag,
        submissionId: data.submissionId,
        fastTrackDays: settings.hkoFastTrackDays,
        error: message,
      });
    },
    conflict: async (message) => ({ card: await hkoForm(ctx, data.caseRef, data.hkoId, message) }),
    save: async () => {
      await writeCase(
        ctx,
        data.caseRef,
        'hko.write',
        async ({ today }) => {
          const input = readHko(new FormReader(data, label(ctx)), today);
          await saveOnce(
            new HkoRepository(ctx.services.store),
            { tenantId, caseRef: data.caseRef, key: hkoId },
            data,
            (current): HkoDoc => {
              if (data.hkoId !== undefined && current === undefined) throw new NotFoundError(`hko ${hkoId}`);
              return {
                ...(current ?? { ...newCaseWorkDoc(ctx, data.caseRef, 'hko_application', 'hko', hkoId), hkoId }),
                ...input,
                ...changedBy(ctx),
              };
            },
          );
        },
        { action: 'hko.write', sensitive: true },
      );
      const card = await caseCardFor(ctx, data.caseRef, { text: hkoText(locale, 'saved'), tone: 'good' });
      return { card, refreshFor: 'everyone' };
    },
  });
}
