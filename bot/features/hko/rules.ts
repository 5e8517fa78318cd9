import { addDays } from '../../domain/calendar';
import { InvalidInputError } from '../../domain/errors';
import { HKO_DECISIONS, HKO_TYPES, type HkoDoc } from '../../domain/hko';
import type { FormReader } from '../case-work/form-reader';

export type HkoInput = Pick<
  HkoDoc,
  'hkoType' | 'consideredAt' | 'appliedAt' | 'decidedAt' | 'decision' | 'deliveredAt'
>;

/**
 * Reads an HKO application: dates that happened, in the order assessed → applied → decided →
 * delivered; a decision goes with its date; only a granted scheme can be delivered.
 */
export function readHko(form: FormReader, today: string): HkoInput {
  const hkoType = form.choice('hkoType', HKO_TYPES, { required: true }) ?? 'AID_WORK_TOOL';
  const range = { notAfter: today, notBefore: addDays(today, -3 * 366) };
  const consideredAt = form.date('consideredAt', range);
  const appliedAt = form.date('appliedAt', range);
  const decidedAt = form.date('decidedAt', range);
  const deliveredAt = form.date('deliveredAt', range);
  const decision = form.choice('decision', HKO_DECISIONS);
  form.order('consideredAt', consideredAt, 'appliedAt', appliedAt);
  form.order('appliedAt', appliedAt, 'decidedAt', decidedAt);
  form.order('decidedAt', decidedAt, 'deliveredAt', deliveredAt);
  if ((decision === undefined) !== (decidedAt === undefined))
    throw new InvalidInputError('decision_without_date', {}, decision === undefined ? 'decision' : 'decidedAt');
  if (deliveredAt !== undefined && decision !== 'GRANTED')
    throw new InvalidInputError('delivered_without_grant', {}, 'deliveredAt');
  return { hkoType, consideredAt, appliedAt, decidedAt, decision, deliveredAt };
}
