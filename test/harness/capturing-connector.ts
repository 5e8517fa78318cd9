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
  private periodic: { every: number; failures: InjectedFailure[]; seen: number; used: number } | undefined;
  private readonly rosters = new Map<string, { id: string; aadObjectId: string; name: string }[]>();
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

  /**
   * Mixes failures into a long run: every `every`-th call from now on fails, with `failures` in turn,
   * until each has been used `rounds` times (for load and fan-out runs; tests use injectFailures).
   */
  injectEvery(every: number, rounds: number, ...failures: InjectedFailure[]): void {
    const list: InjectedFailure[] = [];
    for (let r = 0; r < rounds; r++) list.push(...failures);
    this.periodic = { every, failures: list, seen: 0, used: 0 };
  }

  /** The next calls are answered only after these delays (ms), e.g. to hold a turn in flight. */
  delayNext(...ms: number[]): void {
    this.delays.push(...ms);
  }

  /** Members the connector reports for a team (GET /v3/conversations/{teamId}/pagedmembers). */
  setRoster(teamId: string, members: readonly { aadObjectId: string; name?: string }[]): void {
    this.rosters.set(
      teamId,
      members.map((m) => ({ id: `29:${m.aadObjectId}`, aadObjectId: m.aadObjectId, name: m.name ?? m.aadObjectId })),
    );
  }

  /** Activities the bot sent (replies, proactive sends and new-conversation activities), from index `since`. */
  sentSince(since: number): CapturedCall[] {
    return this.calls
      .slice(since)
      .filter((c) => c.status < 300 && (c.kind === 'reply' || c.kind === 'send' || c.kind === 'create'));
  }

  private nextPeriodic(path: string): InjectedFailure | undefined {
    const p = this.periodic;
    if (p === undefined || p.used >= p.failures.length) return undefined;
    const next = p.failures[p.used]!;
    if (next.pathIncludes !== undefined && !path.includes(next.pathIncludes)) return undefined;
    p.seen++;
    if (p.seen % p.every !== 0) return undefined;
    p.used++;
    return next;
  }

  /**
   * Files the bot uploaded after a file consent was accepted (PUT to the upload URL Teams hands out,
   * here `${url}uploads/<name>`), by name, with the Content-Range the bot sent.
   */
  readonly uploads = new Map<string, { bytes: Buffer; contentRange: string | undefined }>();

  /** An upload URL like the one Teams puts in `uploadInfo` (a OneDrive upload session). */
  uploadUrl(name: string): string {
    return `${this.url}uploads/${encodeURIComponent(name)}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method === 'PUT' && (req.url ?? '').startsWith('/uploads/')) return this.handleUpload(req, res);
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const delay = this.delays.shift();
      if (delay !== undefined) setTimeout(() => this.respond(req, res, raw), delay);
      else this.respond(req, res, raw);
    });
  }

  private handleUpload(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const name = decodeURIComponent((req.url ?? '').slice('/uploads/'.length));
      const header = req.headers['content-range'];
      this.uploads.set(name, {
        bytes: Buffer.concat(chunks),
        contentRange: typeof header === 'string' ? header : undefined,
      });
      res.statusCode = 201;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: name }));
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
      const failure = failureIndex >= 0 ? this.failures.splice(failureIndex, 1)[0] : this.nextPeriodic(path);
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
      const roster = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec((req.url ?? '').split('?')[0] ?? '');
      if (roster?.[1] !== undefined && req.method === 'GET') {
        const members = this.rosters.get(decodeURIComponent(roster[1]));
        if (members === undefined) {
          res.statusCode = 404;
          (this.calls[this.calls.length - 1] as { status: number }).status = 404;
        }
        res.end(JSON.stringify(members === undefined ? { error: { code: 'NotFound' } } : { members }));
        return;
      }
      if (kind === 'create') {
        // Like Teams: a new thread in a channel is "<channel id>;messageid=<activity id>"; a new chat is "a:…".
        const activityId = String(Date.now()) + String(this.calls.length).padStart(4, '0');
        const channel = (body.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
        const newConversation =
          typeof channel === 'string' ? `${channel};messageid=${activityId}` : `a:${randomUUID()}`;
        (this.calls[this.calls.length - 1] as { conversationId: string }).conversationId = newConversation;
        res.end(JSON.stringify({ id: newConversation, activityId }));
        return;
      }
      res.end(JSON.stringify({ id: randomUUID() }));
    }
  }
}
