import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CosmosClientOptions } from '@azure/cosmos';

/**
 * The SDK's requests to the embedded server handed to the server's request handler in the same
 * process, with no socket and no HTTP parsing in between (local only; opt-in, for bulk work such as
 * `npm run seed:demo`). The SDK still builds, signs and reads every request as it would over the
 * wire, and the server answers it as it would over the wire: the same documents, ETags and errors.
 * Its public `httpClient` seam is the one the benchmark's request counter uses. The sockets and
 * the HTTP client were about a quarter of the seeding's CPU (docs/benchmarks.md).
 */
type HttpClient = NonNullable<CosmosClientOptions['httpClient']>;
type PipelineRequest = Parameters<HttpClient['sendRequest']>[0];
type PipelineResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The HttpHeaders the SDK reads back (get, has, toJSON, iteration), over lower-cased names. */
class ResponseHeaders {
  constructor(private readonly map: Map<string, string>) {}
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase());
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string | number | boolean): void {
    this.map.set(name.toLowerCase(), String(value));
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  toJSON(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  [Symbol.iterator](): Iterator<[string, string]> {
    return this.map.entries();
  }
}

function bodyOf(request: PipelineRequest): Buffer {
  const body = request.body;
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  throw new Error('embedded store (in process): unsupported request body');
}

export function inProcessHttpClient(handle: Handler): HttpClient {
  return {
    sendRequest: (request: PipelineRequest): Promise<PipelineResponse> =>
      new Promise((resolve, reject) => {
        const url = new URL(request.url);
        const headers: Record<string, string> = { host: url.host };
        for (const [name, value] of request.headers) headers[name.toLowerCase()] = value;
        const req = Object.assign(Readable.from([bodyOf(request)], { objectMode: false }), {
          headers,
          method: request.method,
          url: `${url.pathname}${url.search}`,
        });
        const responseHeaders = new Map<string, string>();
        const res = {
          statusCode: 200,
          finished: false,
          setHeader(name: string, value: string | number) {
            responseHeaders.set(name.toLowerCase(), String(value));
            return res;
          },
          getHeader: (name: string) => responseHeaders.get(name.toLowerCase()),
          end(body?: string | Buffer) {
            res.finished = true;
            resolve({
              request,
              status: res.statusCode,
              headers: new ResponseHeaders(responseHeaders),
              bodyAsText: body === undefined ? '' : body.toString(),
            } as PipelineResponse);
            return res;
          },
        };
        try {
          handle(req as unknown as IncomingMessage, res as unknown as ServerResponse);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }),
  };
}
