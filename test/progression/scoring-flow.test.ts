import { ManualClock } from '../../bot/domain/clock';
import { caseDocId } from '../../bot/domain/case';
import { ProgressionRepository } from '../../bot/store/progression-repository';
import { WeeklyHoursRepository } from '../../bot/store/weekly-hours-repository';
import { stampNew } from '../../bot/domain/case-work-doc';
import type { AdaptiveCard, JsonObject } from '../../cards/types';
import { BotHarness, TEST_TENANT, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import defaultSet from '../../bot/features/progression/default-sets/g1-vej-mod-ordinaere-timer.v1.json';
import { actionData, createG1Case, scoreMeasurement } from './helpers';

/** Every element of a card (depth first), to find charts and their fallbacks. */
function elements(card: unknown): JsonObject[] {
  const out: JsonObject[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as JsonObject;
    if (typeof o.type === 'string') out.push(o);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}
const chartsOf = (card: AdaptiveCard | undefined, type: string) => elements(card).filter((e) => e.type === type);
type Series = { legend: string; values: { x: string; y: number }[] };

describe('scoring progression with the citizen over HTTP', () => {
  const clock = new ManualClock(new Date('2025-01-10T09:30:00Z'));
  let h: BotHarness;
  let jo: TestUser;
  let admin: TestUser;
  const measurements = () => new ProgressionRepository(h.services.store);

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    jo = await h.userWithRoles('Jonas', ['jobformidler']);
    admin = await h.userWithRoles('Ada', ['admin']);
    await createG1Case(h, jo, 'FR-FLOW-1', '2025-01-06');
    await createG1Case(h, jo, 'FR-FLOW-2', '2025-01-06');
    await createG1Case(h, jo, 'FR-FLOW-3', '2025-01-06');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('shows that the baseline is due before anything is measured', async () => {
    const r = await h.say(jo, 'progression FR-FLOW-1');
    const text = cardText(r.cards[0]);
    expect(text).toContain('Progression – FR-FLOW-1');
    expect(text).toContain('Der er ingen målinger endnu.');
    expect(text).toContain('6. jan. 2025 – 4 dage over tid');
    expect(actionsOf(r.cards[0]).map((a) => a.verb)).toEqual(['progression.new']);
    // Typed in lower case, or without a case number.
    expect(cardText((await h.say(jo, 'progressionsmåling fr-flow-1')).cards[0])).toContain('Progression – FR-FLOW-1');
    expect((await h.say(jo, 'progression')).texts).toEqual([
      'Skriv sagsnummeret efter kommandoen, fx "progression FR-7KQ2-M9XA".',
    ]);
  });

  it('asks for set, occasion, who takes part and date, then shows every level with its anchor text', async () => {
    const start = await h.execute(jo, 'progression.new', { caseRef: 'FR-FLOW-1' });
    const text = cardText(start.card);
    for (const expected of [
      'Gruppe 1 — vej mod ordinære timer v1',
      'Basismåling (start)',
      'Slut på virksomhedsforløb',
      'Borgeren',
      'Virksomheden',
    ])
      expect(text).toContain(expected);
    const page = await h.execute(jo, 'progression.start', {
      ...actionData(start.card, 'progression.start'),
      setKey: 'g1-vej-mod-ordinaere-timer@1',
      context: 'BASELINE',
      participants: 'CITIZEN,JOBFORMIDLER,EMPLOYER',
      measuredAt: '2025-01-10',
    });
    const pageText = cardText(page.card);
    expect(pageText).toContain('Indikator 1 af 7');
    expect(pageText).toContain('Klart jobmål (ABC)');
    expect(pageText).toContain('1 · Har endnu ikke et jobmål eller ved ikke, hvad der kunne passe.');
    expect(pageText).toContain('9 · Har klare jobmål og bruger dem aktivt til at vælge job og virksomheder.');
    expect(pageText).toContain('Note (valgfri – ingen CPR-numre og ingen diagnoser)');
  });

  it('saves every page and resumes where it stopped, also after a restart', async () => {
    let card = (await h.execute(jo, 'progression.resume', { caseRef: 'FR-FLOW-1' })).card;
    for (const score of [3, 4, 5]) {
      const next = actionsOf(card).find((a) => a.data.move === 'next')?.data;
      card = (
        await h.execute(jo, 'progression.page', {
          ...next,
          score: String(score),
          note: score === 3 ? 'Drømmer om lager' : '',
        })
      ).card;
    }
    expect(cardText(card)).toContain('Indikator 4 af 7');

    await h.restart();
    const overview = await h.say(jo, 'progression FR-FLOW-1');
    expect(cardText(overview.cards[0])).toContain('En måling fra 10. jan. 2025 er i gang (3 af 7 scoret).');
    const resumed = await h.execute(jo, 'progression.resume', actionData(overview.cards[0], 'progression.resume'));
    expect(cardText(resumed.card)).toContain('Indikator 4 af 7');

    // Back shows the earlier page with its saved score and note.
    const back = await h.execute(
      jo,
      'progression.page',
      actionsOf(resumed.card).find((a) => a.data.move === 'back')!.data,
    );
    expect(cardText(back.card)).toContain('Indikator 3 af 7');
    card = back.card;
    for (const score of [5, 3, 4, 5, 2]) {
      const next = actionsOf(card).find((a) => a.data.move === 'next')?.data;
      card = (await h.execute(jo, 'progression.page', { ...next, score: String(score) })).card;
    }
    expect(cardText(card)).toContain('Tjek og gem målingen');
    expect(cardText(card)).toContain('1. Klart jobmål (ABC): **3/10**');
    const saved = await h.execute(jo, 'progression.complete', {
      ...actionData(card, 'progression.complete'),
      agreedWithCitizen: 'true',
    });
    const text = cardText(saved.card);
    expect(text).toContain('Målingen er gemt.');
    expect(text).toContain('Der er kun én måling på denne version.');
    expect(text).toContain('12. apr. 2025'); // next due: 92 days after 10 Jan
    expect(text).toContain('Drømmer om lager');
    const docs = await measurements().listForCase(TEST_TENANT, 'FR-FLOW-1');
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      status: 'COMPLETED',
      indicatorSetId: 'g1-vej-mod-ordinaere-timer',
      indicatorSetVersion: 1,
      context: 'BASELINE',
      participants: ['CITIZEN', 'JOBFORMIDLER', 'EMPLOYER'],
      agreedWithCitizen: true,
      meanScore: 3.71,
    });
    expect(docs[0]?.id).toBe(caseDocId(TEST_TENANT, 'progression', docs[0]?.measurementId ?? ''));
  });

  it('records duplicate submits once: the same start, the same page, the same save', async () => {
    const start = await h.execute(jo, 'progression.new', { caseRef: 'FR-FLOW-2' });
    const startData = {
      ...actionData(start.card, 'progression.start'),
      setKey: 'g1-vej-mod-ordinaere-timer@1',
      context: 'BASELINE',
      participants: 'CITIZEN,JOBFORMIDLER',
      measuredAt: '2025-01-10',
    };
    const [first, second] = await Promise.all([
      h.execute(jo, 'progression.start', startData),
      h.execute(jo, 'progression.start', startData),
    ]);
    expect(cardText(first.card)).toContain('Indikator 1 af 7');
    expect(cardText(second.card)).toContain('Indikator 1 af 7');
    expect(await measurements().listForCase(TEST_TENANT, 'FR-FLOW-2')).toHaveLength(1);

    const next = { ...actionsOf(first.card).find((a) => a.data.move === 'next')!.data, score: '6' };
    await Promise.all([h.execute(jo, 'progression.page', next), h.execute(jo, 'progression.page', next)]);
    let card = (await h.execute(jo, 'progression.page', next)).card;
    const [draft] = await measurements().listForCase(TEST_TENANT, 'FR-FLOW-2');
    expect(draft?.scores).toEqual([{ indicatorId: 'klart-jobmaal', value: 6 }]);
    expect(draft?.cursor).toBe(1);

    for (const score of [6, 6, 6, 6, 6, 6]) {
      const data = actionsOf(card).find((a) => a.data.move === 'next')?.data;
      card = (await h.execute(jo, 'progression.page', { ...data, score: String(score) })).card;
    }
    const save = { ...actionData(card, 'progression.complete'), agreedWithCitizen: 'true' };
    const once = await h.execute(jo, 'progression.complete', save);
    const twice = await h.execute(jo, 'progression.complete', save);
    expect(cardText(once.card)).toContain('Målingen er gemt.');
    expect(cardText(twice.card)).toContain('Målingen var allerede gemt – den er kun gemt én gang.');
    // A stale page submitted after the save changes nothing either.
    const stale = await h.execute(jo, 'progression.page', { ...next, score: '1' });
    expect(cardText(stale.card)).toContain('allerede gemt');
    const docs = await measurements().listForCase(TEST_TENANT, 'FR-FLOW-2');
    expect(docs).toHaveLength(1);
    expect(docs[0]?.scores[0]?.value).toBe(6);
  });

  it('compares a later measurement with the baseline (native chart, PNG fallback, table) beside the ordinary-hours curve', async () => {
    clock.set(new Date('2025-04-12T10:00:00Z'));
    // Hours as the jobformidler logs them; completing the measurement rebuilds the case facts from them.
    const hoursRepository = new WeeklyHoursRepository(h.services.store);
    for (const [i, hours] of [5, 8, 8, 12, 15, 18].entries()) {
      const isoWeek = `2025-W${String(9 + i).padStart(2, '0')}`;
      await hoursRepository.save(
        {
          id: caseDocId(TEST_TENANT, 'hours', isoWeek),
          tenantId: TEST_TENANT,
          caseRef: 'FR-FLOW-1',
          type: 'weekly_hours',
          ...stampNew(jo.aadObjectId, clock.now()),
          isoWeek,
          ordinaryHours: hours,
          practiceHours: 10,
          absenceHours: 0,
          source: 'PAYSLIP',
          corrections: [],
        },
        undefined,
      );
    }
    const card = await scoreMeasurement(h, jo, 'FR-FLOW-1', {
      context: 'ROUTINE_3M',
      measuredAt: '2025-04-12',
      scores: [5, 6, 5, 4, 6, 5, 3],
      notes: [undefined, 'Tror mere på det nu'],
    });
    const text = cardText(card);
    expect(text).toContain('Sammenlignes med');
    expect(text).toContain('10. jan. 2025 · Basismåling (start)');
    expect(text).toContain('12. apr. 2025 · Kvartalsmåling (hver 3. måned)');
    expect(text).toContain('13. jul. 2025');

    const [bars] = chartsOf(card, 'Chart.VerticalBar.Grouped');
    const series = bars?.data as Series[];
    expect(series.map((s) => s.legend)).toEqual(['Før (10. jan. 2025)', 'Nu (12. apr. 2025)']);
    expect(series.map((s) => s.values[0]?.y)).toEqual([3, 5]);
    expect(series[0]?.values.map((v) => v.x)).toContain('Jobmål');
    const fallback = bars?.fallback as JsonObject;
    expect(fallback.type).toBe('Image');
    expect(String(fallback.url)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    const table = elements(card).find((e) => e.type === 'Table');
    expect(cardText(table)).toContain('+2');
    expect(cardText(table)).toContain('Gennemsnit (højere er bedre)');

    const [line] = chartsOf(card, 'Chart.Line');
    const hours = line?.data as Series[];
    expect(hours.map((s) => s.legend)).toEqual(['Ordinære timer', 'Mål: 30 timer']);
    expect(hours[0]?.values.map((v) => v.y)).toEqual([5, 8, 8, 12, 15, 18]);
    expect(new Set(hours[1]?.values.map((v) => v.y))).toEqual(new Set([30]));
    expect((line?.fallback as JsonObject).type).toBe('Image');
    expect(text).toContain('Seneste uge (2025-W14): 18 timer. Målet er 30 timer.');
    expect(text).toContain('Tror mere på det nu');
  });

  it("shows the citizen's version: plain words, large dots, no internal notes", async () => {
    const overview = await h.say(jo, 'progression FR-FLOW-1');
    const citizen = await h.execute(jo, 'progression.citizen', actionData(overview.cards[0], 'progression.citizen'));
    const text = cardText(citizen.card);
    expect(text).toContain('Sådan går det');
    expect(text).toContain('Jeg ved, hvilket job jeg går efter');
    expect(text).toContain('●●●○○○○○○○');
    expect(text).toContain('●●●●●○○○○○');
    expect(text).toContain('Du er kommet videre');
    expect(text).toContain('Sidste uge arbejdede du 18 timer. Målet er 30 timer om ugen.');
    for (const internal of ['Tror mere på det nu', 'Drømmer om lager', 'FR-FLOW-1', 'v1', 'Note'])
      expect(text).not.toContain(internal);
    expect(chartsOf(citizen.card, 'Chart.VerticalBar.Grouped')).toHaveLength(1);
    expect(actionsOf(citizen.card).map((a) => a.verb)).toEqual(['progression.open']);
  });

  it('never compares measurements on different set versions, and says so', async () => {
    const v2 = JSON.parse(JSON.stringify(defaultSet)) as Record<string, unknown>;
    v2.version = 2;
    const imported = await h.say(admin, `importér indikatorsæt ${JSON.stringify(v2)}`);
    expect(cardText(imported.cards[0])).toContain('v2 er gemt');
    clock.set(new Date('2025-07-14T10:00:00Z'));
    const start = await h.execute(jo, 'progression.new', { caseRef: 'FR-FLOW-1' });
    expect(cardText(start.card)).toContain('Tidligere målinger er på Gruppe 1 — vej mod ordinære timer v1.');
    const card = await scoreMeasurement(h, jo, 'FR-FLOW-1', {
      setKey: 'g1-vej-mod-ordinaere-timer@2',
      context: 'ROUTINE_3M',
      measuredAt: '2025-07-14',
      scores: [9, 9, 9, 9, 9, 9, 9],
    });
    const text = cardText(card);
    expect(text).toContain(
      'Den seneste måling er på Gruppe 1 — vej mod ordinære timer v2, men de tidligere målinger er på en anden version. Kun målinger på samme version af indikatorsættet sammenlignes',
    );
    const [bars] = chartsOf(card, 'Chart.VerticalBar.Grouped');
    expect((bars?.data as Series[]).map((s) => s.legend)).toEqual(['Nu (14. jul. 2025)']);
    expect(text).not.toContain('Sammenlignes med');
    const citizen = await h.execute(jo, 'progression.citizen', { caseRef: 'FR-FLOW-1' });
    expect(cardText(citizen.card)).toContain('Spørgsmålene er blevet ændret siden din første måling.');
    expect(cardText(citizen.card)).not.toContain('Du er kommet videre');
  });

  it('answers bad input with a clear message and saves nothing partial', async () => {
    const start = await h.execute(jo, 'progression.new', { caseRef: 'FR-FLOW-3' });
    const base = {
      ...actionData(start.card, 'progression.start'),
      setKey: 'g1-vej-mod-ordinaere-timer@2',
      context: 'BASELINE',
    };
    const nobody = await h.execute(jo, 'progression.start', { ...base, participants: '', measuredAt: '2025-07-14' });
    expect(cardText(nobody.card)).toContain('Vælg mindst én deltager.');
    const future = await h.execute(jo, 'progression.start', {
      ...base,
      participants: 'CITIZEN',
      measuredAt: '2025-08-01',
    });
    expect(cardText(future.card)).toContain('Datoen skal være i dag eller tidligere');
    expect(await measurements().listForCase(TEST_TENANT, 'FR-FLOW-3')).toHaveLength(0);

    const page = await h.execute(jo, 'progression.start', {
      ...base,
      participants: 'JOBFORMIDLER',
      measuredAt: '2025-07-14',
    });
    const next = actionsOf(page.card).find((a) => a.data.move === 'next')!.data;
    // Neither the jobformidler's nor the citizen's score: one of them is required (issue 16 B.4).
    expect(cardText((await h.execute(jo, 'progression.page', { ...next, score: '' })).card)).toContain(
      'Vælg mindst én score: din eller borgerens.',
    );
    expect(cardText((await h.execute(jo, 'progression.page', { ...next, score: '11' })).card)).toContain(
      'Vælg en score.',
    );
    const long = await h.execute(jo, 'progression.page', { ...next, score: '4', note: 'x'.repeat(501) });
    expect(cardText(long.card)).toContain('Noten må højst være 500 tegn. Intet er gemt på denne side.');
    const cpr = await h.execute(jo, 'progression.page', { ...next, score: '4', note: 'Borger 010190-1234 ringede' });
    expect(cardText(cpr.card)).toContain('CPR-nummer');
    const [draft] = await measurements().listForCase(TEST_TENANT, 'FR-FLOW-3');
    expect(draft?.scores).toEqual([]);

    // The summary refuses "agreed with the citizen" when the citizen did not take part.
    let card = page.card;
    for (let i = 0; i < 7; i++) {
      const data = actionsOf(card).find((a) => a.data.move === 'next')?.data;
      card = (await h.execute(jo, 'progression.page', { ...data, score: '5' })).card;
    }
    const refused = await h.execute(jo, 'progression.complete', {
      ...actionData(card, 'progression.complete'),
      agreedWithCitizen: 'true',
    });
    expect(cardText(refused.card)).toContain('"Aftalt med borgeren" kræver, at borgeren deltog. Intet er gemt.');
    expect((await measurements().listForCase(TEST_TENANT, 'FR-FLOW-3'))[0]?.status).toBe('DRAFT');
    const discarded = await h.execute(jo, 'progression.discard', actionData(refused.card, 'progression.discard'));
    expect(cardText(discarded.card)).toContain('Målingen er kasseret.');
    expect(await measurements().listForCase(TEST_TENANT, 'FR-FLOW-3')).toHaveLength(0);
  });
});
