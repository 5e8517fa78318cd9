import { MemoryStorage, MessageFactory } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { EdgeRoute as HttpRoute } from '../../bot/server';

/**
 * The baseline of every latency figure: a bare teams-ai echo bot on the same restify server and the
 * same adapter stack, with no store and no features. Turn latencies are reported as ratios to it.
 */
export function echoRoute(path = '/api/echo'): HttpRoute {
  const adapter = new TeamsAdapter({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' });
  const app = new Application<TurnState>({
    adapter,
    storage: new MemoryStorage(),
    startTypingTimer: false,
    longRunningMessages: false,
  });
  app.activity('message', async (context) => {
    await context.sendActivity(MessageFactory.text(`echo: ${context.activity.text ?? ''}`));
  });
  return {
    method: 'post',
    path,
    handle: (req, res) => adapter.process(req, res, async (context) => void (await app.run(context))),
  };
}
