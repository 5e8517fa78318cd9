import { validateCard } from '../../cards/validate';
import { adaptiveCard, executeAction, text } from '../../cards/common/elements';
import type { AdaptiveCard } from '../../cards/types';

const line = {
  type: 'Chart.Line',
  title: 'Ordinære timer',
  data: [
    {
      legend: 'Timer',
      values: [
        { x: 'U1', y: 4 },
        { x: 'U2', y: 8 },
      ],
    },
  ],
};

describe('card validation (adaptivecards parser, schema 1.5)', () => {
  it('accepts a card with text and a Universal Action with its Submit fallback', () => {
    expect(validateCard(adaptiveCard([text('Hej')], [executeAction('Gem', 'x.save', { a: 1 })])).errors).toEqual([]);
  });

  it('accepts Teams native charts with a fallback', () => {
    const card = adaptiveCard([{ ...line, fallback: { type: 'TextBlock', text: 'U1: 4, U2: 8', wrap: true } }]);
    expect(validateCard(card).errors).toEqual([]);
  });

  it('rejects a misspelled chart type and a chart with bad data', () => {
    expect(validateCard(adaptiveCard([{ ...line, type: 'Chart.Lien' }])).errors.join()).toMatch(/Chart.Lien/);
    expect(
      validateCard(adaptiveCard([{ ...line, data: [{ values: [{ x: 'U1', y: 'four' }] }] }])).errors.join(),
    ).toMatch(/Chart.Line/);
  });

  it('rejects unknown elements, duplicate input ids and missing required properties', () => {
    const bad: AdaptiveCard = adaptiveCard([
      { type: 'TextBlokk', text: 'x' },
      { type: 'Input.Text', id: 'a', label: 'A' },
      { type: 'Input.Text', id: 'a', label: 'B' },
    ]);
    const errors = validateCard(bad).errors.join('\n');
    expect(errors).toMatch(/TextBlokk/);
    expect(errors).toMatch(/Duplicate Id "a"|unique Id/);
  });

  it("accepts Teams' people picker (choices.data over Graph's users) at 1.5, and refuses a misspelled one", () => {
    const picker = (data: unknown) =>
      adaptiveCard([
        {
          type: 'Input.ChoiceSet',
          id: 'who',
          label: 'Medarbejder',
          style: 'filtered',
          choices: [{ title: 'Megan Bowen', value: '7e1a5f00-0000-4000-8000-000000000021' }],
          'choices.data': data as never,
        },
      ]);
    expect(validateCard(picker({ type: 'Data.Query', dataset: 'graph.microsoft.com/users' })).errors).toEqual([]);
    expect(
      validateCard(picker({ type: 'Data.Query', dataset: 'graph.microsoft.com/users?scope=currentContext' })).errors,
    ).toEqual([]);
    expect(validateCard(picker({ type: 'Data.Qery', dataset: 'graph.microsoft.com/users' })).errors.join()).toMatch(
      /choices.data: type/,
    );
    expect(validateCard(picker({ type: 'Data.Query', dataset: 'graph.microsoft.com/groups' })).errors.join()).toMatch(
      /choices.data: dataset/,
    );
    // Other Input.ChoiceSet rules still hold.
    expect(
      validateCard(adaptiveCard([{ type: 'Input.ChoiceSet', id: 'x', choices: [{ title: 'A' }] }])).errors,
    ).not.toEqual([]);
  });

  it('rejects cards over 28 KB', () => {
    const big = adaptiveCard(Array.from({ length: 300 }, (_, i) => text(`${i} ${'x'.repeat(100)}`)));
    expect(validateCard(big).errors.join()).toMatch(/over the 28672-byte limit/);
  });
});
