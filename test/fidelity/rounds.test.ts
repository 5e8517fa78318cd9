import { ManualClock } from '../../bot/domain/clock';
import { invitationsSettled } from '../../bot/features/fidelity/start-round';
import { previewsSettled } from '../../bot/features/digest/preview';
import { BUILT_IN_CORE_SETS } from '../../bot/features/fidelity/core-element-sets';
import type { AdaptiveCard } from '../../cards/types';
import { BotHarness, TEST_TENANT, actionsOf, assertCardValid, cardText, type TestUser } from '../harness/bot-harness';
import type { CapturedCall } from '../harness/capturing-connector';
import { installIn, J1, municipality, seed, team, type Team } from '../digest/digest-seed';
import { allItems, documentsOf } from '../privacy/fixtures';
import { facts } from '../digest/facts-fixtures';

/**
 * Issue 16 A, over HTTP with real activities: a leader starts a fidelity round in the team's channel,
 * the members are asked 1:1 and answer a short resumable card, those who have not answered are
 * reminded once a day, the round closes after its end date with the team's result in the channel,
 * and the weekly digest shows M21 beside the practice figures. A team where only two answered shows
 * nothing. Time is a manual clock; the scheduler's jobs are run by hand.
 */
const FSM = BUILT_IN_CORE_SETS.find((s) => s.setId === 'flere-skal-med')!;
const at = (iso: string): Date => new Date(iso);
/** Monday 7 April 2025, 10:00 in Copenhagen. */
const START = at('2025-04-07T08:00:00Z');

const cardOf = (call: CapturedCall): AdaptiveCard => {
  const activity = (call.kind === 'create' ? call.body.activity : call.body) as {
    attachments?: { content: AdaptiveCard }[];
  };
  const card = activity.attachments?.[0]?.content;
  if (card === undefined) throw new Error('no card');
  assertCardValid(card);
  return card;
};

const hasCard = (call: CapturedCall): boolean =>
  ((call.kind === 'create' ? call.body.activity : call.body) as { attachments?: unknown[] } | undefined)?.attachments
    ?.length !== undefined;

/** Cards the bot sent to `user` 1:1 (in their chat, or a chat it opened) since call index `since`. */
const privateTo = (h: BotHarness, user: TestUser, since: number): CapturedCall[] =>
  h.connector
    .sentSince(since)
    .filter(
      (c) =>
        hasCard(c) &&
        ((c.kind === 'create' && (c.body.members as { id: string }[] | undefined)?.[0]?.id === user.botUserId) ||
          (c.kind !== 'create' && c.conversationId === h.personalConversationId(user))),
    );

/** New threads in a channel since call index `since` whose card mentions `about`. */
const threadsIn = (h: BotHarness, channelId: string, since: number, about = 'Fidelitetsrunde ·'): CapturedCall[] =>
  h.connector
    .sentSince(since)
    .filter(
      (c) =>
        c.kind === 'create' &&
        (c.body.channelData as { channel?: { id?: string } }).channel?.id === channelId &&
        cardText(cardOf(c)).includes(about),
    );

/** One member's answers: a level per core element for all its statements ("0" = don't know), or per statement. */
type Answers = readonly (number | readonly number[])[];

async function answerAll(h: BotHarness, member: TestUser, roundId: string, answers: Answers): Promise<string> {
  let r = await h.execute(member, 'fidelity.answer.open', { roundId });
  // A member who stopped half-way continues where they left off.
  const from = Number(/Trin (\d+) af/.exec(cardText(r.card))?.[1] ?? '1') - 1;
  for (const [step, answer] of answers.entries()) {
    if (step < from) continue;
    const element = FSM.elements[step]!;
    const data: Record<string, unknown> = { roundId, step, move: 'next' };
    element.items.forEach((item, i) => {
      data[`l_${item.itemId}`] = String(typeof answer === 'number' ? answer : answer[i]);
    });
    expect(cardText(r.card)).toContain(`Trin ${step + 1} af 6`);
    r = await h.execute(member, 'fidelity.answer.step', data);
  }
  expect(cardText(r.card)).toContain('Tjek og send');
  const sent = await h.execute(member, 'fidelity.answer.send', { roundId });
  return cardText(sent.card);
}

describe('a fidelity round for a team, start to result', () => {
  let h: BotHarness;
  const clock = new ManualClock(START);
  const holdet: Team = team('holdet');
  let lea: TestUser;
  let members: TestUser[];
  let outsider: TestUser;
  let noRole: TestUser;
  let roundId = '';

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    // J1's ten citizens (all with a CV and a job goal) and six more without: 10 of 16 with a CV.
    const town = municipality(TEST_TENANT);
    for (let i = 0; i < 6; i++)
      town.cases.push(
        facts(
          {
            caseRef: `FR-NOCV-${i}`,
            assignedJobformidlerId: J1,
            g1: [['2025-01-01']],
            visitations: [{ group: 'G1_INTERVENTION', conversationAt: '2025-01-01', effectiveFrom: '2025-01-01' }],
            contacts: [{ date: '2025-04-02' }],
          },
          TEST_TENANT,
        ),
      );
    await seed(h, town);
    lea = await h.userWithRoles('Lea Leder', ['leder']);
    members = [];
    for (const name of ['Jonas', 'Mette', 'Ali', 'Sofie', 'Karin'])
      members.push(await h.userWithRoles(name, ['jobformidler']));
    outsider = await h.userWithRoles('Ole Udenfor', ['jobformidler']);
    noRole = h.user('Nanna Uden Rolle');
    // Everyone has written to the bot once (so a 1:1 chat can be opened with them).
    for (const u of [lea, ...members, outsider, noRole]) await h.say(u, 'hjælp');
    h.connector.setRoster(holdet.teamId, [
      { aadObjectId: lea.aadObjectId },
      ...members.map((m) => ({ aadObjectId: m.aadObjectId })),
      { aadObjectId: noRole.aadObjectId },
      { aadObjectId: J1 },
    ]);
    await installIn(h, lea, holdet);
    const sub = await h.say(lea, 'abonnér på ugerapport for teamet', holdet.where('sub'));
    expect(sub.texts[0]).toContain('for teamets borgere');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('refuses to start a round outside a team channel, and refuses a member without the leader role', async () => {
    const before = await documentsOf(h.services);
    const personal = await h.say(lea, 'start fidelitetsrunde');
    expect(personal.texts).toEqual([
      'Start runden i teamets kanal, så jeg ved, hvilket team det gælder: "@Fremdrift start fidelitetsrunde".',
    ]);
    const member = await h.say(members[0]!, 'start fidelitetsrunde', holdet.where('x'));
    expect(member.texts[0]).toContain('Det har din rolle ikke adgang til');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('lets the leader start it in the channel; a bad end date comes back with the choice kept and nothing saved', async () => {
    const form = await h.say(lea, 'start fidelitetsrunde', holdet.where('2'));
    const card = form.cards[0]!;
    const text = cardText(card);
    expect(text).toContain('Start en fidelitetsrunde');
    expect(text).toContain('Flere skal med – seks kerneelementer v1');
    expect(text).toContain('Et mere rummeligt arbejdsmarked, runde II – fem kerneelementer v1');
    expect(JSON.stringify(card)).toContain('"value":"2025-04-21"'); // 14 days ahead by default
    const startToken = actionsOf(card).find((a) => a.verb === 'fidelity.start')!.data.startToken as string;

    const before = await documentsOf(h.services);
    const bad = await h.execute(
      lea,
      'fidelity.start',
      { startToken, setKey: 'flere-skal-med@1', endDate: '2025-04-01' },
      holdet.where('2'),
    );
    expect(cardText(bad.card)).toContain('Den sidste dag at svare skal ligge efter i dag. Intet er gemt.');
    expect(JSON.stringify(bad.card)).toContain('"value":"flere-skal-med@1"');
    expect(await documentsOf(h.services)).toEqual(before);

    const started = await h.execute(
      lea,
      'fidelity.start',
      { startToken, setKey: 'flere-skal-med@1', endDate: '2025-04-18' },
      { ...holdet.where('2'), replyToId: 'form-1' },
    );
    const done = cardText(started.card);
    expect(done).toContain('Fidelitetsrunden er startet');
    // The leader and the five jobformidlere: not the member without a role, not the colleague outside the team.
    expect(done).toContain('6 på teamet får nu en invitation');
    expect(done).toContain('Sidste dag at svare er 18. april 2025');
    roundId = actionsOf(started.card).find((a) => a.verb === 'fidelity.report.open')!.data.roundId as string;
    // The form is replaced for everyone in the channel.
    expect(started.sent.filter((c) => c.kind === 'update')).toHaveLength(1);
  });

  it('asks each member 1:1 once, anonymously, and nobody outside the team', async () => {
    await invitationsSettled();
    for (const u of [lea, ...members]) {
      const got = privateTo(h, u, 0).filter((c) =>
        cardText(cardOf(c)).includes('Fidelitetsrunde: hvordan arbejder vi?'),
      );
      expect([u.name, got.length]).toEqual([u.name, 1]);
      const text = cardText(cardOf(got[0]!));
      expect(text).toContain('Det er 6 korte trin');
      expect(text).toContain('cirka 5 minutter');
      expect(text).toContain('teamet ser kun et samlet resultat, og kun hvis mindst 3 svarer');
    }
    for (const u of [outsider, noRole])
      expect(privateTo(h, u, 0).filter((c) => cardText(cardOf(c)).includes('Fidelitetsrunde'))).toHaveLength(0);
    // The job finds nothing left to send.
    const since = h.connector.calls.length;
    await h.app.scheduler.runAllOnce();
    expect(h.connector.sentSince(since).filter((c) => c.kind === 'create' && c.body.isGroup === false)).toHaveLength(0);
  });

  it('saves after each step and resumes where the member stopped; a step without every answer is given back', async () => {
    const jonas = members[0]!;
    let r = await h.execute(jonas, 'fidelity.answer.open', { roundId });
    const first = cardText(r.card);
    expect(first).toContain('Trin 1 af 6');
    expect(first).toContain('KE1 Eget jobmål');
    expect(first).toContain('1 – Slet ikke: Jobmålet sættes af os eller af reglerne');
    expect(first).toContain('5 – I meget høj grad: Borgeren formulerer selv sine jobmål (A, B og C)');
    expect(first).toContain('Ved ikke / ikke relevant for mig');

    const [a, b] = FSM.elements[0]!.items;
    const before = await documentsOf(h.services);
    r = await h.execute(jonas, 'fidelity.answer.step', { roundId, step: 0, move: 'next', [`l_${a!.itemId}`]: '5' });
    expect(cardText(r.card)).toContain('Vælg et svar for hvert udsagn');
    expect(JSON.stringify(r.card)).toContain('"value":"5"');
    expect(await documentsOf(h.services)).toEqual(before);

    const step0 = Object.fromEntries(FSM.elements[0]!.items.map((i) => [`l_${i.itemId}`, '5']));
    r = await h.execute(jonas, 'fidelity.answer.step', { roundId, step: 0, move: 'next', ...step0 });
    expect(cardText(r.card)).toContain('Trin 2 af 6');
    r = await h.execute(jonas, 'fidelity.answer.step', {
      roundId,
      step: 1,
      move: 'later',
      [`l_${FSM.elements[1]!.items[0]!.itemId}`]: '4',
    });
    expect(cardText(r.card)).toContain('Dine svar indtil nu er gemt');
    expect(b).toBeDefined();

    // After a restart the draft is still there: the card opens on step 2 with the choice kept.
    await h.restart();
    const list = await h.say(jonas, 'fidelitetsrunde');
    expect(cardText(list.cards[0])).toContain('Flere skal med · sidste dag 18. april 2025');
    r = await h.execute(jonas, 'fidelity.answer.open', { roundId });
    expect(cardText(r.card)).toContain('Trin 2 af 6');
    expect(JSON.stringify(r.card)).toContain('"value":"4"');
  });

  it('refuses answers from someone who was not asked, and writes nothing', async () => {
    const before = await documentsOf(h.services);
    const r = await h.execute(outsider, 'fidelity.answer.open', { roundId });
    expect(cardText(r.card)).toContain('Du er ikke inviteret til denne runde');
    const step = await h.execute(outsider, 'fidelity.answer.step', { roundId, step: 0, move: 'next' });
    expect(cardText(step.card)).toContain('Du er ikke inviteret til denne runde');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('five members answer; the channel sees only how many while the round is open', async () => {
    // KE1..KE6 per member; 0 = don't know. Karin answers two statements of KE6 and "don't know" to the third.
    const answers: Answers[] = [
      [5, 4, 3, 2, 4, 3],
      [4, 4, 3, 2, 5, 3],
      [4, 3, 2, 3, 4, 3],
      [3, 4, 3, 2, 4, 4],
      [3, 5, 2, 1, 0, [5, 4, 0]],
    ];
    for (const [i, member] of members.entries()) {
      const text = await answerAll(h, member, roundId, answers[i]!);
      expect(text).toContain('Dine svar er lagt sammen med teamets');
    }
    const again = await h.execute(members[0]!, 'fidelity.answer.send', { roundId });
    expect(cardText(again.card)).toContain('Du har allerede svaret på denne runde');

    const status = await h.say(lea, 'fidelitetsrapport', holdet.where('3'));
    const text = cardText(status.cards[0]);
    expect(text).toContain('Åben til og med 18. april 2025 · 5 af 6 har svaret.');
    expect(text).toContain('Ingen kan se, hvad den enkelte har svaret, heller ikke lederen.');
    expect(text).not.toMatch(/\d,\d/); // no level at all before the round closes
  });

  it("lists the municipality's rounds 1:1, and answers a group chat with a pointer instead of the list", async () => {
    const mine = await h.say(lea, 'fidelitetsrapport');
    expect(cardText(mine.cards[0])).toContain('Flere skal med · åben til og med 18. april 2025 · 5 af 6 svar');
    const group = await h.say(lea, 'fidelitetsrapport', {
      kind: 'groupChat',
      conversationId: '19:group-fid@thread.v2',
    });
    expect(group.cards).toEqual([]);
    expect(group.texts).toEqual([
      'En fidelitetsrunde hører til et team: skriv "@Fremdrift fidelitetsrapport" i teamets kanal. Kommunens runder ser du, når du skriver "fidelitetsrapport" til mig i vores 1:1-chat.',
    ]);
  });

  it('reminds only those who have not answered, once a day, on the reminder days', async () => {
    let since = h.connector.calls.length;
    clock.set(at('2025-04-09T08:00:00Z')); // Wednesday: no reminder day
    await h.app.scheduler.runAllOnce();
    expect(privateTo(h, lea, since)).toHaveLength(0);

    clock.set(at('2025-04-10T06:00:00Z')); // Thursday 08:00: before the hour
    await h.app.scheduler.runAllOnce();
    expect(privateTo(h, lea, since)).toHaveLength(0);

    clock.set(at('2025-04-10T07:30:00Z')); // Thursday 09:30
    await h.app.scheduler.runAllOnce();
    await h.app.scheduler.runAllOnce();
    const reminders = privateTo(h, lea, since);
    expect(reminders).toHaveLength(1);
    expect(cardText(cardOf(reminders[0]!))).toContain(
      'Du har ikke svaret på teamets fidelitetsrunde (Flere skal med) endnu. Sidste dag at svare er 18. april 2025.',
    );
    for (const m of members) expect(privateTo(h, m, since)).toHaveLength(0);

    since = h.connector.calls.length;
    clock.set(at('2025-04-17T12:00:00Z')); // the next reminder day
    await h.app.scheduler.runAllOnce();
    expect(privateTo(h, lea, since)).toHaveLength(1);
  });

  it('closes after the end date: the result in the channel, and no per-person answer left in the store', async () => {
    const since = h.connector.calls.length;
    clock.set(at('2025-04-19T05:00:00Z')); // Saturday 07:00: not yet
    await h.app.scheduler.runAllOnce();
    expect(threadsIn(h, holdet.channelId, since)).toHaveLength(0);
    // Answering after the end date is refused.
    const late = await h.execute(lea, 'fidelity.answer.open', { roundId });
    expect(cardText(late.card)).toContain('Runden er lukket');

    clock.set(at('2025-04-19T06:30:00Z')); // Saturday 08:30
    await h.app.scheduler.runAllOnce();
    await h.app.scheduler.runAllOnce();
    const threads = threadsIn(h, holdet.channelId, since, 'Fidelitetsrunde · Flere skal med');
    expect(threads).toHaveLength(1);
    const card = cardOf(threads[0]!);
    const text = cardText(card);
    expect(text).toContain('Sidste dag at svare var 18. april 2025 · 5 af 6 svarede.');
    expect(text).toContain('Teamets niveau (median af kerneelementerne)\n3,6');
    expect(text).toContain('Første runde – næste gang ses udviklingen her.');
    for (const line of [
      'KE1 Eget jobmål\n3,8',
      'KE2 Individuel støtte\n4,0',
      'KE3 Individuelt match\n2,6',
      'KE4 Klare aftaler\n2,0',
      'KE5 Ressourcefokus\n4,3',
      'KE6 Opfølgning\n3,4',
    ])
      expect(text).toContain(line);
    expect(text).toContain('1 = laveste grad af fidelitet og 5 = højeste grad af fidelitet');
    // Teams' bar chart, with a picture of the same bars for clients without charts.
    const chart = card.body.find((e) => e.type === 'Chart.VerticalBar.Grouped') as
      | { data: { legend: string; values: { x: string; y: number }[] }[]; fallback: { type: string; url: string } }
      | undefined;
    expect(chart?.data).toEqual([
      {
        legend: 'Denne runde',
        values: [
          { x: 'KE1 Eget jobmål', y: 3.8 },
          { x: 'KE2 Individuel støtte', y: 4 },
          { x: 'KE3 Individuelt match', y: 2.6 },
          { x: 'KE4 Klare aftaler', y: 2 },
          { x: 'KE5 Ressourcefokus', y: 4.3 },
          { x: 'KE6 Opfølgning', y: 3.4 },
        ],
      },
    ]);
    expect(chart?.fallback.url).toMatch(/^data:image\/png;base64,/);
    for (const m of [lea, ...members]) expect(text).not.toContain(m.name);

    const runs = await allItems(h.services.store.containers.runs);
    // Nor who was invited or reminded when: the once-only records of the round's messages are gone too.
    expect(runs.filter((d) => String(d.id).startsWith('claim:fidelity-invite'))).toEqual([]);
    expect(runs.filter((d) => String(d.id).startsWith('claim:fidelity-remind'))).toEqual([]);
    const stored = runs.filter((d) => String(d.type).startsWith('fidelity_'));
    expect(stored.map((d) => d.type)).toEqual(['fidelity_round']);
    const round = stored[0]!;
    expect(round).toMatchObject({ status: 'CLOSED', answeredCount: 5, invitedCount: 6 });
    expect(round.invitees).toBeUndefined();
    expect(round.answeredBy).toBeUndefined();
    // Who answered is gone; only who started the round remains (the leader, for the record).
    const json = JSON.stringify({ ...round, startedBy: undefined });
    for (const m of [lea, ...members]) expect(json).not.toContain(m.aadObjectId);
    expect(round.startedBy).toBe(lea.aadObjectId);
  });

  it('shows M21 in the team digest beside the practice figures', async () => {
    const since = h.connector.calls.length;
    clock.set(at('2025-04-21T06:30:00Z')); // Monday 08:30: the weekly digest
    await h.app.scheduler.runAllOnce();
    const digest = threadsIn(h, holdet.channelId, since, 'Ugerapport · uge 17').map((c) => cardText(cardOf(c)))[0];
    expect(digest).toBeDefined();
    expect(digest).toContain('Fidelitet pr. kerneelement (M21)');
    expect(digest).toContain('Flere skal med · runde lukket 18. april 2025 · 5 svar');
    expect(digest).toContain('KE1 Eget jobmål: **3,8**');
    expect(digest).toContain(
      'KE1 Eget jobmål: **3,8**\nPraksis: Borgere med CV 63 % · Borgere med eget, konkret jobmål 63 % ·',
    );
    // The jobformidler (M10/M11) and the company side (M14), suppressed below 5 as everywhere in the digest.
    expect(digest).toContain(
      'KE2 Individuel støtte: **4,0**\nPraksis: Borgere med overskredet opfølgning – · Sager pr. jobformidler (median) –',
    );
    expect(digest).toContain(
      'KE3 Individuelt match: **2,6**\nPraksis: Virksomhedsbesøg (4 uger) < 5 · Heraf job eller ordinære timer < 5',
    );
    expect(digest).toContain('KE4 Klare aftaler: **2,0**\nPraksis: Nye arbejdsaftaler med ordinære timer fra start');
    expect(digest).toContain('KE6 Opfølgning: **3,4**\nPraksis: Borgere med overskredet opfølgning');
  });

  it('shows the change since the last round when the team runs the next one', async () => {
    clock.set(at('2025-04-22T08:00:00Z'));
    const form = await h.say(lea, 'start fidelitetsrunde', holdet.where('4'));
    const startToken = actionsOf(form.cards[0]).find((a) => a.verb === 'fidelity.start')!.data.startToken as string;
    const started = await h.execute(
      lea,
      'fidelity.start',
      { startToken, setKey: 'flere-skal-med@1', endDate: '2025-05-02' },
      holdet.where('4'),
    );
    const second = actionsOf(started.card).find((a) => a.verb === 'fidelity.report.open')!.data.roundId as string;
    await invitationsSettled();
    for (const member of members.slice(0, 3)) await answerAll(h, member, second, [4, 4, 4, 4, 4, 4]);
    const since = h.connector.calls.length;
    clock.set(at('2025-05-03T07:00:00Z'));
    await h.app.scheduler.runAllOnce();
    const [thread] = threadsIn(h, holdet.channelId, since);
    const text = cardText(cardOf(thread!));
    expect(text).toContain('3 af 6 svarede');
    expect(text).toContain('▲ 0,4 siden sidste runde (18. april 2025)');
    expect(text).toContain('KE1 Eget jobmål\n4,0 (▲ 0,2)');
    expect(text).toContain('KE5 Ressourcefokus\n4,0 (▼ 0,3)');
    expect(cardOf(thread!).body.find((e) => e.type === 'Chart.VerticalBar.Grouped')).toMatchObject({
      data: [{ legend: 'Sidste runde' }, { legend: 'Denne runde' }],
    });
  });
});

/** The leader and one member write in English: the same round in the English catalogue. */
describe('a small team: with two answers nothing is shown', () => {
  let h: BotHarness;
  const clock = new ManualClock(START);
  const lille: Team = team('lille');
  let lea: TestUser;
  let members: TestUser[];

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    lea = await h.userWithRoles('Lea', ['leder'], { locale: 'en-GB' });
    members = [];
    for (const name of ['A', 'B']) members.push(await h.userWithRoles(name, ['screener']));
    members.push(await h.userWithRoles('Chris', ['screener'], { locale: 'en-GB' }));
    for (const u of [lea, ...members]) await h.say(u, 'hjælp');
    h.connector.setRoster(
      lille.teamId,
      [lea, ...members].map((u) => ({ aadObjectId: u.aadObjectId })),
    );
    await installIn(h, lea, lille);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('refuses a team with fewer than three staff members, and writes nothing', async () => {
    const tiny = team('tiny');
    h.connector.setRoster(tiny.teamId, [{ aadObjectId: lea.aadObjectId }, { aadObjectId: members[0]!.aadObjectId }]);
    await installIn(h, lea, tiny);
    const form = await h.say(lea, 'start fidelitetsrunde', tiny.where());
    const startToken = actionsOf(form.cards[0]).find((a) => a.verb === 'fidelity.start')!.data.startToken;
    const before = await documentsOf(h.services);
    const r = await h.execute(
      lea,
      'fidelity.start',
      { startToken, setKey: 'rummeligt-arbejdsmarked-ii@1', endDate: '2025-04-11' },
      tiny.where(),
    );
    expect(cardText(r.card)).toContain('Only 2 on the team have a role in Fremdrift. At least 3 are needed');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('closes with "fewer than 3 answered", no levels, and M21 stays empty in the digest', async () => {
    const form = await h.say(lea, 'start fidelity round', lille.where());
    expect(cardText(form.cards[0])).toContain('Start a fidelity round');
    const startToken = actionsOf(form.cards[0]).find((a) => a.verb === 'fidelity.start')!.data.startToken;
    const started = await h.execute(
      lea,
      'fidelity.start',
      { startToken, setKey: 'rummeligt-arbejdsmarked-ii@1', endDate: '2025-04-11' },
      lille.where(),
    );
    expect(cardText(started.card)).toContain('4 on the team now get an invitation');
    const roundId = actionsOf(started.card).find((a) => a.verb === 'fidelity.report.open')!.data.roundId as string;
    await invitationsSettled();
    const set = BUILT_IN_CORE_SETS.find((s) => s.setId === 'rummeligt-arbejdsmarked-ii')!;
    // A member who writes in English gets the card in English (the invitation itself is Danish until a
    // language per user is stored, issue 13).
    const chris = await h.execute(members[2]!, 'fidelity.answer.open', { roundId });
    expect(cardText(chris.card)).toContain('Step 1 of 5');
    expect(cardText(chris.card)).toContain("Don't know / not relevant to me");
    for (const member of members.slice(0, 2)) {
      await h.execute(member, 'fidelity.answer.open', { roundId });
      for (const [step, element] of set.elements.entries())
        await h.execute(member, 'fidelity.answer.step', {
          roundId,
          step,
          move: 'next',
          ...Object.fromEntries(element.items.map((i) => [`l_${i.itemId}`, '5'])),
        });
      await h.execute(member, 'fidelity.answer.send', { roundId });
    }
    const since = h.connector.calls.length;
    clock.set(at('2025-04-12T07:00:00Z'));
    await h.app.scheduler.runAllOnce();
    const [thread] = threadsIn(h, lille.channelId, since, 'Fidelity round ·');
    const text = cardText(cardOf(thread!));
    expect(text).toContain('2 of 4 answered');
    expect(text).toContain('Fewer than 3 answered, so no result is shown');
    expect(text).not.toMatch(/KE\d/);
    expect(text).not.toMatch(/\d,\d/);
    expect(cardOf(thread!).body.some((e) => String(e.type).startsWith('Chart.'))).toBe(false);

    // The leader's 1:1 preview of the municipality's digest: M21 has no round to show.
    clock.set(at('2025-04-14T08:00:00Z'));
    const previewSince = h.connector.calls.length;
    await h.say(lea, 'show weekly digest');
    await previewsSettled();
    const preview = privateTo(h, lea, previewSince)
      .map((c) => cardText(cardOf(c)))
      .find((t) => t.includes('Weekly digest'));
    expect(preview).toContain('Fidelity per core element (M21)');
    expect(preview).toContain('No closed fidelity round with at least 3 answers yet.');
  });
});
