import * as AC from 'adaptivecards';
import { z } from 'zod';

/**
 * Teams renders native chart elements that the stock `adaptivecards` parser does not know. Each one
 * is registered here as a CardElement whose data is checked, so valid charts pass validation and a
 * typo such as `Chart.Lien` still fails as an unknown element.
 */
const point = z.object({ x: z.union([z.string(), z.number()]), y: z.number() });
const seriesPoints = z
  .array(z.object({ legend: z.string().optional(), values: z.array(point).min(1), color: z.string().optional() }))
  .min(1);
const common = {
  title: z.string().optional(),
  xAxisTitle: z.string().optional(),
  yAxisTitle: z.string().optional(),
  colorSet: z.string().optional(),
};

export const CHART_SCHEMAS = {
  'Chart.Line': z.object({ ...common, data: seriesPoints }),
  'Chart.VerticalBar': z.object({
    ...common,
    data: z
      .array(z.object({ x: z.union([z.string(), z.number()]), y: z.number(), color: z.string().optional() }))
      .min(1),
  }),
  'Chart.VerticalBar.Grouped': z.object({ ...common, data: seriesPoints }),
  'Chart.HorizontalBar': z.object({
    ...common,
    data: z.array(z.object({ x: z.string(), y: z.number(), color: z.string().optional() })).min(1),
  }),
  'Chart.Donut': z.object({
    ...common,
    data: z.array(z.object({ legend: z.string(), value: z.number(), color: z.string().optional() })).min(1),
  }),
  'Chart.Pie': z.object({
    ...common,
    data: z.array(z.object({ legend: z.string(), value: z.number(), color: z.string().optional() })).min(1),
  }),
  'Chart.Gauge': z.object({
    ...common,
    value: z.number(),
    min: z.number().optional(),
    max: z.number().optional(),
    segments: z
      .array(
        z.object({ from: z.number(), to: z.number(), color: z.string().optional(), legend: z.string().optional() }),
      )
      .optional(),
  }),
} as const;

export type ChartType = keyof typeof CHART_SCHEMAS;

function chartElementClass(typeName: ChartType): new () => AC.CardElement {
  return class TeamsChart extends AC.CardElement {
    private source: unknown;

    override getJsonTypeName(): string {
      return typeName;
    }

    protected override internalParse(source: AC.PropertyBag, context: AC.SerializationContext): void {
      super.internalParse(source, context);
      this.source = source;
    }

    override internalValidateProperties(context: AC.ValidationResults): void {
      super.internalValidateProperties(context);
      const result = CHART_SCHEMAS[typeName].safeParse(this.source);
      if (!result.success) {
        const issue = result.error.issues[0];
        context.addFailure(
          this,
          AC.ValidationEvent.InvalidPropertyValue,
          `${typeName}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
        );
      }
    }

    protected override internalRender(): ReturnType<AC.CardElement['render']> {
      return undefined;
    }
  };
}

export function registerTeamsChartElements(registry: AC.CardObjectRegistry<AC.CardElement>): void {
  for (const typeName of Object.keys(CHART_SCHEMAS) as ChartType[]) {
    registry.register(typeName, chartElementClass(typeName), AC.Versions.v1_5);
  }
}
