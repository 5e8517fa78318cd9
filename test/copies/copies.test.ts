import { caseDocId } from '../../bot/domain/case';
import { CHECKLIST_KEYS, type AgreementDoc, type ChecklistEntry } from '../../bot/domain/work-agreement';
import { BUILT_IN_SETS } from '../../bot/features/progression/indicator-sets';
import { AgreementRepository } from '../../bot/store/agreement-repository';
import { JobGoalRepository } from '../../bot/store/job-goal-repository';
import { FILE_CONSENT_CONTENT_TYPE, FILE_INFO_CONTENT_TYPE } from '../../bot/teams/file-delivery';
import {
  BotHarness,
  TEST_TENANT,
  actionsOf,
  attachmentsOf,
  cardText,
  openUrlOf,
  type TestUser,
} from '../harness/bot-harness';
import { pdfTags, pdfText } from '../harness/pdf';
import { allItems } from '../privacy/fixtures';
import { actionData, createG1Case } from '../progression/helpers';

/**
 * Issue 16 B.4–6 and issue 13 item 8: the citizen's and the employer's copies and the case export,
 * made as real files, read back with a PDF text extractor, and delivered through the connector.
 */
const CASE = 'FR-COPY-0001';
const daysAgo = (n: number): string => new Date(Date.now() - n * 86400_000).toISOString().slice(0, 10);
const MARK = {
  note: 'NOTE-INTERNAL-7731',
  art9: 'SCREENING-ANSWER-5512',
  hko: 'HKO-NEEDS-INTERNAL-2290',
  accommodation: 'Pauser hver anden time',
  disclosure: 'Borgeren har brug for faste opgaver',
  ratio: 'RATIO-INTERNAL-4410',
};

function checklist(): ChecklistEntry[] {
  const agreed: Record<string, string> = {
    TASKS: 'Lager og varemodtagelse',
    WORKING_HOURS: '15',
    ORDINARY_HOURS_FROM_START: '4',
    ORDINARY_HOURS_PLAN: '+2 timer hver 6. uge mod 15',
    MILESTONES: 'Selvstændig varemodtagelse efter 8 uger',
    FOLLOW_UP_PLAN: 'Besøg på arbejdspladsen hver 14. dag',
    COMPANY_CONTACT: 'Lone Berg, lagerchef',
    MENTOR: 'Per Holm',
    ACCOMMODATIONS: MARK.accommodation,
    HKO_NEEDS: MARK.hko,
    DISCLOSURE: MARK.disclosure,
    RATIO_CHECK: MARK.ratio,
  };
  return CHECKLIST_KEYS.map((key) =>
    agreed[key] !== undefined ? { key, status: 'AGREED', value: agreed[key] } : { key, status: 'NOT_DISCUSSED' },
  );
}

async function seedWork(h: BotHarness, jf: TestUser): Promise<void> {
  await createG1Case(h, jf, CASE);
  const at = '2025-02-01T10:00:00.000Z';
  const stamp = {
    schemaVersion: 1 as const,
    createdAt: at,
    createdBy: jf.aadObjectId,
    updatedAt: at,
    updatedBy: jf.aadObjectId,
  };
  const agreement: AgreementDoc = {
    id: caseDocId(TEST_TENANT, 'agreement', 'a1'),
    tenantId: TEST_TENANT,
    caseRef: CASE,
    ...stamp,
    type: 'work_agreement',
    agreementId: 'a1',
    placementType: 'COMPANY_INTERNSHIP',
    company: { cvr: '12345678', name: 'Lagerhuset ApS', contactName: 'Lone Berg' },
    status: 'AGREED',
    version: 1,
    checklist: checklist(),
    agreedAt: '2025-02-01',
    revisions: [],
  };
  await new AgreementRepository(h.services.store).save(agreement, undefined);
  await new JobGoalRepository(h.services.store).save(
    {
      id: caseDocId(TEST_TENANT, 'job_goals'),
      tenantId: TEST_TENANT,
      caseRef: CASE,
      ...stamp,
      type: 'job_goals',
      goals: [
        {
          level: 'A',
          title: 'Lagermedarbejder',
          actions: ['Tage truckcertifikat'],
          citizenOwned: true,
          status: 'ACTIVE',
          lastReviewedAt: '2025-02-01',
        },
      ],
    },
    undefined,
  );
  // Art. 9 screening answers in the same case: they must never reach a copy.
  await h.services.store.containers.sensitive.items.create({
    id: caseDocId(TEST_TENANT, 'screening_answers'),
    tenantId: TEST_TENANT,
    type: 'screening_answers',
    schemaVersion: 1,
    caseRef: CASE,
    note: MARK.art9,
  });
}

/** One scoring run over HTTP, with the jobformidler's and the citizen's scores side by side. */
async function score(
  h: BotHarness,
  jf: TestUser,
  measuredAt: string,
  pages: readonly { staff?: number; citizen?: number }[],
): Promise<ReturnType<BotHarness['execute']>> {
  const start = await h.execute(jf, 'progression.new', { caseRef: CASE });
  let r = await h.execute(jf, 'progression.start', {
    caseRef: CASE,
    startToken: actionData(start.card, 'progression.start').startToken,
    setKey: 'g1-vej-mod-ordinaere-timer@1',
    context: 'BASELINE',
    participants: 'CITIZEN,JOBFORMIDLER',
    measuredAt,
  });
  for (const p of pages) {
    const data = actionsOf(r.card).find((a) => a.verb === 'progression.page' && a.data.move === 'next')?.data;
    if (data === undefined) throw new Error(`No next button: ${cardText(r.card)}`);
    r = await h.execute(jf, 'progression.page', {
      ...data,
      score: p.staff === undefined ? '' : String(p.staff),
      citizenScore: p.citizen === undefined ? '' : String(p.citizen),
      note: MARK.note,
    });
  }
  return r;
}

async function download(url: string): Promise<{ status: number; bytes: Uint8Array; type: string | null }> {
  const res = await fetch(url);
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type') };
}

describe('the citizen’s voice and copies, delivered as files (link mode, as in the Playground)', () => {
  let h: BotHarness;
  let jf: TestUser;
  let indicators = 0;
  beforeAll(async () => {
    h = await BotHarness.start();
    jf = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    await seedWork(h, jf);
    indicators = BUILT_IN_SETS.find((s) => s.setId === 'g1-vej-mod-ordinaere-timer')?.indicators.length ?? 0;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('scores both voices side by side, refuses a page with neither, and shows a disagreement on the summary', async () => {
    expect(indicators).toBeGreaterThan(1);
    const first = await score(h, jf, daysAgo(100), [{}]);
    expect(cardText(first.card)).toContain('Vælg mindst én score: din eller borgerens.');
    const pages = Array.from({ length: indicators }, (_, i) => (i === 0 ? { staff: 2, citizen: 4 } : { citizen: 2 }));
    // Resume the open draft and fill every page: the first with a disagreement, the rest the citizen's alone.
    let r = await h.execute(jf, 'progression.resume', { caseRef: CASE });
    for (const p of pages) {
      const data = actionsOf(r.card).find((a) => a.verb === 'progression.page' && a.data.move === 'next')?.data;
      r = await h.execute(jf, 'progression.page', {
        ...data,
        score: String(p.staff ?? ''),
        citizenScore: String(p.citizen),
        note: MARK.note,
      });
    }
    const summary = cardText(r.card);
    expect(summary).toContain('Jobformidler: 2/10 · Borger: 4/10');
    expect(summary).toContain('I ser forskelligt på det');
    await h.execute(jf, 'progression.complete', {
      ...actionData(r.card, 'progression.complete'),
      agreedWithCitizen: 'true',
    });

    const stored = (await allItems(h.services.store.containers.cases)).find(
      (d) => d.type === 'progression_measurement' && d.status === 'COMPLETED',
    ) as { scores: { value?: number; citizenValue?: number }[] };
    expect(stored.scores[0]).toMatchObject({ value: 2, citizenValue: 4 });
    expect(stored.scores[1]).toEqual(expect.not.objectContaining({ value: expect.anything() }));

    // A second measurement, then the citizen's picture: the citizen's own answers over time.
    const later = await score(
      h,
      jf,
      daysAgo(5),
      Array.from({ length: indicators }, () => ({ staff: 3, citizen: 5 })),
    );
    await h.execute(jf, 'progression.complete', {
      ...actionData(later.card, 'progression.complete'),
      agreedWithCitizen: 'true',
    });
    const citizen = await h.execute(jf, 'progression.citizen', { caseRef: CASE });
    const shown = cardText(citizen.card);
    expect(shown).toContain('Prikkerne er dine egne svar.');
    expect(shown).toContain('●●●●●'); // the citizen's 5, not the jobformidler's 3
  });

  it('sends the citizen’s copy as a PDF file: plan, agreement, contacts, follow-up, progress – no CPR, answers or notes', async () => {
    const turn = await h.say(jf, `borgerkopi ${CASE}`);
    const card = turn.cards[0];
    expect(cardText(card)).toContain('Fil til dig: din-plan-FR-COPY-0001.pdf');
    const url = openUrlOf(card);
    expect(url).toMatch(/\/files\/[^/]+\/[A-Za-z0-9_-]{43}$/);

    const got = await download(url!);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/pdf');
    const { text, title } = await pdfText(got.bytes);
    expect(title).toBe('Din plan');
    for (const expected of [
      'Dine jobmål',
      'Lagermedarbejder',
      'Tage truckcertifikat',
      'Din arbejdsaftale hos Lagerhuset ApS',
      'Ordinære timer med løn fra start (om ugen): 4 timer',
      'Planen for flere ordinære timer: +2 timer hver 6. uge mod 15',
      'Jobformidler: Jonas Jobformidler',
      'Lone Berg, lagerchef, Lagerhuset ApS',
      'Mentor: Per Holm',
      'Besøg på arbejdspladsen hver 14. dag',
      'Næste samtale senest',
      'Din udvikling',
      'Tallene er dine egne svar.',
      MARK.accommodation,
    ])
      expect(text).toContain(expected);
    for (const absent of [MARK.note, MARK.art9, MARK.hko, MARK.ratio]) expect(text).not.toContain(absent);
    expect(text).not.toMatch(/\b\d{6}-?\d{4}\b/); // nothing shaped like a CPR number

    const tags = pdfTags(got.bytes);
    expect(tags.tagged).toBe(true);
    expect(tags.lang).toBe('da-DK');
    expect(tags.types).toEqual(expect.arrayContaining(['H1', 'H2', 'P', 'L', 'LI', 'Figure']));

    // Single use: the same link a second time gives nothing.
    expect((await download(url!)).status).toBe(410);
    const audit = (await allItems(h.services.store.containers.audit)).filter((e) =>
      String(e.action).startsWith('file.'),
    );
    expect(audit.map((e) => [e.action, e.caseRef, e.purpose])).toEqual([
      ['file.offer.copies.citizen', CASE, 'follow_up'],
      ['file.deliver.copies.citizen', CASE, 'follow_up'],
    ]);
  });

  it('makes the citizen’s copy in English on request', async () => {
    const turn = await h.say(jf, `borgerkopi ${CASE} engelsk`);
    const { text } = await pdfText((await download(openUrlOf(turn.cards[0])!)).bytes);
    expect(text).toContain('Your job goals');
    expect(text).toContain('Your work agreement with Lagerhuset ApS');
  });

  it('sends the employer’s copy with only what the citizen accepted the company may know', async () => {
    const turn = await h.say(jf, `arbejdsgiverkopi ${CASE}`);
    const { text } = await pdfText((await download(openUrlOf(turn.cards[0])!)).bytes);
    expect(text).toContain('Arbejdsaftale – Lagerhuset ApS');
    expect(text).toContain('Opgaver: Lager og varemodtagelse');
    expect(text).toContain('Det må virksomheden vide om borgerens behov og hensyn');
    expect(text).toContain(MARK.disclosure);
    for (const absent of [MARK.accommodation, MARK.hko, MARK.ratio, MARK.note, MARK.art9, 'Din udvikling'])
      expect(text).not.toContain(absent);
  });

  it('refuses the copies to someone who is not the case’s jobformidler, and makes no file', async () => {
    const other = await h.userWithRoles('Anna Anden', ['jobformidler']);
    const turn = await h.say(other, `borgerkopi ${CASE}`);
    expect(turn.cards).toHaveLength(0);
    expect(turn.texts.join(' ')).not.toContain('Fil til dig');
  });

  it('delivers the export of a case as a JSON file in the 1:1 chat (issue 13 item 8), audited', async () => {
    const dpo = await h.userWithRoles('Dorte DPO', ['admin']);
    const ask = await h.say(dpo, `eksportér sag ${CASE}`);
    const button = actionsOf(ask.cards[0]).find((a) => a.verb === 'privacy.export.confirm');
    const done = await h.execute(dpo, 'privacy.export.confirm', button!.data);
    expect(cardText(done.card)).toContain('Eksporten kommer som fil herunder');
    const fileCard = done.cards.find((c) => openUrlOf(c) !== undefined);
    expect(cardText(fileCard)).toContain('sag-FR-COPY-0001-eksport.json');
    const got = await download(openUrlOf(fileCard)!);
    expect(got.type).toBe('application/json');
    const json = JSON.parse(Buffer.from(got.bytes).toString('utf8')) as { caseRef: string; includesSensitive: boolean };
    expect(json).toMatchObject({ caseRef: CASE, includesSensitive: false });
    expect(Buffer.from(got.bytes).toString('utf8')).not.toContain(MARK.art9);
    const audit = (await allItems(h.services.store.containers.audit)).filter((e) => e.actorId === dpo.aadObjectId);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.export', 'file.offer.privacy.export', 'file.deliver.privacy.export']),
    );
  });
});

describe('file delivery with Teams’ file consent card (personal scope)', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { FILE_DELIVERY: 'consent' } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('offers a consent card, uploads the file on accept and posts the file info card; a decline sends nothing', async () => {
    const jf = await h.userWithRoles('Jonas', ['jobformidler']);
    await seedWork(h, jf);
    const offer = await h.say(jf, `arbejdsgiverkopi ${CASE}`);
    const [consent] = attachmentsOf(offer.sent, FILE_CONSENT_CONTENT_TYPE);
    expect(consent?.name).toBe('arbejdsaftale-FR-COPY-0001.pdf');
    expect(consent?.content).toMatchObject({
      acceptContext: { producer: 'copies.employer', params: { caseRef: CASE } },
    });

    const declined = await h.invoke(jf, 'fileConsent/invoke', {
      type: 'fileUpload',
      action: 'decline',
      context: consent?.content?.declineContext,
    });
    expect(declined.texts).toEqual(['Filen blev ikke sendt. Du kan bede om den igen.']);
    expect(h.connector.uploads.size).toBe(0);

    const accepted = await h.invoke(jf, 'fileConsent/invoke', {
      type: 'fileUpload',
      action: 'accept',
      context: consent?.content?.acceptContext,
      uploadInfo: {
        name: 'arbejdsaftale-FR-COPY-0001.pdf',
        uploadUrl: h.connector.uploadUrl('arbejdsaftale-FR-COPY-0001.pdf'),
        contentUrl: 'https://contoso.sharepoint.com/personal/jonas/Documents/arbejdsaftale-FR-COPY-0001.pdf',
        uniqueId: 'u-1',
        fileType: 'pdf',
      },
    });
    expect(accepted.body).toBeUndefined();
    const upload = h.connector.uploads.get('arbejdsaftale-FR-COPY-0001.pdf');
    expect(upload?.contentRange).toBe(`bytes 0-${upload!.bytes.length - 1}/${upload!.bytes.length}`);
    expect((await pdfText(upload!.bytes)).text).toContain('Arbejdsaftale – Lagerhuset ApS');
    expect(attachmentsOf(accepted.sent, FILE_INFO_CONTENT_TYPE)).toEqual([
      expect.objectContaining({
        name: 'arbejdsaftale-FR-COPY-0001.pdf',
        content: { uniqueId: 'u-1', fileType: 'pdf' },
      }),
    ]);
    const audit = (await allItems(h.services.store.containers.audit)).filter((e) =>
      String(e.action).startsWith('file.'),
    );
    expect(audit.map((e) => e.action)).toEqual([
      'file.offer.copies.employer',
      'file.decline.copies.employer',
      'file.deliver.copies.employer',
    ]);
  });
});
