import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CapturingConnector } from '../harness/capturing-connector';

/**
 * `npm run start:bot` stopped with SIGTERM, as a process manager stops it. npm forwards the signal
 * to the script's process; the script must BE the bot (`exec node …`), or a shell in between dies
 * and leaves the bot running without its shutdown (no snapshot of the embedded store). Runs the
 * compiled app through npm (`--ignore-scripts` skips the prestart build: `npm test` builds first).
 */
const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/bot/main.js');
const TENANT = '55555555-5555-4555-8555-555555555555';
const ADMIN = '0d0d0d0d-0000-4000-8000-00000000005d';

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const healthy = (port: number): Promise<boolean> =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );

async function until(condition: () => Promise<boolean>, what: string, tries = 300): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

/** Every process below `pid` (Linux /proc), so the test can clean up a bot left behind. */
function descendants(pid: number): number[] {
  const children = (p: number): number[] => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all: number[] = [];
  for (let queue = children(pid); queue.length > 0;) {
    const next = queue.shift() as number;
    all.push(next);
    queue.push(...children(next));
  }
  return all;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm run start:bot', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does it first)`);
  });

  it('stopped with SIGTERM shuts the bot down gracefully: it stops listening and writes its snapshot', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-start-bot-'));
    const connector = new CapturingConnector();
    await connector.start();
    const port = await freePort();
    const npm: ChildProcess = spawn('npm', ['run', 'start:bot', '--ignore-scripts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        // No periodic snapshot: only the shutdown can have written it.
        SNAPSHOT_INTERVAL_SECONDS: '0',
        LOG_LEVEL: 'silent',
        SCHEDULER_ENABLED: 'false',
        ADMIN_AAD_OBJECT_IDS: ADMIN,
      },
      stdio: 'ignore',
    });
    const npmExited = new Promise((r) => npm.once('exit', r));
    let started: number[] = [];
    try {
      // npm, then node: slow to start on a busy machine.
      await until(() => healthy(port), 'the bot answers /healthz', 1200);
      started = descendants(npm.pid ?? 0);
      const granted = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'm-start-bot',
          serviceUrl: connector.url,
          channelId: 'msteams',
          from: { id: '29:admin', name: 'Admin', aadObjectId: ADMIN },
          recipient: { id: '28:bot' },
          conversation: { id: 'a:admin', conversationType: 'personal', tenantId: TENANT },
          channelData: { tenant: { id: TENANT } },
          text: 'giv rolle leder til 0e0e0e0e-0000-4000-8000-00000000005e',
        }),
      });
      expect(granted.status).toBe(200);

      npm.kill('SIGTERM');
      await npmExited;
      await until(async () => !(await healthy(port)), 'the bot stops listening', 100);
      // The shutdown wrote the snapshot, with the write made before it.
      const snapshot = path.join(dataDir, 'cosmos-snapshot.json');
      await until(async () => existsSync(snapshot), 'the snapshot is written', 100);
      const stored = JSON.parse(readFileSync(snapshot, 'utf8')) as { containers: { directory: { id: string }[] } };
      expect(stored.containers.directory.map((d) => d.id)).toContain('user:0e0e0e0e-0000-4000-8000-00000000005e');
      expect(started.filter(alive)).toEqual([]);
    } finally {
      // A bot left running by a failing run is this test's own process: stop it.
      for (const pid of [...started, npm.pid ?? 0]) if (pid > 0 && alive(pid)) process.kill(pid, 'SIGKILL');
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
