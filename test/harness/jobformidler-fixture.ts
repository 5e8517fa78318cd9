import type { ManualClock } from '../../bot/domain/clock';
import { BotHarness, type TestUser } from './bot-harness';

/**
 * The set-up the jobformidler's test files share: the bot on the embedded store with a manual
 * clock, and Jonas, a jobformidler of the test tenant, started once per file and stopped after it.
 * Cases come from `handedOverCase` (test/case/fixtures.ts): group 1, assigned to him, as the
 * visitation handover leaves them.
 *
 *   let h: BotHarness;
 *   let jf: TestUser;
 *   withJobformidler(clock, (ready) => ({ h, jf } = ready));
 */
export interface JobformidlerFixture {
  readonly h: BotHarness;
  readonly jf: TestUser;
}

export function withJobformidler(clock: ManualClock, ready: (fixture: JobformidlerFixture) => void): void {
  let h: BotHarness | undefined;
  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    ready({ h, jf: await h.userWithRoles('Jonas', ['jobformidler']) });
  });
  afterAll(async () => {
    await h?.stop();
  });
}
