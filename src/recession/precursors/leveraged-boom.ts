import type { CountryData } from "../country-data.ts";
import { type Evidence, ev, evidenceList } from "../evidence.ts";
import { missingReason, notComputable, r1, type Signal, val, yearOf } from "../signal.ts";

/** Parameters of the leveraged-boom precursor. */
export const LEVERAGED_BOOM = {
  /** Credit-to-GDP gap at or above this alone is a boom (the Basel buffer guide's 2.5% point), pp. */
  gapAlone: 10,
  /** Credit gap above the Basel lower threshold L = 2 pp counts together with an asset-price boom. */
  gapWithAssets: 2,
  /** Asset boom: CAPE at or above this (US) ... */
  cape: 25,
  /** ... or real equity prices up by this much over 3 years, % ... */
  equity3y: 50,
  /** ... or real house prices up by this much over 3 years, %. */
  house3y: 25,
} as const;

/**
 * Step 1 precursor, leveraged boom: borrowed money flowing into assets. Fires when the credit gap is
 * >= 10 pp, or >= 2 pp (Basel L) together with an asset boom (CAPE >= 25, real equity +50% or real house prices
 * +25% over 3 years).
 * @example leveragedBoom(loadCountryData("US"), 1929).values.cape // 32.6
 */
export function leveragedBoom(data: CountryData, year: number, p = LEVERAGED_BOOM): Signal {
  const id = "leveraged-boom";
  const label = "leveraged boom";
  const y = yearOf(data, year);
  const gap = val(y.creditGap);
  const cape = val(y.cape);
  const eq = val(y.equityBoom3y);
  const hp = val(y.houseBoom3y);
  if (gap === null && cape === null && eq === null && hp === null)
    return notComputable(
      id,
      label,
      missingReason(
        data,
        ["creditGap", "cape", "equityBoom3y", "houseBoom3y"],
        `no credit gap or asset valuations for ${year}`,
      ),
    );
  const assetBoom =
    (cape !== null && cape >= p.cape) ||
    (eq !== null && eq >= p.equity3y) ||
    (hp !== null && hp >= p.house3y);
  const fired = gap !== null && (gap >= p.gapAlone || (gap >= p.gapWithAssets && assetBoom));
  const parts: Evidence[] = [];
  if (gap !== null) {
    // The series the gap was computed from travels with the evidence (not in its sentence).
    const o = y.creditGap!.origin;
    const values: Record<string, number | string | null> = { gap: r1(gap), source: y.creditGap!.source };
    if (o) Object.assign(values, { series: o.id, vintage: o.vintage, dataset: o.dataset, file: o.file });
    parts.push(ev("creditGap", values));
  }
  if (cape !== null) parts.push(ev("cape", { cape }));
  if (eq !== null) parts.push(ev("equityBoom", { change: r1(eq) }));
  if (hp !== null) parts.push(ev("houseBoom", { change: r1(hp) }));
  return {
    id,
    label,
    fired,
    values: { creditGap: r1(gap), cape: r1(cape), equity3y: r1(eq), house3y: r1(hp) },
    detail: evidenceList(parts, "en"),
    evidence: parts,
  };
}
