import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoreElementSetSchema, type CoreElementSet } from '../../bot/domain/core-element-set';
import { BUILT_IN_CORE_SETS, CoreElementSetCatalogue } from '../../bot/features/fidelity/core-element-sets';
import { CoreElementSetRepository } from '../../bot/store/core-element-set-repository';
import { IndicatorSetRepository } from '../../bot/store/indicator-set-repository';
import { TEAMS_FILE_DOWNLOAD_INFO } from '../../bot/teams/file-attachments';
import { BUILT_IN_SETS } from '../../bot/features/progression/indicator-sets';
import type { AdaptiveCard } from '../../cards/types';
import { BotHarness, TEST_TENANT, cardText, textsOf, type TestUser } from '../harness/bot-harness';
import { documentsOf } from '../privacy/fixtures';

/**
 * Issue 16 A.1: core elements per programme as versioned data, imported by an admin like indicator
 * sets (pasted after the command or sent as a file), validated before anything is written, never
 * changed once shipped or used.
 */
type Json = Record<string, unknown>;
const FSM = BUILT_IN_CORE_SETS.find((s) => s.setId === 'flere-skal-med')!;
const RUMMELIGT = BUILT_IN_CORE_SETS.find((s) => s.setId === 'rummeligt-arbejdsmarked-ii')!;
const copy = (set: CoreElementSet): Json => JSON.parse(JSON.stringify(set)) as Json;

describe('the core-element sets that ship with Fremdrift', () => {
  it('hold Flere skal med KE1–KE6 and Et mere rummeligt arbejdsmarked II KE1–KE5, each statement anchored at 1, 3 and 5', () => {
    expect(FSM.elements.map((e) => `KE${e.number} ${e.name.da}`)).toEqual([
      'KE1 Borgerens eget jobmål sætter retning',
      'KE2 Borger får en personlig jobformidler med kendskab til arbejdsmarkedet (individuel støtte)',
      'KE3 Borger finder et individuelt jobmatch med kolleger og arbejdsopgaver, "der kan vokse" (individuelt match)',
      'KE4 Borger og virksomhed indgår klare aftaler om timer, opgaver, opfølgning og ordinære timer',
      'KE5 Borger støttes gennem en ressourcefokuseret tilgang',
      'KE6 Borger får løbende opfølgning med fokus på fastholdelse og progression mod ordinære timer',
    ]);
    expect(RUMMELIGT.elements.map((e) => `KE${e.number} ${e.shortName.da}`)).toEqual([
      'KE1 Screening',
      'KE2 CV og Min Plan',
      'KE3 Jobformidler',
      'KE4 Fast track',
      'KE5 Virksomhed og match',
    ]);
    for (const set of BUILT_IN_CORE_SETS)
      for (const element of set.elements) {
        expect([set.setId, element.elementId, element.items.length]).toEqual([set.setId, element.elementId, 3]);
        expect(element.practice).toBeDefined();
        for (const item of element.items)
          for (const level of ['1', '3', '5'] as const) {
            expect(item.anchors[level].da.length).toBeGreaterThan(10);
            expect(item.anchors[level].en).toBeDefined();
          }
      }
  });
});

describe('importing core-element sets over HTTP', () => {
  let h: BotHarness;
  let admin: TestUser;
  let leader: TestUser;
  let leo: TestUser;
  let files: http.Server;
  let filesUrl = '';
  const served = new Map<string, string>();

  beforeAll(async () => {
    h = await BotHarness.start();
    admin = await h.userWithRoles('Ada', ['admin']);
    leader = await h.userWithRoles('Lea', ['leder']);
    leo = await h.userWithRoles('Leo', ['admin'], { locale: 'en-GB' });
    // First turns record who the users are; the "writes nothing" checks below come after them.
    for (const u of [admin, leo]) await h.say(u, 'hjælp');
    files = http.createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.statusCode = body === undefined ? 404 : 200;
      res.end(body ?? '');
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await h?.stop();
    files?.closeAllConnections();
    await new Promise<void>((resolve) => (files ? files.close(() => resolve()) : resolve()));
  });

  const ownSet = (setId: string, version = 1, tweak?: (s: Json & { elements: Json[] }) => void): Json => {
    const s = copy(FSM) as Json & { elements: Json[] };
    s.setId = setId;
    s.version = version;
    s.name = { da: `Vejle-modellen ${setId}`, en: `The Vejle model ${setId}` };
    tweak?.(s);
    return s;
  };
  const stored = () => new CoreElementSetRepository(h.services.store).list(TEST_TENANT);
  // Compact: a Teams message carries at most 20,000 characters (a full set as a file has no such limit).
  const paste = (user: TestUser, s: Json | string) =>
    h.say(user, `importér kerneelementsæt ${typeof s === 'string' ? s : JSON.stringify(s)}`);

  async function sendFile(
    user: TestUser,
    name: string,
    body: string,
  ): Promise<{ texts: string[]; cards: AdaptiveCard[] }> {
    const path = `/${encodeURIComponent(name)}-${served.size}`;
    served.set(path, body);
    const { sent } = await h.post(
      h.activity(user, {
        type: 'message',
        text: '',
        attachments: [
          {
            contentType: TEAMS_FILE_DOWNLOAD_INFO,
            contentUrl: `${filesUrl}${path}`,
            name,
            content: { downloadUrl: `${filesUrl}${path}`, uniqueId: 'x', fileType: 'json' },
          },
        ],
      }),
    );
    const activities = sent.map((c) => c.body as { attachments?: { content?: AdaptiveCard }[] });
    return {
      texts: sent.flatMap(textsOf),
      cards: activities.flatMap((a) => (a.attachments ?? []).flatMap((x) => (x.content ? [x.content] : []))),
    };
  }

  it('lists the shipped sets for an admin', async () => {
    const r = await h.say(admin, 'kerneelementsæt');
    const text = cardText(r.cards[0]);
    expect(text).toContain('Flere skal med – seks kerneelementer v1');
    expect(text).toContain('Flere skal med · 6 kerneelementer · 18 udsagn · følger med Fremdrift');
    expect(text).toContain(
      'Et mere rummeligt arbejdsmarked for borgere med handicap II · 5 kerneelementer · 15 udsagn',
    );
  });

  it('imports a set pasted after the command, and lists it as not used yet', async () => {
    const r = await paste(admin, ownSet('vejle'));
    expect(cardText(r.cards[0])).toContain('Kerneelementsættet er importeret');
    expect(cardText(r.cards[0])).toContain('Vejle-modellen vejle version 1: 6 kerneelementer med 18 udsagn i alt.');
    const list = cardText((await h.say(admin, 'kerneelementsæt')).cards[0]);
    expect(list).toMatch(/Vejle-modellen vejle v1[\s\S]*ikke brugt endnu – kan erstattes/);
  });

  it('imports a file sent to the bot, and still sends an indicator set file to the indicator-set import', async () => {
    const r = await sendFile(admin, 'vejle-2.json', JSON.stringify(ownSet('vejle-fil')));
    expect(cardText(r.cards[0])).toContain('Vejle-modellen vejle-fil version 1');
    expect((await stored()).map((d) => d.setId)).toEqual(expect.arrayContaining(['vejle', 'vejle-fil']));

    const indicators = JSON.parse(JSON.stringify(BUILT_IN_SETS[0])) as Json;
    indicators.setId = 'esbjerg-fil';
    const other = await sendFile(admin, 'indikatorer.json', JSON.stringify(indicators));
    expect(cardText(other.cards[0])).toContain('Indikatorsæt importeret');
    const indicatorSets = await new IndicatorSetRepository(h.services.store).list(TEST_TENANT);
    expect(indicatorSets.map((d) => d.setId)).toEqual(['esbjerg-fil']);
  });

  it('explains every problem with its place in the file, in the admin’s language, and saves nothing', async () => {
    const before = await documentsOf(h.services);
    const bad = ownSet('vejle-fejl', 1, (s) => {
      const [first, second] = s.elements as (Json & { items: (Json & { anchors: Json })[] })[];
      delete first!.items[0]!.anchors['3'];
      (second as Json).shortName = { da: 'Et alt for langt kort navn til diagrammet', en: 'x' };
    });
    const r = await paste(admin, bad);
    const text = cardText(r.cards[0]);
    expect(text).toContain('Kerneelementsættet blev ikke importeret');
    expect(text).toContain('`elements[0] (ke1-eget-jobmaal).items[0] (borgerens-eget-maal).anchors.3`: mangler');
    expect(text).toContain('`elements[1] (ke2-personlig-jobformidler).shortName.da`: må højst være 24 tegn');
    const twice = await paste(
      admin,
      ownSet('vejle-fejl', 1, (s) => {
        const [first, second] = s.elements;
        second!.elementId = first!.elementId;
      }),
    );
    expect(cardText(twice.cards[0])).toContain(
      '`elements[1] (ke1-eget-jobmaal).elementId`: id\'et "ke1-eget-jobmaal" er brugt af mere end ét kerneelement',
    );

    const wrong = await paste(leo, { ...ownSet('x-set'), format: 'fremdrift-indicator-set' });
    expect(cardText(wrong.cards[0])).toContain(
      'must be "fremdrift-core-elements", so Fremdrift can tell it is a core-element set',
    );
    const broken = await paste(admin, '{ "format": "fremdrift-core-elements", }');
    expect(cardText(broken.cards[0])).toContain('Kerneelementsættet blev ikke importeret');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('never changes a shipped version or a version used in a round, and says which version to send', async () => {
    const changed = copy(FSM);
    (changed.name as Json).da = 'Flere skal med – vores udgave';
    const shipped = await paste(admin, changed);
    expect(cardText(shipped.cards[0])).toContain(
      'Version 1 af "flere-skal-med" følger med Fremdrift og kan ikke ændres. Send din udgave som version 2.',
    );
    // A round starts on the tenant's own set (marked before the round is written), after which it is fixed.
    await new CoreElementSetCatalogue(h.services.store).markUsed(TEST_TENANT, 'vejle', 1, new Date());
    const before = await documentsOf(h.services);
    const used = await paste(
      admin,
      ownSet('vejle', 1, (s) => ((s.description as Json).da = 'Ændret.')),
    );
    expect(cardText(used.cards[0])).toContain(
      'Version 1 af "vejle" er brugt i en fidelitetsrunde og kan ikke ændres. Send ændringen som version 2.',
    );
    expect(await documentsOf(h.services)).toEqual(before);
    const next = await paste(admin, ownSet('vejle', 2));
    expect(cardText(next.cards[0])).toContain('Vejle-modellen vejle version 2');
    const unused = await paste(
      admin,
      ownSet('vejle-fil', 1, (s) => ((s.description as Json).da = 'Ændret.')),
    );
    expect(cardText(unused.cards[0])).toContain('Version 1 var ikke brugt endnu og er erstattet.');
    const stored1 = (await stored()).find((d) => d.setId === 'vejle-fil');
    expect(CoreElementSetSchema.parse(stored1?.definition).description?.da).toBe('Ændret.');
  });

  it('refuses a leader, and a file from a leader, without saving anything', async () => {
    await h.say(leader, 'hjælp'); // the leader's first turn records who they are; what follows writes nothing
    const before = await documentsOf(h.services);
    const r = await paste(leader, ownSet('lea-set'));
    expect(r.texts[0]).toContain('Det har din rolle ikke adgang til');
    const f = await sendFile(leader, 'lea.json', JSON.stringify(ownSet('lea-fil')));
    expect(f.texts[0]).toContain('Det har din rolle ikke adgang til');
    expect(await documentsOf(h.services)).toEqual(before);
  });
});
