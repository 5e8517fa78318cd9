import { z } from 'zod';
import type { Actor } from '../../domain/actor';
import type { CaseOwnership } from '../../domain/policy';
import type { Guard } from '../../access/guard';
import type { AuditEntry } from '../../store/audit-log';
import { CasePartition, type CaseDocument } from '../../store/case-partition';
import type { Services } from '../../services';
import { caseRefCandidates } from './rules';

/** What the privacy use cases need: who acts, the audited guard, and the services (a turn, or the admin API). */
export interface PrivacyAccess {
  readonly actor: Actor;
  readonly guard: Guard;
  readonly services: Services;
}

export interface FoundCase {
  readonly caseRef: string;
  readonly documents: CaseDocument[];
  readonly owners: CaseOwnership;
}

const OwnersSchema = z.object({
  screenerId: z.string().optional(),
  assignedJobformidlerId: z.string().optional(),
});

/** The actor's own tenant's documents of a case, under the typed ref or its upper-case spelling. */
export async function findCase(access: PrivacyAccess, typedRef: string): Promise<FoundCase | undefined> {
  const partition = new CasePartition(access.services.store);
  for (const caseRef of caseRefCandidates(typedRef)) {
    const documents = await partition.list(access.actor.tenantId, caseRef);
    if (documents.length === 0) continue;
    const caseDoc = documents.find((d) => d.container === 'cases' && d.doc.type === 'case')?.doc;
    const owners = OwnersSchema.safeParse(caseDoc ?? {});
    return {
      caseRef,
      documents,
      owners: { tenantId: access.actor.tenantId, ...(owners.success ? owners.data : {}) },
    };
  }
  return undefined;
}

/** Every audit entry of a case in the actor's tenant, oldest first (paged through). */
export async function auditEntriesOf(services: Services, tenantId: string, caseRef: string): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await services.audit.listForCase(tenantId, caseRef, {
      maxItemCount: 500,
      ...(continuationToken !== undefined ? { continuationToken } : {}),
    });
    all.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return all;
}

export const countByContainer = (documents: readonly CaseDocument[]): { cases: number; sensitive: number } => ({
  cases: documents.filter((d) => d.container === 'cases').length,
  sensitive: documents.filter((d) => d.container === 'sensitive').length,
});
