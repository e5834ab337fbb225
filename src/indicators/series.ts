import type { Store } from "../store/store.ts";
import type { IndicatorResult } from "./compute.ts";
import { computeIndicator } from "./compute.ts";
import { inputsInRange, parsePeriod } from "./inputs.ts";
import { indicatorMessages as msg } from "./messages.ts";
import type { IndicatorDef } from "./types.ts";
import { UsageError, NotFoundError } from "../errors.ts";
import type { IndicatorInput } from "./compute.ts";
import { indicatorsForInput } from "./levels.ts";
import { compiledOf, evaluateAll, type CompiledValues } from "./compiled.ts";

/** One date of an indicator time series: the results of the asked indicators at that date. */
export interface SeriesRow {
  date: string;
  results: IndicatorResult[];
}

/**
 * Computes indicators at every input date of `inputs` (pure; no store), in date order.
 * @example indicatorSeries([currencyShare], inputs).map((r) => r.results[0].value)
 */
export function indicatorSeries(
  defs: readonly IndicatorDef[],
  inputs: readonly IndicatorInput[],
): SeriesRow[] {
  return inputs.map((input) => ({ date: input.date, results: defs.map((d) => computeIndicator(d, input)) }));
}

/**
 * The time series of `defs` (default: those that apply to the entity's kind) for `entity` over
 * [from, to] (inclusive; `YYYY`, `YYYY-MM` or a day):
 * monthly for the PBoC, weekly for the Fed and the ECB (itemised H.4.1 weeks where they exist, FRED
 * totals elsewhere), annual for the BoJ and EWN economies.
 * @example await loadIndicatorSeries(store, "pboc", "2002-12", "2013-12", [getIndicator("cb.currency_issued_share")])
 */
export async function loadIndicatorSeries(
  store: Store,
  entity: string,
  from: string,
  to: string,
  defs?: readonly IndicatorDef[],
): Promise<SeriesRow[]> {
  const inputs = await seriesInputs(store, entity, from, to);
  return indicatorSeries(defs ?? indicatorsForInput(inputs[0]!), inputs);
}

/**
 * {@link loadIndicatorSeries} through the compiled engine: the same values and notes, computed in
 * one pass over all dates; a cell's traced result (lines, sources) only when asked for
 * (`result(i, k)`). What the series API, Figure 1, the explorer and `bslab indicators --from --to` use.
 * @example (await loadCompiledSeries(store, "pboc", "2013-12", "2013-12")).value(0, 0)
 */
export async function loadCompiledSeries(
  store: Store,
  entity: string,
  from: string,
  to: string,
  defs?: readonly IndicatorDef[],
): Promise<CompiledValues> {
  const inputs = await seriesInputs(store, entity, from, to);
  return evaluateAll((defs ?? indicatorsForInput(inputs[0]!)).map(compiledOf), inputs);
}

/** The inputs of a series over [from, to], checking the range; NotFoundError when there are none. */
async function seriesInputs(
  store: Store,
  entity: string,
  from: string,
  to: string,
): Promise<IndicatorInput[]> {
  parsePeriod(from);
  parsePeriod(to);
  if (from.localeCompare(to) > 0 && !to.startsWith(from.slice(0, to.length)))
    throw new UsageError(msg.badRange(from, to));
  const inputs = await inputsInRange(store, entity, from, to);
  if (inputs.length === 0) throw new NotFoundError(msg.noRange(entity, from, to));
  return inputs;
}
