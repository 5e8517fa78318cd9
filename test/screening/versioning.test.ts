import { ManualClock } from '../../bot/domain/clock';
import { questionnaires } from '../../bot/features/screening/questionnaires/registry';
import { suggestOutcome } from '../../bot/features/screening/rules';
import standardV1 from '../../bot/features/screening/questionnaires/standard-v1.json';
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
 * A second version as an admin would publish it: the gateway question is renamed and reworded, a WG
 * label is reworded, and a step is added. Old screenings must read exactly as before.
 */
function standardV2(): unknown {
  const v2 = structuredClone(standardV1) as unknown as {
    version: number;
    name: { da: string; en: string };
    steps: StepJson[];
  };
  v2.version = 2;
  v2.name = { da: 'Standardscreening v2', en: 'Standard screening v2' };
  const gateway = v2.steps[1]!.questions![0]!;
  gateway.id = 'workImpact';
  gateway.label = {
    da: 'Er der noget ved dit helbred, som betyder noget for dit arbejde?',
    en: 'Does anything about your health matter for your work?',
  };
  v2.steps[2]!.questions![0]!.label = {
    da: 'Kan du se godt nok, også med briller?',
    en: 'Can you see well enough, also with glasses?',
  };
  v2.steps.splice(5, 0, {
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
  return v2;
}

describe('questionnaire versions: a new version never changes how an old screening reads', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('keeps v1 screenings (finished and in progress) on v1 while new ones use v2', async () => {
    const anna = await h.userWithRoles('Anna', ['screener']);
    const finished = await completeScreening(h, anna, 'VER-FINISHED');
    const answersBefore = cardText((await h.execute(anna, 'screening.answers', { caseRef: finished.caseRef })).card);
    expect(answersBefore).toContain('Standardscreening v1');
    const open = await startScreening(h, anna, 'VER-OPEN');
    const atWg = await answerSteps(h, anna, open.card, POSITIVE_V1.slice(0, 2));
    await click(h, anna, atWg, 'screening.pause');

    questionnaires.register(standardV2());
    expect(questionnaires.current().version).toBe(2);

    const answersAfter = cardText((await h.execute(anna, 'screening.answers', { caseRef: finished.caseRef })).card);
    expect(answersAfter).toBe(answersBefore);
    expect(answersAfter).toContain('Har du vanskeligt ved at se, selv når du bruger briller?');

    const resumed = await h.execute(anna, 'screening.resume', { caseRef: 'VER-OPEN' });
    expect(cardText(resumed.card)).toContain('Trin 3 af 8');
    expect(cardText(resumed.card)).toContain('Har du vanskeligt ved at se, selv når du bruger briller?');
    const outcome = await answerSteps(h, anna, resumed.card!, POSITIVE_V1.slice(2, 6));
    expect(cardText(outcome)).toContain('Forslag: Funktionsnedsættelse med betydning for job eller uddannelse');
    await answerSteps(h, anna, outcome, POSITIVE_V1.slice(6));
    const repo = new ScreeningRepository(h.services.store);
    expect(await repo.get(TEST_TENANT, 'VER-OPEN')).toMatchObject({
      questionnaireVersion: 1,
      status: 'COMPLETED',
      answers: expect.objectContaining({ gateway: 'YES' }),
    });

    const fresh = await startScreening(h, anna, 'VER-NEW');
    expect(cardText(fresh.card)).toContain('Trin 1 af 9');
    expect(cardText(fresh.card)).toContain('Standardscreening v2');
    const wg = await answerSteps(h, anna, fresh.card, [POSITIVE_V1[0]!, { q_workImpact: 'NO' }]);
    expect(cardText(wg)).toContain('Kan du se godt nok, også med briller?');
    expect((await repo.get(TEST_TENANT, 'VER-NEW'))?.questionnaireVersion).toBe(2);
  });

  it('derives the outcome through question roles, so a renamed gateway scores the same', () => {
    const v1 = questionnaires.get('standard', 1)!;
    const v2 = questionnaires.get('standard', 2)!;
    const wg = {
      wgSeeing: 'NO_DIFFICULTY',
      wgHearing: 'NO_DIFFICULTY',
      wgMobility: 'CANNOT_DO_AT_ALL',
      wgCognition: 'NO_DIFFICULTY',
      wgSelfCare: 'NO_DIFFICULTY',
      wgCommunication: 'NO_DIFFICULTY',
    };
    expect(suggestOutcome(v1, { participation: 'YES', gateway: 'NO', ...wg }).outcome).toBe('INDICATION_NO_JOB_IMPACT');
    expect(suggestOutcome(v2, { participation: 'YES', workImpact: 'NO', ...wg }).outcome).toBe(
      'INDICATION_NO_JOB_IMPACT',
    );
  });
});
