import type { Locale } from '../../bot/i18n/locale';
import { retentionText as t } from '../../bot/i18n/retention';
import type { Art9Finding } from '../../bot/features/retention/rules';
import { adaptiveCard, facts, heading, note, text } from '../common/elements';
import type { AdaptiveCard, JsonObject } from '../types';

/**
 * The admins' daily list of art. 9 data that no process will delete: case references, why, and what
 * to do. Nothing of the data itself (not even which kind of art. 9 document it is).
 */
export function art9CheckCard(
  locale: Locale,
  input: {
    findings: readonly Art9Finding[];
    healed: number;
    closed: number;
    staleDays: number;
    maxListed: number;
  },
): AdaptiveCard {
  const listed = input.findings.slice(0, input.maxListed);
  const body: JsonObject[] = [heading(t(locale, 'check.title'))];
  if (input.findings.length > 0) body.push(text(t(locale, 'check.intro', { count: input.findings.length })));
  if (listed.length > 0)
    body.push(
      facts(
        listed.map((f) => [
          `${f.caseRef} (${t(locale, 'check.documents', { count: f.documents })})`,
          t(locale, `check.reason.${f.reason}`, { caseRef: f.caseRef, days: input.staleDays }),
        ]),
      ),
    );
  if (input.findings.length > listed.length)
    body.push(note(t(locale, 'check.more', { count: input.findings.length - listed.length })));
  if (input.healed > 0) body.push(note(t(locale, 'check.healed', { count: input.healed })));
  if (input.closed > 0) body.push(note(t(locale, 'check.closed', { count: input.closed })));
  return adaptiveCard(body);
}
