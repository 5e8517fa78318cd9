import { metrics, type Counter, type Histogram, type Meter } from '@opentelemetry/api';
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import type * as AzureIdentity from '@azure/identity';
import type { TokenCredential } from '@azure/identity';
import type { Config } from './config';
import type { DeliveryResult } from './services';
import { PrivacySpanProcessor } from './telemetry-privacy';

/**
 * OpenTelemetry through Azure Monitor (Application Insights), switched on only by
 * APPLICATIONINSIGHTS_CONNECTION_STRING. main.ts starts it before the rest of the app is loaded, so
 * the HTTP and Azure SDK instrumentations see every request (inbound turns) and dependency (Bot
 * Framework connector, Cosmos DB). Without the connection string nothing is loaded and every
 * record* function is a no-op. Nothing personal is recorded: metric attributes are small fixed
 * sets, and span attributes pass through PrivacySpanProcessor before export.
 */

/** Activity types as a closed set, so the metric has a handful of series and never an id. */
export type TurnKind = 'message' | 'invoke' | 'conversationUpdate' | 'installationUpdate' | 'other';
export type TurnOutcome = 'ok' | 'error';
export type DigestDeliveryOutcome = DeliveryResult['status'];

export const METRIC_NAMES = {
  turnDuration: 'fremdrift.turn.duration',
  digestDeliveries: 'fremdrift.digest.deliveries',
} as const;

interface Instruments {
  readonly turnDuration: Histogram;
  readonly digestDeliveries: Counter;
}

let instruments: Instruments | undefined;

export function turnKindOf(activityType: unknown): TurnKind {
  switch (activityType) {
    case 'message':
    case 'invoke':
    case 'conversationUpdate':
    case 'installationUpdate':
      return activityType;
    default:
      return 'other';
  }
}

/** Time from the request arriving at /api/messages to the adapter finishing the turn. */
export function recordTurnLatency(ms: number, kind: TurnKind, outcome: TurnOutcome = 'ok'): void {
  instruments?.turnDuration.record(ms, { 'turn.kind': kind, 'turn.outcome': outcome });
}

/** One attempt to deliver a digest to a channel, by its classified outcome. */
export function recordDigestDelivery(outcome: DigestDeliveryOutcome): void {
  instruments?.digestDeliveries.add(1, { 'delivery.outcome': outcome });
}

export function createInstruments(meter: Meter): Instruments {
  return {
    turnDuration: meter.createHistogram(METRIC_NAMES.turnDuration, {
      description: 'Duration of one Bot Framework turn (request to response)',
      unit: 'ms',
    }),
    digestDeliveries: meter.createCounter(METRIC_NAMES.digestDeliveries, {
      description: 'Digest delivery attempts by outcome',
    }),
  };
}

/**
 * The Azure Monitor options: only the instrumentations this app needs, and the privacy processor.
 * With a credential, telemetry is sent with an Entra token: the Application Insights resource that
 * infra/ deploys accepts nothing else (local authentication is off).
 */
export function azureMonitorOptions(
  connectionString: string,
  credential?: TokenCredential,
): AzureMonitorOpenTelemetryOptions {
  return {
    azureMonitorExporterOptions: { connectionString, ...(credential === undefined ? {} : { credential }) },
    // Live Metrics streams telemetry outside the processors' batch path; not needed to run the service.
    enableLiveMetrics: false,
    spanProcessors: [new PrivacySpanProcessor()],
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      // pino writes structured, already redacted logs to stdout; App Service ships those to Log Analytics.
      console: { enabled: false },
    },
  };
}

export interface AzureMonitorDistro {
  useAzureMonitor(options: AzureMonitorOpenTelemetryOptions): void;
  shutdownAzureMonitor(): Promise<void>;
}

export interface Telemetry {
  readonly enabled: boolean;
  /** Flushes and stops exporting (on shutdown). */
  shutdown(): Promise<void>;
}

// Loaded lazily: without a connection string the distro (and its instrumentations) never load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadDistro = (): AzureMonitorDistro => require('@azure/monitor-opentelemetry') as AzureMonitorDistro;

/** The managed identity named by APPLICATIONINSIGHTS_AUTHENTICATION_STRING (its constructor does not touch the network). */
function ingestionCredential(auth: { readonly clientId: string | undefined }): TokenCredential {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const identity = require('@azure/identity') as typeof AzureIdentity;
  return auth.clientId === undefined
    ? new identity.ManagedIdentityCredential()
    : new identity.ManagedIdentityCredential({ clientId: auth.clientId });
}

export function startTelemetry(
  config: Pick<Config, 'APPLICATIONINSIGHTS_CONNECTION_STRING'> &
    Partial<Pick<Config, 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'>>,
  distro: () => AzureMonitorDistro = loadDistro,
): Telemetry {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (connectionString === undefined) return { enabled: false, shutdown: async () => undefined };
  const auth = config.APPLICATIONINSIGHTS_AUTHENTICATION_STRING;
  const azureMonitor = distro();
  azureMonitor.useAzureMonitor(
    azureMonitorOptions(connectionString, auth === undefined ? undefined : ingestionCredential(auth)),
  );
  // After useAzureMonitor: it replaces the global meter provider.
  instruments = createInstruments(metrics.getMeter('fremdrift'));
  return {
    enabled: true,
    shutdown: async () => {
      instruments = undefined;
      await azureMonitor.shutdownAzureMonitor();
    },
  };
}
