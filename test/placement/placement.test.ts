import { type BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { withJobformidler } from '../harness/jobformidler-fixture';
import { ManualClock } from '../../bot/domain/clock';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { PlacementRepository } from '../../bot/store/placement-repository';
import { buttonData, elementsOf, handedOverCase, inputValues } from '../case/fixtures';

describe('placements', () => {
  const clock = new ManualClock(new Date('2025-03-12T09:00:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  withJobformidler(clock, (ready) => ({ h, jf } = ready));

  it('starts a placement from a work agreement, prefilled, and ends it later', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = await h.execute(jf, 'agreement.new', { caseRef });
    const agreement = await h.execute(jf, 'agreement.create', {
      ...buttonData(form.card, 'agreement.create'),
      placementType: 'INTERNSHIP_PLUS_ORDINARY_HOURS',
      cvr: '10150817',
      companyName: 'Lageret A/S',
      contactName: 'Bo',
    });
    // "Start forløb" is offered once the agreement is complete (its six critical items settled).
    expect(actionsOf(agreement.card).some((a) => a.verb === 'placement.new')).toBe(false);
    const complete = await h.execute(jf, 'agreement.save', {
      ...buttonData(agreement.card, 'agreement.save'),
      ...inputValues(agreement.card),
      ...Object.fromEntries(
        [
          'TASKS',
          'WORKING_HOURS',
          'ORDINARY_HOURS_FROM_START',
          'ORDINARY_HOURS_PLAN',
          'MILESTONES',
          'FOLLOW_UP_PLAN',
        ].map((key) => [`s_${key}`, 'AGREED']),
      ),
      v_TASKS: 'Plukke varer',
      v_WORKING_HOURS: '30',
      v_ORDINARY_HOURS_FROM_START: '5',
      v_ORDINARY_HOURS_PLAN: '+5 timer om måneden',
      v_MILESTONES: 'Truckcertifikat',
      v_FOLLOW_UP_PLAN: 'Hver 14. dag',
    });
    const start = await h.execute(jf, 'placement.new', buttonData(complete.card, 'placement.new'));
    expect(inputValues(start.card)).toMatchObject({
      placementType: 'INTERNSHIP_PLUS_ORDINARY_HOURS',
      companyName: 'Lageret A/S',
      startDate: '2025-03-12',
    });
    const saved = await h.execute(jf, 'placement.save', {
      ...buttonData(start.card, 'placement.save'),
      ...inputValues(start.card),
      startDate: '2025-03-10',
      plannedEndDate: '2025-06-06',
      status: 'ACTIVE',
    });
    expect(cardText(saved.card)).toContain('Forløbet er gemt.');
    expect(cardText(saved.card)).toContain(
      'Praktik med ordinære timer · Lageret A/S · 10.03.2025 – 06.06.2025 · Aktiv',
    );
    expect(cardText(saved.card)).toContain('hver 2. uge (i forløb)');

    // Editing is a visible button beside the placement ("Ret forløb"), not a click on its text.
    const buttons = elementsOf(saved.card, 'ActionSet').flatMap((set) => actionsOf(set));
    const edit = buttons.find((a) => a.verb === 'placement.edit');
    expect(edit?.title).toBe('Ret forløb');
    expect(JSON.stringify(saved.card)).not.toContain('selectAction');
    const editForm = await h.execute(jf, 'placement.edit', edit!.data);
    const ended = await h.execute(jf, 'placement.save', {
      ...buttonData(editForm.card, 'placement.save'),
      ...inputValues(editForm.card),
      status: 'CONVERTED_TO_EMPLOYMENT',
      actualEndDate: '2025-03-12',
    });
    expect(cardText(ended.card)).toContain('Overgået til ansættelse');
    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, caseRef);
    expect(facts?.placements).toEqual([
      expect.objectContaining({
        type: 'INTERNSHIP_PLUS_ORDINARY_HOURS',
        status: 'CONVERTED_TO_EMPLOYMENT',
        startDate: '2025-03-10',
        actualEndDate: '2025-03-12',
      }),
    ]);
    // A stale edit form (opened before the end was saved) is refused with the current values.
    const stale = await h.execute(jf, 'placement.save', {
      ...buttonData(editForm.card, 'placement.save'),
      ...inputValues(editForm.card),
      submissionId: 'other-submission-1',
    });
    expect(cardText(stale.card)).toContain('En anden har gemt ændringer imens');
    expect(inputValues(stale.card).status).toBe('CONVERTED_TO_EMPLOYMENT');
  });

  it('refuses impossible dates and statuses with clear messages, writing nothing', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = (await h.execute(jf, 'placement.new', { caseRef })).card;
    const base = {
      ...buttonData(form, 'placement.save'),
      placementType: 'COMPANY_INTERNSHIP',
      startDate: '2025-03-10',
    };
    const cases: [Record<string, string>, string][] = [
      [{ status: 'ACTIVE', startDate: '2025-03-20' }, 'Et forløb kan først være aktivt fra startdatoen.'],
      [{ status: 'COMPLETED' }, 'Udfyld "Faktisk slut", når forløbet er afsluttet'],
      [{ status: 'ACTIVE', actualEndDate: '2025-03-11' }, '"Faktisk slut" udfyldes først, når forløbet er afsluttet'],
      [{ status: 'COMPLETED', actualEndDate: '2025-03-13' }, '"Faktisk slut" kan ikke ligge efter i dag.'],
      [{ status: 'COMPLETED', actualEndDate: '2025-03-01' }, '"Faktisk slut" kan ikke ligge før "Start".'],
      [{ status: 'PLANNED', plannedEndDate: '2025-03-01' }, '"Planlagt slut" kan ikke ligge før "Start".'],
      [{ status: 'PLANNED', startDate: '2025-13-01' }, '"Start" skal være en gyldig dato'],
      // A missing date names its field and says a date is needed.
      [
        { status: 'PLANNED', startDate: '' },
        'Der mangler en dato i "Start". Vælg datoen, eller skriv den som ÅÅÅÅ-MM-DD.',
      ],
      [{ status: 'MAYBE' }, 'Vælg en af mulighederne i "Status".'],
    ];
    for (const [fields, message] of cases) {
      const r = await h.execute(jf, 'placement.save', { ...base, ...fields });
      expect(cardText(r.card)).toContain(message);
    }
    expect(await new PlacementRepository(h.services.store).listForCase(jf.tenantId, caseRef)).toEqual([]);
    // A double click on a valid form creates one placement.
    const ok = { ...base, status: 'ACTIVE' };
    await Promise.all([h.execute(jf, 'placement.save', ok), h.execute(jf, 'placement.save', ok)]);
    expect(await new PlacementRepository(h.services.store).listForCase(jf.tenantId, caseRef)).toHaveLength(1);
  });
});
