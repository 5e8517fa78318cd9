import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { startFremdrift, type RunningApp } from '../../bot/app-host';
import { createLogger } from '../../bot/log';
import type { Role } from '../../bot/domain/roles';
import { CapturingConnector } from '../../test/harness/capturing-connector';
import { StoreRequestCounter, type StoreRequest } from '../../test/harness/store-request-counter';
import { echoRoute } from './echo-route';

export const BENCH_TENANT = '33333333-3333-4333-8333-333333333333';

export interface BenchUser {
  readonly aadObjectId: string;
  readonly name: string;
}

/** Fremdrift on the embedded store (memory only), a capturing connector, and the echo baseline on the same server. */
export class BenchApp {
  private constructor(
    readonly app: RunningApp,
    readonly connector: CapturingConnector,
    /** Every request the SDK sent to the store (turns run one at a time, so a turn's are the ones during it). */
    readonly storeRequests: StoreRequestCounter,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<BenchApp> {
    const connector = new CapturingConnector();
    await connector.start();
    const storeRequests = new StoreRequestCounter();
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'silent',
      ...env,
    });
    const app = await startFremdrift(config, {
      logger: createLogger('silent'),
      store: { persist: false, httpClient: storeRequests },
      extraRoutes: [echoRoute()],
    });
    return new BenchApp(app, connector, storeRequests);
  }

  async user(name: string, roles: Role[]): Promise<BenchUser> {
    const u = { aadObjectId: randomUUID(), name };
    await this.app.services.directory.setRoles(BENCH_TENANT, u.aadObjectId, roles, 'bench', new Date(), name);
    return u;
  }

  activity(user: BenchUser, fields: Record<string, unknown>): Record<string, unknown> {
    return {
      id: randomUUID(),
      serviceUrl: this.connector.url,
      channelId: 'msteams',
      from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '28:bench-bot', name: 'Fremdrift' },
      conversation: { id: `a:bench-${user.aadObjectId}`, conversationType: 'personal', tenantId: BENCH_TENANT },
      channelData: { tenant: { id: BENCH_TENANT } },
      locale: 'da-DK',
      ...fields,
    };
  }

  /** One turn; resolves when the HTTP response arrives (replies have reached the connector by then). */
  async turn(
    path: string,
    activity: unknown,
  ): Promise<{ ms: number; status: number; body: string; requests: StoreRequest[] }> {
    const mark = this.storeRequests.mark();
    const start = performance.now();
    const res = await fetch(`${this.app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = await res.text();
    return { ms: performance.now() - start, status: res.status, body, requests: this.storeRequests.since(mark) };
  }

  say(user: BenchUser, text: string, path = '/api/messages') {
    return this.turn(path, this.activity(user, { type: 'message', text }));
  }

  /** A message turn and what the bot sent back into the user's chat during it (text and cards). */
  async ask(
    user: BenchUser,
    text: string,
  ): Promise<{ ms: number; status: number; replies: unknown[]; requests: StoreRequest[] }> {
    const since = this.connector.calls.length;
    const r = await this.say(user, text);
    const conversation = `a:bench-${user.aadObjectId}`;
    const replies = this.connector.calls
      .slice(since)
      .filter((c) => c.conversationId === conversation && c.status < 300)
      .map((c) => c.body);
    return { ms: r.ms, status: r.status, replies, requests: r.requests };
  }

  execute(user: BenchUser, verb: string, data: Record<string, unknown>) {
    return this.turn(
      '/api/messages',
      this.activity(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } } },
      }),
    );
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.connector.stop();
  }
}
