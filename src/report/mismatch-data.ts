import { NotFoundError } from "../errors.ts";
import { type Assessment, assess } from "../indicators/assess.ts";
import { assessContext } from "../indicators/compare.ts";
import { computeAll, type IndicatorInput, type IndicatorResult } from "../indicators/compute.ts";
import { parsePeriod, resolveInput } from "../indicators/inputs.ts";
import { indicatorsForInput } from "../indicators/levels.ts";
import { loadIndicatorSeries, type SeriesRow } from "../indicators/series.ts";
import type { IndicatorDef } from "../indicators/types.ts";
import { resolveCountry } from "../recession/countries.ts";
import { getEntity, listEntities } from "../store/sheets.ts";
import { loadRevaluation, type RevaluationReport } from "../stress/load.ts";
import type { Store } from "../store/store.ts";
import type { Text } from "./i18n.ts";

/** One central bank of the comparison at the report's date, or why it has no data. */
export type PeerData =
  | {
      entity: string;
      name: Text;
      date: string;
      partial?: string;
      /** `partial` in both languages. */
      partialText?: Text;
      results: IndicatorResult[];
      assessment: Assessment;
    }
  | { entity: string; name: Text; error: string };

/**
 * The name of an economy that is not a stored entity (an External Wealth of Nations economy such as
 * "China"): its Chinese name from the country list in data/ (data/country-codes/countries.csv), or
 * the name as published when the list has none.
 */
function economyName(id: string): Text {
  try {
    return { en: id, zh: resolveCountry(id).nameZh };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return { en: id, zh: id };
  }
}

/** Everything a mismatch report reads from the store, gathered once (the report builder is pure). */
export interface MismatchData {
  entity: string;
  name: Text;
  centralBank: boolean;
  /** The date asked for, and the input actually used (a month resolves to its last sheet). */
  asked: string;
  input: IndicatorInput;
  defs: IndicatorDef[];
  results: IndicatorResult[];
  assessment: Assessment;
  /** Year-end rows of the indicator series over the `years` years up to the date. */
  series: SeriesRow[];
  /** Why the series is empty, when it is (in both languages). */
  seriesError?: Text;
  peers: PeerData[];
  /** Central banks: the revaluation stress at the date (10%, 20%, 30% appreciation) and its history. */
  revaluation?: RevaluationReport;
}

/** The last row of each year: a monthly or weekly series read at year-end, as the study's charts are. */
export function yearEnd(rows: readonly SeriesRow[]): SeriesRow[] {
  const byYear = new Map<string, SeriesRow>();
  for (const r of rows) byYear.set(r.date.slice(0, 4), r);
  return [...byYear.values()];
}

/**
 * Loads what a mismatch report of `entity` at `date` needs: the indicators at the date (with their
 * source lines), the Table 2 assessment, the year-end series over `years` years (default 12:
 * 2002-2013 for an end-2013 report, the span of the study's Figure 1) and the other central banks at
 * the same date. Throws UsageError on a malformed date and NotFoundError on an unknown entity or a
 * date without data.
 * @example await loadMismatchData(store, "pboc", "2013-12")
 */
export async function loadMismatchData(
  store: Store,
  entity: string,
  date: string,
  options: { years?: number } = {},
): Promise<MismatchData> {
  parsePeriod(date);
  const input = await resolveInput(store, entity, date);
  const defs = indicatorsForInput(input);
  const results = computeAll(defs, input);
  const cb = input.kind === "central-bank";
  const assessment = assess(results, await assessContext(store, input));
  const name: Text = (await getEntity(store, entity))?.name ?? economyName(input.entity);
  const years = options.years ?? 12;
  const from = String(Number(date.slice(0, 4)) - years + 1);
  let series: SeriesRow[] = [];
  let seriesError: Text | undefined;
  try {
    series = yearEnd(await loadIndicatorSeries(store, entity, from, input.date, defs));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    seriesError = { en: error.messageIn("en"), zh: error.messageIn("zh") };
  }
  const peers: PeerData[] = [];
  if (cb)
    for (const peer of (await listEntities(store)).filter((e) => e.kind === "central-bank")) {
      if (peer.id === entity) {
        peers.push({
          entity,
          name,
          date: input.date,
          ...partialOf(input),
          results,
          assessment,
        });
        continue;
      }
      try {
        const pin = await resolveInput(store, peer.id, date);
        const pres = computeAll(indicatorsForInput(pin), pin);
        peers.push({
          entity: peer.id,
          name: peer.name,
          date: pin.date,
          ...partialOf(pin),
          results: pres,
          assessment: assess(pres, await assessContext(store, pin)),
        });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        peers.push({ entity: peer.id, name: peer.name, error: error.message });
      }
    }
  let revaluation: RevaluationReport | undefined;
  if (cb)
    try {
      revaluation = await loadRevaluation(store, entity, date, [0.1, 0.1, 0.1]);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  return {
    ...(revaluation ? { revaluation } : {}),
    entity: input.entity,
    name,
    centralBank: cb,
    asked: date,
    input,
    defs,
    results,
    assessment,
    series,
    ...(seriesError ? { seriesError } : {}),
    peers,
  };
}

function partialOf(input: IndicatorInput): { partial?: string; partialText?: Text } {
  if (!input.partial) return {};
  return {
    partial: input.partial,
    partialText: input.partialText ?? { en: input.partial, zh: input.partial },
  };
}
