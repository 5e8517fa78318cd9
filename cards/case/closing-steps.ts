import type { ClosureReason } from '../../bot/domain/case';
import { adaptiveCard, facts } from '../common/elements';
import type { AdaptiveCard } from '../types';
import { choiceSet, formBody, inputDate } from './form-elements';

/**
 * Closing a case in two steps, whoever closes it (a group 1 case by its jobformidler, a group 2 case by
 * its owner): step 1 asks for the reason and the date and writes nothing; step 2 shows them, and only
 * its button closes the case. Each caller brings its words, its reasons and its verbs.
 */
export interface ClosingWords {
  readonly title: string;
  readonly intro: string;
  readonly reasonLabel: string;
  readonly dateLabel: string;
  readonly reason: (reason: ClosureReason) => string;
  readonly next: string;
  readonly cancel: string;
}

export function closingReasonStep(input: {
  readonly words: ClosingWords;
  readonly reasons: readonly ClosureReason[];
  readonly caseRef: string;
  readonly reason?: string | undefined;
  readonly date: string;
  readonly error?: string | undefined;
  readonly verbs: { readonly review: string; readonly cancel: string };
}): AdaptiveCard {
  const { words, caseRef } = input;
  return adaptiveCard(
    formBody({
      title: words.title,
      intro: words.intro,
      error: input.error,
      fields: [
        choiceSet(
          'reason',
          words.reasonLabel,
          input.reasons.map((r) => ({ title: words.reason(r), value: r })),
          input.reason,
          { required: true },
        ),
        inputDate('date', words.dateLabel, input.date, true),
      ],
      save: { title: words.next, verb: input.verbs.review, data: { caseRef } },
      back: { title: words.cancel, verb: input.verbs.cancel, data: { caseRef } },
    }),
  );
}

export function closingConfirmStep(input: {
  readonly words: ClosingWords;
  readonly caseRef: string;
  readonly reason: ClosureReason;
  /** The date as the caller's card words it. */
  readonly dateShown: string;
  readonly date: string;
  readonly verbs: { readonly confirm: string; readonly back: string };
}): AdaptiveCard {
  const { words, caseRef } = input;
  return adaptiveCard(
    formBody({
      title: words.title,
      intro: words.intro,
      fields: [
        facts([
          [words.reasonLabel, words.reason(input.reason)],
          [words.dateLabel, input.dateShown],
        ]),
      ],
      save: {
        title: words.next,
        verb: input.verbs.confirm,
        data: { caseRef, reason: input.reason, date: input.date },
      },
      back: { title: words.cancel, verb: input.verbs.back, data: { caseRef } },
    }),
  );
}
