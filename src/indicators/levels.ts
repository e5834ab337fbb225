import type { EntityKind } from "../model/entity.ts";
import type { IndicatorInput } from "./compute.ts";
import { listIndicators } from "./registry.ts";
import type { IndicatorDef, IndicatorLevel } from "./types.ts";

/**
 * The indicator levels that apply to an entity of `kind`, as the store records it: a central bank
 * takes the central-bank and sector indicators; other depository corporations, another sector, or
 * an entity whose kind nobody set, the sector ones (they read any balance sheet); a country the
 * country ones. The one place `bslab indicators`, the API and the reports choose them.
 * @example levelsForKind("central-bank") // ["central-bank", "sector"]
 * @example levelsForKind("country") // ["country"]
 */
export function levelsForKind(kind: EntityKind | null | undefined): IndicatorLevel[] {
  if (kind === "central-bank") return ["central-bank", "sector"];
  if (kind === "country") return ["country"];
  return ["sector"];
}

/** The indicator definitions of {@link levelsForKind}, in registry order. */
export function indicatorsForKind(kind: EntityKind | null | undefined): IndicatorDef[] {
  return listIndicators({ level: levelsForKind(kind) });
}

/** The indicators that apply to a resolved input (its entity's kind). */
export function indicatorsForInput(input: IndicatorInput): IndicatorDef[] {
  return indicatorsForKind(input.kind);
}
