import { addDays, businessDate, isoWeekOf } from '../../bot/domain/calendar';
import { AgreementRepository } from '../../bot/store/agreement-repository';
import { WeeklyHoursRepository } from '../../bot/store/weekly-hours-repository';
import { queryAll } from '../../bot/store/documents';
import { FollowUpDocSchema } from '../../bot/domain/follow-up';
import { inputValues } from '../../bot/local/demo/lib/card-clicker';
import { actionData, cardText, type CardJson } from '../../bot/local/demo/lib/cards';
import { BENCH_TENANT, type BenchApp, type BenchUser } from './bench-app';
import { handedOverCase } from './jobformidler-cases';
import { click, createAgreement } from './screening-clicks';
import type { Persona, PersonaTurn } from './personas';

/** Cases per jobformidler persona: a small caseload of their own, so "Mine borgere" lists real cases. */
const CASES_PER_JOBFORMIDLER = 4;
/** The weeks an hours entry goes to (last week and the three before it), so corrections meet earlier entries. */
const WEEKS_BACK = [7, 14, 21, 28];

interface OwnCase {
  readonly caseRef: string;
  /** The agreement card the last acknowledged save returned (its ETag and version). */
  agreementCard: CardJson | undefined;
  agreementId: string;
  versionAtStart: number;
  agreementSaves: number;
  /** The last acknowledged ordinary hours per ISO week. */
  readonly hours: Map<string, number>;
  followUps: number;
}

/**
 * A jobformidler working their own group-1 cases, seeded as the visitation handover leaves them:
 * "Mine borgere", the case card, a checklist change on the work agreement, an hours entry for one
 * of the last four weeks and a follow-up contact, round and round the caseload.
 */
export class JobformidlerPersona implements Persona {
  private turn = 0;
  private step = -1;
  private pendingHours: { form: CardJson; c: OwnCase; week: string } | undefined;
  private pendingFollowUp: { form: CardJson; c: OwnCase } | undefined;

  private constructor(
    private readonly app: BenchApp,
    private readonly user: BenchUser,
    private readonly cases: OwnCase[],
  ) {}

  static async create(app: BenchApp, user: BenchUser): Promise<JobformidlerPersona> {
    const today = businessDate(new Date());
    const cases: OwnCase[] = [];
    for (let n = 0; n < CASES_PER_JOBFORMIDLER; n++) {
      const caseRef = await handedOverCase(app.app.services, BENCH_TENANT, user.aadObjectId, addDays(today, -60 - n));
      const created = await createAgreement(app, user, caseRef);
      const agreementId = String(actionData(created.card, 'agreement.save')?.agreementId ?? '');
      const stored = await new AgreementRepository(app.app.services.store).get(BENCH_TENANT, caseRef, agreementId);
      if (stored === undefined) throw new Error(`bench: no agreement for ${caseRef}`);
      cases.push({
        caseRef,
        agreementCard: created.card,
        agreementId,
        versionAtStart: stored.version,
        agreementSaves: 0,
        hours: new Map(),
        followUps: 0,
      });
    }
    return new JobformidlerPersona(app, user, cases);
  }

  async next(): Promise<PersonaTurn> {
    this.turn++;
    if (this.pendingHours !== undefined) return this.saveHours(this.pendingHours);
    if (this.pendingFollowUp !== undefined) return this.saveFollowUp(this.pendingFollowUp);
    // One round per case: caseload, case card, agreement, hours (form + save), follow-up (form + save).
    this.step++;
    const c = this.cases[Math.floor(this.step / 5) % this.cases.length]!;
    switch (this.step % 5) {
      case 0: {
        const r = await this.app.ask(this.user, 'mine borgere');
        const ok = r.status === 200 && r.replies.some((reply) => cardText(reply).includes('Mine borgere'));
        return { kind: 'caseload (read)', ok };
      }
      case 1: {
        const r = await click(this.app, this.user, 'case.open', { caseRef: c.caseRef });
        return { kind: 'case.open (read)', ok: r.status === 200 && actionData(r.card, 'hours.new') !== undefined };
      }
      case 2:
        return this.saveAgreement(c);
      case 3: {
        const week = isoWeekOf(
          addDays(
            businessDate(new Date()),
            -WEEKS_BACK[Math.floor(this.step / 5 / this.cases.length) % WEEKS_BACK.length]!,
          ),
        );
        const r = await click(this.app, this.user, 'hours.new', { caseRef: c.caseRef, isoWeek: week });
        const ok = r.status === 200 && r.card !== undefined && actionData(r.card, 'hours.save') !== undefined;
        if (ok) this.pendingHours = { form: r.card!, c, week };
        return { kind: 'hours.new (read)', ok };
      }
      default: {
        const r = await click(this.app, this.user, 'followup.new', { caseRef: c.caseRef });
        const ok = r.status === 200 && r.card !== undefined && actionData(r.card, 'followup.save') !== undefined;
        if (ok) this.pendingFollowUp = { form: r.card!, c };
        return { kind: 'followup.new (read)', ok };
      }
    }
  }

  private async saveAgreement(c: OwnCase): Promise<PersonaTurn> {
    const card = c.agreementCard;
    const r = await click(this.app, this.user, 'agreement.save', {
      ...actionData(card, 'agreement.save'),
      ...inputValues(card),
      s_TASKS: 'AGREED',
      v_TASKS: c.agreementSaves % 2 === 0 ? 'Plukke varer' : 'Pakke varer',
    });
    const ok = r.status === 200 && r.card !== undefined && cardText(r.card).includes('Arbejdsaftalen er gemt');
    if (ok) {
      c.agreementSaves++;
      c.agreementCard = r.card;
    }
    return { kind: 'agreement.save (write)', ok };
  }

  private async saveHours({ form, c, week }: { form: CardJson; c: OwnCase; week: string }): Promise<PersonaTurn> {
    this.pendingHours = undefined;
    const ordinary = (this.turn % 9) + 1;
    const r = await click(this.app, this.user, 'hours.save', {
      ...actionData(form, 'hours.save'),
      ...inputValues(form),
      source: 'PAYSLIP',
      ordinaryHours: String(ordinary),
      practiceHours: '20',
      absenceHours: '0',
    });
    const ok = r.status === 200 && r.card !== undefined && /Uge \d+ (er gemt|er rettet)/.test(cardText(r.card));
    if (ok) c.hours.set(week, ordinary);
    return { kind: 'hours.save (write)', ok };
  }

  private async saveFollowUp({ form, c }: { form: CardJson; c: OwnCase }): Promise<PersonaTurn> {
    this.pendingFollowUp = undefined;
    const r = await click(this.app, this.user, 'followup.save', {
      ...actionData(form, 'followup.save'),
      ...inputValues(form),
      date: businessDate(new Date()),
      contactType: 'PHONE',
      outcome: 'CONTINUE',
    });
    const ok = r.status === 200 && r.card !== undefined && cardText(r.card).includes('Opfølgningen er gemt');
    if (ok) c.followUps++;
    return { kind: 'followup.save (write)', ok };
  }

  /**
   * Every acknowledged write against the store: each acknowledged save of the agreement moved its
   * version on by one; each week holds the last acknowledged hours; each acknowledged contact is a
   * follow-up document of the case.
   */
  async verify(): Promise<{ acknowledged: number; lost: number }> {
    const services = this.app.app.services;
    let acknowledged = 0;
    let lost = 0;
    for (const c of this.cases) {
      acknowledged += c.agreementSaves + c.hours.size + c.followUps;
      const agreement = await new AgreementRepository(services.store).get(BENCH_TENANT, c.caseRef, c.agreementId);
      lost += Math.max(0, c.agreementSaves - ((agreement?.version ?? 0) - c.versionAtStart));
      const hours = new WeeklyHoursRepository(services.store);
      for (const [week, ordinary] of c.hours) {
        const stored = await hours.get(BENCH_TENANT, c.caseRef, week);
        if (stored?.ordinaryHours !== ordinary) lost++;
      }
      const followUps = await queryAll(
        services.store.containers.cases,
        {
          query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.caseRef = @r AND c.type = "follow_up"',
          parameters: [
            { name: '@t', value: BENCH_TENANT },
            { name: '@r', value: c.caseRef },
          ],
        },
        FollowUpDocSchema,
      );
      lost += Math.max(0, c.followUps - followUps.length);
    }
    return { acknowledged, lost };
  }
}
