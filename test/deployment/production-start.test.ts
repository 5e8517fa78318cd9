import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { EMBEDDED_COSMOS_KEY } from '../../bot/store/embedded-cosmos';
import { REPO } from './bicep-reader';

/**
 * The compiled app (`node dist/bot/main.js`, as App Service and the container run it) in a child
 * process whose every development-only package is unloadable, as after `npm ci --omit=dev`
 * (test/harness/production-only-hook.js). Cosmos DB is the embedded server over HTTPS, reached the
 * way Azure is: COSMOS_ENDPOINT and the production client. `npm test` builds dist/ first.
 */
const MAIN = path.join(REPO, 'dist', 'bot', 'main.js');
const HOOK = path.join(REPO, 'test', 'harness', 'production-only-hook.js');
const TENANT = '55555555-5555-4555-8555-555555555555';

interface LoadReport {
  readonly loaded: string[];
  readonly denied: string[];
}

interface Run {
  readonly child: ChildProcess;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly report: () => LoadReport;
}

// A child start loads botbuilder, the Azure SDKs and restify: seconds alone, much longer on a busy 2-core machine.
jest.setTimeout(180_000);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-prod-'));
let runs = 0;

function startProductionOnly(env: Record<string, string>): Run {
  const reportFile = path.join(tmp, `load-${++runs}.json`);
  const child = spawn(process.execPath, ['--require', HOOK, MAIN], {
    cwd: REPO,
    // A clean environment: nothing from the test runner's shell may satisfy a requirement by accident.
    env: { PATH: process.env.PATH ?? '', FREMDRIFT_REPO: REPO, FREMDRIFT_LOAD_REPORT: reportFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    exit,
    stdout: () => out,
    stderr: () => err,
    report: () => JSON.parse(readFileSync(reportFile, 'utf8')) as LoadReport,
  };
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A TCP gate in front of Cosmos DB that holds every connection until released (start-up hangs there). */
class Gate {
  private readonly held: net.Socket[] = [];
  private readonly sockets = new Set<net.Socket>();
  private open = false;
  private readonly server = net.createServer((client) => {
    this.track(client);
    if (this.open) this.pipe(client);
    else this.held.push(client);
  });
  port = 0;
  get waiting(): number {
    return this.held.length;
  }
  constructor(private readonly targetPort: number) {}
  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
  }
  release(): void {
    this.open = true;
    for (const client of this.held.splice(0)) this.pipe(client);
  }
  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }
  private pipe(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    this.track(upstream);
    client.pipe(upstream).pipe(client);
  }
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** Production settings as infra/azure.bicep gives them, with the key the emulator accepts. */
function productionSettings(port: number, cosmosPort: number): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    COSMOS_ENDPOINT: `https://127.0.0.1:${cosmosPort}/`,
    COSMOS_KEY: EMBEDDED_COSMOS_KEY,
    // The embedded server's bundled certificate is self-signed and expired.
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
    MICROSOFT_APP_ID: '66666666-6666-4666-8666-666666666666',
    MICROSOFT_APP_TYPE: 'UserAssignedMSI',
    MICROSOFT_APP_TENANT_ID: TENANT,
    ALLOWED_TENANT_IDS: TENANT,
    DIGEST_RUN_TOKEN: 'd'.repeat(40),
    CASE_REF_HASH_KEY: 'h'.repeat(40),
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'info',
  };
}

describe('the production start (npm ci --omit=dev, node dist/bot/main.js)', () => {
  let cosmos: Server;
  let cosmosPort: number;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does it first)`);
    cosmos = createHttpsServer();
    await new Promise<void>((r) => cosmos.listen(0, '127.0.0.1', r));
    cosmosPort = (cosmos.address() as net.AddressInfo).port;
  });

  afterAll(async () => {
    cosmos.closeAllConnections();
    await new Promise<void>((r) => cosmos.close(() => r()));
    rmSync(tmp, { recursive: true, force: true });
  });

  it('serves against Cosmos DB without loading the embedded server, @babel/traverse or any other dev package', async () => {
    const port = await freePort();
    const run = startProductionOnly(productionSettings(port, cosmosPort));
    try {
      let health: unknown;
      await until('a healthy app', async () => {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        if (r?.ok === true) health = await r.json();
        return health !== undefined;
      });
      expect(health).toEqual(expect.objectContaining({ store: 'azure', cosmos: 'reachable' }));
      run.child.kill('SIGTERM');
      expect(await run.exit).toEqual({ code: 0, signal: null });
    } finally {
      run.child.kill('SIGKILL');
    }
    const { loaded, denied } = run.report();
    // It served and stopped without them; optional probes (debug looks for supports-color) may be refused.
    expect(loaded).toEqual(expect.arrayContaining(['node_modules/@azure/cosmos', 'node_modules/restify']));
    for (const dev of [
      'node_modules/@vercel/cosmosdb-server',
      'node_modules/@babel/traverse',
      'node_modules/adaptivecards',
    ]) {
      expect(loaded).not.toContain(dev);
      expect(denied).not.toContain(dev);
    }
  });

  it('without COSMOS_ENDPOINT says which setting is missing instead of failing on the absent embedded server', async () => {
    const run = startProductionOnly({
      NODE_ENV: 'development',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(tmp, 'data'),
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    });
    expect(await run.exit).toEqual({ code: 1, signal: null });
    expect(run.stderr()).toContain(
      'COSMOS_ENDPOINT is not set and the embedded Cosmos DB server is not installed (it is a development dependency',
    );
    // The hook did see the attempt: the first test's "not loaded" is not for want of looking.
    expect(run.report().denied).toContain('node_modules/@vercel/cosmosdb-server');
  });

  it('stops cleanly when SIGTERM arrives while start-up still waits for Cosmos DB', async () => {
    const gate = new Gate(cosmosPort);
    await gate.start();
    const port = await freePort();
    const run = startProductionOnly(productionSettings(port, gate.port));
    try {
      // Start-up has reached the store and is waiting for it: that is when App Service may stop the app.
      await until('the app to connect to Cosmos DB', () => gate.waiting > 0);
      run.child.kill('SIGTERM');
      await until('the stop request to be noted', () => run.stderr().includes('SIGTERM during start-up'));
      gate.release();
      expect(await run.exit).toEqual({ code: 0, signal: null });
    } finally {
      run.child.kill('SIGKILL');
      await gate.stop();
    }
    const lines = run
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; signal?: string });
    const messages = lines.map((l) => l.msg);
    // It finished starting, then shut down the normal way (in-flight work drained, store closed).
    expect(messages.indexOf('Fremdrift is listening on /api/messages')).toBeGreaterThanOrEqual(0);
    expect(messages.indexOf('Shutting down')).toBeGreaterThan(
      messages.indexOf('Fremdrift is listening on /api/messages'),
    );
    expect(lines.find((l) => l.msg === 'Shutting down')?.signal).toBe('SIGTERM');
    expect(messages).toContain('Fremdrift stopped');
  });
});
