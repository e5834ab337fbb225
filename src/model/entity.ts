import type { SectorCode } from "./sectors.ts";

/**
 * What an entity is, stored with it (set by the bundled loader's entity rows, or on import with
 * `--entity-kind`): it decides which indicators apply. `null` when nobody said (an entity a file
 * introduced without `--entity-kind`).
 */
export type EntityKind = "central-bank" | "other-depository-corporations" | "sector" | "country";

/** Every entity kind, in the order help texts list them. */
export const ENTITY_KINDS: readonly EntityKind[] = [
  "central-bank",
  "other-depository-corporations",
  "sector",
  "country",
];

/** True when `s` names an entity kind. */
export function isEntityKind(s: string): s is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(s);
}

/** The SNA sector a kind implies when the entity's record names none (central bank S.121, ODC S.122). */
export function sectorOfKind(kind: EntityKind | null): SectorCode | null {
  return kind === "central-bank" ? "S.121" : kind === "other-depository-corporations" ? "S.122" : null;
}

/** Whose balance sheet it is: a central bank, a sector of an economy, or a whole country. */
export interface Entity {
  /** Short stable id used on the command line: `pboc`, `fed`, `ecb`, `boj`. */
  id: string;
  name: { en: string; zh: string };
  /** What the entity is; null when its record does not say. */
  kind: EntityKind | null;
  sector: SectorCode | null;
  /** ISO 3166 alpha-2 country or currency-union code (`CN`, `US`, `XM` for the euro area). */
  country: string;
  /** ISO 4217 code of the entity's own currency; a position in any other currency is foreign. */
  homeCurrency: string;
}
