import { isValidCvr, normaliseCvr, agreementChanges, hoursBounds } from '../../bot/features/agreement/rules';
import {
  agreementStatusAfterSave,
  completeness,
  emptyChecklist,
  ordinaryHoursAtStart,
  type ChecklistEntry,
} from '../../bot/domain/work-agreement';

const agreed = (key: string, value?: string) =>
  ({ key, status: 'AGREED', ...(value ? { value } : {}) }) as ChecklistEntry;

describe('CVR numbers', () => {
  it('accepts 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11', () => {
    expect(isValidCvr('10150817')).toBe(true);
    expect(isValidCvr('24256790')).toBe(true);
  });
  it('refuses a wrong check digit, a wrong length and anything but digits', () => {
    expect(isValidCvr('10150818')).toBe(false);
    expect(isValidCvr('1015081')).toBe(false);
    expect(isValidCvr('101508170')).toBe(false);
    expect(isValidCvr('1015O817')).toBe(false);
    expect(isValidCvr('')).toBe(false);
  });
  it('lets people type spaces, dashes and a DK prefix', () => {
    expect(normaliseCvr('DK 10 15 08 17')).toBe('10150817');
    expect(normaliseCvr('1015-0817')).toBe('10150817');
  });
});

describe('work agreement rules', () => {
  it('counts the six critical items; ordinary hours may be "not relevant" only with a reason', () => {
    const checklist = emptyChecklist().map((e) =>
      ['TASKS', 'WORKING_HOURS', 'MILESTONES', 'FOLLOW_UP_PLAN'].includes(e.key) ? agreed(e.key, 'x') : e,
    );
    expect(completeness(checklist)).toMatchObject({
      criticalSettled: 4,
      criticalTotal: 6,
      discussed: 4,
      total: 19,
      complete: false,
      missingCritical: ['ORDINARY_HOURS_FROM_START', 'ORDINARY_HOURS_PLAN'],
    });
    const withReason = checklist.map((e) =>
      e.key === 'ORDINARY_HOURS_FROM_START' || e.key === 'ORDINARY_HOURS_PLAN'
        ? ({ key: e.key, status: 'NOT_RELEVANT', value: 'Ordinær ansættelse fra dag 1' } as ChecklistEntry)
        : e,
    );
    expect(completeness(withReason).complete).toBe(true);
    const withoutReason = withReason.map((e) => (e.status === 'NOT_RELEVANT' ? { key: e.key, status: e.status } : e));
    expect(completeness(withoutReason as ChecklistEntry[]).complete).toBe(false);
  });

  it('reads ordinary hours from the start only when agreed', () => {
    const c = emptyChecklist().map((e) => (e.key === 'ORDINARY_HOURS_FROM_START' ? agreed(e.key, '7.5') : e));
    expect(ordinaryHoursAtStart(c)).toBe(7.5);
    expect(ordinaryHoursAtStart(emptyChecklist())).toBe(0);
  });

  it('caps hours at 37 in a praktik only', () => {
    expect(hoursBounds('ORDINARY_HOURS_FROM_START', 'COMPANY_INTERNSHIP').max).toBe(37);
    expect(hoursBounds('ORDINARY_HOURS_FROM_START', 'WAGE_SUBSIDY_PRIVATE').max).toBe(48);
  });

  it('moves draft → agreed → signed, and a changed agreed agreement to revised', () => {
    const base = { signedAtChanged: false, contentChanged: true };
    expect(agreementStatusAfterSave({ ...base, previous: 'DRAFT' })).toBe('DRAFT');
    expect(agreementStatusAfterSave({ ...base, previous: 'DRAFT', agreedAt: '2025-03-01' })).toBe('AGREED');
    expect(
      agreementStatusAfterSave({
        previous: 'AGREED',
        agreedAt: '2025-03-01',
        signedAt: '2025-03-02',
        signedAtChanged: true,
        contentChanged: false,
      }),
    ).toBe('SIGNED');
    expect(
      agreementStatusAfterSave({ ...base, previous: 'SIGNED', agreedAt: '2025-03-01', signedAt: '2025-03-02' }),
    ).toBe('REVISED');
  });

  it('records each changed field with before and after', () => {
    const company = { cvr: '10150817', name: 'Lageret A/S', contactName: 'Bo' };
    const before = { placementType: 'COMPANY_INTERNSHIP' as const, company, checklist: emptyChecklist() };
    const after = {
      ...before,
      company: { ...company, contactName: 'Eva' },
      checklist: before.checklist.map((e) => (e.key === 'TASKS' ? agreed('TASKS', 'Plukke varer') : e)),
      agreedAt: '2025-03-01',
    };
    expect(agreementChanges(before, after)).toEqual([
      { key: 'company.contactName', from: 'Bo', to: 'Eva' },
      { key: 'TASKS', from: 'NOT_DISCUSSED', to: 'AGREED: Plukke varer' },
      { key: 'agreedAt', from: '', to: '2025-03-01' },
    ]);
  });
});
