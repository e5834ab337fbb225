import { FED_ENTITY, fedInputSources } from "../io/fed/fred-series.ts";
import { loadLatestSeries } from "../store/series.ts";
import { loadSheet } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import { assess, type AssessContext } from "./assess.ts";
import { computeAll, type IndicatorInput } from "./compute.ts";
import { countryMaturity, notCentralBank, resolveInput } from "./inputs.ts";
import { indicatorsForInput } from "./levels.ts";
import { type ComparedBank, table2, type Table2 } from "./table2.ts";
import { type TextFigure, textFigures } from "./text-figures.ts";

/** What the Table 2 verdicts of a central bank read besides its indicators (its country's figures). */
export async function assessContext(store: Store, input: IndicatorInput): Promise<AssessContext> {
  const cm = await countryMaturity(store, input.entity, input.date);
  return {
    entity: input.entity,
    ...(cm ? { countryMaturity: cm } : {}),
    ...(input.entity === FED_ENTITY ? { sources: fedInputSources() } : {}),
  };
}

/** One central bank resolved, computed and assessed at `date` (throws UsageError for another kind). */
export async function compareBank(store: Store, entity: string, date: string): Promise<ComparedBank> {
  const input = await resolveInput(store, entity, date);
  if (input.kind !== "central-bank") throw await notCentralBank(store, entity);
  const results = computeAll(indicatorsForInput(input), input);
  const context = await assessContext(store, input);
  return {
    entity,
    date: input.date,
    ...(input.dateNote ? { dateNote: input.dateNote } : {}),
    ...(input.dateNoteText ? { dateNoteText: input.dateNoteText } : {}),
    ...(input.partial ? { partial: input.partial } : {}),
    ...(input.partialText ? { partialText: input.partialText } : {}),
    results,
    assessment: assess(results, context),
    ...(context.sources ? { sources: context.sources } : {}),
  };
}

/**
 * The central-bank comparison (Table 2) of `entities` at `date`, each resolved from the store the
 * same way whether bundled or imported.
 * @example (await loadComparison(store, ["pboc", "fed", "boj", "ecb"], "2013-12")).score
 */
export async function loadComparison(
  store: Store,
  entities: readonly string[],
  date: string,
): Promise<Table2> {
  const banks: ComparedBank[] = [];
  for (const e of entities) banks.push(await compareBank(store, e, date));
  const figures = date.startsWith("2013") && entities.includes("pboc") ? await loadTextFigures(store) : [];
  return table2(date, banks, figures);
}

/**
 * SAFE's external-debt series the study's 2013 figures are on: the registered foreign-currency basis
 * (外币登记口径) is the one SAFE published for 2002-2013 before its 2015 full-caliber revision.
 */
const SAFE_SERIES = {
  shortTermDebt: "SAFE/EXTERNAL_DEBT/short_term_external_debt.FC_REGISTERED",
  totalDebt: "SAFE/EXTERNAL_DEBT/total_external_debt.FC_REGISTERED",
  reserves: "SAFE/EXTERNAL_DEBT/fx_reserves.OFFICIAL",
} as const;

/** The study's text figures on the PBoC and China's external debt, from the stored sheets and series. */
export async function loadTextFigures(store: Store): Promise<TextFigure[]> {
  const series = await loadLatestSeries(store, Object.values(SAFE_SERIES));
  const byId = new Map(series.map((s) => [s.id, s]));
  const start = await loadSheet(store, "pboc", "2002-12");
  const end = await loadSheet(store, "pboc", "2013-12");
  return textFigures({
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...Object.fromEntries(
      Object.entries(SAFE_SERIES).flatMap(([k, id]) => (byId.has(id) ? [[k, byId.get(id)!]] : [])),
    ),
  });
}
