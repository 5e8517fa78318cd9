import { loadConfig } from '../../bot/config';
import { startFremdrift, type RunningApp } from '../../bot/app-host';
import { createLogger } from '../../bot/log';
import { ManualClock } from '../../bot/domain/clock';
import { CaseRepository } from '../../bot/store/case-repository';
import { ScreeningRepository } from '../../bot/store/screening-repository';
import { BotHarness, TEST_TENANT, cardText, type TestUser } from '../harness/bot-harness';
import { actionOf, completeScreening, startScreening } from '../screening/screening-driver';
import { AgreementRepository } from '../../bot/store/agreement-repository';
import type { AdaptiveCard } from '../../cards/types';
import { buttonData, handedOverCase, inputValues } from '../case/fixtures';

/**
 * Two bot instances on one store (as with two App Service instances on one Cosmos account), and
 * the same click arriving at both at once (a retried invoke, a double click that the load balancer
 * splits). Whatever the timing, the store must end with one decision and one notification.
 */
describe('two bot instances on one store', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let h: BotHarness;
  let second: RunningApp;

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    });
    second = await startFremdrift(config, {
      clock,
      logger: createLogger('silent'),
      sharedStore: h.services.store,
    });
  });
  afterAll(async () => {
    await second?.stop();
    await h?.stop();
  });

  /** The same activity POSTed to both instances at the same moment. */
  async function onBoth(activity: Record<string, unknown>): Promise<unknown[]> {
    const post = (url: string) =>
      fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      }).then(async (r) => {
        expect(r.status).toBe(200);
        return ((await r.json()) as { value?: unknown }).value;
      });
    return Promise.all([post(h.app.url), post(second.url)]);
  }

  const invoke = (user: TestUser, verb: string, data: Record<string, unknown>) =>
    h.activity(user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
    });

  it('records one visitation decision and sends one handover when both instances save it', async () => {
    clock.set(new Date('2026-03-02T09:00:00Z'));
    const anna = await h.userWithRoles('Anna Screener', ['screener']);
    const jens = await h.userWithRoles('Jens Jobformidler', ['jobformidler']);
    await h.install(jens);
    const { caseRef } = await completeScreening(h, anna, 'TWO-INST-1');
    clock.set(new Date('2026-03-10T10:00:00Z'));

    const since = h.connector.calls.length;
    const cards = await onBoth(
      invoke(anna, 'visitation.save', {
        caseRef,
        group: 'G1_INTERVENTION',
        conversationAt: '2026-03-10',
        rationale: 'READY_FOR_ORDINARY_HOURS',
        jobformidlerId: jens.aadObjectId,
        firstJobConversationAt: '2026-03-17',
      }),
    );

    const texts = cards.map(cardText);
    expect(texts.filter((t) => t.includes('har fået besked i Teams'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Sagen var allerede visiteret'))).toHaveLength(1);
    expect(texts.every((t) => t.includes('Jens Jobformidler'))).toBe(true);
    const saved = await new CaseRepository(h.services.store).get(TEST_TENANT, caseRef);
    expect(saved).toMatchObject({ status: 'ACTIVE', assignedJobformidlerId: jens.aadObjectId });
    expect(saved?.jobformidlerHistory).toHaveLength(1);
    const handovers = h.connector
      .sentSince(since)
      .filter((c) => c.conversationId === h.personalConversationId(jens) || c.kind === 'create');
    expect(handovers).toHaveLength(1);
  });

  it('records a screening answer once when the same click reaches both instances', async () => {
    clock.set(new Date('2026-03-02T09:00:00Z'));
    const sara = await h.userWithRoles('Sara Screener', ['screener']);
    const started = await startScreening(h, sara, 'TWO-INST-2');
    const next = actionOf(started.card, 'screening.answer');

    const cards = await onBoth(
      invoke(sara, 'screening.answer', {
        ...next.data,
        q_citizenInformed: 'true',
        q_mode: 'PHONE',
        q_participation: 'YES',
      }),
    );

    const doc = await new ScreeningRepository(h.services.store).get(TEST_TENANT, started.caseRef);
    expect(doc).toMatchObject({ seq: 1, stepIndex: 1, answers: { mode: 'PHONE', participation: 'YES' } });
    // Both users' cards show the step after it; neither shows an error.
    for (const card of cards) expect(cardText(card)).not.toMatch(/prøv igen|fejl/i);
  });

  it('loses no update on a shared agreement: the stale save gets the conflict notice and the current card', async () => {
    clock.set(new Date('2026-03-10T09:00:00Z'));
    const jf = await h.userWithRoles('Jonas Jobformidler', ['jobformidler']);
    const caseRef = await handedOverCase(h.services, jf, { status: 'ACTIVE', conversationAt: '2026-03-02' });
    const form = await h.execute(jf, 'agreement.new', { caseRef });
    const created = await h.execute(jf, 'agreement.create', {
      ...buttonData(form.card, 'agreement.create'),
      placementType: 'COMPANY_INTERNSHIP',
      cvr: '10150817',
      companyName: 'Lageret A/S',
      contactName: 'Bo Hansen',
    });
    // The same card open twice (laptop and phone, or a card shared in a chat); each click reaches another instance.
    const shown = created.card!;
    const saveOn = async (url: string, card: AdaptiveCard, fields: Record<string, string>) => {
      const activity = invoke(jf, 'agreement.save', {
        ...buttonData(card, 'agreement.save'),
        ...inputValues(card),
        ...fields,
      });
      const r = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      expect(r.status).toBe(200);
      return ((await r.json()) as { value: AdaptiveCard }).value;
    };

    const first = await saveOn(h.app.url, shown, { s_TASKS: 'AGREED', v_TASKS: 'Plukke varer' });
    expect(cardText(first)).toContain('Arbejdsaftalen er gemt.');
    const stale = await saveOn(second.url, shown, { s_PAYSLIP_TO_BENEFITS: 'AGREED' });
    const staleText = cardText(stale);
    expect(staleText).toContain('En anden har gemt ændringer imens');
    expect(inputValues(stale).v_TASKS).toBe('Plukke varer'); // the current version, with the other save in it
    expect(staleText).toContain('Det, du prøvede at gemme (ikke gemt):');

    const repo = new AgreementRepository(h.services.store);
    const agreementId = String(buttonData(shown, 'agreement.save').agreementId);
    const between = await repo.get(TEST_TENANT, caseRef, agreementId);
    const item = (key: string) => between?.checklist.find((c) => c.key === key);
    expect(item('TASKS')).toMatchObject({ status: 'AGREED', value: 'Plukke varer' });
    expect(item('PAYSLIP_TO_BENEFITS')?.status).not.toBe('AGREED');

    // Saving again on the card the conflict returned keeps both changes.
    const again = await saveOn(second.url, stale, { s_PAYSLIP_TO_BENEFITS: 'AGREED' });
    expect(cardText(again)).toContain('Arbejdsaftalen er gemt.');
    const after = await repo.get(TEST_TENANT, caseRef, agreementId);
    expect(after?.checklist.find((c) => c.key === 'TASKS')).toMatchObject({ status: 'AGREED', value: 'Plukke varer' });
    expect(after?.checklist.find((c) => c.key === 'PAYSLIP_TO_BENEFITS')?.status).toBe('AGREED');
  });
});
