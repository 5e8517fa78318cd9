import { type BotHarness, cardText, type TestUser } from '../harness/bot-harness';
import { withJobformidler } from '../harness/jobformidler-fixture';
import { ManualClock } from '../../bot/domain/clock';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { readCaseWork } from '../../bot/store/case-work-partition';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';

describe('follow-up log', () => {
  // Wednesday 12 March 2025.
  const clock = new ManualClock(new Date('2025-03-12T09:00:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  withJobformidler(clock, (ready) => ({ h, jf } = ready));

  const log = async (caseRef: string, fields: Record<string, string> = {}) => {
    const form = (await h.execute(jf, 'followup.new', { caseRef })).card;
    return h.execute(jf, 'followup.save', { ...buttonData(form, 'followup.save'), ...inputValues(form), ...fields });
  };

  it('logs a job conversation, defaults the next date from the cadence and clears an overdue flag', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE', conversationAt: '2025-01-20' });
    const before = await h.execute(jf, 'case.open', { caseRef });
    expect(cardText(before.card)).toContain('Opfølgning overskredet med 9 dage');

    const form = await h.execute(jf, 'followup.new', { caseRef });
    expect(inputValues(form.card)).toMatchObject({ date: '2025-03-12', nextFollowUpDue: '2025-04-23' });
    expect(cardText(form.card)).toContain('Registrér opfølgning · ');
    expect(cardText(form.card)).toContain('Næste opfølgning foreslås ud fra kommunens kadence: hver 6. uge.');
    const saved = await log(caseRef, { topics: 'HOURS_INCREASE,CHILDCARE', outcome: 'CONTINUE', note: 'God samtale' });
    expect(cardText(saved.card)).toContain('Opfølgningen er gemt. Næste opfølgning: 23.04.2025.');
    expect(cardText(saved.card)).not.toContain('overskredet');
    expect(cardText(saved.card)).toContain('12.03.2025 · Jobsamtale · Fortsætter som aftalt');

    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, caseRef);
    expect(facts).toMatchObject({
      firstJobConversationAt: '2025-03-12',
      lastCitizenContactAt: '2025-03-12',
      nextFollowUpDue: '2025-04-23',
      plannedNextFollowUpDue: '2025-04-23',
      contacts: [{ date: '2025-03-12', type: 'JOB_CONVERSATION', completed: true, direction: 'CITIZEN_FACING' }],
    });
  });

  it('records an increase in ordinary hours, and a company-facing visit does not count as a conversation', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE', conversationAt: '2025-03-01' });
    const up = await log(caseRef, {
      contactType: 'TRIPARTITE',
      outcome: 'HOURS_INCREASED',
      ordinaryHoursNewAgreed: '15',
    });
    expect(cardText(up.card)).toContain('Trepartssamtale · Ordinære timer øget til 15');
    clock.advance(86400_000);
    await log(caseRef, {
      contactType: 'COMPANY_OUTREACH_VISIT',
      direction: 'COMPANY_FACING',
      date: '2025-03-13',
      nextFollowUpDue: '2025-04-01',
    });
    clock.advance(-86400_000);
    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, caseRef);
    expect(facts?.lastCitizenContactAt).toBe('2025-03-12');
    expect(facts?.nextFollowUpDue).toBe('2025-04-01'); // the planned date brought it forward
  });

  it('refuses a date in the future, a next date beyond the cadence or before the follow-up, and a missing new hours figure', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const cases: [Record<string, string>, string][] = [
      [{ date: '2025-03-13' }, '"Dato" kan ikke ligge efter i dag.'],
      [{ date: '2025-03-40' }, '"Dato" skal være en gyldig dato'],
      [{ nextFollowUpDue: '2025-05-01' }, 'kan højst ligge 42 dage efter (2025-04-23)'],
      [{ nextFollowUpDue: '2025-03-12' }, '"Næste opfølgning" skal ligge efter datoen for opfølgningen.'],
      [{ outcome: 'HOURS_INCREASED', ordinaryHoursNewAgreed: '' }, 'Skriv det nye antal ordinære timer'],
      [{ outcome: 'HOURS_INCREASED', ordinaryHoursNewAgreed: '60' }, 'skal være et tal mellem 0 og 48'],
      [{ contactType: 'SCREENING_CONVERSATION' }, 'Vælg en af mulighederne i "Type".'],
      [{ topics: 'HOURS_INCREASE,GOSSIP' }, 'Vælg en af mulighederne i "Emner".'],
      [{ note: 'x'.repeat(501) }, '"Kort note (ingen helbredsoplysninger)" må højst være 500 tegn.'],
      [{ note: 'Borgerens cpr er 0101901234' }, 'CPR-nummer'],
    ];
    for (const [fields, message] of cases) expect(cardText((await log(caseRef, fields)).card)).toContain(message);
    const partition = await readCaseWork(h.services.store, jf.tenantId, caseRef);
    expect(partition?.followUps).toEqual([]);
  });

  it('logs a double-clicked follow-up once', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = (await h.execute(jf, 'followup.new', { caseRef })).card;
    const data = { ...buttonData(form, 'followup.save'), ...inputValues(form) };
    await Promise.all([h.execute(jf, 'followup.save', data), h.execute(jf, 'followup.save', data)]);
    await h.execute(jf, 'followup.save', data);
    const partition = await readCaseWork(h.services.store, jf.tenantId, caseRef);
    expect(partition?.followUps).toHaveLength(1);
  });
});
