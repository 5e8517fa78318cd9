import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CapturingConnector } from '../harness/capturing-connector';

/**
 * The bot process is killed (SIGKILL) in the middle of a turn. After a restart the store must load
 * cleanly: the snapshot is written atomically (temp file + rename), so it is either the previous or
 * the next complete one, never half a file. Runs the compiled app (`npm test` builds it first).
 */
const MAIN = path.resolve(__dirname, '../../dist/bot/main.js');
const TENANT = '44444444-4444-4444-8444-444444444444';

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

function startBot(port: number, dataDir: string, admin: string): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SNAPSHOT_INTERVAL_SECONDS: '1',
      LOG_LEVEL: 'silent',
      SCHEDULER_ENABLED: 'false',
      ADMIN_AAD_OBJECT_IDS: admin,
    },
    stdio: 'ignore',
  });
}

async function waitHealthy(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('bot did not become healthy');
}

const grant = (port: number, serviceUrl: string, admin: string, userId: string) =>
  fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${userId}`,
      serviceUrl,
      channelId: 'msteams',
      from: { id: '29:admin', name: 'Admin', aadObjectId: admin },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:admin', conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      text: `giv rolle leder til ${userId}`,
    }),
  });

describe('the process is killed during a turn', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does it first)`);
  });

  it('restarts on an intact store with every write of the last snapshot', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-kill-'));
    const connector = new CapturingConnector();
    await connector.start();
    const admin = '0d0d0d0d-0000-4000-8000-00000000000d';
    const port = await freePort();
    let bot = startBot(port, dataDir, admin);
    try {
      await waitHealthy(port);
      const early = ['0e0e0e0e-0000-4000-8000-000000000001', '0e0e0e0e-0000-4000-8000-000000000002'];
      for (const u of early) expect((await grant(port, connector.url, admin, u)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2500)); // at least one periodic snapshot has the early writes

      connector.delayNext(5000); // the next turn hangs on its reply...
      const hanging = grant(port, connector.url, admin, '0e0e0e0e-0000-4000-8000-000000000003').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      const exited = new Promise((r) => bot.once('exit', r));
      bot.kill('SIGKILL'); // ...and the process dies mid-turn
      await hanging;
      await exited;

      const snapshot = JSON.parse(readFileSync(path.join(dataDir, 'cosmos-snapshot.json'), 'utf8')) as {
        containers: { directory: { id: string; roles?: string[] }[] };
      };
      for (const u of early)
        expect(snapshot.containers.directory.find((d) => d.id === `user:${u}`)?.roles).toEqual(['leder']);

      bot = startBot(port, dataDir, admin);
      await waitHealthy(port);
      const reply = await grant(port, connector.url, admin, early[0]!);
      expect(reply.status).toBe(200);
      const texts = connector.calls.map((c) => String((c.body as { text?: string }).text ?? ''));
      expect(texts.at(-1)).toMatch(/har nu rollerne: Leder\.$/);
    } finally {
      bot.kill('SIGKILL');
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
