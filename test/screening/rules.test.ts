import { questionnaires, QuestionnaireRegistry } from '../../bot/features/screening/questionnaires/registry';
import standardV1 from '../../bot/features/screening/questionnaires/standard-v1.json';
import {
  checkCaseNumber,
  dropSkippedAnswers,
  nextStepIndex,
  parseStepInput,
  previousStepIndex,
  suggestOutcome,
  type Answers,
} from '../../bot/features/screening/rules';
import type { WgAnswer } from '../../bot/features/screening/questionnaire-rules';

const v1 = questionnaires.get('standard', 1)!;
const stepOf = (id: string) => v1.steps.find((s) => s.id === id)!;

const wgAll = (answer: WgAnswer, overrides: Partial<Record<string, WgAnswer>> = {}): Answers => ({
  wgSeeing: answer,
  wgHearing: answer,
  wgMobility: answer,
  wgCognition: answer,
  wgSelfCare: answer,
  wgCommunication: answer,
  ...overrides,
});

describe('Standardscreening v1 as data', () => {
  it('loads and validates: 8 steps, six WG domains, one gateway, one outcome step', () => {
    expect(v1.name.da).toBe('Standardscreening v1');
    expect(v1.steps.map((s) => s.id)).toEqual([
      'framing',
      'workRelevance',
      'functioningA',
      'functioningB',
      'accommodations',
      'compensation',
      'outcome',
      'nextStep',
    ]);
    expect(questionnaires.current().version).toBe(2);
  });

  it('never uses the label "handicap" in what is read to the citizen', () => {
    expect(JSON.stringify(v1.steps).toLowerCase()).not.toContain('handicap');
  });
});

describe('Standardscreening v2: the citizen hears everyday words and no promise the jobcentre cannot keep', () => {
  const v2 = questionnaires.get('standard', 2)!;
  /** What the screener reads aloud: the intros and the questions' labels, in Danish. */
  const readAloud = (q: typeof v2): string =>
    q.steps.flatMap((s) => [...s.intro.map((i) => i.da), ...s.questions.map((x) => x.label.da)]).join('\n');

  it('asks about what matters for work without "handicap" or "funktionsnedsættelse"', () => {
    expect(readAloud(v1)).toMatch(/funktionsnedsættelse/i); // what v2 replaces
    expect(readAloud(v2)).not.toMatch(/handicap|funktionsnedsættelse/i);
    expect(v2.steps[1]!.questions[0]!.label.da).toBe(
      'Er der noget – i din hverdag eller med dit helbred – som har betydning for, hvilket arbejde du kan have, eller hvilken uddannelse du kan tage?',
    );
  });

  it('says the conversation is not an assessment of availability, and promises nothing about the a-kasse', () => {
    expect(readAloud(v1)).toContain('ændrer ikke a-kassens vurdering');
    expect(readAloud(v2)).not.toMatch(/a-kasse/i);
    expect(readAloud(v2)).toContain('Samtalen er ikke en vurdering af, om du står til rådighed for arbejdsmarkedet');
  });

  it('keeps the questions, options and steps of v1, so an outcome is derived the same way', () => {
    const shape = (q: typeof v2) =>
      q.steps.map((s) => [
        s.id,
        s.questions.map((x) => [x.id, x.type, 'options' in x ? x.options.map((o) => o.value) : []]),
      ]);
    expect(shape(v2)).toEqual(shape(v1));
  });

  it('refuses a broken questionnaire file with the reason', () => {
    const broken = structuredClone(standardV1) as { version: number; steps: { questions?: { domain?: string }[] }[] };
    broken.version = 9;
    broken.steps[2]!.questions![0]!.domain = 'HEARING'; // two HEARING questions, no SEEING
    expect(() => new QuestionnaireRegistry([broken])).toThrow(/six Washington Group domains/);
    const unknownSet = structuredClone(standardV1) as {
      version: number;
      steps: { questions?: { options?: unknown }[] }[];
    };
    unknownSet.version = 9;
    unknownSet.steps[1]!.questions![0]!.options = 'noSuchSet';
    expect(() => new QuestionnaireRegistry([unknownSet])).toThrow(/unknown option set noSuchSet/);
  });

  it('keeps a published version immutable', () => {
    const registry = new QuestionnaireRegistry([standardV1]);
    const changed = structuredClone(standardV1) as { name: { da: string } };
    changed.name.da = 'Noget andet';
    expect(() => registry.register(changed)).toThrow(/cannot change/);
  });
});

describe('navigation', () => {
  it('skips the health questions when the citizen does not want to take part', () => {
    const declined: Answers = { citizenInformed: true, mode: 'PHONE', participation: 'NO' };
    expect(nextStepIndex(v1, declined, 0)).toBe(6); // straight to the outcome
    expect(previousStepIndex(v1, declined, 6)).toBe(0);
    const taking: Answers = { ...declined, participation: 'YES' };
    expect(nextStepIndex(v1, taking, 0)).toBe(1);
    expect(nextStepIndex(v1, taking, 7)).toBeUndefined();
  });

  it('drops answers of steps that no longer apply', () => {
    const answers: Answers = { participation: 'NO', gateway: 'YES', wgSeeing: 'SOME_DIFFICULTY', mode: 'PHONE' };
    expect(dropSkippedAnswers(v1, answers)).toEqual({ participation: 'NO', mode: 'PHONE' });
  });
});

describe('step input', () => {
  const today = '2026-03-02';
  it('reports every missing required answer and a confirmation that was not ticked', () => {
    const r = parseStepInput(stepOf('framing'), {}, { today, answers: {}, mode: 'strict' });
    expect(r.errors.map((e) => [e.questionId, e.key])).toEqual([
      ['citizenInformed', 'must_confirm'],
      ['mode', 'required'],
      ['participation', 'required'],
    ]);
  });

  it('keeps what is valid when saving for later, and refuses a value that is not an option', () => {
    const lenient = parseStepInput(stepOf('framing'), { q_mode: 'PHONE' }, { today, answers: {}, mode: 'lenient' });
    expect(lenient).toEqual({ answers: { mode: 'PHONE' }, errors: [] });
    const bad = parseStepInput(stepOf('workRelevance'), { q_gateway: 'MAYBE' }, { today, answers: {}, mode: 'strict' });
    expect(bad.errors).toEqual([{ questionId: 'gateway', key: 'invalid_choice' }]);
  });

  it('requires the visitation date only when a visitation conversation is booked, within its window', () => {
    const step = stepOf('nextStep');
    const none = parseStepInput(step, { q_nextStepType: 'NONE' }, { today, answers: {}, mode: 'strict' });
    expect(none.errors).toEqual([]);
    const missing = parseStepInput(
      step,
      { q_nextStepType: 'VISITATION_CONVERSATION' },
      { today, answers: {}, mode: 'strict' },
    );
    expect(missing.errors).toEqual([{ questionId: 'nextStepDate', key: 'date_required' }]);
    const past = parseStepInput(
      step,
      { q_nextStepType: 'VISITATION_CONVERSATION', q_nextStepDate: '2026-03-01' },
      { today, answers: {}, mode: 'strict' },
    );
    expect(past.errors).toEqual([{ questionId: 'nextStepDate', key: 'date_too_early', params: { date: today } }]);
    const notADate = parseStepInput(
      step,
      { q_nextStepType: 'VISITATION_CONVERSATION', q_nextStepDate: '2026-02-30' },
      { today, answers: {}, mode: 'strict' },
    );
    expect(notADate.errors).toEqual([{ questionId: 'nextStepDate', key: 'invalid_date' }]);
  });

  it('reads a multi-select as a set of codes', () => {
    const r = parseStepInput(
      stepOf('accommodations'),
      { q_accommodationNeeds: 'BREAKS,TRANSPORT,BREAKS' },
      { today, answers: {}, mode: 'strict' },
    );
    expect(r.answers).toEqual({ accommodationNeeds: ['BREAKS', 'TRANSPORT'] });
  });
});

describe('suggested outcome (WG cut-off: at least one domain "a lot of difficulty" or "cannot do at all")', () => {
  const base: Answers = { citizenInformed: true, mode: 'IN_PERSON', participation: 'YES' };
  const cases: [string, Answers, string][] = [
    [
      'gateway yes, no WG difficulty',
      { ...base, gateway: 'YES', ...wgAll('NO_DIFFICULTY') },
      'INDICATION_WITH_JOB_IMPACT',
    ],
    ['gateway no, all fine', { ...base, gateway: 'NO', ...wgAll('NO_DIFFICULTY') }, 'NO_INDICATION'],
    ['gateway no, only some difficulty', { ...base, gateway: 'NO', ...wgAll('SOME_DIFFICULTY') }, 'NO_INDICATION'],
    [
      'gateway no, a lot of difficulty in one domain',
      { ...base, gateway: 'NO', ...wgAll('NO_DIFFICULTY', { wgMobility: 'A_LOT_OF_DIFFICULTY' }) },
      'INDICATION_NO_JOB_IMPACT',
    ],
    [
      'gateway no, cannot do one at all',
      { ...base, gateway: 'NO', ...wgAll('NO_DIFFICULTY', { wgHearing: 'CANNOT_DO_AT_ALL' }) },
      'INDICATION_NO_JOB_IMPACT',
    ],
    [
      'gateway "ved ikke" with the cut-off met',
      { ...base, gateway: 'DONT_KNOW', ...wgAll('NO_DIFFICULTY', { wgCognition: 'A_LOT_OF_DIFFICULTY' }) },
      'INDICATION_WITH_JOB_IMPACT',
    ],
    [
      'gateway "ved ikke" without the cut-off',
      { ...base, gateway: 'DONT_KNOW', ...wgAll('SOME_DIFFICULTY') },
      'NO_INDICATION',
    ],
    [
      'gateway refused but WG answered with the cut-off met',
      { ...base, gateway: 'REFUSED', ...wgAll('REFUSED', { wgSeeing: 'CANNOT_DO_AT_ALL' }) },
      'INDICATION_WITH_JOB_IMPACT',
    ],
    ['gateway refused and every WG question refused', { ...base, gateway: 'REFUSED', ...wgAll('REFUSED') }, 'DECLINED'],
    [
      'gateway refused and every WG answer "ved ikke"',
      { ...base, gateway: 'REFUSED', ...wgAll('DONT_KNOW') },
      'DECLINED',
    ],
    [
      '"ved ikke" everywhere is not a refusal',
      { ...base, gateway: 'DONT_KNOW', ...wgAll('DONT_KNOW') },
      'NO_INDICATION',
    ],
    ['citizen does not want to take part', { ...base, participation: 'NO' }, 'DECLINED'],
  ];
  it.each(cases)('%s', (_name, answers, expected) => {
    expect(suggestOutcome(v1, answers).outcome).toBe(expected);
  });

  it('gives its reasons: the gateway answer, the domains over the cut-off and how many were not answered', () => {
    const s = suggestOutcome(v1, {
      ...base,
      gateway: 'DONT_KNOW',
      ...wgAll('NO_DIFFICULTY', { wgMobility: 'A_LOT_OF_DIFFICULTY', wgSeeing: 'DONT_KNOW', wgHearing: 'REFUSED' }),
    });
    expect(s.reasons).toEqual([
      { code: 'gateway', answer: 'DONT_KNOW' },
      { code: 'wg_severe', domains: ['MOBILITY'] },
      { code: 'wg_unanswered', count: 2 },
      { code: 'clarify_job_impact' },
    ]);
    expect(s.wgDisability3).toBe(true);
    expect(s.wgDisability1).toBe(true);
  });

  it('"ved ikke" and refusals count neither for nor against the cut-off', () => {
    const s = suggestOutcome(v1, { ...base, gateway: 'NO', ...wgAll('DONT_KNOW', { wgSeeing: 'REFUSED' }) });
    expect(s.outcome).toBe('NO_INDICATION');
    expect(s.wgDisability1).toBe(false);
    expect(s.reasons).toContainEqual({ code: 'wg_unanswered', count: 6 });
  });
});

describe('case number typed by the screener', () => {
  it.each([
    ['2024-123456', '2024-123456'],
    ['sag.88812', 'SAG.88812'],
    ['  fr-7kq2-m9xa ', 'FR-7KQ2-M9XA'],
  ])('accepts %s', (input, expected) => {
    expect(checkCaseNumber(input)).toEqual({ ok: true, caseRef: expected });
  });
  it.each([
    ['010190-1234'],
    ['0101901234'],
    ['311190-1234' /* not a real date, still CPR-shaped */],
    ['sag 010190 1234'],
  ])('refuses the CPR-shaped %s', (input) => {
    expect(checkCaseNumber(input)).toEqual({ ok: false, reason: 'cpr_shaped' });
  });
  it.each([['ab'], ['has space'], ['semi;colon'], ['a/b/c'], ['x'.repeat(41)]])('refuses the malformed %s', (input) => {
    expect(checkCaseNumber(input)).toEqual({ ok: false, reason: 'format' });
  });
});
