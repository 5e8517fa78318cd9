import { randomUUID } from 'node:crypto';
import { stampNew } from '../../domain/case-work-doc';
import { InvalidInputError } from '../../domain/errors';
import { JOB_GOAL_LEVELS } from '../../domain/job-goals';
import { matchProfileDocId, type MatchProfileDoc } from '../../domain/job-match';
import { jobMatchText } from '../../i18n/jobmatch';
import type { Locale } from '../../i18n/locale';
import { MatchProfileRepository } from '../../store/job-match-repository';
import { codeField, profileCard } from '../../../cards/jobmatch/profile-card';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext } from '../feature';
import { readCase, writeCase } from '../case-work/case-access';
import { answerForm } from '../case-work/form-action';
import { FormReader, draftOf, type FormValues } from '../case-work/form-reader';
import { saveOnce } from '../case-work/save-once';
import { invalidAreaParts } from './rules';
import { suggestionsForCase } from './suggest';

const label =
  (locale: Locale) =>
  (field: string): string => {
    const level = /^code([ABC])$/.exec(field)?.[1];
    if (level !== undefined) return jobMatchText(locale, 'profile.code', { level });
    if (field === 'startHours') return jobMatchText(locale, 'profile.startHours');
    if (field === 'area') return jobMatchText(locale, 'profile.area');
    return field;
  };

const draftOfProfile = (p: MatchProfileDoc | undefined): Record<string, string> => ({
  codeA: p?.occupationCodes.A ?? '',
  codeB: p?.occupationCodes.B ?? '',
  codeC: p?.occupationCodes.C ?? '',
  startHours: p?.startHours !== undefined ? String(p.startHours) : '',
  area: p?.area ?? '',
});

/** Occupation codes per goal (4 or 6 digits), start hours (1–37) and area (postcodes, ranges, town names). */
export function readProfile(form: FormReader): Pick<MatchProfileDoc, 'occupationCodes' | 'startHours' | 'area'> {
  const occupationCodes: MatchProfileDoc['occupationCodes'] = {};
  for (const level of JOB_GOAL_LEVELS) {
    const code = form.text(codeField(level), { max: 10 });
    if (code === undefined) continue;
    if (!/^\d{4}(\d{2})?$/.test(code)) throw new InvalidInputError('occupation_invalid', {}, codeField(level));
    occupationCodes[level] = code;
  }
  const startHours = form.number('startHours', { min: 1, max: 37 });
  const area = form.text('area', { max: 200 });
  const bad = area !== undefined ? invalidAreaParts(area) : [];
  if (bad.length > 0) throw new InvalidInputError('area_invalid', { parts: bad.join(', ') }, 'area');
  return {
    occupationCodes,
    ...(startHours !== undefined ? { startHours } : {}),
    ...(area !== undefined ? { area } : {}),
  };
}

export function profileForm(ctx: HandlerContext, caseRef: string, error?: string): Promise<AdaptiveCard> {
  return readCase(
    ctx,
    caseRef,
    'jobmatch.profile.read',
    async () => {
      const stored = await new MatchProfileRepository(ctx.services.store).get(ctx.actor.tenantId, caseRef, '');
      return profileCard({
        locale: ctx.actor.locale,
        caseRef,
        draft: draftOfProfile(stored),
        etag: stored?._etag,
        submissionId: randomUUID(),
        error,
      });
    },
    'case.write',
  );
}

export function saveProfile(
  ctx: HandlerContext,
  data: { caseRef: string; submissionId: string; etag: string } & FormValues,
): Promise<ActionOutcome> {
  const { locale, tenantId, userId } = ctx.actor;
  return answerForm(ctx, {
    catalogue: jobMatchText,
    invalid: (message) =>
      profileCard({
        locale,
        caseRef: data.caseRef,
        draft: draftOf(data),
        etag: data.etag,
        submissionId: data.submissionId,
        error: message,
      }),
    conflict: async (message) => ({ card: await profileForm(ctx, data.caseRef, message) }),
    save: async () => {
      await writeCase(ctx, data.caseRef, 'jobmatch.profile.write', async () => {
        const profile = readProfile(new FormReader(data, label(locale)));
        await saveOnce(
          new MatchProfileRepository(ctx.services.store),
          { tenantId, caseRef: data.caseRef, key: '' },
          data,
          (current): MatchProfileDoc => {
            const base: MatchProfileDoc = current ?? {
              id: matchProfileDocId(tenantId),
              tenantId,
              caseRef: data.caseRef,
              type: 'match_profile',
              ...stampNew(userId, ctx.now),
              occupationCodes: {},
            };
            // Fields emptied on the form go from the profile: only the stamp and ids are carried over.
            const { startHours: _s, area: _a, ...kept } = base;
            const { _etag: _e, ...plain } = { _etag: '', ...kept };
            return { ...plain, ...profile, updatedAt: ctx.now.toISOString(), updatedBy: userId };
          },
        );
      });
      const card = await suggestionsForCase(ctx, data.caseRef, {
        text: jobMatchText(locale, 'profile.saved'),
        tone: 'good',
      });
      return { card, refreshFor: 'everyone' };
    },
  });
}
