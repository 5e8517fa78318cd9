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

export interface GuardMeta {
  readonly correlationId: string;
  readonly channel: AuditChannel;
  readonly now: () => Date;
  /**
   * One entry per turn for its reads: reads are held until `settle()` and logged together, one
   * entry per action and purpose listing every case read. Only for a caller that settles before
   * anything of the turn reaches the user (the turn edge, bot/teams/app.ts); otherwise each read is
   * logged as it returns.
   */
  readonly batchReads?: boolean;
}

interface HeldRead {
  readonly access: CaseAccess;
  readonly at: string;
  readonly caseRefs: string[];
}

/**
 * The one audited path to case data. It asks the policy (deny by default), logs a refusal, and logs
 * every read and write: a write is logged before it happens (so no write goes unlogged, and a
 * failure adds an `error` entry); a read is logged before its data is returned (to the user: with
 * `batchReads`, at `settle()`, one entry covering every case the turn read for the same action and
 * purpose). A read of a case this turn has already logged a write to, for the same purpose, is
 * covered by that entry (the card that answers a save shows what was just written).
 */
export class Guard {
  private readonly held = new Map<string, HeldRead>();
  /** `purpose caseRef` of the writes this turn logged. */
  private readonly written = new Set<string>();
  private batching: boolean;

  constructor(
    private readonly audit: AuditLog,
    readonly actor: Actor,
    private readonly meta: GuardMeta,
  ) {
    this.batching = meta.batchReads === true;
  }

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
      if (access.caseRef !== undefined) this.written.add(`${access.purpose} ${access.caseRef}`);
      try {
        return await work();
      } catch (e) {
        await this.log(access, 'error').catch(() => undefined);
        throw e;
      }
    }
    const result = await work();
    if (access.caseRef !== undefined && this.written.has(`${access.purpose} ${access.caseRef}`)) return result;
    if (this.batching) this.hold(access);
    else await this.log(access, 'ok');
    return result;
  }

  private hold(access: CaseAccess): void {
    const key = `${access.auditAction ?? access.action} ${access.purpose}`;
    const held = this.held.get(key);
    if (held === undefined) {
      const caseRefs = access.caseRef === undefined ? [] : [access.caseRef];
      this.held.set(key, { access, at: this.meta.now().toISOString(), caseRefs });
    } else if (access.caseRef !== undefined && !held.caseRefs.includes(access.caseRef)) {
      held.caseRefs.push(access.caseRef);
    }
  }

  /**
   * Logs the reads held this turn (one entry per action and purpose) and stops holding: whatever
   * the turn reads afterwards is logged as it returns. Throws when the log cannot be written, so
   * the caller does not answer with data that is not logged.
   */
  async settle(): Promise<void> {
    this.batching = false;
    const held = [...this.held.values()];
    this.held.clear();
    for (const { access, at, caseRefs } of held) {
      await this.audit.append({
        ...this.entryOf(access, 'ok', at),
        ...(caseRefs.length === 1 ? { caseRef: caseRefs[0] } : caseRefs.length > 1 ? { caseRefs } : {}),
      });
    }
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
      ...this.entryOf(access, outcome, this.meta.now().toISOString()),
      ...(access.caseRef !== undefined ? { caseRef: access.caseRef } : {}),
    });
  }

  private entryOf(access: CaseAccess, outcome: AuditEntry['outcome'], at: string) {
    return {
      tenantId: this.actor.tenantId,
      at,
      actorId: this.actor.userId,
      actorRoles: [...this.actor.roles],
      action: access.auditAction ?? access.action,
      kind: access.kind,
      purpose: access.purpose,
      channel: this.meta.channel,
      outcome,
      correlationId: this.meta.correlationId,
    };
  }
}
