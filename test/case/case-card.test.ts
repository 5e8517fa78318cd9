import { type BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { withJobformidler } from '../harness/jobformidler-fixture';
import { ManualClock } from '../../bot/domain/clock';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { JobGoalRepository } from '../../bot/store/job-goal-repository';
import { buttonData, handedOverCase, inputValues } from './fixtures';

describe('case card, ABC job goals and CV status', () => {
  const clock = new ManualClock(new Date('2025-03-10T08:30:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  withJobformidler(clock, (ready) => ({ h, jf } = ready));

  it('opens a handed-over case with its follow-up date and empty sections to fill in', async () => {
    const caseRef = await handedOverCase(h.services, jf);
    const opened = await h.execute(jf, 'case.open', { caseRef });
    const text = cardText(opened.card);
    expect(text).toContain(`Sag ${caseRef}`);
    expect(text).toContain('Aktiv');
    expect(text).toContain('Ingen jobmål endnu.');
    expect(text).toContain('Ingen arbejdsaftale endnu.');
    expect(text).toContain('14.04.2025'); // 42 days after the visitation conversation
    expect(actionsOf(opened.card).map((a) => a.verb)).toEqual(
      expect.arrayContaining([
        'case.goals.edit',
        'case.cv.edit',
        'agreement.new',
        'placement.new',
        'hours.new',
        'followup.new',
        'hko.new',
      ]),
    );
  });

  it('opens a case by text, in either case of letters, and explains the command without a number', async () => {
    const caseRef = await handedOverCase(h.services, jf);
    const r = await h.say(jf, `sag ${caseRef.toLowerCase()}`);
    expect(cardText(r.cards[0])).toContain(`Sag ${caseRef}`);
    const usage = await h.say(jf, 'sag SAGSNUMMER');
    expect(usage.texts.join()).toContain('Skriv sagsnummeret efter "sag"');
  });

  it('saves ABC goals and the CV status, shows them on the card and in the case facts', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = await h.execute(jf, 'case.goals.edit', { caseRef });
    expect(cardText(form.card)).toContain('A – det foretrukne job');
    const saved = await h.execute(jf, 'case.goals.save', {
      ...buttonData(form.card, 'case.goals.save'),
      goalA_title: 'Lagermedarbejder',
      goalA_actions: 'Truckcertifikat\nPraktik hos Lageret A/S',
      goalA_own: 'true',
      goalC_title: 'Rengøring',
      goalC_actions: '',
      goalC_own: 'false',
    });
    const text = cardText(saved.card);
    expect(text).toContain('Jobmålene er gemt.');
    expect(text).toContain('Lagermedarbejder (borgerens eget mål)');
    expect(text).toContain('• Truckcertifikat');
    expect(text).toContain('Rengøring');

    const cvForm = await h.execute(jf, 'case.cv.edit', { caseRef });
    const cv = await h.execute(jf, 'case.cv.save', {
      ...buttonData(cvForm.card, 'case.cv.save'),
      cvStatus: 'BOTH',
      personalCvUpdatedAt: '2025-03-05',
      jobnetCvUpdatedAt: '2025-03-07',
    });
    expect(cardText(cv.card)).toContain('Personligt CV og CV på Jobnet');
    expect(cardText(cv.card)).toContain('07.03.2025');

    const facts = await new CaseFactsRepository(h.services.store).get(jf.tenantId, caseRef);
    expect(facts?.hasConcreteOwnJobGoal).toBe(true);
    expect(facts?.cvStatus).toBe('BOTH');
    expect(facts?.jobGoalLastReviewedAt).toBe('2025-03-10');
  });

  it('refuses bad input inline with what was typed, and writes nothing', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = await h.execute(jf, 'case.goals.edit', { caseRef });
    const r = await h.execute(jf, 'case.goals.save', {
      ...buttonData(form.card, 'case.goals.save'),
      goalB_title: '',
      goalB_actions: 'Søg 5 job om ugen',
    });
    expect(cardText(r.card)).toContain('Skriv jobbet for B, før du tilføjer handlinger.');
    expect(inputValues(r.card).goalB_actions).toBe('Søg 5 job om ugen');
    expect(await new JobGoalRepository(h.services.store).get(jf.tenantId, caseRef, '')).toBeUndefined();

    const cvForm = await h.execute(jf, 'case.cv.edit', { caseRef });
    const future = await h.execute(jf, 'case.cv.save', {
      ...buttonData(cvForm.card, 'case.cv.save'),
      cvStatus: 'PERSONAL',
      personalCvUpdatedAt: '2025-04-01',
    });
    expect(cardText(future.card)).toContain('"Personligt CV opdateret" kan ikke ligge efter i dag.');
    const badDate = await h.execute(jf, 'case.cv.save', {
      ...buttonData(cvForm.card, 'case.cv.save'),
      cvStatus: 'PERSONAL',
      personalCvUpdatedAt: '2025-02-30',
    });
    expect(cardText(badDate.card)).toContain('skal være en gyldig dato');

    const cpr = await h.execute(jf, 'case.goals.save', {
      ...buttonData(form.card, 'case.goals.save'),
      goalA_title: 'Kok 010190-1234',
    });
    expect(cardText(cpr.card)).toContain('CPR-nummer');
    expect(await new JobGoalRepository(h.services.store).get(jf.tenantId, caseRef, '')).toBeUndefined();
  });

  it('saves a repeated click once, and answers a stale form with the current goals and a notice', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = await h.execute(jf, 'case.goals.edit', { caseRef });
    const submit = { ...buttonData(form.card, 'case.goals.save'), goalA_title: 'Butiksassistent', goalA_actions: 'CV' };
    const answers = await Promise.all([
      h.execute(jf, 'case.goals.save', submit),
      h.execute(jf, 'case.goals.save', submit),
    ]);
    for (const a of answers) expect(cardText(a.card)).toContain('Jobmålene er gemt.');
    const again = await h.execute(jf, 'case.goals.save', submit);
    expect(cardText(again.card)).toContain('Jobmålene er gemt.');
    const repo = new JobGoalRepository(h.services.store);
    const first = await repo.get(jf.tenantId, caseRef, '');
    expect(first?.goals.map((g) => g.title)).toEqual(['Butiksassistent']);

    // A second form opened before that save is stale now.
    const stale = await h.execute(jf, 'case.goals.save', {
      ...buttonData(form.card, 'case.goals.save'),
      submissionId: 'another-submission-1',
      goalA_title: 'Chauffør',
    });
    expect(cardText(stale.card)).toContain('En anden har gemt ændringer imens');
    expect(inputValues(stale.card).goalA_title).toBe('Butiksassistent');
    expect((await repo.get(jf.tenantId, caseRef, ''))?.goals[0]?.title).toBe('Butiksassistent');
  });

  it('shows a case only to its jobformidler (admins read only, without HKO); other tenants find nothing', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const other = await h.userWithRoles('Olga', ['jobformidler']);
    const refused = await h.execute(other, 'case.open', { caseRef });
    expect(cardText(refused.card)).toContain('Du har ikke adgang til denne sag');
    const write = await h.execute(other, 'case.cv.save', { caseRef, submissionId: 'x-submission', cvStatus: 'NONE' });
    expect(cardText(write.card)).toContain('Du har ikke adgang til denne sag');

    const admin = await h.userWithRoles('Ada', ['admin']);
    const adminView = await h.execute(admin, 'case.open', { caseRef });
    expect(cardText(adminView.card)).toContain('kun læsning');
    expect(cardText(adminView.card)).toContain('HKO vises kun for sagens jobformidler.');
    expect(actionsOf(adminView.card).map((a) => a.verb)).not.toContain('case.goals.edit');
    const adminWrite = await h.execute(admin, 'case.goals.edit', { caseRef });
    expect(cardText(adminWrite.card)).toContain(`Jobmål for ${caseRef}`); // reading the form is a read …
    const adminSave = await h.execute(admin, 'case.goals.save', {
      ...buttonData(adminWrite.card, 'case.goals.save'),
      goalA_title: 'X',
    });
    expect(cardText(adminSave.card)).toContain('Det har din rolle ikke adgang til'); // … saving is not.

    const foreign = await h.userWithRoles('Frida', ['jobformidler'], {
      tenantId: '22222222-2222-4222-8222-222222222222',
    });
    const elsewhere = await h.execute(foreign, 'case.open', { caseRef });
    expect(cardText(elsewhere.card)).toContain('Det kunne ikke findes');

    const screener = await h.userWithRoles('Sara', ['screener']);
    expect(cardText((await h.execute(screener, 'case.open', { caseRef })).card)).toContain('ikke adgang');
  });

  it('audits every read and write with the purpose follow_up, refusals included', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    await h.execute(jf, 'case.open', { caseRef });
    const form = await h.execute(jf, 'case.goals.edit', { caseRef });
    await h.execute(jf, 'case.goals.save', { ...buttonData(form.card, 'case.goals.save'), goalA_title: 'Kok' });
    const other = await h.userWithRoles('Otto', ['jobformidler']);
    await h.execute(other, 'case.open', { caseRef });
    const log = await h.services.audit.listForCase(jf.tenantId, caseRef, { maxItemCount: 100 });
    const entries = log.items.map((e) => `${e.action}:${e.kind}:${e.outcome}:${e.purpose}`);
    expect(entries).toEqual(
      expect.arrayContaining([
        'case.read:read:ok:follow_up',
        'hko.read:read:ok:follow_up',
        'job_goals.read:read:ok:follow_up',
        'job_goals.write:write:ok:follow_up',
        'case.read:read:denied:follow_up',
      ]),
    );
    expect(log.items.find((e) => e.outcome === 'denied')?.actorId).toBe(other.aadObjectId);
  });
});
