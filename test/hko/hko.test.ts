import { type BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { withJobformidler } from '../harness/jobformidler-fixture';
import { ManualClock } from '../../bot/domain/clock';
import { CaseFactsRepository } from '../../bot/store/case-facts-repository';
import { readCaseWork } from '../../bot/store/case-work-partition';
import { HkoRepository } from '../../bot/store/hko-repository';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';

describe('compensation schemes (HKO)', () => {
  const clock = new ManualClock(new Date('2025-03-12T09:00:00Z'));
  let h: BotHarness;
  let jf: TestUser;
  withJobformidler(clock, (ready) => ({ h, jf } = ready));

  it('records an application and its decision apart from the case, and shows the days to decision', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = await h.execute(jf, 'hko.new', { caseRef });
    expect(cardText(form.card)).toContain('Hurtigsporet er ca. 7 dage');
    const applied = await h.execute(jf, 'hko.save', {
      ...buttonData(form.card, 'hko.save'),
      hkoType: 'AID_WORK_TOOL',
      consideredAt: '2025-03-01',
      appliedAt: '2025-03-03',
    });
    expect(cardText(applied.card)).toContain('Ordningen er gemt.');
    expect(cardText(applied.card)).toContain('Hjælpemiddel – arbejdsredskab · ansøgt 03.03.2025');

    const edit = actionsOf(applied.card).find((a) => a.verb === 'hko.edit');
    const editForm = await h.execute(jf, 'hko.edit', edit!.data);
    const decided = await h.execute(jf, 'hko.save', {
      ...buttonData(editForm.card, 'hko.save'),
      ...inputValues(editForm.card),
      decidedAt: '2025-03-07',
      decision: 'GRANTED',
      deliveredAt: '2025-03-11',
    });
    expect(cardText(decided.card)).toContain('Bevilget · 4 dage til afgørelse');

    // Art. 9: the application lives in `sensitive`, not in the case partition; the sensitive facts carry it.
    expect(await new HkoRepository(h.services.store).listForCase(jf.tenantId, caseRef)).toHaveLength(1);
    const partition = await h.services.store.containers.cases.items
      .query({
        query: 'SELECT * FROM c WHERE c.caseRef = @r AND c.type = "hko_application"',
        parameters: [{ name: '@r', value: caseRef }],
      })
      .fetchAll();
    expect(partition.resources).toEqual([]);
    expect(JSON.stringify(await readCaseWork(h.services.store, jf.tenantId, caseRef))).not.toContain('AID_WORK_TOOL');
    const sensitive = await new CaseFactsRepository(h.services.store).getSensitive(jf.tenantId, caseRef);
    expect(sensitive?.hko).toEqual([
      {
        type: 'AID_WORK_TOOL',
        appliedAt: '2025-03-03',
        decidedAt: '2025-03-07',
        decision: 'GRANTED',
        deliveredAt: '2025-03-11',
      },
    ]);

    const log = await h.services.audit.listForCase(jf.tenantId, caseRef, { maxItemCount: 100 });
    expect(log.items.filter((e) => e.action === 'hko.write' && e.outcome === 'ok')).toHaveLength(2);
  });

  it('refuses dates out of order, a decision without its date, and delivery without a grant', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const form = (await h.execute(jf, 'hko.new', { caseRef })).card;
    const base = { ...buttonData(form, 'hko.save'), hkoType: 'PERSONAL_ASSISTANCE_WORK' };
    const cases: [Record<string, string>, string][] = [
      [
        { appliedAt: '2025-03-05', decidedAt: '2025-03-04', decision: 'GRANTED' },
        '"Afgjort" kan ikke ligge før "Ansøgt".',
      ],
      [{ appliedAt: '2025-03-05', decision: 'GRANTED' }, 'Udfyld både "Afgørelse" og "Afgjort", eller ingen af dem.'],
      [
        { appliedAt: '2025-03-05', decidedAt: '2025-03-06', decision: 'REJECTED', deliveredAt: '2025-03-07' },
        'kun være leveret, når den er bevilget',
      ],
      [{ appliedAt: '2025-03-20' }, '"Ansøgt" kan ikke ligge efter i dag.'],
      [{ hkoType: 'MAGIC' }, 'Vælg en af mulighederne i "Ordning".'],
    ];
    for (const [fields, message] of cases) {
      const r = await h.execute(jf, 'hko.save', { ...base, ...fields });
      expect(cardText(r.card)).toContain(message);
    }
    expect(await new HkoRepository(h.services.store).listForCase(jf.tenantId, caseRef)).toEqual([]);
  });

  it('keeps HKO from admins and from other jobformidlere', async () => {
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
    const admin = await h.userWithRoles('Ada', ['admin']);
    expect(cardText((await h.execute(admin, 'hko.new', { caseRef })).card)).toContain(
      'Det har din rolle ikke adgang til',
    );
    const other = await h.userWithRoles('Olga', ['jobformidler']);
    expect(cardText((await h.execute(other, 'hko.new', { caseRef })).card)).toContain(
      'Du har ikke adgang til denne sag',
    );
    const log = await h.services.audit.listForCase(jf.tenantId, caseRef, { maxItemCount: 100 });
    expect(
      log.items
        .filter((e) => e.outcome === 'denied')
        .map((e) => e.actorId)
        .sort(),
    ).toEqual([admin.aadObjectId, other.aadObjectId].sort());
  });
});
