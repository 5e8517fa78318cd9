import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { Guard } from '../../access/guard';
import type { Actor } from '../../domain/actor';
import { NotFoundError } from '../../domain/errors';
import { resolveLocale } from '../../i18n/locale';
import type { HttpRequest, HttpRoute } from '../../http-route';
import type { Services } from '../../services';
import { auditExtract } from './audit-extract';
import { auditCsv } from './csv';
import { exportCase } from './export-case';
import { CASE_REF_PATTERN } from './rules';

/**
 * The DPO's admin API, for what does not fit in a chat message: a case's complete access log as
 * CSV and its complete export (with art. 9 documents) as JSON. Its own credential: a bearer
 * ADMIN_API_TOKEN (unset = the API is off). Every call names its tenant, which must be served, and
 * is audited like a turn (channel `api`). Erasure is deliberately not offered here: it needs a
 * named admin and a confirmation in Teams.
 */
const TENANT = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const QuerySchema = z.object({ tenant: z.string().regex(TENANT), lang: z.string().max(8).optional() });
const ParamsSchema = z.object({ caseRef: z.string().regex(CASE_REF_PATTERN) });

/** After this many failed credentials from one address within the window, that address waits. */
export const ADMIN_MAX_FAILURES = 10;
const FAILURE_WINDOW_MS = 10 * 60_000;

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison of the presented bearer token with the configured one. */
export function bearerMatches(header: string | undefined, expected: string | undefined): boolean {
  if (expected === undefined || header === undefined) return false;
  const match = /^Bearer (\S+)$/.exec(header);
  if (match === null || match[1] === undefined) return false;
  return timingSafeEqual(digest(match[1]), digest(expected));
}

class FailureThrottle {
  private readonly failures = new Map<string, number[]>();
  blocked(key: string, now: number): boolean {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < FAILURE_WINDOW_MS);
    this.failures.set(key, recent);
    return recent.length >= ADMIN_MAX_FAILURES;
  }
  record(key: string, now: number): void {
    this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
  }
}

function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function adminRoutes(services: Services): HttpRoute[] {
  const { config, log } = services;
  const throttle = new FailureThrottle();

  const handle =
    (
      produce: (
        actor: Actor,
        guard: Guard,
        caseRef: string,
      ) => Promise<{ body: string; headers: Record<string, string> }>,
    ) =>
    async (req: HttpRequest, res: ServerResponse): Promise<void> => {
      const now = services.clock.now();
      const address = req.socket.remoteAddress ?? 'unknown';
      if (throttle.blocked(address, Date.now())) return reply(res, 429, '{"error":"too many failed attempts"}');
      if (!bearerMatches(req.headers.authorization, config.ADMIN_API_TOKEN)) {
        throttle.record(address, Date.now());
        log.warn({ route: 'admin', configured: config.ADMIN_API_TOKEN !== undefined }, 'Admin API credential refused');
        return reply(res, 401, '{"error":"unauthorized"}', { 'www-authenticate': 'Bearer' });
      }
      const query = QuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams));
      const params = ParamsSchema.safeParse(req.params);
      if (!query.success || !params.success)
        return reply(res, 400, '{"error":"expected ?tenant=<guid> and a case ref"}');
      const tenantId = query.data.tenant.toLowerCase();
      if (config.ALLOWED_TENANT_IDS.length > 0 && !config.ALLOWED_TENANT_IDS.some((t) => t.toLowerCase() === tenantId))
        return reply(res, 403, '{"error":"tenant not served"}');
      const actor: Actor = {
        tenantId,
        userId: 'admin-api',
        roles: ['admin'],
        locale: resolveLocale(query.data.lang),
      };
      const guard = new Guard(services.audit, actor, {
        correlationId: randomUUID(),
        channel: 'api',
        now: () => services.clock.now(),
      });
      try {
        const { body, headers } = await produce(actor, guard, params.data.caseRef);
        reply(res, 200, body, headers);
      } catch (e) {
        if (e instanceof NotFoundError) return reply(res, 404, '{"error":"no such case in this tenant"}');
        throw e;
      } finally {
        log.info({ route: 'admin', at: now.toISOString() }, 'Admin API request served');
      }
    };

  return [
    {
      method: 'get',
      path: '/api/admin/cases/:caseRef/audit.csv',
      handle: handle(async (actor, guard, caseRef) => {
        const extract = await auditExtract({ actor, guard, services }, caseRef);
        return {
          body: auditCsv(extract.rows, actor.locale),
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="audit-${encodeURIComponent(extract.caseRef)}.csv"`,
          },
        };
      }),
    },
    {
      method: 'get',
      path: '/api/admin/cases/:caseRef/export.json',
      handle: handle(async (actor, guard, caseRef) => {
        const exported = await exportCase({ actor, guard, services }, caseRef, { includeSensitive: true });
        return {
          body: JSON.stringify(exported, null, 2),
          headers: {
            'content-disposition': `attachment; filename="case-${encodeURIComponent(exported.caseRef)}.json"`,
          },
        };
      }),
    },
  ];
}
