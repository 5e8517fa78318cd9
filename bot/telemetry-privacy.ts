/**
 * Keeps personal data out of telemetry. Spans from the HTTP and Azure SDK instrumentations carry
 * URLs such as `/v3/conversations/<conversation id>/activities/<id>` (Bot Framework connector) and
 * `/dbs/fremdrift/colls/cases/docs/<tenant:case id>` (Cosmos), client IP addresses and user agents.
 * Everything here is pure: attributes in, cleaned attributes out.
 */

export type AttributeValue = string | number | boolean | Array<null | undefined | string | number | boolean>;
export type Attributes = Record<string, AttributeValue | undefined>;

/** Attribute keys dropped outright: who the user is, where they are, what they run. */
const DROPPED_KEYS: readonly RegExp[] = [
  /^(enduser|user)\./,
  /^(client|source)\.(address|port)$/,
  /^network\.peer\./,
  /^net\.(peer\.ip|peer\.port|sock\.peer\.)/,
  /^http\.(client_ip|user_agent)$/,
  /^user_agent\./,
  /conversation/i,
  /(^|\.)(aad_?object_?id|display_?name|email)$/i,
  /(^|\.)(request|response)\.body/,
];

/** Attribute keys holding a URL or path: kept, with ids in the path replaced and the query dropped. */
const URL_KEYS = new Set(['url.full', 'http.url', 'url.path', 'http.target', 'url.original']);
const DROPPED_URL_PARTS = new Set(['url.query', 'url.fragment']);

/** Path segments after these always hold an identifier, even when they look like a word. */
const ID_COLLECTIONS = new Set([
  'conversations',
  'activities',
  'members',
  'attachments',
  'users',
  'teams',
  'channels',
  'docs',
]);

/** A segment that is a plain word or an API version is kept; anything else may be an identifier. */
const SAFE_SEGMENT = /^(?:[A-Za-z][A-Za-z_-]{0,39}|v\d+(?:\.\d+)?|_?[a-z]+)$/;

export function redactPath(path: string): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (segment === '') return segment;
      const previous = segments[i - 1] ?? '';
      if (ID_COLLECTIONS.has(previous.toLowerCase())) return ':id';
      return SAFE_SEGMENT.test(segment) ? segment : ':id';
    })
    .join('/');
}

/** Origin plus redacted path; query and fragment dropped. Relative paths stay relative. */
export function redactUrl(value: string): string {
  const withoutQuery = value.split(/[?#]/, 1)[0] ?? '';
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(withoutQuery);
  if (absolute === null) return redactPath(withoutQuery);
  return absolute[0] + redactPath(withoutQuery.slice(absolute[0].length));
}

/**
 * Free text (exception messages, status messages, query text): ids and anything shaped like a
 * CPR number or an e-mail address are replaced. Teams ids look like `29:1abc…`, `a:1xyz…`,
 * `19:…@thread.tacv2` or `8:orgid:<guid>`.
 */
export function redactText(text: string): string {
  return text
    .replace(/\b\d{6}-?\d{4}\b/g, '[cpr?]')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/\b(?:\d{1,2}|a|8:orgid):[\w:@.%-]+/gi, '[teams-id]')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '[guid]')
    .replace(/\/(conversations|docs|activities|members)\/[^\s/'"]+/gi, '/$1/:id');
}

const redactValue = (value: AttributeValue, clean: (s: string) => string): AttributeValue =>
  typeof value === 'string'
    ? clean(value)
    : Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? clean(v) : v))
      : value;

/** Returns a copy without personal attributes, with URLs and free text redacted. */
export function scrubAttributes(attributes: Readonly<Attributes>): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (DROPPED_URL_PARTS.has(key) || DROPPED_KEYS.some((pattern) => pattern.test(key))) continue;
    out[key] = redactValue(value, URL_KEYS.has(key) ? redactUrl : redactText);
  }
  return out;
}

/** The parts of an ended span that the processor rewrites (structurally an OpenTelemetry ReadableSpan). */
export interface ScrubbableSpan {
  readonly attributes: Attributes;
  readonly events: ReadonlyArray<{ readonly attributes?: Attributes }>;
  readonly status: { message?: string };
}

/** Rewrites a span's attributes, event attributes and status message in place. */
export function scrubSpan(span: ScrubbableSpan): void {
  replaceContents(span.attributes, scrubAttributes(span.attributes));
  for (const event of span.events) {
    if (event.attributes !== undefined) replaceContents(event.attributes, scrubAttributes(event.attributes));
  }
  if (typeof span.status.message === 'string') span.status.message = redactText(span.status.message);
}

function replaceContents(target: Attributes, cleaned: Attributes): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, cleaned);
}

/**
 * Span processor registered before the Azure Monitor exporter's batch processor (the distro puts
 * custom processors there), so what is exported is what this processor left.
 */
export class PrivacySpanProcessor {
  onStart(): void {}
  onEnd(span: ScrubbableSpan): void {
    scrubSpan(span);
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
