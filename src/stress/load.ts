import { NotFoundError } from "../errors.ts";
import { computeIndicator, type IndicatorInput } from "../indicators/compute.ts";
import { inputsInRange, resolveInput } from "../indicators/inputs.ts";
import { getIndicator } from "../indicators/registry.ts";
import { selectPositions } from "../indicators/select.ts";
import { sumValues } from "../model/balance-sheet.ts";
import { unitLabel } from "../model/units.ts";
import { listSeries, loadSeries } from "../store/series.ts";
import { getEntity } from "../store/sheets.ts";
import type { Store } from "../store/store.ts";
import {
  historicalRevaluation,
  type HistoricalResult,
  revaluationStress,
  type RevaluationPosition,
  type StressResult,
} from "./revaluation.ts";

/** Everything the stress panel, the CLI and the report show for one central bank at one date. */
export interface RevaluationReport {
  entity: string;
  date: string;
  dateNote: string | null;
  /** The sheet's unit, as printed ("CNY hundred millions (1e8)"). */
  unit: string;
  unitText: { en: string; zh: string };
  position: RevaluationPosition;
  /** The lines each figure was read from (item @ file:row). */
  sources: { netForeign: string[]; equity: string[] };
  stress: StressResult;
  /** The book losses implied by the bundled exchange rate since `historyFrom` (null: no rate series). */
  history: HistoricalResult | null;
  /** The rate series used for the history, or why there is none. */
  rate: { id: string; name: string; file: string } | { missing: string };
}

const NET = getIndicator("cb.net_fx_position");

/** Net FC position, FX assets and own capital of a resolved central-bank input, with their lines. */
export function positionOf(input: IndicatorInput): {
  position: RevaluationPosition;
  sources: RevaluationReport["sources"];
} {
  const r = computeIndicator(NET, input);
  if (r.value === null) throw new NotFoundError(`${input.entity} ${input.date}: ${r.note}`);
  const fx = r.inputs.find((i) => i.term === "fx_assets");
  const equity = input.sheet ? selectPositions(input.sheet, { side: "equity" }).matched : [];
  return {
    position: { netForeign: r.value, foreignAssets: fx?.value ?? 0, equity: sumValues(equity) },
    sources: {
      netForeign: r.inputs.flatMap((i) => i.lines.map((l) => `${l.item}@${l.source}`)),
      equity: equity.map((p) => `${p.item}@${p.source.file}:${p.source.row}`),
    },
  };
}

/** The stored series of domestic currency per USD of `entity`'s country, if any. */
async function usdRate(store: Store, entity: string) {
  const info = await getEntity(store, entity);
  if (!info?.country) return undefined;
  const metas = await listSeries(store, { entity: info.country });
  const m = metas.find((x) => /per USD|美元/.test(x.name) && /美元|USD/.test(x.id + x.name));
  return m ? loadSeries(store, m.id) : undefined;
}

/**
 * The revaluation stress of `entity` at `date` along `path` (one appreciation, or several in turn)
 * and the historical book losses implied by the stored exchange rate from `historyFrom` to `date`.
 * @example await loadRevaluation(store, "pboc", "2013-12", [0.1])
 */
export async function loadRevaluation(
  store: Store,
  entity: string,
  date: string,
  path: readonly number[],
  historyFrom = "2005-07",
): Promise<RevaluationReport> {
  const input = await resolveInput(store, entity, date);
  if (!input.sheet) throw new NotFoundError(`${entity} ${date}: no balance sheet to stress`);
  const { position, sources } = positionOf(input);
  const stress = revaluationStress(position, path);
  const rateSeries = await usdRate(store, entity);
  let history: HistoricalResult | null = null;
  if (rateSeries) {
    const positions = [];
    for (const i of await inputsInRange(store, entity, historyFrom, input.date)) {
      if (i.partial || !i.sheet) continue;
      const v = computeIndicator(NET, i).value;
      if (v !== null) positions.push({ date: i.date, netForeign: v });
    }
    history = historicalRevaluation(
      positions,
      rateSeries.observations.map((o) => ({ date: o.date, rate: o.value })),
    );
  }
  return {
    entity,
    date: input.date,
    dateNote: input.dateNote ?? null,
    unit: unitLabel(input.sheet.unit),
    unitText: { en: unitLabel(input.sheet.unit, "en"), zh: unitLabel(input.sheet.unit, "zh") },
    position,
    sources,
    stress,
    history,
    rate: rateSeries
      ? { id: rateSeries.id, name: rateSeries.name, file: rateSeries.file }
      : {
          missing:
            "no stored series of the domestic currency per USD for this country (import one: long series CSV entity,date,series,value,unit,scale with a name saying per USD)",
        },
  };
}
