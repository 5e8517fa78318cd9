import http from 'node:http';
import type { AddressInfo } from 'node:net';
import defaultSet from '../../bot/features/progression/default-sets/g1-vej-mod-ordinaere-timer.v1.json';
import { validateIndicatorSetJson } from '../../bot/features/progression/import-indicator-set';
import { BUILT_IN_SETS } from '../../bot/features/progression/indicator-sets';
import { IndicatorSetRepository } from '../../bot/store/indicator-set-repository';
import { downloadUrlAllowed, TEAMS_FILE_DOWNLOAD_INFO } from '../../bot/teams/file-attachments';
import type { AdaptiveCard } from '../../cards/types';
import { BotHarness, TEST_TENANT, cardText, textsOf, type TestUser } from '../harness/bot-harness';
import { createG1Case, actionData } from './helpers';

type Json = Record<string, unknown>;
const clone = (): Json => JSON.parse(JSON.stringify(defaultSet)) as Json;
const indicators = (s: Json) => s.indicators as Json[];
const anchors = (s: Json, i: number) => (indicators(s)[i] as Json).anchors as Json[];

function problemsOf(source: Json | string, locale: 'da' | 'en' = 'da'): string[] {
  const result = validateIndicatorSetJson(typeof source === 'string' ? source : JSON.stringify(source), locale);
  if (result.ok) return [];
  return result.outcome.kind === 'invalid'
    ? result.outcome.problems.map((p) => `${p.path}: ${p.message}`)
    : [result.outcome.message];
}

describe('validating an indicator set', () => {
  it('accepts the shipped default set "Gruppe 1 — vej mod ordinære timer v1" with its seven indicators', () => {
    expect(problemsOf(clone())).toEqual([]);
    const set = BUILT_IN_SETS[0];
    expect(set?.name.da).toBe('Gruppe 1 — vej mod ordinære timer');
    expect(set?.version).toBe(1);
    expect(set?.indicators.map((i) => i.name.da)).toEqual([
      'Klart jobmål (ABC)',
      'Tro på egne jobmuligheder',
      'Hverdagsmestring og mødestabilitet',
      'Helbredsmestring',
      'Samarbejde og sociale kompetencer på arbejdspladsen',
      'Faglige og praktiske kompetencer',
      'Jobsøgning og CV',
    ]);
  });

  it('says where JSON syntax breaks', () => {
    expect(problemsOf('{\n  "format": "fremdrift-indicator-set",\n  "setId": "x",\n}')).toEqual([
      'Det er ikke gyldig JSON (fejl omkring linje 4, kolonne 1). Intet er gemt.',
    ]);
    expect(problemsOf('{ "setId": x }', 'en')[0]).toMatch(/^That is not valid JSON/);
  });

  it('names a wrong format marker, a missing field, an unknown field and a wrong scale', () => {
    const s = clone();
    s.format = 'indikatorer';
    delete (s.name as Json).en;
    s.scale = '1-7';
    const first = indicators(s)[0] as Json;
    first.higherIsBeter = true;
    delete first.higherIsBetter;
    expect(problemsOf(s)).toEqual([
      'format: skal være "fremdrift-indicator-set", så Fremdrift kan se, at det er et indikatorsæt',
      'name.en: mangler – feltet skal udfyldes',
      'scale: skal være en af: "1-5", "1-10"',
      'indicators[0] (klart-jobmaal).higherIsBetter: mangler – feltet skal udfyldes',
      'indicators[0] (klart-jobmaal): ukendte felter: "higherIsBeter" (stavefejl?)',
    ]);
  });

  it('names wrong types, numbers out of range, bad ids and a plain-http link', () => {
    const s = clone();
    s.version = 1.5;
    s.theoryOfChangeRef = 'http://intranet.kommune.dk/forandringsteori';
    (indicators(s)[1] as Json).indicatorId = 'Tro på job';
    (indicators(s)[2] as Json).anchors = 'fem trin';
    (anchors(s, 3)[0] as Json).from = 0;
    expect(problemsOf(s)).toEqual([
      'version: skal være et helt tal',
      'theoryOfChangeRef: skal være en https-adresse',
      'indicators[1] (Tro på job).indicatorId: må kun indeholde små bogstaver a-z, tal og bindestreg (2-63 tegn), fx "hverdagsmestring"',
      'indicators[2] (hverdagsmestring).anchors: skal være en liste [ … ]',
      'indicators[3] (helbredsmestring).anchors[0].from: skal være mindst 1',
    ]);
  });

  it('names anchors that leave a gap, overlap, stop short of the top or use bands on a 1-5 scale, and duplicate ids', () => {
    const s = clone();
    (anchors(s, 0)[1] as Json).from = 4; // 1-2, then 4-4: 3 is missing
    (anchors(s, 1)[1] as Json).from = 2; // 1-2, then 2-4
    (indicators(s)[2] as Json).anchors = anchors(s, 2).slice(0, 4); // stops at 8
    (indicators(s)[6] as Json).indicatorId = 'samarbejde';
    expect(problemsOf(s)).toEqual([
      'indicators[0] (klart-jobmaal).anchors[1].from: hul i trinene: teksten skulle starte ved 3, men starter ved 4',
      'indicators[1] (tro-paa-job).anchors[1].from: trinene overlapper: teksten skulle starte ved 3, men starter ved 2',
      'indicators[2] (hverdagsmestring).anchors: trinene dækker ikke hele skalaen: 9-10 mangler en tekst',
      'indicators[6] (samarbejde).indicatorId: id\'et "samarbejde" er brugt af mere end én indikator',
    ]);
    const five = clone();
    five.scale = '1-5';
    expect(problemsOf(five)[0]).toBe(
      'indicators[0] (klart-jobmaal).anchors[0]: på skala 1-5 skal hvert trin have sin egen tekst ("from" og "to" ens), men her er det 1-2',
    );
  });

  it('explains in English to an English-speaking admin', () => {
    const s = clone();
    s.indicators = [];
    expect(problemsOf(s, 'en')).toEqual(['indicators: must have at least 1 items']);
    expect(problemsOf('[1, 2]', 'en')).toEqual(['(the whole content): must be an object { … }']);
  });
});

describe('the file port', () => {
  it('downloads only over https (plain http to 127.0.0.1 in tests) and never with credentials in the URL', () => {
    const prod = { allowLoopbackHttp: false };
    expect(downloadUrlAllowed('https://kommune-my.sharepoint.com/personal/x/file.json', prod)).toBe(true);
    expect(downloadUrlAllowed('http://127.0.0.1:8080/file.json', prod)).toBe(false);
    expect(downloadUrlAllowed('http://127.0.0.1:8080/file.json', { allowLoopbackHttp: true })).toBe(true);
    expect(downloadUrlAllowed('http://10.0.0.4/file.json', { allowLoopbackHttp: true })).toBe(false);
    expect(downloadUrlAllowed('https://user:pw@example.com/f.json', prod)).toBe(false);
    expect(downloadUrlAllowed('file:///etc/passwd', { allowLoopbackHttp: true })).toBe(false);
  });
});

describe('importing indicator sets over HTTP', () => {
  let h: BotHarness;
  let admin: TestUser;
  let jo: TestUser;
  let files: http.Server;
  let filesUrl = '';
  const served = new Map<string, string>();

  beforeAll(async () => {
    h = await BotHarness.start();
    admin = await h.userWithRoles('Ada', ['admin']);
    jo = await h.userWithRoles('Jo', ['jobformidler']);
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

  const ownSet = (setId: string, version = 1, tweak?: (s: Json) => void): Json => {
    const s = clone();
    s.setId = setId;
    s.version = version;
    s.name = { da: `Esbjerg indgang ${setId}`, en: `Esbjerg entry ${setId}` };
    tweak?.(s);
    return s;
  };
  const stored = () => new IndicatorSetRepository(h.services.store).list(TEST_TENANT);
  const paste = (user: TestUser, s: Json | string) =>
    h.say(user, `importér indikatorsæt ${typeof s === 'string' ? s : JSON.stringify(s, null, 2)}`);

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
            content: { downloadUrl: `${filesUrl}${path}`, uniqueId: 'x', fileType: name.split('.').pop() },
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

  it('imports a set pasted after the command, and lists it as not used yet', async () => {
    const r = await paste(admin, ownSet('esbjerg-a'));
    expect(cardText(r.cards[0])).toContain('Indikatorsæt importeret');
    expect(cardText(r.cards[0])).toContain('Esbjerg indgang esbjerg-a v1 er gemt: 7 indikatorer, skala 1-10');
    const list = await h.say(admin, 'indikatorsæt');
    const text = cardText(list.cards[0]);
    expect(text).toContain('Gruppe 1 — vej mod ordinære timer v1');
    expect(text).toContain('følger med Fremdrift');
    expect(text).toMatch(/Esbjerg indgang esbjerg-a v1[\s\S]*ikke brugt endnu/);
  });

  it('imports a JSON file sent as a Teams file attachment', async () => {
    const r = await sendFile(admin, 'esbjerg-b.json', JSON.stringify(ownSet('esbjerg-b')));
    expect(cardText(r.cards[0])).toContain('Esbjerg indgang esbjerg-b v1 er gemt');
    expect((await stored()).map((d) => d.setId)).toContain('esbjerg-b');
  });

  it('explains every problem of a bad file and stores nothing', async () => {
    const before = (await stored()).length;
    const bad = ownSet('esbjerg-bad', 1, (s) => {
      s.scale = '1-7';
      (indicators(s)[0] as Json).indicatorId = 'Jobmål';
    });
    const r = await sendFile(admin, 'bad.json', JSON.stringify(bad));
    const text = cardText(r.cards[0]);
    expect(text).toContain('Indikatorsættet blev ikke importeret');
    expect(text).toContain('Ret disse fejl og send det igen. Intet er gemt.');
    expect(text).toContain('scale');
    expect(text).toContain('indicators[0] (Jobmål).indicatorId');
    const syntax = await paste(admin, '{ "format": "fremdrift-indicator-set", }');
    expect(cardText(syntax.cards[0])).toContain('Det er ikke gyldig JSON');
    expect((await stored()).length).toBe(before);
  });

  it('refuses files that are not JSON or are too large, and asks for JSON after a bare command', async () => {
    const docx = await sendFile(admin, 'plan.docx', 'PK...');
    expect(docx.texts).toEqual([
      'Den slags fil kan Fremdrift ikke bruge. Skriv "hjælp" for at se, hvad du kan. Intet er gemt.',
    ]);
    const huge = await sendFile(admin, 'huge.json', `{"x":"${'a'.repeat(300 * 1024)}"}`);
    expect(huge.texts).toEqual(['Filen er for stor (højst 256 KB). Intet er gemt.']);
    const bare = await h.say(admin, 'importér indikatorsæt');
    expect(bare.texts[0]).toContain('Indsæt indikatorsættets JSON efter kommandoen');
  });

  it('lets only admins import', async () => {
    const r = await paste(jo, ownSet('jo-set'));
    expect(r.texts).toEqual([
      'Det har din rolle ikke adgang til. Spørg din administrator, hvis du mener, det er en fejl.',
    ]);
    const file = await sendFile(jo, 'jo.json', JSON.stringify(ownSet('jo-file')));
    expect(file.texts[0]).toContain('Det har din rolle ikke adgang til');
    expect((await stored()).map((d) => d.setId)).not.toEqual(expect.arrayContaining(['jo-set', 'jo-file']));
  });

  it('never changes the shipped default: changes must come as a new version', async () => {
    const changed = clone();
    (changed.name as Json).da = 'Vores egen udgave';
    const r = await paste(admin, changed);
    expect(cardText(r.cards[0])).toContain(
      'Version 1 af "g1-vej-mod-ordinaere-timer" følger med Fremdrift og kan ikke ændres. Send dine ændringer som version 2.',
    );
    const same = await paste(admin, clone());
    expect(cardText(same.cards[0])).toContain('findes allerede med præcis dette indhold');
  });

  it('replaces an unused version, but never one used in a measurement; a new version is accepted', async () => {
    const v1 = ownSet('esbjerg-c');
    await paste(admin, v1);
    const edited = ownSet('esbjerg-c', 1, (s) => ((s.description as Json).da = 'Rettet før brug.'));
    const replaced = await paste(admin, edited);
    expect(cardText(replaced.cards[0])).toContain('Den tidligere, ubrugte udgave af v1 er erstattet.');

    // A jobformidler starts a measurement on it: from now on v1 is used.
    await createG1Case(h, jo, 'FR-IMPORT-1');
    const start = await h.execute(jo, 'progression.new', { caseRef: 'FR-IMPORT-1' });
    expect(cardText(start.card)).toContain('Esbjerg indgang esbjerg-c v1');
    const page = await h.execute(jo, 'progression.start', {
      ...actionData(start.card, 'progression.start'),
      setKey: 'esbjerg-c@1',
      context: 'BASELINE',
      participants: 'CITIZEN,JOBFORMIDLER',
      measuredAt: new Date().toISOString().slice(0, 10),
    });
    expect(cardText(page.card)).toContain('Indikator 1 af 7 · Esbjerg indgang esbjerg-c v1');

    const again = ownSet('esbjerg-c', 1, (s) => ((s.description as Json).da = 'Rettet efter brug.'));
    const refused = await paste(admin, again);
    expect(cardText(refused.cards[0])).toContain(
      'Version 1 af "esbjerg-c" er allerede brugt i målinger og kan ikke ændres. Send ændringerne som version 2.',
    );
    const kept = await new IndicatorSetRepository(h.services.store).get(TEST_TENANT, 'esbjerg-c', 1);
    expect(kept?.definition.description?.da).toBe('Rettet før brug.');
    expect(kept?.usedAt).toBeDefined();

    const v2 = await paste(
      admin,
      ownSet('esbjerg-c', 2, (s) => ((s.description as Json).da = 'Rettet efter brug.')),
    );
    expect(cardText(v2.cards[0])).toContain('Esbjerg indgang esbjerg-c v2 er gemt');
    const list = await h.say(admin, 'indicator sets');
    expect(cardText(list.cards[0])).toMatch(/esbjerg-c v1[\s\S]*i brug/);
  });
});
