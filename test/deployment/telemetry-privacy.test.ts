import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { PrivacySpanProcessor, redactPath, redactText, redactUrl, scrubAttributes } from '../../bot/telemetry-privacy';

const CONVERSATION = 'a:1Xq9pZ7-Kd2vHf0Wl_3bNmT8sYc5uJr4eGo6iA';
const CHANNEL_THREAD = '19:0d6f2c8e1b2a4f0c9e7d@thread.tacv2';
const AAD_OBJECT_ID = '6f0c8d1e-2b3a-4c5d-9e8f-7a6b5c4d3e2f';

describe('telemetry privacy: pure redaction', () => {
  it('replaces Bot Framework conversation and activity ids in connector URLs, and drops the query', () => {
    const url = `https://smba.trafficmanager.net/emea/v3/conversations/${encodeURIComponent(CONVERSATION)}/activities/1700000000000?foo=${AAD_OBJECT_ID}`;
    expect(redactUrl(url)).toBe('https://smba.trafficmanager.net/emea/v3/conversations/:id/activities/:id');
  });

  it('replaces Cosmos document ids (tenant and case ref) but keeps database and container names', () => {
    const url = `https://acct.documents.azure.com/dbs/fremdrift/colls/cases/docs/11111111-1111-4111-8111-111111111111:case:jf-2024`;
    expect(redactUrl(url)).toBe('https://acct.documents.azure.com/dbs/fremdrift/colls/cases/docs/:id');
    // A case ref that looks like a plain word is still an id after "docs".
    expect(redactPath('/dbs/fremdrift/colls/sensitive/docs/hansen')).toBe('/dbs/fremdrift/colls/sensitive/docs/:id');
  });

  it('keeps routes that carry no identifiers', () => {
    expect(redactUrl('/api/messages')).toBe('/api/messages');
    expect(redactUrl('/healthz?probe=1')).toBe('/healthz');
    expect(redactPath('/v3/conversations')).toBe('/v3/conversations');
  });

  it('redacts ids, e-mail addresses and CPR-shaped numbers in free text', () => {
    const text = `Conversation ${CHANNEL_THREAD} for user 29:1abcDEF and ${AAD_OBJECT_ID} (anna@kommune.dk) CPR 010190-1234 failed at /conversations/${CONVERSATION}/activities`;
    const clean = redactText(text);
    for (const secret of [CHANNEL_THREAD, '29:1abcDEF', AAD_OBJECT_ID, 'anna@kommune.dk', '010190-1234', CONVERSATION])
      expect(clean).not.toContain(secret);
    expect(clean).toContain('failed at');
  });

  it('drops who and where (user ids, names, client IP, user agent, conversation ids) and keeps operational attributes', () => {
    const cleaned = scrubAttributes({
      'http.method': 'POST',
      'http.route': '/api/messages',
      'http.status_code': 200,
      'client.address': '10.1.2.3',
      'net.peer.ip': '10.1.2.3',
      'network.peer.address': '10.1.2.3',
      'http.client_ip': '10.1.2.3',
      'user_agent.original': 'Mozilla/5.0 Teams/1.6',
      'http.user_agent': 'Mozilla/5.0 Teams/1.6',
      'enduser.id': AAD_OBJECT_ID,
      'user.name': 'Anna Hansen',
      'bot.conversation.id': CONVERSATION,
      'teams.displayName': 'Anna Hansen',
      'url.query': `?id=${AAD_OBJECT_ID}`,
      'url.full': `https://smba.trafficmanager.net/emea/v3/conversations/${CONVERSATION}/activities`,
      'db.system': 'cosmosdb',
      'db.name': 'fremdrift',
      'server.address': 'acct.documents.azure.com',
    });
    expect(cleaned).toEqual({
      'http.method': 'POST',
      'http.route': '/api/messages',
      'http.status_code': 200,
      'url.full': 'https://smba.trafficmanager.net/emea/v3/conversations/:id/activities',
      'db.system': 'cosmosdb',
      'db.name': 'fremdrift',
      'server.address': 'acct.documents.azure.com',
    });
  });

  it('is pure: the input is not changed', () => {
    const input = { 'enduser.id': AAD_OBJECT_ID, 'http.method': 'GET' };
    scrubAttributes(input);
    expect(input).toEqual({ 'enduser.id': AAD_OBJECT_ID, 'http.method': 'GET' });
  });
});

describe('telemetry privacy: the span processor in a real OpenTelemetry pipeline', () => {
  it('exports spans without personal attributes, exception details or status messages containing ids', async () => {
    const exported = new InMemorySpanExporter();
    // Same order as the Azure Monitor distro: custom processors before the exporting one.
    const provider = new BasicTracerProvider({
      spanProcessors: [new PrivacySpanProcessor(), new SimpleSpanProcessor(exported)],
    });
    const tracer = provider.getTracer('test');
    const span = tracer.startSpan('POST', { kind: SpanKind.CLIENT });
    span.setAttributes({
      'http.method': 'POST',
      'url.full': `https://smba.trafficmanager.net/emea/v3/conversations/${encodeURIComponent(CHANNEL_THREAD)}/activities`,
      'enduser.id': AAD_OBJECT_ID,
      'client.address': '192.0.2.10',
    });
    span.recordException(new Error(`Conversation ${CHANNEL_THREAD} not found for ${AAD_OBJECT_ID}`));
    span.setStatus({ code: SpanStatusCode.ERROR, message: `403 for ${CONVERSATION}` });
    span.end();
    await provider.forceFlush();

    const [out] = exported.getFinishedSpans();
    expect(out).toBeDefined();
    const everything = JSON.stringify({ attributes: out!.attributes, events: out!.events, status: out!.status });
    for (const secret of [
      CHANNEL_THREAD,
      encodeURIComponent(CHANNEL_THREAD),
      AAD_OBJECT_ID,
      CONVERSATION,
      '192.0.2.10',
    ])
      expect(everything).not.toContain(secret);
    expect(out!.attributes['url.full']).toBe('https://smba.trafficmanager.net/emea/v3/conversations/:id/activities');
    expect(out!.attributes['http.method']).toBe('POST');
    expect(out!.events[0]?.attributes?.['exception.message']).toContain('not found');
    await provider.shutdown();
  });
});
