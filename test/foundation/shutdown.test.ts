import { BotHarness, cardText } from '../harness/bot-harness';

describe('graceful shutdown', () => {
  it('finishes an in-flight turn, refuses new ones meanwhile, and keeps data across the restart', async () => {
    const h = await BotHarness.start();
    try {
      const admin = await h.userWithRoles('Admin', ['admin']);
      h.connector.delayNext(600); // the reply to the connector is slow: the turn stays in flight
      const inFlight = h.say(admin, 'hjælp');
      await new Promise((r) => setTimeout(r, 150));
      const url = h.app.url;
      const stopping = h.app.stop();
      await new Promise((r) => setTimeout(r, 50));
      const during = await fetch(`${url}/healthz`).then(
        (r) => r.status,
        () => 'refused',
      );
      const turn = await inFlight;
      await stopping;
      expect(turn.status).toBe(200);
      expect(cardText(turn.cards[0])).toContain('Hvad kan jeg hjælpe med?');
      expect([503, 'refused']).toContain(during);

      await h.restart();
      const again = await h.say(admin, 'roller');
      expect(cardText(again.cards[0])).toContain('Roller i Fremdrift');
    } finally {
      await h.stop();
    }
  });
});
