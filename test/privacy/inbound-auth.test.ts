import { createHmac, createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildRoutes } from '../../bot/jobs/registry';
import { CHANNEL_TOKEN_ISSUER, precheckBotToken } from '../../bot/teams/inbound-auth';
import { BotHarness } from '../harness/bot-harness';
import { adminGet, countsOf } from './fixtures';

/**
 * With MICROSOFT_APP_ID configured, /api/messages must refuse anything without a valid Bot
 * Framework token, and process nothing. There is no network here: the refusal must not depend on
 * reaching the Bot Framework's key endpoint (a token that cannot be verified is refused, never 500).
 */
const APP_ID = '22222222-2222-4222-8222-222222222222';
const BOT_TENANT = '33333333-3333-4333-8333-333333333333';
const NOW = () => Math.floor(Date.now() / 1000);

const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

function rs256(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'forged-key' },
): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingInput = `${b64(header)}.${b64(claims)}`;
  return `${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(privateKey).toString('base64url')}`;
}

const goodClaims = (serviceUrl: string) => ({
  iss: CHANNEL_TOKEN_ISSUER,
  aud: APP_ID,
  exp: NOW() + 600,
  nbf: NOW() - 10,
  serviceurl: serviceUrl,
});

describe('local token pre-check (no network)', () => {
  const now = 1_800_000_000;
  const claims = { iss: CHANNEL_TOKEN_ISSUER, aud: APP_ID, exp: now + 60 };
  it.each([
    ['no header', undefined, 'no_bearer_jwt'],
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`, 'no_bearer_jwt'],
    ['garbage', 'Bearer garbage', 'no_bearer_jwt'],
    ['alg none', `Bearer ${b64({ alg: 'none' })}.${b64(claims)}.x`, 'bad_header'],
    ['HS256 (secret-signed)', `Bearer ${b64({ alg: 'HS256', kid: 'k' })}.${b64(claims)}.x`, 'bad_header'],
    ['no key id', `Bearer ${b64({ alg: 'RS256' })}.${b64(claims)}.x`, 'bad_header'],
    ['claims not JSON', `Bearer ${b64({ alg: 'RS256', kid: 'k' })}.bm90IGpzb24.x`, 'bad_claims'],
    [
      'another issuer',
      `Bearer ${b64({ alg: 'RS256', kid: 'k' })}.${b64({ ...claims, iss: 'https://evil.example' })}.x`,
      'issuer',
    ],
    [
      'another audience',
      `Bearer ${b64({ alg: 'RS256', kid: 'k' })}.${b64({ ...claims, aud: randomUUID() })}.x`,
      'audience',
    ],
    ['expired', `Bearer ${b64({ alg: 'RS256', kid: 'k' })}.${b64({ ...claims, exp: now - 3600 })}.x`, 'expired'],
    [
      'not yet valid',
      `Bearer ${b64({ alg: 'RS256', kid: 'k' })}.${b64({ ...claims, nbf: now + 3600 })}.x`,
      'not_yet_valid',
    ],
  ])('refuses %s', (_what, header, reason) => {
    expect(precheckBotToken(header, APP_ID, now)).toEqual({ ok: false, reason });
  });

  it('lets a well-formed channel token through to signature validation', () => {
    expect(precheckBotToken(`Bearer ${b64({ alg: 'RS256', kid: 'k' })}.${b64(claims)}.sig`, APP_ID, now)).toEqual({
      ok: true,
    });
  });
});

describe.each([
  ['SingleTenant', { MICROSOFT_APP_PASSWORD: 'p'.repeat(20), MICROSOFT_APP_TENANT_ID: BOT_TENANT }],
  ['UserAssignedMSI', { MICROSOFT_APP_TENANT_ID: BOT_TENANT }],
  ['MultiTenant', { MICROSOFT_APP_PASSWORD: 'p'.repeat(20) }],
] as const)('POST /api/messages with MICROSOFT_APP_TYPE=%s', (appType, extra) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: appType, ...extra } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function post(body: unknown, authorization?: string): Promise<number> {
    const res = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(body),
    });
    await res.text();
    return res.status;
  }

  const attempts = (serviceUrl: string): [string, string | undefined][] => [
    ['no token', undefined],
    ['a garbage token', 'Bearer garbage'],
    ['an unsigned token', `Bearer ${b64({ alg: 'none' })}.${b64(goodClaims(serviceUrl))}.`],
    [
      'a token signed with the app password',
      `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(goodClaims(serviceUrl))}.${createHmac('sha256', 'p'.repeat(20)).update('x').digest('base64url')}`,
    ],
    ['a self-signed forged token with the right claims', `Bearer ${rs256(goodClaims(serviceUrl))}`],
    ['a forged token for another app', `Bearer ${rs256({ ...goodClaims(serviceUrl), aud: randomUUID() })}`],
    ['an expired forged token', `Bearer ${rs256({ ...goodClaims(serviceUrl), exp: NOW() - 3600 })}`],
  ];

  it('refuses every unauthenticated or forged request with 401, and processes nothing', async () => {
    const user = await h.userWithRoles('Ada', ['admin']);
    const before = await countsOf(h.services);
    const calls = h.connector.calls.length;
    const message = h.activity(user, {
      type: 'message',
      text: 'giv rolle admin til 44444444-4444-4444-8444-444444444444',
    });
    const invoke = h.activity(user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'admin.roles.add',
          data: { newUserId: randomUUID(), newRoles: 'admin' },
        },
      },
    });
    const install = h.activity(user, { type: 'installationUpdate', action: 'add' });
    for (const [what, authorization] of attempts(h.connector.url)) {
      for (const activity of [message, invoke, install]) {
        expect([what, activity.type, await post(activity, authorization)]).toEqual([what, activity.type, 401]);
      }
    }
    // Not even a malformed body gets past authentication (no 400 that would reveal body validation).
    expect(await post({ nonsense: true })).toBe(401);
    expect(await countsOf(h.services)).toEqual(before);
    expect(h.connector.calls.length).toBe(calls);
  });
});

describe('admin endpoints need their own credential', () => {
  const ADMIN_API_TOKEN = 'z'.repeat(40);
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ADMIN_API_TOKEN, ALLOWED_TENANT_IDS: BOT_TENANT } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('every extra HTTP route refuses a request without a credential (401/403), whatever it is', async () => {
    const routes = buildRoutes(h.services, h.app.scheduler);
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, 'x');
      const res = await fetch(`${h.app.url}${path}?tenant=${BOT_TENANT}`, { method: route.method.toUpperCase() });
      await res.text();
      expect([401, 403]).toContain(res.status);
    }
  });

  it('refuses a tenant not on ALLOWED_TENANT_IDS even with the right token', async () => {
    const r = await adminGet(h, `/api/admin/cases/FR-X/audit.csv?tenant=${randomUUID()}`, ADMIN_API_TOKEN);
    expect(r.status).toBe(403);
    expect((await adminGet(h, `/api/admin/cases/FR-X/audit.csv?tenant=${BOT_TENANT}`, ADMIN_API_TOKEN)).status).toBe(
      404,
    );
  });
});

describe('admin API lock-out', () => {
  const ADMIN_API_TOKEN = 'z'.repeat(40);
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start({ env: { ADMIN_API_TOKEN } });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('blocks an address after 10 failed attempts, even when it then has the right token', async () => {
    const path = `/api/admin/cases/FR-X/audit.csv?tenant=${BOT_TENANT}`;
    expect((await adminGet(h, path, ADMIN_API_TOKEN)).status).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await adminGet(h, path, `wrong-${i}`.padEnd(40, 'x'))).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    expect((await adminGet(h, path, ADMIN_API_TOKEN)).status).toBe(429);
  });
});

describe('admin API without ADMIN_API_TOKEN is off', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await BotHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('refuses every request, whatever bearer it carries', async () => {
    for (const token of [undefined, '', 'undefined', 'x'.repeat(40)]) {
      expect((await adminGet(h, '/api/admin/cases/FR-X/export.json?tenant=' + BOT_TENANT, token)).status).toBe(401);
    }
  });
});

describe('with the channel keys reachable (a local stand-in for the Bot Framework key endpoint)', () => {
  const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: http.Server;
  let h: BotHarness;

  beforeAll(async () => {
    const jwk = channelKey.publicKey.export({ format: 'jwk' });
    keys = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/openidconfiguration')
        return void res.end(JSON.stringify({ issuer: CHANNEL_TOKEN_ISSUER, jwks_uri: `${base}/keys` }));
      res.end(
        JSON.stringify({
          keys: [{ kty: 'RSA', use: 'sig', kid: 'channel-key', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
        }),
      );
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    h = await BotHarness.start({
      env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'p'.repeat(20), MICROSOFT_APP_TENANT_ID: BOT_TENANT },
      startOptions: {
        channelOpenIdMetadataUrl: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/openidconfiguration`,
      },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await new Promise<void>((resolve) => keys.close(() => resolve()));
  });

  function sign(key: KeyObject, claims: Record<string, unknown>, kid = 'channel-key'): string {
    const signingInput = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
    return `Bearer ${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url')}`;
  }

  async function click(authorization: string): Promise<{ status: number; body: string }> {
    const user = h.user('Ada');
    const activity = h.activity(user, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'privacy.cancel', data: {} } },
    });
    const res = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(activity),
    });
    return { status: res.status, body: await res.text() };
  }

  it('accepts a token signed with the channel key, so the refusals above are not just a missing network', async () => {
    const ok = await click(sign(channelKey.privateKey, goodClaims(h.connector.url)));
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('application/vnd.microsoft.card.adaptive');
  });

  it('refuses the same claims signed with another key under the channel key id, or for another service URL', async () => {
    expect((await click(sign(otherKey.privateKey, goodClaims(h.connector.url)))).status).toBe(401);
    expect((await click(sign(otherKey.privateKey, goodClaims(h.connector.url), 'unknown-key'))).status).toBe(401);
    expect((await click(sign(channelKey.privateKey, goodClaims('https://evil.example/')))).status).toBe(401);
  });
});
