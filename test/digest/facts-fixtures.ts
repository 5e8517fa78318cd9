import { caseDocId } from '../../bot/domain/case';
import {
  CaseFactsSchema,
  SensitiveFactsSchema,
  type CaseFacts,
  type SensitiveFacts,
} from '../../bot/domain/case-facts';
import { defaultTenantSettings } from '../../bot/domain/tenant-settings';
import { caseView, type CaseView } from '../../bot/features/digest/metrics/case-view';
import type { MetricContext } from '../../bot/features/digest/metrics/types';
import type { Accumulator } from '../../bot/features/digest/metrics/types';

/**
 * Builders for CaseFacts / SensitiveFacts test documents. Every document goes through the real zod
 * schema, so a fixture that the projection writer could not have produced fails loudly.
 */
export const FIXTURE_TENANT = '11111111-1111-4111-8111-111111111111';

/** T = Monday 7 April 2025 (ISO week 2025-W15); W = [2025-01-06, 2025-04-07). */
export const AS_OF = '2025-04-07';
export const AS_OF_WEEK = '2025-W15';

export const ctx = (asOf = AS_OF): MetricContext => ({ asOf, settings: defaultTenantSettings() });

type Placement = CaseFacts['placements'][number];
type Week = CaseFacts['weeks'][number];
type Contact = CaseFacts['contacts'][number];
type Agreement = CaseFacts['agreements'][number];

export interface FactsInput extends Partial<Omit<CaseFacts, 'g1Intervals' | 'placements' | 'weeks' | 'contacts'>> {
  readonly caseRef: string;
  /** [from, to?] pairs; `to` exclusive. */
  readonly g1?: ReadonlyArray<readonly [string, string?]>;
  readonly placements?: ReadonlyArray<Partial<Placement> & Pick<Placement, 'placementId' | 'startDate'>>;
  readonly weeks?: ReadonlyArray<Partial<Week> & Pick<Week, 'isoWeek'>>;
  readonly contacts?: ReadonlyArray<Partial<Contact> & Pick<Contact, 'date'>>;
  readonly agreementsIn?: ReadonlyArray<Partial<Agreement> & Pick<Agreement, 'agreementId'>>;
}

export function facts(input: FactsInput, tenantId = FIXTURE_TENANT): CaseFacts {
  const { g1, placements, weeks, contacts, agreementsIn, ...rest } = input;
  return CaseFactsSchema.parse({
    id: caseDocId(tenantId, 'case_facts', input.caseRef),
    tenantId,
    type: 'case_facts',
    schemaVersion: 1,
    rebuiltAt: '2025-04-07T05:00:00.000Z',
    status: 'ACTIVE',
    jobformidlerCount: 1,
    visitations: [],
    agreements: (agreementsIn ?? []).map((a) => ({
      ordinaryHoursFromStart: false,
      ordinaryHoursAtStart: 0,
      complete: false,
      missingCritical: [],
      hkoNeedsDiscussed: false,
      ...a,
    })),
    cvStatus: 'NONE',
    hasConcreteOwnJobGoal: false,
    progression: [],
    ...rest,
    g1Intervals: (g1 ?? []).map(([from, to]) => (to === undefined ? { from } : { from, to })),
    placements: (placements ?? []).map((p) => ({ type: 'COMPANY_INTERNSHIP', status: 'ACTIVE', ...p })),
    weeks: (weeks ?? []).map((w) => ({ ordinaryHours: 0, practiceHours: 0, ...w })),
    contacts: (contacts ?? []).map((k) => ({
      type: 'JOB_CONVERSATION',
      completed: true,
      direction: 'CITIZEN_FACING',
      ...k,
    })),
  });
}

export function sensitive(
  input: Partial<Omit<SensitiveFacts, 'id' | 'type'>> & { caseRef: string },
  tenantId = FIXTURE_TENANT,
): SensitiveFacts {
  return SensitiveFactsSchema.parse({
    id: caseDocId(tenantId, 'sensitive_facts', input.caseRef),
    tenantId,
    type: 'sensitive_facts',
    schemaVersion: 1,
    rebuiltAt: '2025-04-07T05:00:00.000Z',
    hko: [],
    ...input,
  });
}

/** Runs one accumulator over fixtures. */
export function run<R>(acc: Accumulator<CaseView, R>, cases: readonly CaseFacts[]): R {
  for (const c of cases) acc.add(caseView(c));
  return acc.result();
}
