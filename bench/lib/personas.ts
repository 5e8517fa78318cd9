import type { Role } from '../../bot/domain/roles';
import { ScreeningRepository } from '../../bot/store/screening-repository';
import { BENCH_TENANT, type BenchApp, type BenchUser } from './bench-app';
import { actionData, cardText, type CardJson } from '../../bot/local/demo/lib/cards';
import { answerStep, startScreening } from './screening-clicks';
import { JobformidlerPersona } from './jobformidler-persona';

/**
 * Simulated staff for the throughput benchmark. Each persona does what its role does all day, with
 * no think time, and remembers every write the bot acknowledged so `verify` can look for it.
 */
export interface PersonaTurn {
  readonly kind: string;
  /** Answered, and acknowledged the way the user would see it (no error card or "try again"). */
  readonly ok: boolean;
}

export interface Persona {
  next(): Promise<PersonaTurn>;
  /** Acknowledged writes, and how many of them are not in the store. */
  verify(): Promise<{ acknowledged: number; lost: number }>;
}

const ERROR_TEXT = /prøv igen|try again|kunne ikke|could not|ikke adgang|not allowed/i;

const acknowledged = (replies: readonly unknown[]): boolean =>
  replies.length > 0 && !replies.some((r) => ERROR_TEXT.test(cardText(r)));

/** Reads the chat: "hjælp" or a feature's list, and checks a non-error answer came back. */
async function read(app: BenchApp, user: BenchUser, text: string, kind: string): Promise<PersonaTurn> {
  const r = await app.ask(user, text);
  return { kind, ok: r.status === 200 && acknowledged(r.replies) };
}

/** Clicks through screenings one after another; checks "mine screeninger" and help now and then. */
class ScreenerPersona implements Persona {
  private card: CardJson | undefined;
  private caseNo = 0;
  private turn = 0;
  /** Acknowledged answers per case (each one moves the screening's `seq` on by exactly one). */
  private readonly answers = new Map<string, number>();

  constructor(
    private readonly app: BenchApp,
    private readonly user: BenchUser,
    private readonly prefix: string,
  ) {}

  async next(): Promise<PersonaTurn> {
    this.turn++;
    if (this.turn % 7 === 0) return read(this.app, this.user, 'mine screeninger', 'screening.list (read)');
    if (this.turn % 19 === 0) return read(this.app, this.user, 'hjælp', 'help (read)');
    const pending = this.card === undefined ? undefined : answerStep(this.app, this.user, this.card);
    if (pending === undefined) {
      const caseRef = `${this.prefix}-${++this.caseNo}`;
      const r = await startScreening(this.app, this.user, caseRef);
      const ok = r.status === 200 && actionData(r.card, 'screening.answer')?.step === 0;
      if (ok) this.answers.set(caseRef, 0);
      this.card = ok ? r.card : undefined;
      return { kind: 'screening.start (write)', ok };
    }
    const before = actionData(this.card, 'screening.answer');
    const r = await pending;
    const caseRef = String(before?.caseRef ?? '');
    const moved = actionData(r.card, 'screening.answer');
    const finished = moved === undefined && actionData(r.card, 'screening.answers')?.caseRef === caseRef;
    const ok = r.status === 200 && (finished || Number(moved?.step) > Number(before?.step));
    if (ok) this.answers.set(caseRef, (this.answers.get(caseRef) ?? 0) + 1);
    this.card = ok && !finished ? r.card : undefined;
    return { kind: 'screening.answer (write)', ok };
  }

  async verify(): Promise<{ acknowledged: number; lost: number }> {
    let acked = 0;
    let lost = 0;
    for (const [caseRef, answers] of this.answers) {
      acked += 1 + answers; // the start and every answer
      const doc = await new ScreeningRepository(this.app.app.services.store).get(BENCH_TENANT, caseRef);
      if (doc === undefined) lost += 1 + answers;
      else lost += Math.max(0, answers - doc.seq);
    }
    return { acknowledged: acked, lost };
  }
}

/** A key person: looks at the roles card and changes a colleague's role. */
class AdminPersona implements Persona {
  private turn = 0;
  private lastAcked: string | undefined;

  constructor(
    private readonly app: BenchApp,
    private readonly user: BenchUser,
    private readonly colleague: BenchUser,
  ) {}

  async next(): Promise<PersonaTurn> {
    this.turn++;
    if (this.turn % 2 === 0) return read(this.app, this.user, 'roller', 'admin.roles (read)');
    const role = this.turn % 4 === 1 ? 'leder' : 'screener';
    const r = await this.app.execute(this.user, 'admin.roles.save', {
      userId: this.colleague.aadObjectId,
      inputId: 'roles0',
      roles0: role,
    });
    const ok = r.status === 200 && r.body.includes('gemt');
    if (ok) this.lastAcked = role;
    return { kind: 'admin.roles.save (write)', ok };
  }

  async verify(): Promise<{ acknowledged: number; lost: number }> {
    if (this.lastAcked === undefined) return { acknowledged: 0, lost: 0 };
    const doc = await this.app.app.services.directory.getUser(BENCH_TENANT, this.colleague.aadObjectId);
    return { acknowledged: 1, lost: doc?.roles.join() === this.lastAcked ? 0 : 1 };
  }
}

/**
 * The staff of a jobcentre in proportion: of every five, two screeners, two jobformidlere working
 * their own group-1 cases, and one key person.
 */
export async function personasFor(app: BenchApp, users: number): Promise<Persona[]> {
  const personas: Persona[] = [];
  for (let i = 0; i < users; i++) {
    if (i % 5 === 4) {
      const admin = await app.user(`Nøgleperson ${i}`, ['admin'] as Role[]);
      personas.push(new AdminPersona(app, admin, await app.user(`Kollega ${i}`, [])));
    } else if (i % 5 >= 2) {
      personas.push(await JobformidlerPersona.create(app, await app.user(`Jobformidler ${i}`, ['jobformidler'])));
    } else {
      personas.push(new ScreenerPersona(app, await app.user(`Screener ${i}`, ['screener']), `BENCH-${i}`));
    }
  }
  return personas;
}
