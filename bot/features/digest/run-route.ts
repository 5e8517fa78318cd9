import { createHash, timingSafeEqual } from 'node:crypto';
import { sendJson, type HttpRoute } from '../../http-route';
import type { Services } from '../../services';
import type { DigestJob } from './digest-job';

/**
 * POST /api/digests/run: lets an external timer (Azure Functions, Logic Apps) trigger the same work
 * as the in-process scheduler, e.g. when instances scale to zero. Bearer DIGEST_RUN_TOKEN, compared
 * in constant time; without a configured token the route refuses everyone.
 */
export function digestRunRoute(services: Services, job: DigestJob): HttpRoute {
  return {
    method: 'post',
    path: '/api/digests/run',
    handle: async (req, res) => {
      const expected = services.config.DIGEST_RUN_TOKEN;
      const header = req.headers.authorization ?? '';
      const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
      if (expected === undefined || !sameSecret(presented, expected)) {
        return sendJson(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer' });
      }
      const summary = await job.runOnce(services.clock.now(), 'http');
      sendJson(res, 200, summary);
    },
  };
}

/** Hashing first makes both sides the same length, so timingSafeEqual leaks neither content nor length. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return presented.length > 0 && timingSafeEqual(digest(presented), digest(expected));
}
