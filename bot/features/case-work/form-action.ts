import { ConflictError, InvalidInputError } from '../../domain/errors';
import { common } from '../../i18n/common';
import type { AdaptiveCard } from '../../../cards/types';
import type { z } from 'zod';
import { defineAction, type ActionOutcome, type CardAction, type HandlerContext, type InputRefusal } from '../feature';
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
    /** The form's field labels in the user's language (names the field a refusal is about). */
    label?: (field: string) => string;
    /** Set when the router refused the input: the form comes back with it named, and nothing is saved. */
    refusal?: InputRefusal | undefined;
  },
): Promise<ActionOutcome> {
  if (options.refusal !== undefined) {
    const field = options.refusal.fields[0];
    const message =
      field !== undefined && options.label !== undefined
        ? common(ctx.actor.locale, 'error.cpr_in_field', { field: options.label(field) })
        : common(ctx.actor.locale, 'error.cpr_in_text');
    return { card: await options.invalid(message) };
  }
  try {
    return await options.save();
  } catch (e) {
    if (e instanceof InvalidInputError)
      return { card: await options.invalid(inputErrorText(ctx.actor.locale, e, options.catalogue), e.field) };
    if (e instanceof ConflictError) return options.conflict(common(ctx.actor.locale, 'error.conflict'));
    throw e;
  }
}

/**
 * A form's save as a card action: the same function answers a normal save and, with the router's
 * refusal, gives the form back (answerForm then saves nothing), so every form keeps what was typed.
 */
export const defineFormAction = <S extends z.ZodType>(form: {
  readonly verb: string;
  readonly schema: S;
  save(ctx: HandlerContext, data: z.output<S>, refusal?: InputRefusal): Promise<ActionOutcome>;
}): CardAction =>
  defineAction({
    verb: form.verb,
    schema: form.schema,
    handle: (ctx, data) => form.save(ctx, data),
    refusedInput: (ctx, data, refusal) => form.save(ctx, data, refusal),
  });
