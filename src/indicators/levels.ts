import { SHEET_ENTITIES } from "../model/entity.ts";
import { listIndicators } from "./registry.ts";
import type { IndicatorDef, IndicatorLevel } from "./types.ts";

const SHEET_ENTITY = new Map(SHEET_ENTITIES.map((e) => [e.id, e]));

/**
 * The indicator levels that apply to an entity, from what its inputs are: a central bank's sheets
 * (S.121) take the central-bank and sector indicators; another sector's sheets (the other
 * depository corporations, S.122) the sector ones; an External Wealth of Nations economy (any other
 * name) the country ones. The one place `bslab indicators`, the API and the reports choose them.
 * @example levelsForEntity("pboc") // ["central-bank", "sector"]
 * @example levelsForEntity("pboc-odc") // ["sector"]
 * @example levelsForEntity("China") // ["country"]
 */
export function levelsForEntity(entity: string): IndicatorLevel[] {
  const e = SHEET_ENTITY.get(entity);
  if (!e) return ["country"];
  return e.sector === "S.121" ? ["central-bank", "sector"] : ["sector"];
}

/** The indicator definitions of {@link levelsForEntity}, in registry order. */
export function indicatorsForEntity(entity: string): IndicatorDef[] {
  return listIndicators({ level: levelsForEntity(entity) });
}
