import { ConflictError, InvalidInputError } from '../../domain/errors';
import { common } from '../../i18n/common';
import type { AdaptiveCard } from '../../../cards/types';
import type { ActionOutcome, HandlerContext } from '../feature';
import { inputErrorText, type MessageCatalogue } from './form-reader';

/**
 * Runs a form's save and answers the way every form of the jobformidler does: refused input comes
 * back inline on the same form with what the user typed (nothing was written); a lost race comes
 * back as the current version with the common conflict notice. Other errors go to the router.
 */
export async function answerForm(
  ctx: HandlerContext,
  options: {
    save: () => Promise<ActionOutcome>;
    /** `field`: the input the refusal is about, when known (to mark it on the form). */
    invalid: (message: string, field?: string) => AdaptiveCard | Promise<AdaptiveCard>;
    conflict: (message: string) => Promise<ActionOutcome>;
    catalogue?: MessageCatalogue;
  },
): Promise<ActionOutcome> {
  try {
    return await options.save();
  } catch (e) {
    if (e instanceof InvalidInputError)
      return { card: await options.invalid(inputErrorText(ctx.actor.locale, e, options.catalogue), e.field) };
    if (e instanceof ConflictError) return options.conflict(common(ctx.actor.locale, 'error.conflict'));
    throw e;
  }
}
