import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { containsCpr, fieldsWithCpr, maskCpr } from '../../bot/domain/cpr-guard';
import { ManualClock } from '../../bot/domain/clock';
import type { AdaptiveCard } from '../../cards/types';
import { BotHarness, actionsOf, cardText, type TestUser } from '../harness/bot-harness';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';
import { documentsOf } from './fixtures';
import { click, completeScreening } from '../screening/screening-driver';

/**
 * The CPR guard looks at what people typed, not at the ids the bot made (issue 12, item 4), and a
 * refusal gives the form back with the user's other values and the offending field named.
 */
const NOW = new Date('2026-11-23T12:00:00Z');

/** The issue's example: a random id holding "120394-5678", which is 12 March 1994 and a serial. */
const TRIPPING_UUID = 'ab120394-5678-4abc-8def-0123456789ab';

describe('CPR guard and machine-made ids', () => {
  it('the issue’s UUID holds a CPR shape that the guard does not count as one', () => {
    expect(containsCpr('120394-5678', NOW)).toBe(true);
    expect(containsCpr(TRIPPING_UUID, NOW)).toBe(false);
    expect(containsCpr(`"${TRIPPING_UUID}"`, NOW)).toBe(false); // a Cosmos ETag
    expect(containsCpr(TRIPPING_UUID.toUpperCase(), NOW)).toBe(false);
    expect(fieldsWithCpr({ submissionId: TRIPPING_UUID, etag: `"${TRIPPING_UUID}"` }, NOW)).toEqual([]);
  });

  it('a million generated ids never trip the guard', () => {
    let tripped = 0;
    let holdingShape = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const id = randomUUID();
      if (/\d{6}-\d{4}/.test(id)) holdingShape++;
      if (containsCpr(id, NOW)) tripped++;
    }
    expect(tripped).toBe(0);
    // About 4 in 10,000 hold the shape (the issue's measurement): the test really met such ids.
    expect(holdingShape).toBeGreaterThan(100);
  });

  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
  /** A real CPR number (date not after NOW), in every way a person writes one. */
  const cpr = fc
    .record({
      date: fc.date({ min: new Date('1930-01-01'), max: new Date('2026-11-01'), noInvalidDate: true }),
      serial: digits(3),
      separator: fc.constantFrom('-', '', ' ', ' - ', '–', '−'),
      fullWidth: fc.boolean(),
    })
    .map(({ date, serial, separator, fullWidth }) => {
      const y = date.getUTCFullYear();
      // Digit 7 by century (domain-research §4.1): 0–3 for 1900–1999; 4 for 2000–2036.
      const d7 = y >= 2000 ? 4 : 2;
      const p = (v: number) => String(v).padStart(2, '0');
      const text = `${p(date.getUTCDate())}${p(date.getUTCMonth() + 1)}${p(y % 100)}${separator}${d7}${serial.join('')}`;
      return fullWidth ? text.replace(/[0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : text;
    });
  const words = fc.string({ maxLength: 30 }).map((s) => s.replace(/[0-9０-９]/g, 'x'));

  it('every CPR shape in free text is still found, also beside an id, and is masked', () => {
    fc.assert(
      fc.property(cpr, words, words, fc.boolean(), (number, before, after, withId) => {
        const text = `${before} ${number} ${after}${withId ? ` ${randomUUID()}` : ''}`;
        expect(containsCpr(text, NOW)).toBe(true);
        const masked = maskCpr(text, NOW);
        expect(containsCpr(masked, NOW)).toBe(false);
        expect(masked).toContain('•');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a CPR number typed into a form, over HTTP', () => {
  const clock = new ManualClock(new Date('2026-03-10T08:30:00Z'));
  const CPR = '010190-1234';
  let h: BotHarness;
  let jf: TestUser;
  let caseRef: string;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    jf = await h.userWithRoles('Jonas', ['jobformidler']);
    caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** The text inputs of a card (what a person types into), by id. */
  const textInputs = (card: AdaptiveCard | undefined): string[] => {
    const out: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.type === 'Input.Text' && typeof o.id === 'string') out.push(o.id);
      Object.values(o).forEach(walk);
    };
    walk(card);
    return out;
  };

  /** Each case form with text fields that the case card opens, with its save verb (CV and HKO have none). */
  const FORMS: [string, string][] = [
    ['case.goals.edit', 'case.goals.save'],
    ['followup.new', 'followup.save'],
    ['hours.new', 'hours.save'],
    ['placement.new', 'placement.save'],
    ['agreement.new', 'agreement.create'],
  ];

  it.each(FORMS)(
    'every text field of the form opened by %s: refused, the form comes back with the rest kept',
    async (open, save) => {
      const form = await h.execute(jf, open, { caseRef });
      const fields = textInputs(form.card);
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        const sent = { ...inputValues(form.card), ...buttonData(form.card, save) };
        // Something typed in every other text field, to see it kept.
        for (const other of fields) if (other !== field) sent[other] = `Tekst i ${other}`;
        sent[field] = `Borgeren har ${CPR} med`;
        const before = await documentsOf(h.services);
        const r = await h.execute(jf, save, sent);
        const json = JSON.stringify(r.body);
        expect([field, json.includes(CPR)]).toEqual([field, false]);
        expect([field, cardText(r.card)]).toEqual([field, expect.stringContaining('CPR-nummer')]);
        // The same form (its save button), the typed values kept, the number masked in its field.
        expect(actionsOf(r.card).map((a) => a.verb)).toContain(save);
        const back = inputValues(r.card);
        expect([field, back[field]]).toEqual([field, 'Borgeren har ••••••-•••• med']);
        for (const other of fields)
          if (other !== field) expect([other, back[other]]).toEqual([other, `Tekst i ${other}`]);
        expect(await documentsOf(h.services)).toEqual(before);
      }
    },
  );

  it('a save whose machine-made id holds a CPR shape goes through (it was refused before)', async () => {
    const form = await h.execute(jf, 'followup.new', { caseRef });
    const r = await h.execute(jf, 'followup.save', {
      ...inputValues(form.card),
      ...buttonData(form.card, 'followup.save'),
      submissionId: TRIPPING_UUID,
      note: 'Samtale om praktik',
    });
    expect(cardText(r.card)).not.toContain('CPR');
    expect(cardText(r.card)).toContain(`Sag ${caseRef}`);
  });

  it('the screener’s case number field: a CPR number gives the start card back with the reason', async () => {
    const screener = await h.userWithRoles('Sara', ['screener']);
    await h.say(screener, 'hjælp'); // the first turn records the user
    const before = await documentsOf(h.services);
    const r = await h.execute(screener, 'screening.start', { caseNumber: CPR });
    expect(JSON.stringify(r.body)).not.toContain(CPR);
    expect(actionsOf(r.card).map((a) => a.verb)).toContain('screening.start');
    expect(cardText(r.card)).toContain('CPR');
    expect(await documentsOf(h.services)).toEqual(before);
  });

  it('the visitation note: the step comes back with the other answers kept and the note marked', async () => {
    const screener = await h.userWithRoles('Sune', ['screener']);
    const done = await completeScreening(h, screener, '');
    const open = await click(h, screener, done.card, 'visitation.open');
    const before = await documentsOf(h.services);
    const r = await click(h, screener, open.card, 'visitation.next', {
      group: 'G3_NOT_EMPLOYMENT_READY',
      conversationAt: '2026-03-10',
      rationale: 'SEVERE_SOCIAL_OR_HEALTH',
      note: `Ring til ${CPR} i morgen`,
    });
    expect(JSON.stringify(r.body)).not.toContain(CPR);
    expect(cardText(r.card)).toContain('Her ser ud til at stå et CPR-nummer');
    expect(inputValues(r.card)).toMatchObject({
      group: 'G3_NOT_EMPLOYMENT_READY',
      conversationAt: '2026-03-10',
      note: 'Ring til ••••••-•••• i morgen',
    });
    expect(await documentsOf(h.services)).toEqual(before);
  });
});
