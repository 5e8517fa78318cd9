import { CaseRepository } from '../../store/case-repository';
import { ScreeningRepository } from '../../store/screening-repository';
import { SensitiveFactsRepository } from '../../store/sensitive-facts-repository';
import type { HandlerContext } from '../feature';

/** The repositories the screening and visitation use cases work against (cheap: they wrap the open store). */
export function repositoriesOf(ctx: Pick<HandlerContext, 'services'>) {
  const store = ctx.services.store;
  return {
    cases: new CaseRepository(store),
    screenings: new ScreeningRepository(store),
    sensitiveFacts: new SensitiveFactsRepository(store),
  };
}
