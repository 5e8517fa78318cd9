import type { Actor } from '../domain/actor';
import { ForbiddenError } from '../domain/errors';
import { decide, type CaseOwnership, type PolicyAction } from '../domain/policy';
import type { AuditLog, AuditPurpose, AuditEntry } from '../store/audit-log';

export type AuditChannel = AuditEntry['channel'];

export interface CaseAccess {
  /** The policy action that must be allowed. */
  readonly action: PolicyAction;
  /** What is logged, when finer than the policy action (e.g. `screening.answer.write`). */
  readonly auditAction?: string;
  readonly kind: 'read' | 'write';
  readonly purpose: AuditPurpose;
  readonly caseRef?: string | undefined;
  /** The case's owners, for actions that concern one case. */
  readonly resource?: CaseOwnership | undefined;
}

/**
 * The one audited path to case data. It asks the policy (deny by default), logs a refusal, and logs
 * every read and write: a write is logged before it happens (so no write goes unlogged, and a
 * failure adds an `error` entry); a read is logged before its data is returned.
 */
export class Guard {
  constructor(
    private readonly audit: AuditLog,
    readonly actor: Actor,
    private readonly meta: { readonly correlationId: string; readonly channel: AuditChannel; readonly now: () => Date },
  ) {}

  /** Throws ForbiddenError unless the actor may do `action`; no case data involved, nothing logged. */
  require(action: PolicyAction): void {
    const d = decide(this.actor, action, this.meta.channel);
    if (!d.allowed) throw new ForbiddenError(action, d.reason);
  }

  allows(action: PolicyAction, resource?: CaseOwnership): boolean {
    return decide(this.actor, action, this.meta.channel, resource).allowed;
  }

  async run<T>(access: CaseAccess, work: () => Promise<T>): Promise<T> {
    const decision = decide(this.actor, access.action, this.meta.channel, access.resource);
    if (!decision.allowed) {
      await this.log(access, 'denied');
      throw new ForbiddenError(access.action, decision.reason, true);
    }
    if (access.kind === 'write') {
      await this.log(access, 'ok');
      try {
        return await work();
      } catch (e) {
        await this.log(access, 'error').catch(() => undefined);
        throw e;
      }
    }
    const result = await work();
    await this.log(access, 'ok');
    return result;
  }

  /**
   * Logs a refused attempt that did not go through `run` (a command or button the role may not
   * use): rejected access attempts belong in the access log too.
   */
  async recordRefusal(error: ForbiddenError): Promise<void> {
    if (error.audited) return;
    await this.audit.append({
      tenantId: this.actor.tenantId,
      at: this.meta.now().toISOString(),
      actorId: this.actor.userId,
      actorRoles: [...this.actor.roles],
      action: error.action,
      kind: 'access',
      purpose: 'support',
      channel: this.meta.channel,
      outcome: 'denied',
      correlationId: this.meta.correlationId,
    });
  }

  private async log(access: CaseAccess, outcome: AuditEntry['outcome']): Promise<void> {
    await this.audit.append({
      tenantId: this.actor.tenantId,
      at: this.meta.now().toISOString(),
      actorId: this.actor.userId,
      actorRoles: [...this.actor.roles],
      action: access.auditAction ?? access.action,
      kind: access.kind,
      ...(access.caseRef !== undefined ? { caseRef: access.caseRef } : {}),
      purpose: access.purpose,
      channel: this.meta.channel,
      outcome,
      correlationId: this.meta.correlationId,
    });
  }
}
