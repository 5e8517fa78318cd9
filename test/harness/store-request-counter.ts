import { createDefaultHttpClient, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';

/**
 * Counts every HTTP request the @azure/cosmos SDK sends to the store, at the SDK's public
 * `httpClient` seam (passed through `OpenStoreOptions.httpClient`): point reads, queries (every
 * page), writes, and the SDK's own metadata reads, as Azure Cosmos DB would see and bill them.
 * The app's behaviour does not change: requests go through the SDK's default HTTP client.
 */
export type StoreOp =
  'read' | 'query' | 'query-plan' | 'create' | 'upsert' | 'replace' | 'delete' | 'patch' | 'batch' | 'meta';

export interface StoreRequest {
  readonly op: StoreOp;
  /** The container (`cases`, `directory`, …), or the resource for metadata requests. */
  readonly container: string;
  readonly status: number;
  /** `x-ms-request-charge` when the store reports it (Azure does; the embedded server does not). */
  readonly charge: number | undefined;
  /** When the request left and its answer came back (performance.now() ms), for where a turn's time goes. */
  readonly startMs: number;
  readonly endMs: number;
}

function classify(request: PipelineRequest): { op: StoreOp; container: string } {
  const path = new URL(request.url).pathname.split('/').filter(Boolean);
  const collIndex = path.indexOf('colls');
  const container = collIndex >= 0 ? (path[collIndex + 1] ?? '?') : (path[path.length - 2] ?? path[0] ?? '?');
  const onDocs = path[collIndex + 2] === 'docs';
  if (collIndex < 0 || !onDocs) return { op: 'meta', container };
  const byId = path.length > collIndex + 3;
  const headers = request.headers;
  switch (request.method) {
    case 'GET':
      return { op: byId ? 'read' : 'query', container };
    case 'POST':
      // The SDK asks the gateway for a query plan before a query it cannot route by itself.
      if (headers.get('x-ms-cosmos-is-query-plan-request')?.toLowerCase() === 'true')
        return { op: 'query-plan', container };
      if (headers.get('x-ms-documentdb-isquery') === 'true') return { op: 'query', container };
      // A transactional batch: several writes in one partition, one round trip.
      if (headers.get('x-ms-cosmos-is-batch-request')?.toLowerCase() === 'true') return { op: 'batch', container };
      return { op: headers.get('x-ms-documentdb-is-upsert') === 'true' ? 'upsert' : 'create', container };
    case 'PUT':
      return { op: 'replace', container };
    case 'DELETE':
      return { op: 'delete', container };
    case 'PATCH':
      return { op: 'patch', container };
    default:
      return { op: 'meta', container };
  }
}

export class StoreRequestCounter implements HttpClient {
  private readonly inner = createDefaultHttpClient();
  readonly requests: StoreRequest[] = [];

  async sendRequest(request: PipelineRequest) {
    const { op, container } = classify(request);
    const startMs = performance.now();
    const response = await this.inner.sendRequest(request);
    const charge = response.headers.get('x-ms-request-charge');
    this.requests.push({
      op,
      container,
      status: response.status,
      charge: charge === undefined ? undefined : Number(charge),
      startMs,
      endMs: performance.now(),
    });
    return response;
  }

  /** A mark to count from (`since(mark)`). */
  mark(): number {
    return this.requests.length;
  }

  since(mark: number): StoreRequest[] {
    return this.requests.slice(mark);
  }

  /** The requests `work` caused (nothing else may use the store meanwhile). */
  async during<T>(work: () => Promise<T>): Promise<{ result: T; requests: StoreRequest[] }> {
    const mark = this.mark();
    const result = await work();
    return { result, requests: this.since(mark) };
  }
}

/**
 * "directory read 2, audit create 1": requests grouped by container and operation, most first,
 * divided by `per` (the number of actions they came from) for an average per action.
 */
export function describeRequests(requests: readonly StoreRequest[], per = 1): string {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(`${r.container} ${r.op}`, (counts.get(`${r.container} ${r.op}`) ?? 0) + 1);
  const round = (n: number): string => String(Math.round((n / per) * 10) / 10);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${round(n)}`)
    .join(', ');
}

/** Milliseconds in which at least one of `requests` was waiting for the store (overlapping requests count once). */
export function storeBusyMs(requests: readonly StoreRequest[]): number {
  const spans = [...requests].sort((a, b) => a.startMs - b.startMs);
  let busy = 0;
  let until = -Infinity;
  for (const r of spans) {
    const from = Math.max(r.startMs, until);
    if (r.endMs > from) busy += r.endMs - from;
    until = Math.max(until, r.endMs);
  }
  return busy;
}
