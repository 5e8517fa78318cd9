import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../domain/errors';
import type { PlacementDoc } from '../../domain/placement';
import { placementText } from '../../i18n/placement';
import { AgreementRepository } from '../../store/agreement-repository';
import { PlacementRepository } from '../../store/placement-repository';
import { placementCard } from '../../../cards/placement/placement-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext, InputRefusal } from '../feature';
import { readCase } from '../case-work/case-access';
import { changeCaseWork } from '../case-work/change-case-work';
import { catalogueFieldLabel } from '../case-work/field-label';
import { changedBy, newCaseWorkDoc } from '../case-work/doc-stamp';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { caseCardOf } from '../case/open-case';
import { saveOnceTo } from '../case-work/save-once';
import { readPlacement } from './rules';

type PlacementSubmission = {
  caseRef: string;
  submissionId: string;
  etag: string;
  placementId?: string | undefined;
  agreementId?: string | undefined;
} & FormValues;

const label = (ctx: HandlerContext): ((field: string) => string) =>
  catalogueFieldLabel(placementText, ctx.actor.locale);

/**
 * The placement form: a new one (prefilled from a work agreement when started from it) or an
 * existing one to change status and end dates.
 */
export function placementForm(
  ctx: HandlerContext,
  caseRef: string,
  ids: { placementId?: string | undefined; agreementId?: string | undefined },
  error?: string,
): Promise<AdaptiveCard> {
  return readCase(
    ctx,
    caseRef,
    'placement.read',
    async ({ settings, today }) => {
      const store = ctx.services.store;
      const draft: Record<string, string> = { startDate: today, status: 'PLANNED' };
      let etag: string | undefined;
      if (ids.placementId !== undefined) {
        const p = await new PlacementRepository(store).get(ctx.actor.tenantId, caseRef, ids.placementId);
        if (p === undefined) throw new NotFoundError(`placement ${ids.placementId}`);
        etag = p._etag;
        Object.assign(draft, {
          placementType: p.placementType,
          companyName: p.companyName ?? '',
          startDate: p.startDate,
          plannedEndDate: p.plannedEndDate ?? '',
          actualEndDate: p.actualEndDate ?? '',
          status: p.status,
        });
      } else if (ids.agreementId !== undefined) {
        const a = await new AgreementRepository(store).get(ctx.actor.tenantId, caseRef, ids.agreementId);
        if (a !== undefined) Object.assign(draft, { placementType: a.placementType, companyName: a.company.name });
      }
      return placementCard({
        locale: ctx.actor.locale,
        caseRef,
        placementId: ids.placementId,
        agreementId: ids.agreementId,
        draft,
        etag,
        submissionId: randomUUID(),
        placementCadenceDays: settings.cadenceDaysInPlacement,
        error,
      });
    },
    'case.write',
  );
}

/** Creates a placement (its id is the form's submission id: a double click creates one) or saves a change. */
export function savePlacement(
  ctx: HandlerContext,
  data: PlacementSubmission,
  refusal?: InputRefusal,
): Promise<ActionOutcome> {
  const { locale, tenantId } = ctx.actor;
  const placementId = data.placementId ?? data.submissionId;
  return answerForm(ctx, {
    refusal,
    label: label(ctx),
    catalogue: placementText,
    invalid: async (message) => {
      const settings = await ctx.services.directory.getSettings(tenantId);
      return placementCard({
        locale,
        caseRef: data.caseRef,
        placementId: data.placementId,
        agreementId: data.agreementId,
        draft: draftOf(data),
        etag: data.etag,
        submissionId: data.submissionId,
        placementCadenceDays: settings.cadenceDaysInPlacement,
        error: message,
      });
    },
    conflict: async (message) => ({
      card: await placementForm(ctx, data.caseRef, { placementId: data.placementId }, message),
    }),
    save: async () => {
      const { scope } = await changeCaseWork(ctx, data.caseRef, 'placement.write', async ({ today }, writer) => {
        const input = readPlacement(new FormReader(data, label(ctx)), today);
        // A placement started from a work agreement belongs to the agreement's company record.
        const companyId =
          data.placementId === undefined && data.agreementId !== undefined
            ? writer.work.agreements.find((a) => a.agreementId === data.agreementId)?.companyId
            : undefined;
        await saveOnceTo(
          writer.target(new PlacementRepository(ctx.services.store), placementId),
          data,
          (current): PlacementDoc => {
            if (data.placementId !== undefined && current === undefined)
              throw new NotFoundError(`placement ${placementId}`);
            const base = current ?? {
              ...newCaseWorkDoc(ctx, data.caseRef, 'placement', 'placement', placementId),
              placementId,
              ...(data.agreementId !== undefined ? { agreementId: data.agreementId } : {}),
              ...(companyId !== undefined ? { companyId } : {}),
            };
            return {
              ...base,
              placementType: input.placementType,
              companyName: input.companyName,
              startDate: input.startDate,
              plannedEndDate: input.plannedEndDate,
              actualEndDate: input.actualEndDate,
              status: input.status,
              ...changedBy(ctx),
            };
          },
        );
      });
      const card = await caseCardOf(ctx, scope, { text: placementText(locale, 'saved'), tone: 'good' });
      return { card, refreshFor: 'everyone' };
    },
  });
}
