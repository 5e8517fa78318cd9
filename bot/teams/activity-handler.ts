import type { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { ActivityHandler } from '../server';

/** The Bot Framework's turn for one inbound activity: the adapter runs it through the teams-ai application. */
export function createActivityHandler(adapter: TeamsAdapter, app: Application<TurnState>): ActivityHandler {
  return (req, res) =>
    adapter.process(req, res, async (context) => {
      await app.run(context);
    });
}
