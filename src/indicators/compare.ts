import type { Store } from "../store/store.ts";
import { assess, type AssessContext } from "./assess.ts";
import { computeAll, type IndicatorInput } from "./compute.ts";
import { countryMaturity, notCentralBank, resolveInput } from "./inputs.ts";
import { indicatorsForInput } from "./levels.ts";
import { type ComparedBank, table2, type Table2 } from "./table2.ts";

/** What the Table 2 verdicts of a central bank read besides its indicators (its country's figures). */
export async function assessContext(store: Store, input: IndicatorInput): Promise<AssessContext> {
  const cm = await countryMaturity(store, input.entity, input.date);
  return { entity: input.entity, ...(cm ? { countryMaturity: cm } : {}) };
}

/** One central bank resolved, computed and assessed at `date` (throws UsageError for another kind). */
export async function compareBank(store: Store, entity: string, date: string): Promise<ComparedBank> {
  const input = await resolveInput(store, entity, date);
  if (input.kind !== "central-bank") throw await notCentralBank(store, entity);
  const results = computeAll(indicatorsForInput(input), input);
  return {
    entity,
    date: input.date,
    ...(input.dateNote ? { dateNote: input.dateNote } : {}),
    ...(input.dateNoteText ? { dateNoteText: input.dateNoteText } : {}),
    ...(input.partial ? { partial: input.partial } : {}),
    ...(input.partialText ? { partialText: input.partialText } : {}),
    results,
    assessment: assess(results, await assessContext(store, input)),
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
  return table2(date, banks);
}
