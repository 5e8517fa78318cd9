import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../bot/config';
import { startFremdrift, type RunningApp, type StartOptions } from '../../bot/app-host';
import { createLogger } from '../../bot/log';
import type { Role } from '../../bot/domain/roles';
import type { Clock } from '../../bot/domain/clock';
import { validateCard } from '../../cards/validate';
import type { AdaptiveCard } from '../../cards/types';
import { CapturingConnector, type CapturedCall } from './capturing-connector';

/**
 * Drives the real server over HTTP with real Bot Framework activities, against the embedded Cosmos
 * server, with a capturing connector at `serviceUrl`. No TurnContext or repository is mocked.
 * Every card the bot sends or returns is validated (schema 1.5, no warnings, under 28 KB).
 */
export const TEST_TENANT = '11111111-1111-4111-8111-111111111111';
export const BOT_ID = '28:fremdrift-test-bot';

export interface TestUser {
  readonly aadObjectId: string;
  readonly botUserId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly locale: string;
}

export interface Where {
  /** Defaults to the user's personal chat. */
  readonly conversationId?: string;
  readonly kind?: 'personal' | 'groupChat' | 'channel';
  readonly teamId?: string;
  readonly channelId?: string;
}

export interface TurnResult {
  readonly status: number;
  /** What the bot sent to the connector during the turn. */
  readonly sent: CapturedCall[];
  readonly texts: string[];
  readonly cards: AdaptiveCard[];
}

export interface ExecuteResult extends TurnResult {
  /** The card returned in the invoke response (replaces the clicked card). */
  readonly card: AdaptiveCard | undefined;
  readonly body: unknown;
}

export interface HarnessOptions {
  readonly env?: Record<string, string>;
  /** Where the app's pino logs go (to inspect them); LOG_LEVEL then defaults to debug. */
  readonly logDestination?: { write(line: string): void };
  readonly clock?: Clock;
  readonly dataDir?: string;
  /** Passed to startFremdrift (e.g. store options for fault tests). */
  readonly startOptions?: StartOptions;
}

function cardsOf(call: CapturedCall): AdaptiveCard[] {
  const activity = (call.kind === 'create' ? call.body.activity : call.body) as
    { attachments?: { contentType?: string; content?: AdaptiveCard }[] } | undefined;
  return (activity?.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content)
    .map((a) => a.content as AdaptiveCard);
}

export function textsOf(call: CapturedCall): string[] {
  const activity = (call.kind === 'create' ? call.body.activity : call.body) as { text?: string } | undefined;
  return typeof activity?.text === 'string' && activity.text.length > 0 ? [activity.text] : [];
}

export function assertCardValid(card: AdaptiveCard): void {
  const { errors } = validateCard(card);
  if (errors.length > 0)
    throw new Error(`The bot produced an invalid card:\n${errors.join('\n')}\n${JSON.stringify(card).slice(0, 2000)}`);
}

/** All text of a card (TextBlocks, facts, titles, choices, placeholders), for assertions on what a user reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (
        typeof v === 'string' &&
        ['text', 'title', 'value', 'label', 'placeholder', 'altText', 'errorMessage'].includes(k)
      )
        out.push(v);
      else walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}

/** Every Action.Execute in a card: [title, verb, data]. */
export function actionsOf(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && typeof o.verb === 'string')
      out.push({ title: String(o.title ?? ''), verb: o.verb, data: (o.data as Record<string, unknown>) ?? {} });
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v);
  };
  walk(card);
  return out;
}

export class BotHarness {
  readonly connector = new CapturingConnector();
  readonly dataDir: string;
  private running?: RunningApp;
  private config!: Config;
  private userCount = 0;

  private constructor(private readonly options: HarnessOptions) {
    this.dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'fremdrift-test-'));
  }

  static async start(options: HarnessOptions = {}): Promise<BotHarness> {
    const h = new BotHarness(options);
    await h.connector.start();
    await h.boot();
    return h;
  }

  private async boot(extra: StartOptions = {}): Promise<void> {
    this.config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      SNAPSHOT_INTERVAL_SECONDS: '0',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: this.options.logDestination ? 'debug' : (process.env.TEST_LOG_LEVEL ?? 'silent'),
      ...this.options.env,
    });
    this.running = await startFremdrift(this.config, {
      logger: createLogger(this.config.LOG_LEVEL, this.options.logDestination),
      ...(this.options.clock ? { clock: this.options.clock } : {}),
      ...this.options.startOptions,
      ...extra,
    });
  }

  get app(): RunningApp {
    if (!this.running) throw new Error('Harness is not running');
    return this.running;
  }

  get services() {
    return this.app.services;
  }

  /** Stops and starts the server on the same data folder (the embedded store is snapshotted and reloaded). */
  async restart(): Promise<void> {
    await this.app.stop();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = undefined;
    await this.connector.stop();
    if (this.options.dataDir === undefined) rmSync(this.dataDir, { recursive: true, force: true });
  }

  user(name: string, options: { locale?: string; tenantId?: string; aadObjectId?: string } = {}): TestUser {
    this.userCount++;
    const aadObjectId = options.aadObjectId ?? randomUUID();
    return {
      aadObjectId,
      botUserId: `29:${aadObjectId}`,
      name,
      tenantId: options.tenantId ?? TEST_TENANT,
      locale: options.locale ?? 'da-DK',
    };
  }

  async userWithRoles(
    name: string,
    roles: Role[],
    options: { locale?: string; tenantId?: string } = {},
  ): Promise<TestUser> {
    const u = this.user(name, options);
    await this.services.directory.setRoles(u.tenantId, u.aadObjectId, roles, 'test-setup', new Date(), u.name);
    return u;
  }

  personalConversationId(user: TestUser): string {
    return `a:personal-${user.aadObjectId}`;
  }

  activity(user: TestUser, fields: Record<string, unknown>, where: Where = {}): Record<string, unknown> {
    const kind = where.kind ?? 'personal';
    const conversationId =
      where.conversationId ??
      (kind === 'personal' ? this.personalConversationId(user) : `19:${randomUUID()}@thread.tacv2`);
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      serviceUrl: this.connector.url,
      channelId: 'msteams',
      from: { id: user.botUserId, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: BOT_ID, name: 'Fremdrift' },
      conversation: {
        id: conversationId,
        conversationType: kind,
        tenantId: user.tenantId,
        ...(kind === 'personal' ? {} : { isGroup: true }),
      },
      channelData: {
        tenant: { id: user.tenantId },
        ...(where.teamId ? { team: { id: where.teamId } } : {}),
        ...(where.channelId ? { channel: { id: where.channelId } } : {}),
      },
      locale: user.locale,
      ...fields,
    };
  }

  /** POSTs any activity to /api/messages; returns the HTTP status and body and what the bot sent meanwhile. */
  async post(activity: unknown): Promise<{ status: number; body: unknown; sent: CapturedCall[] }> {
    const since = this.connector.calls.length;
    const res = await fetch(`${this.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const raw = await res.text();
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      /* keep text */
    }
    return { status: res.status, body, sent: this.connector.calls.slice(since) };
  }

  private result(status: number, sent: CapturedCall[]): TurnResult {
    const delivered = sent.filter(
      (c) => c.status < 300 && (c.kind === 'reply' || c.kind === 'send' || c.kind === 'create' || c.kind === 'update'),
    );
    const cards = delivered.flatMap(cardsOf);
    cards.forEach(assertCardValid);
    return { status, sent: delivered, texts: delivered.flatMap(textsOf), cards };
  }

  async say(user: TestUser, text: string, where: Where = {}): Promise<TurnResult> {
    const mention = where.kind === 'channel' || where.kind === 'groupChat';
    const activity = this.activity(
      user,
      {
        type: 'message',
        text: mention ? `<at>Fremdrift</at> ${text}` : text,
        ...(mention
          ? {
              entities: [{ type: 'mention', text: '<at>Fremdrift</at>', mentioned: { id: BOT_ID, name: 'Fremdrift' } }],
            }
          : {}),
      },
      where,
    );
    const { status, sent } = await this.post(activity);
    return this.result(status, sent);
  }

  /** Clicks an Action.Execute: an `adaptiveCard/action` invoke. */
  async execute(
    user: TestUser,
    verb: string,
    data: Record<string, unknown> = {},
    where: Where & { replyToId?: string } = {},
  ): Promise<ExecuteResult> {
    const activity = this.activity(
      user,
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, trigger: 'manual' },
        ...(where.replyToId ? { replyToId: where.replyToId } : {}),
      },
      where,
    );
    const { status, body, sent } = await this.post(activity);
    const invoke = body as { statusCode?: number; type?: string; value?: unknown } | undefined;
    const card =
      invoke?.type === 'application/vnd.microsoft.card.adaptive' ? (invoke.value as AdaptiveCard) : undefined;
    if (card) assertCardValid(card);
    return { ...this.result(status, sent), card, body };
  }

  /** Any other invoke (e.g. `fileConsent/invoke` when the user accepts a file): the invoke response and what was sent. */
  async invoke(user: TestUser, name: string, value: unknown, where: Where = {}): Promise<ExecuteResult> {
    const { status, body, sent } = await this.post(this.activity(user, { type: 'invoke', name, value }, where));
    return { ...this.result(status, sent), card: undefined, body };
  }

  /** Clicks an Action.Submit fallback: a message activity whose value carries the verb. */
  async submit(
    user: TestUser,
    data: Record<string, unknown>,
    where: Where & { replyToId?: string } = {},
  ): Promise<TurnResult> {
    const activity = this.activity(
      user,
      { type: 'message', value: data, ...(where.replyToId ? { replyToId: where.replyToId } : {}) },
      where,
    );
    const { status, sent } = await this.post(activity);
    return this.result(status, sent);
  }

  async install(
    user: TestUser,
    where: Where & { action?: string; selectedChannelId?: string } = {},
  ): Promise<TurnResult> {
    const activity = this.activity(user, { type: 'installationUpdate', action: where.action ?? 'add' }, where);
    if (where.selectedChannelId) {
      (activity.channelData as Record<string, unknown>).settings = { selectedChannel: { id: where.selectedChannelId } };
    }
    const { status, sent } = await this.post(activity);
    return this.result(status, sent);
  }
}

/** Attachments of a kind in what the bot sent (file consent cards, file info cards). */
export function attachmentsOf(
  sent: readonly CapturedCall[],
  contentType: string,
): { contentType: string; name?: string; contentUrl?: string; content?: Record<string, unknown> }[] {
  return sent.flatMap((call) => {
    const activity = (call.kind === 'create' ? call.body.activity : call.body) as
      | {
          attachments?: {
            contentType?: string;
            name?: string;
            contentUrl?: string;
            content?: Record<string, unknown>;
          }[];
        }
      | undefined;
    return (activity?.attachments ?? []).filter(
      (a): a is { contentType: string; name?: string; contentUrl?: string; content?: Record<string, unknown> } =>
        a.contentType === contentType,
    );
  });
}

/** The URL of the first Action.OpenUrl in a card (a download link). */
export function openUrlOf(card: unknown): string | undefined {
  const m = /"type":"Action.OpenUrl"[^}]*?"url":"([^"]+)"/.exec(JSON.stringify(card));
  return m?.[1];
}
