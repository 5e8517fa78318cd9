import { ManualClock } from '../../bot/domain/clock';
import { questionnaires } from '../../bot/features/screening/questionnaires/registry';
import { suggestOutcome } from '../../bot/features/screening/rules';
import standardV2 from '../../bot/features/screening/questionnaires/standard-v2.json';
import { ScreeningRepository } from '../../bot/store/screening-repository';
import { BotHarness, TEST_TENANT, cardText } from '../harness/bot-harness';
import { POSITIVE_V1, answerSteps, click, completeScreening, startScreening } from './screening-driver';

interface QuestionJson {
  id: string;
  label: { da: string; en: string };
  [key: string]: unknown;
}
interface StepJson {
  id: string;
  questions?: QuestionJson[];
  skipWhen?: { question: string; in: string[] };
  [key: string]: unknown;
}

/**
 * A further version as an admin would publish it: the gateway question is renamed and reworded, a WG
 * label is reworded, and a step is added. Old screenings must read exactly as before.
 */
function standardV3(): unknown {
  const v3 = structuredClone(standardV2) as unknown as {
    version: number;
    name: { da: string; en: string };
    steps: StepJson[];
  };
  v3.version = 3;
  v3.name = { da: 'Standardscreening v3', en: 'Standard screening v3' };
  const gateway = v3.steps[1]!.questions![0]!;
  gateway.id = 'workImpact';
  gateway.label = {
    da: 'Er der noget ved dit helbred, som betyder noget for dit arbejde?',
    en: 'Does anything about your health matter for your work?',
  };
  v3.steps[2]!.questions![0]!.label = {
    da: 'Kan du se godt nok, også med briller?',
    en: 'Can you see well enough, also with glasses?',
  };
  v3.steps.splice(5, 0, {
    id: 'education',
    title: { da: 'Uddannelse', en: 'Education' },
    skipWhen: { question: 'participation', in: ['NO'] },
    questions: [
      {
        id: 'educationWish',
        type: 'choice',
        required: false,
        label: { da: 'Ønsker borgeren uddannelse?', en: 'Does the citizen want education?' },
        options: 'yesNo',
      },
    ],
  } as StepJson);
  return v3;
}

const V1_GATEWAY =
  'Har du helbredsmæssige forhold eller en funktionsnedsættelse, som har betydning for, hvilket arbejde eller hvilken uddannelse du kan varetage?';
const V2_GATEWAY =
  'Er der noget – i din hverdag eller med dit helbred – som har betydning for, hvilket arbejde du kan have, eller hvilken uddannelse du kan tage?';

describe('questionnaire versions: a new version never changes how an old screening reads', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  /**
   * A screening begun before v2 was published carries version 1. v2 kept v1's question ids, options
   * and steps (test/screening/rules.test.ts), so a screening driven today and stored with version 1
   * is exactly what such a screening looks like in the store.
   */
  async function storedAsVersion1(caseRef: string): Promise<void> {
    const repo = new ScreeningRepository(h.services.store);
    const doc = await repo.get(TEST_TENANT, caseRef);
    await repo.replace({ ...doc!, questionnaireVersion: 1 });
  }

  it('opens a version 1 screening in version 1’s words, finished or in progress, after v2 is published', async () => {
    expect(questionnaires.current().version).toBe(2);
    const anna = await h.userWithRoles('Anna', ['screener']);
    const finished = await completeScreening(h, anna, 'VER-V1-DONE');
    await storedAsVersion1(finished.caseRef);
    const answers = cardText((await h.execute(anna, 'screening.answers', { caseRef: finished.caseRef })).card);
    expect(answers).toContain('Standardscreening v1');
    expect(answers).toContain(V1_GATEWAY);
    expect(answers).not.toContain(V2_GATEWAY);

    const open = await startScreening(h, anna, 'VER-V1-OPEN');
    const atWg = await answerSteps(h, anna, open.card, POSITIVE_V1.slice(0, 2));
    await click(h, anna, atWg, 'screening.pause');
    await storedAsVersion1('VER-V1-OPEN');
    const resumed = await h.execute(anna, 'screening.resume', { caseRef: 'VER-V1-OPEN' });
    expect(cardText(resumed.card)).toContain('Trin 3 af 8');
    const gateway = await click(h, anna, resumed.card, 'screening.back');
    expect(cardText(gateway.card)).toContain(V1_GATEWAY);
    const outcome = await answerSteps(h, anna, gateway.card!, POSITIVE_V1.slice(1, 6));
    expect(cardText(outcome)).toContain('Forslag: Indikation af vanskeligheder med betydning for job eller uddannelse');
    await answerSteps(h, anna, outcome, POSITIVE_V1.slice(6));
    expect(await new ScreeningRepository(h.services.store).get(TEST_TENANT, 'VER-V1-OPEN')).toMatchObject({
      questionnaireVersion: 1,
      status: 'COMPLETED',
      outcome: 'INDICATION_WITH_JOB_IMPACT',
    });
  });

  it('keeps v2 screenings (finished and in progress) on v2 while new ones use a newly published v3', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const finished = await completeScreening(h, anna, 'VER-FINISHED');
    const answersBefore = cardText((await h.execute(anna, 'screening.answers', { caseRef: finished.caseRef })).card);
    expect(answersBefore).toContain('Standardscreening v2');
    expect(answersBefore).toContain(V2_GATEWAY);
    const open = await startScreening(h, anna, 'VER-OPEN');
    const atWg = await answerSteps(h, anna, open.card, POSITIVE_V1.slice(0, 2));
    await click(h, anna, atWg, 'screening.pause');

    questionnaires.register(standardV3());
    expect(questionnaires.current().version).toBe(3);

    const answersAfter = cardText((await h.execute(anna, 'screening.answers', { caseRef: finished.caseRef })).card);
    expect(answersAfter).toBe(answersBefore);
    expect(answersAfter).toContain('Har du vanskeligt ved at se, selv når du bruger briller?');

    const resumed = await h.execute(anna, 'screening.resume', { caseRef: 'VER-OPEN' });
    expect(cardText(resumed.card)).toContain('Trin 3 af 8');
    expect(cardText(resumed.card)).toContain('Har du vanskeligt ved at se, selv når du bruger briller?');
    const outcome = await answerSteps(h, anna, resumed.card!, POSITIVE_V1.slice(2, 6));
    expect(cardText(outcome)).toContain('Forslag: Indikation af vanskeligheder med betydning for job eller uddannelse');
    await answerSteps(h, anna, outcome, POSITIVE_V1.slice(6));
    const repo = new ScreeningRepository(h.services.store);
    expect(await repo.get(TEST_TENANT, 'VER-OPEN')).toMatchObject({
      questionnaireVersion: 2,
      status: 'COMPLETED',
      answers: expect.objectContaining({ gateway: 'YES' }),
    });

    const fresh = await startScreening(h, anna, 'VER-NEW');
    expect(cardText(fresh.card)).toContain('Trin 1 af 9');
    expect(cardText(fresh.card)).toContain('Standardscreening v3');
    const wg = await answerSteps(h, anna, fresh.card, [POSITIVE_V1[0]!, { q_workImpact: 'NO' }]);
    expect(cardText(wg)).toContain('Kan du se godt nok, også med briller?');
    expect((await repo.get(TEST_TENANT, 'VER-NEW'))?.questionnaireVersion).toBe(3);
  });

  it('derives the outcome through question roles, so a renamed gateway scores the same', () => {
    const v1 = questionnaires.get('standard', 1)!;
    const v2 = questionnaires.get('standard', 2)!;
    const v3 = questionnaires.get('standard', 3)!;
    const wg = {
      wgSeeing: 'NO_DIFFICULTY',
      wgHearing: 'NO_DIFFICULTY',
      wgMobility: 'CANNOT_DO_AT_ALL',
      wgCognition: 'NO_DIFFICULTY',
      wgSelfCare: 'NO_DIFFICULTY',
      wgCommunication: 'NO_DIFFICULTY',
    };
    for (const q of [v1, v2])
      expect(suggestOutcome(q, { participation: 'YES', gateway: 'NO', ...wg }).outcome).toBe(
        'INDICATION_NO_JOB_IMPACT',
      );
    expect(suggestOutcome(v3, { participation: 'YES', workImpact: 'NO', ...wg }).outcome).toBe(
      'INDICATION_NO_JOB_IMPACT',
    );
  });
});
