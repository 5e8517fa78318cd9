/**
 * Explicit error types. Handlers turn them into a message in the user's language; anything else is
 * an unexpected failure ("prøv igen").
 */
export abstract class FremdriftError extends Error {
  abstract readonly kind: string;
}

/** Input the user can fix. `messageKey` names a common catalogue entry (bot/i18n/common.ts). */
export class InvalidInputError extends FremdriftError {
  readonly kind = 'invalid_input';
  constructor(
    readonly messageKey: string,
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly field?: string,
  ) {
    super(`Invalid input: ${messageKey}${field ? ` (${field})` : ''}`);
  }
}

/** A CPR-shaped number was found in free text; the text is never stored or logged. */
export class CprInTextError extends FremdriftError {
  readonly kind = 'cpr_in_text';
  constructor(readonly field?: string) {
    super('A CPR-shaped number was found in free text');
  }
}

export class ForbiddenError extends FremdriftError {
  readonly kind = 'forbidden';
  constructor(
    readonly action: string,
    readonly reason: string,
    /** True when the refusal is already in the audit log (the guard logs the refusals it makes on case data). */
    readonly audited = false,
  ) {
    super(`Forbidden: ${action} (${reason})`);
  }
}

export class NotFoundError extends FremdriftError {
  readonly kind = 'not_found';
  constructor(readonly what: string) {
    super(`Not found: ${what}`);
  }
}

/** Somebody else saved first (ETag mismatch). */
export class ConflictError extends FremdriftError {
  readonly kind = 'conflict';
  constructor(readonly what: string) {
    super(`Conflict: ${what} was changed by someone else`);
  }
}

/** The store could not be reached or failed; the user should try again. */
export class StoreUnavailableError extends FremdriftError {
  readonly kind = 'store_unavailable';
  constructor(readonly causeText: string) {
    super(`Store unavailable: ${causeText}`);
  }
}
