import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { FremdriftAdapter } from './adapter';

/**
 * Inbound authentication of POST /api/messages when MICROSOFT_APP_ID is set. Two steps, both must pass:
 * 1. A local pre-check that needs no network: a Bearer JWT, RS256 with a key id, issued by the
 *    Bot Framework channel service, for this app, not expired. Garbage and most forgeries stop here.
 * 2. botbuilder's full validation (signature against the channel's published keys, endorsements,
 *    service URL). If the keys cannot be fetched, or it takes too long, the request is refused:
 *    a token that cannot be verified is treated as invalid (fail closed, never 500, never accepted).
 */
export const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';
const CLOCK_SKEW_SECONDS = 300;
const VERIFY_TIMEOUT_MS = 10_000;

const JwtHeaderSchema = z.object({ alg: z.literal('RS256'), kid: z.string().min(1) });
const JwtPayloadSchema = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  nbf: z.number().optional(),
});

export type TokenPrecheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Pure: the checks that need no key. `nowSeconds` is passed in. */
export function precheckBotToken(header: string | undefined, appId: string, nowSeconds: number): TokenPrecheck {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (match === null || match[1] === undefined || match[2] === undefined) return { ok: false, reason: 'no_bearer_jwt' };
  if (!JwtHeaderSchema.safeParse(decodeJson(match[1])).success) return { ok: false, reason: 'bad_header' };
  const payload = JwtPayloadSchema.safeParse(decodeJson(match[2]));
  if (!payload.success) return { ok: false, reason: 'bad_claims' };
  const claims = payload.data;
  if (claims.iss !== CHANNEL_TOKEN_ISSUER) return { ok: false, reason: 'issuer' };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(appId)) return { ok: false, reason: 'audience' };
  if (claims.exp < nowSeconds - CLOCK_SKEW_SECONDS) return { ok: false, reason: 'expired' };
  if (claims.nbf !== undefined && claims.nbf > nowSeconds + CLOCK_SKEW_SECONDS)
    return { ok: false, reason: 'not_yet_valid' };
  return { ok: true };
}

export type InboundAuthenticator = (authorization: string | undefined, activity: unknown) => Promise<boolean>;

/** Undefined when authentication is off (no app id: local Playground only; app-host warns loudly). */
export function createInboundAuthenticator(
  adapter: FremdriftAdapter,
  config: Config,
  log: Logger,
): InboundAuthenticator | undefined {
  const appId = config.MICROSOFT_APP_ID;
  if (appId === undefined) return undefined;
  return async (authorization, activity) => {
    const pre = precheckBotToken(authorization, appId, Math.floor(Date.now() / 1000));
    if (!pre.ok) {
      log.warn({ reason: pre.reason }, 'Inbound request refused: token failed the local check');
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        adapter.authenticateInbound(activity as Activity, authorization ?? ''),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('token validation timed out')), VERIFY_TIMEOUT_MS);
        }),
      ]);
      return true;
    } catch (e) {
      // Never the token or the error text (it may echo claims): only what kind of failure it was.
      const kind = e instanceof Error ? e.name : 'unknown';
      log.warn({ reason: 'verification_failed', kind }, 'Inbound request refused: token could not be verified');
      return false;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  };
}
