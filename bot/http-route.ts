import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * An extra HTTP route a feature or job exposes (e.g. POST /api/digests/run). It checks its own
 * credential. Node's own request and response types: a feature never imports the HTTP framework
 * (bot/server.ts mounts the route on restify, whose request and response extend these).
 */
export interface HttpRoute {
  readonly method: 'get' | 'post';
  readonly path: string;
  handle(req: HttpRequest, res: ServerResponse): Promise<void>;
}

/** The request as a route sees it: path parameters and the parsed JSON body come from the server. */
export type HttpRequest = IncomingMessage & { readonly params?: unknown; readonly body?: unknown };

/** Answers with a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
