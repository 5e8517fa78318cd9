import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { loadConfig } from '../../bot/config';
import { startFremdrift, type RunningApp } from '../../bot/app-host';
import { createLogger } from '../../bot/log';
import type { Clock } from '../../bot/domain/clock';
import type { Role } from '../../bot/domain/roles';
import { startPlayground, type PlaygroundProcess } from '../../bot/local/playground-process';
import {
  PLAYGROUND_CURRENT_USER,
  PLAYGROUND_GROUP_CHAT_NAME,
  PLAYGROUND_TEAM,
  PLAYGROUND_TENANT_ID,
  type PlaygroundUser,
} from '../../bot/local/playground-config';

/**
 * Browser tests: Fremdrift in-process (embedded Cosmos, fresh data dir, ephemeral port) behind the
 * Microsoft 365 Agents Playground (child process), driven by headless Debian Chromium through
 * playwright-core. The Playground's mock tenant and users come from bot/local/playground-config.ts:
 * the person typing is PLAYGROUND_CURRENT_USER ("Alex Wilber") in PLAYGROUND_TENANT_ID, and has no
 * role until a test grants one (`pg.grantRoles([...])`, or `env: { ADMIN_AAD_OBJECT_IDS }`).
 *
 * Playground behaviour to keep in mind: each browser session (`pg.open()`) resets its UI and sends
 * the install activities again; what the bot sends while no browser is open is shown in the next
 * session; in a team channel the bot only hears messages that @mention it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Generous: the machine is shared, and the first card render loads the Playground's bundle. */
export const UI_TIMEOUT_MS = 30000;
const RESULTS_DIR = path.resolve(__dirname, '../../test-results');

export { PLAYGROUND_CURRENT_USER, PLAYGROUND_TENANT_ID, PLAYGROUND_TEAM };

export interface PlaygroundHarnessOptions {
  readonly env?: Record<string, string>;
  readonly clock?: Clock;
  /**
   * The locale the bot sees on every activity. The Playground's server hard-codes en-US; with this
   * set, its activities reach the bot through a small proxy that puts this locale in instead (until
   * the local trial's own Danish default makes this unnecessary).
   */
  readonly activityLocale?: string;
}

export interface SessionOptions {
  /** Browser language (the Playground passes it to the bot as the activity locale). Default da-DK. */
  readonly locale?: string;
}

/** A free TCP port on 127.0.0.1 (the Playground also falls back to a random port if it is taken meanwhile). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class PlaygroundHarness {
  readonly user: PlaygroundUser = PLAYGROUND_CURRENT_USER;
  readonly tenantId = PLAYGROUND_TENANT_ID;
  private readonly sessions = new Set<PlaygroundSession>();

  private constructor(
    private readonly running: RunningApp,
    readonly playground: PlaygroundProcess,
    private readonly tempDir: string,
    private readonly proxy: http.Server | undefined,
  ) {}

  static async start(options: PlaygroundHarnessOptions = {}): Promise<PlaygroundHarness> {
    const tempDir = mkdtempSync(path.join(os.tmpdir(), 'fremdrift-playground-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(tempDir, 'data'),
      SNAPSHOT_INTERVAL_SECONDS: '0',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...options.env,
    });
    const running = await startFremdrift(config, {
      logger: createLogger(config.LOG_LEVEL),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    let proxy: http.Server | undefined;
    try {
      proxy = options.activityLocale ? await localeProxy(running.url, options.activityLocale) : undefined;
      const botUrl = proxy ? `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}` : running.url;
      const playground = await startPlayground({
        botEndpoint: `${botUrl}/api/messages`,
        port: await freePort(),
        workDir: path.join(tempDir, 'playground'),
      });
      return new PlaygroundHarness(running, playground, tempDir, proxy);
    } catch (e) {
      proxy?.close();
      await running.stop();
      rmSync(tempDir, { recursive: true, force: true });
      throw e;
    }
  }

  get app(): RunningApp {
    return this.running;
  }

  get services() {
    return this.running.services;
  }

  get url(): string {
    return this.playground.url;
  }

  /** Gives a Playground user roles directly in the directory (as an admin's grant would). */
  async grantRoles(roles: Role[], user: PlaygroundUser = this.user): Promise<void> {
    await this.services.directory.setRoles(this.tenantId, user.aadObjectId, roles, 'test-setup', new Date(), user.name);
  }

  /** A new browser session: the Playground resets its UI and re-sends its install activities. */
  async open(options: SessionOptions = {}): Promise<PlaygroundSession> {
    const profile = mkdtempSync(path.join(this.tempDir, 'chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: options.locale ?? 'da-DK',
      viewport: { width: 1400, height: 1000 },
    });
    const session = new PlaygroundSession(context, await firstPage(context), () => this.sessions.delete(session));
    this.sessions.add(session);
    await session.page.goto(this.url, { waitUntil: 'domcontentloaded' });
    await session.page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: UI_TIMEOUT_MS });
    return session;
  }

  async stop(): Promise<void> {
    for (const s of [...this.sessions]) await s.close();
    await this.playground.stop();
    if (this.proxy) {
      this.proxy.closeAllConnections();
      await new Promise<void>((resolve) => this.proxy?.close(() => resolve()));
    }
    await this.running.stop();
    rmSync(this.tempDir, { recursive: true, force: true });
  }
}

/** Forwards the Playground's activities to the bot with `locale` (and its clientInfo entity's) replaced. */
async function localeProxy(botUrl: string, locale: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks).toString('utf8');
      try {
        const activity = JSON.parse(body) as { locale?: string; entities?: { type?: string; locale?: string }[] };
        if (activity.locale !== undefined) activity.locale = locale;
        for (const e of activity.entities ?? []) if (e.type === 'clientInfo') e.locale = locale;
        body = JSON.stringify(activity);
      } catch {
        /* not JSON: forwarded as it is */
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (typeof req.headers.authorization === 'string') headers.authorization = req.headers.authorization;
      fetch(`${botUrl}${req.url ?? ''}`, {
        method: req.method ?? 'POST',
        headers: headers as Record<string, string>,
        body,
      })
        .then(async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** The running test's name, for screenshot file names. */
function currentTestName(): string {
  return expect.getState().currentTestName ?? 'playground';
}

/**
 * One browser session on the Playground. Every helper that waits saves a screenshot to
 * test-results/ when it fails, so a red browser test leaves a picture of what the user saw.
 */
export class PlaygroundSession {
  private conversation: 'personal' | 'groupChat' | 'channel' = 'personal';

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly onClose: () => void,
  ) {
    page.setDefaultTimeout(UI_TIMEOUT_MS);
  }

  async openPersonalChat(): Promise<void> {
    await this.step('open personal chat', () => this.page.getByRole('treeitem', { name: 'Personal Chat' }).click());
    this.conversation = 'personal';
  }

  async openGroupChat(): Promise<void> {
    await this.step('open group chat', () =>
      this.page.getByRole('treeitem', { name: PLAYGROUND_GROUP_CHAT_NAME }).click(),
    );
    this.conversation = 'groupChat';
  }

  /**
   * Opens a team channel. The first time in a session this installs the bot in the team
   * (installationUpdate with channelData.team and settings.selectedChannel), and the bot greets.
   */
  async openChannel(channel = 'General'): Promise<void> {
    await this.step(`open channel ${channel}`, () =>
      this.page.getByRole('treeitem', { name: `${PLAYGROUND_TEAM.name} - ${channel}` }).click(),
    );
    this.conversation = 'channel';
  }

  /**
   * The compose box: a Lexical editor (role textbox). In a channel the first one starts a new post;
   * the others reply in threads. The log panel's JSON viewers are contenteditable too, hence the role.
   */
  private get sendBox(): Locator {
    return this.page.locator('[contenteditable="true"][role="textbox"], textarea').first();
  }

  /**
   * Types a message and sends it with Enter. In a channel or group chat the bot is @mentioned
   * first through the Playground's mention picker (there the bot only hears @mentions).
   */
  async send(text: string, options: { mention?: boolean } = {}): Promise<void> {
    await this.step(`send ${text}`, async () => {
      await this.sendBox.click();
      if (options.mention ?? this.conversation !== 'personal') {
        await this.page.keyboard.type('@');
        await this.page
          .locator('#typeahead-menu')
          .getByRole('menuitem', { name: /Fremdrift/ })
          .first()
          .click();
        await this.page.keyboard.type(' ');
      }
      await this.page.keyboard.type(text);
      await this.page.keyboard.press('Enter');
    });
  }

  /** How many times the text shows on the page now (to wait for a second copy of a card). */
  countText(text: string | RegExp): Promise<number> {
    return this.page.getByText(text).count();
  }

  /**
   * Waits until the text shows on the page (cards included), at least `atLeast` times (default 1):
   * pass `countText(...) + 1` to wait for a new card like one already shown.
   */
  async waitForText(text: string | RegExp, options: { atLeast?: number; timeout?: number } = {}): Promise<Locator> {
    const atLeast = options.atLeast ?? 1;
    return this.step(`wait for ${String(text)}`, async () => {
      const found = this.page.getByText(text);
      await found.nth(atLeast - 1).waitFor({ state: 'visible', timeout: options.timeout ?? UI_TIMEOUT_MS });
      return found.last();
    });
  }

  /** Clicks the newest button (or card element with a select action) with this name. */
  async clickCardButton(name: string | RegExp): Promise<void> {
    await this.step(`click ${String(name)}`, () => this.page.getByRole('button', { name }).last().click());
  }

  /** Fills the newest card input with this label (or placeholder). */
  async fillCardInput(label: string | RegExp, value: string): Promise<void> {
    await this.step(`fill ${String(label)}`, async () => {
      const byLabel = this.page.getByLabel(label);
      const target = (await byLabel.count()) > 0 ? byLabel.last() : this.page.getByPlaceholder(label).last();
      await target.fill(value);
    });
  }

  /** Ticks or clears the newest checkbox (e.g. of an Input.ChoiceSet) with this label. */
  async setCardCheckbox(label: string | RegExp, checked: boolean): Promise<void> {
    await this.step(`check ${String(label)}`, () =>
      this.page.getByRole('checkbox', { name: label }).last().setChecked(checked),
    );
  }

  /** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_').slice(0, 150)}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /** Runs a step; on failure saves a screenshot named after the test and the step, then rethrows. */
  async step<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      const file = await this.screenshot(`FAILED ${currentTestName()} - ${name}`).catch(() => undefined);
      if (e instanceof Error && file !== undefined) e.message += `\nScreenshot: ${file}`;
      throw e;
    }
  }

  async close(): Promise<void> {
    this.onClose();
    await this.context.close();
  }
}
