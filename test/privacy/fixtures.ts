import type { Container } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { Guard } from '../../bot/access/guard';
import type { Actor } from '../../bot/domain/actor';
import { caseDocId } from '../../bot/domain/case';
import type { HandlerContext } from '../../bot/features/feature';
import type { AuditPurpose } from '../../bot/store/audit-log';
import type { ContainerName } from '../../bot/store/containers';
import type { Services } from '../../bot/services';
import type { BotHarness, TestUser } from '../harness/bot-harness';

/**
 * A case as later features will store it: the shared CaseDoc plus documents of types the privacy
 * code does not know (so retention, export and erasure are shown to be generic over the partition).
 */
export async function seedCase(
  services: Services,
  input: {
    tenantId: string;
    caseRef: string;
    screenerId?: string;
    jobformidlerId?: string;
    marker?: string;
    closure?: { date: string; reason: 'EMPLOYED_SELF_SUPPORTING' | 'MOVED' };
  },
): Promise<void> {
  const { tenantId, caseRef } = input;
  const marker = input.marker ?? `marker-${randomUUID()}`;
  const now = new Date().toISOString();
  await services.store.containers.cases.items.create({
    id: caseDocId(tenantId, 'case'),
    tenantId,
    type: 'case',
    schemaVersion: 1,
    caseRef,
    status: input.closure ? 'CLOSED' : 'ACTIVE',
    screenerId: input.screenerId ?? 'screener-x',
    ...(input.jobformidlerId ? { assignedJobformidlerId: input.jobformidlerId } : {}),
    jobformidlerHistory: [],
    ...(input.closure ? { closure: input.closure } : {}),
    createdAt: now,
    updatedAt: now,
    updatedBy: 'seed',
  });
  await services.store.containers.cases.items.create({
    // A complete week of hours (the case facts are rebuilt from it when the case closes).
    id: caseDocId(tenantId, 'weekly_hours', '2026-W40'),
    tenantId,
    type: 'weekly_hours',
    schemaVersion: 1,
    caseRef,
    isoWeek: '2026-W40',
    ordinaryHours: 12,
    practiceHours: 0,
    absenceHours: 0,
    source: 'EMPLOYER',
    createdAt: now,
    createdBy: 'seed',
    updatedAt: now,
    updatedBy: 'seed',
    note: `${marker}-hours`,
  });
  await services.store.containers.cases.items.create({
    id: caseDocId(tenantId, 'followup', '1'),
    tenantId,
    type: 'followup',
    schemaVersion: 1,
    caseRef,
    date: '2026-10-01',
    note: `${marker}-followup`,
  });
  await services.store.containers.sensitive.items.create({
    id: caseDocId(tenantId, 'screening_answers'),
    tenantId,
    type: 'screening_answers',
    schemaVersion: 1,
    caseRef,
    answers: { seeing: 'SOME_DIFFICULTY' },
    note: `${marker}-art9`,
  });
}

export async function countItems(container: Container, where = ''): Promise<number> {
  const { resources } = await container.items.query<number>(`SELECT VALUE COUNT(1) FROM c ${where}`).fetchAll();
  return resources[0] ?? 0;
}

export async function allItems(container: Container): Promise<Record<string, unknown>[]> {
  const { resources } = await container.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
  return resources;
}

export async function countsOf(
  services: Services,
  names: readonly ContainerName[] = ['cases', 'sensitive', 'directory', 'runs', 'audit', 'botstate'],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = await countItems(services.store.containers[name]);
  return out;
}

/**
 * Every stored document of these containers as `container/id@etag`, sorted: two snapshots are equal
 * only if no document was created, deleted or replaced in between (counts alone miss a replace).
 */
export async function documentsOf(
  services: Services,
  names: readonly ContainerName[] = ['cases', 'sensitive', 'directory', 'runs'],
): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    const { resources } = await services.store.containers[name].items
      .query<{ id: string; _etag: string }>('SELECT c.id, c._etag FROM c')
      .fetchAll();
    for (const r of resources) out.push(`${name}/${r.id}@${r._etag}`);
  }
  return out.sort();
}

export async function caseDocs(
  services: Services,
  tenantId: string,
  caseRef: string,
): Promise<Record<string, unknown>[]> {
  const q = {
    query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @r',
    parameters: [
      { name: '@t', value: tenantId },
      { name: '@r', value: caseRef },
    ],
  };
  const a = await services.store.containers.cases.items.query<Record<string, unknown>>(q).fetchAll();
  const b = await services.store.containers.sensitive.items.query<Record<string, unknown>>(q).fetchAll();
  return [...a.resources, ...b.resources];
}

export async function addAuditEntry(
  services: Services,
  input: {
    tenantId: string;
    caseRef: string;
    at: string;
    purpose: AuditPurpose;
    actorId?: string;
    outcome?: 'ok' | 'denied';
    kind?: 'read' | 'write';
  },
): Promise<void> {
  await services.audit.append({
    tenantId: input.tenantId,
    at: input.at,
    actorId: input.actorId ?? 'staff-1',
    actorRoles: ['jobformidler'],
    action: 'case.read',
    kind: input.kind ?? 'read',
    caseRef: input.caseRef,
    purpose: input.purpose,
    channel: 'personal',
    outcome: input.outcome ?? 'ok',
    correlationId: randomUUID(),
  });
}

/** A handler context as a turn would build it, for use cases called directly (e.g. closeCase by a closing flow). */
export function contextFor(services: Services, actor: Actor, now: Date): HandlerContext {
  const correlationId = randomUUID();
  return {
    actor,
    services,
    now,
    correlationId,
    conversation: { id: 'a:test', kind: 'personal', botId: '28:fremdrift-test-bot' },
    guard: new Guard(services.audit, actor, { correlationId, channel: 'personal', now: () => now }),
    log: services.log,
  };
}

export const actorOf = (u: TestUser, roles: Actor['roles']): Actor => ({
  tenantId: u.tenantId,
  userId: u.aadObjectId,
  roles,
  locale: 'da',
});

/** Collects pino's JSON lines. */
export class LogCapture {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
  records(): Record<string, unknown>[] {
    return this.text
      .split('\n')
      .filter((l) => l.trim().length > 0)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

export async function adminGet(
  h: BotHarness,
  path: string,
  token: string | undefined,
): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await fetch(`${h.app.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.text(), headers: res.headers };
}
