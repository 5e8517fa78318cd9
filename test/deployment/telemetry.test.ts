import { ManagedIdentityCredential } from '@azure/identity';
import { metrics } from '@opentelemetry/api';
import { MeterProvider, MetricReader, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import {
  METRIC_NAMES,
  recordDigestDelivery,
  recordTurnLatency,
  startTelemetry,
  turnKindOf,
  type AzureMonitorDistro,
  type Telemetry,
} from '../../bot/telemetry';
import { PrivacySpanProcessor } from '../../bot/telemetry-privacy';
import { loadConfig } from '../../bot/config';
import { BotHarness } from '../harness/bot-harness';

/** A real OpenTelemetry metric reader we can collect from on demand. */
class CollectingReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

interface Point {
  readonly attributes: Record<string, unknown>;
  readonly value: unknown;
}

async function pointsOf(reader: CollectingReader, name: string): Promise<Point[]> {
  const { resourceMetrics }: { resourceMetrics: ResourceMetrics } = await reader.collect();
  const out: Point[] = [];
  for (const scope of resourceMetrics.scopeMetrics)
    for (const metric of scope.metrics)
      if (metric.descriptor.name === name)
        for (const p of metric.dataPoints as { attributes: Record<string, unknown>; value: unknown }[])
          out.push({ attributes: p.attributes, value: p.value });
  return out;
}

/**
 * Stands in for @azure/monitor-opentelemetry without exporting anywhere: like the distro it
 * installs the global meter provider (here with our collecting reader) and records the options.
 */
function fakeDistro(reader: CollectingReader): {
  distro: () => AzureMonitorDistro;
  calls: AzureMonitorOpenTelemetryOptions[];
} {
  const calls: AzureMonitorOpenTelemetryOptions[] = [];
  return {
    calls,
    distro: () => ({
      useAzureMonitor: (options) => {
        calls.push(options);
        metrics.disable();
        metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
      },
      shutdownAzureMonitor: async () => undefined,
    }),
  };
}

const CONNECTION_STRING =
  'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/';

describe('telemetry', () => {
  let running: Telemetry | undefined;
  afterEach(async () => {
    await running?.shutdown();
    running = undefined;
    metrics.disable();
  });

  it('is off without APPLICATIONINSIGHTS_CONNECTION_STRING: the distro is never loaded and nothing is recorded', async () => {
    const reader = new CollectingReader();
    // Even with a live meter provider installed by someone else, our functions record nothing.
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
    let loaded = false;
    running = startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: undefined }, () => {
      loaded = true;
      throw new Error('must not load');
    });
    expect(running.enabled).toBe(false);
    expect(loaded).toBe(false);
    recordTurnLatency(12, 'message');
    recordDigestDelivery('sent');
    expect(await pointsOf(reader, METRIC_NAMES.turnDuration)).toEqual([]);
    expect(await pointsOf(reader, METRIC_NAMES.digestDeliveries)).toEqual([]);
  });

  it('with a connection string, starts Azure Monitor with the privacy processor, HTTP and Azure SDK traces, no Live Metrics', () => {
    const reader = new CollectingReader();
    const { distro, calls } = fakeDistro(reader);
    running = startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING }, distro);
    expect(running.enabled).toBe(true);
    expect(calls).toHaveLength(1);
    const options = calls[0]!;
    expect(options.azureMonitorExporterOptions?.connectionString).toBe(CONNECTION_STRING);
    expect(options.spanProcessors?.some((p) => p instanceof PrivacySpanProcessor)).toBe(true);
    expect(options.instrumentationOptions?.http?.enabled).toBe(true);
    expect(options.instrumentationOptions?.azureSdk?.enabled).toBe(true);
    expect(options.instrumentationOptions?.console?.enabled).toBe(false);
    expect(options.enableLiveMetrics).toBe(false);
    // Without an authentication string the exporter uses the key in the connection string.
    expect(options.azureMonitorExporterOptions?.credential).toBeUndefined();
  });

  it('sends with an Entra token of the managed identity named by APPLICATIONINSIGHTS_AUTHENTICATION_STRING', () => {
    // infra/ turns instrumentation-key ingestion off, so the exporter must carry a credential.
    const config = loadConfig({
      APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING,
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    });
    const { distro, calls } = fakeDistro(new CollectingReader());
    running = startTelemetry(config, distro);
    const credential = calls[0]!.azureMonitorExporterOptions?.credential;
    expect(credential).toBeInstanceOf(ManagedIdentityCredential);
    expect(() =>
      loadConfig({
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      }),
    ).toThrow(/APPLICATIONINSIGHTS_AUTHENTICATION_STRING: expected Authorization=AAD;ClientId=/);
  });

  it('records turn latency and digest deliveries with only fixed, non-personal attributes', async () => {
    const reader = new CollectingReader();
    running = startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING }, fakeDistro(reader).distro);
    recordTurnLatency(40, 'message');
    recordTurnLatency(60, 'message');
    recordTurnLatency(900, 'invoke', 'error');
    recordDigestDelivery('sent');
    recordDigestDelivery('sent');
    recordDigestDelivery('throttled');

    const turns = await pointsOf(reader, METRIC_NAMES.turnDuration);
    const message = turns.find((p) => p.attributes['turn.kind'] === 'message');
    expect(message?.attributes).toEqual({ 'turn.kind': 'message', 'turn.outcome': 'ok' });
    expect((message?.value as { count: number; sum: number }).count).toBe(2);
    expect((message?.value as { count: number; sum: number }).sum).toBe(100);
    expect(turns.find((p) => p.attributes['turn.kind'] === 'invoke')?.attributes['turn.outcome']).toBe('error');

    const deliveries = await pointsOf(reader, METRIC_NAMES.digestDeliveries);
    expect(deliveries).toEqual(
      expect.arrayContaining([
        { attributes: { 'delivery.outcome': 'sent' }, value: 2 },
        { attributes: { 'delivery.outcome': 'throttled' }, value: 1 },
      ]),
    );
  });

  it('stops recording after shutdown', async () => {
    const reader = new CollectingReader();
    const started = startTelemetry(
      { APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING },
      fakeDistro(reader).distro,
    );
    await started.shutdown();
    recordDigestDelivery('failed');
    expect(await pointsOf(reader, METRIC_NAMES.digestDeliveries)).toEqual([]);
  });

  it('maps activity types to a closed set of turn kinds (ids or free text never become a metric dimension)', () => {
    expect(turnKindOf('message')).toBe('message');
    expect(turnKindOf('invoke')).toBe('invoke');
    expect(turnKindOf('29:1f4b-user-id')).toBe('other');
    expect(turnKindOf(undefined)).toBe('other');
  });

  it('measures every turn the real server takes, by activity kind (wired around adapter.process)', async () => {
    const reader = new CollectingReader();
    running = startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING }, fakeDistro(reader).distro);
    const h = await BotHarness.start();
    try {
      const user = await h.userWithRoles('Anna', ['screener']);
      await h.say(user, 'hjælp');
      await h.say(user, 'help');
    } finally {
      await h.stop();
    }
    const turns = await pointsOf(reader, METRIC_NAMES.turnDuration);
    const messages = turns.find((p) => p.attributes['turn.kind'] === 'message');
    expect((messages?.value as { count: number }).count).toBeGreaterThanOrEqual(2);
    for (const p of turns) expect(Object.keys(p.attributes).sort()).toEqual(['turn.kind', 'turn.outcome']);
  });
});
