import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/**
 * A stand-in for the Bot Framework connector at the activity's `serviceUrl`: it records every call
 * the bot makes (replies, proactive sends, updates, new conversations) and can inject failures such
 * as 429 with Retry-After, to test delivery.
 */
export interface CapturedCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  /** reply | send | update | create */
  readonly kind: 'reply' | 'send' | 'update' | 'create' | 'other';
  readonly body: Record<string, unknown>;
  readonly at: number;
  readonly status: number;
}

export interface InjectedFailure {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  /** Only calls whose path includes this are affected (default: any). */
  readonly pathIncludes?: string;
}

export class CapturingConnector {
  readonly calls: CapturedCall[] = [];
  private failures: InjectedFailure[] = [];
  private delays: number[] = [];
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next matching calls fail with these statuses, in order. */
  injectFailures(...failures: InjectedFailure[]): void {
    this.failures.push(...failures);
  }

  /** The next calls are answered only after these delays (ms), e.g. to hold a turn in flight. */
  delayNext(...ms: number[]): void {
    this.delays.push(...ms);
  }

  /** Activities the bot sent (replies, proactive sends and new-conversation activities), from index `since`. */
  sentSince(since: number): CapturedCall[] {
    return this.calls
      .slice(since)
      .filter((c) => c.status < 300 && (c.kind === 'reply' || c.kind === 'send' || c.kind === 'create'));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const delay = this.delays.shift();
      if (delay !== undefined) setTimeout(() => this.respond(req, res, raw), delay);
      else this.respond(req, res, raw);
    });
  }

  private respond(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    {
      const path = decodeURIComponent(req.url ?? '');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(
        (req.url ?? '').split('?')[0] ?? '',
      );
      const conversationId = match?.[1] ? decodeURIComponent(match[1]) : '';
      let kind: CapturedCall['kind'] = 'other';
      if (req.method === 'POST' && (req.url ?? '') === '/v3/conversations') kind = 'create';
      else if (match && req.method === 'POST') kind = match[2] ? 'reply' : 'send';
      else if (match && req.method === 'PUT') kind = 'update';

      const failureIndex = this.failures.findIndex(
        (f) => f.pathIncludes === undefined || path.includes(f.pathIncludes),
      );
      const failure = failureIndex >= 0 ? this.failures.splice(failureIndex, 1)[0] : undefined;
      const status = failure?.status ?? (kind === 'create' ? 201 : 200);
      this.calls.push({
        method: req.method ?? '',
        path,
        conversationId: kind === 'create' ? '' : conversationId,
        kind,
        body,
        at: Date.now(),
        status,
      });

      res.setHeader('content-type', 'application/json');
      if (failure) {
        if (failure.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(failure.retryAfterSeconds));
        res.statusCode = failure.status;
        res.end(
          JSON.stringify({ error: { code: failure.status === 429 ? 'Throttled' : 'Failure', message: 'injected' } }),
        );
        return;
      }
      res.statusCode = status;
      if (kind === 'create') {
        const newConversation = `a:${randomUUID()}`;
        (this.calls[this.calls.length - 1] as { conversationId: string }).conversationId = newConversation;
        res.end(JSON.stringify({ id: newConversation, activityId: randomUUID() }));
        return;
      }
      res.end(JSON.stringify({ id: randomUUID() }));
    }
  }
}
