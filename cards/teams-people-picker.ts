import * as AC from 'adaptivecards';
import { z } from 'zod';

/**
 * Teams' people picker: an `Input.ChoiceSet` whose `choices.data` is a `Data.Query` over Microsoft
 * Graph's users ("People Picker in Adaptive Cards", Microsoft Teams platform docs). Teams renders it in
 * cards of any version it accepts from bots (≤ 1.5); the stock `adaptivecards` parser knows
 * `choices.data` only from schema 1.6 and reports it at 1.5. The validator therefore takes
 * `Input.ChoiceSet` from this subclass, which checks `choices.data` against exactly what Teams
 * accepts, so a valid picker passes and a typo (`Data.Qery`, another dataset) still fails. Clients
 * without the picker (the Agents Playground, older clients) show the static `choices`.
 */
export const PEOPLE_DATASETS = ['graph.microsoft.com/users', 'graph.microsoft.com/users?scope=currentContext'] as const;
export type PeopleDataset = (typeof PEOPLE_DATASETS)[number];

export const PeopleQuerySchema = z.strictObject({
  type: z.literal('Data.Query'),
  dataset: z.enum(PEOPLE_DATASETS),
});

class TeamsChoiceSetInput extends AC.ChoiceSetInput {
  private peopleQuery: unknown;

  override getSchemaKey(): string {
    return 'Input.ChoiceSet+TeamsPeoplePicker';
  }

  protected override populateSchema(schema: AC.SerializableObjectSchema): void {
    super.populateSchema(schema);
    schema.remove(AC.ChoiceSetInput.choicesDataProperty);
  }

  protected override internalParse(source: AC.PropertyBag, context: AC.SerializationContext): void {
    super.internalParse(source, context);
    this.peopleQuery = source['choices.data'];
  }

  override internalValidateProperties(context: AC.ValidationResults): void {
    super.internalValidateProperties(context);
    if (this.peopleQuery === undefined) return;
    const result = PeopleQuerySchema.safeParse(this.peopleQuery);
    if (!result.success) {
      const issue = result.error.issues[0];
      context.addFailure(
        this,
        AC.ValidationEvent.InvalidPropertyValue,
        `Input.ChoiceSet choices.data: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
  }
}

export function registerTeamsPeoplePicker(registry: AC.CardObjectRegistry<AC.CardElement>): void {
  registry.register('Input.ChoiceSet', TeamsChoiceSetInput, AC.Versions.v1_0);
}
