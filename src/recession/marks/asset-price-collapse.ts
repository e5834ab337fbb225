import type { CountryData } from "../country-data.ts";
import { type Evidence, ev, evidenceList } from "../evidence.ts";
import { missingReason, notComputable, r1, type Signal, val, yearOf } from "../signal.ts";

/** Parameters of the asset-price-collapse mark (workbench choices, see docs/recession-monitor.md). */
export const ASSET_COLLAPSE = {
  /** Equity: deepest level within the year at least this far below the 5-year high, %. */
  equityDrawdown: -30,
  /** Residential property (nominal): at least this far below the 5-year high, %. */
  houseDrawdown: -15,
} as const;

/**
 * Mark 1, asset-price collapse: equity prices >= 30% below their 5-year high (monthly S&P or Nikkei,
 * else the JST equity index) or nominal house prices >= 15% below theirs, within the year.
 * @example assetPriceCollapse(loadCountryData("JP"), 1990).fired // true (Nikkei -48%)
 */
export function assetPriceCollapse(data: CountryData, year: number, p = ASSET_COLLAPSE): Signal {
  const id = "asset-price-collapse";
  const label = "asset-price collapse";
  const y = yearOf(data, year);
  const eq = val(y.equityDrawdown);
  const hp = val(y.houseDrawdown);
  if (eq === null && hp === null)
    return notComputable(
      id,
      label,
      missingReason(data, ["equityDrawdown", "houseDrawdown"], `no equity or house prices for ${year}`),
    );
  const eqFired = eq !== null && eq <= p.equityDrawdown;
  const hpFired = hp !== null && hp <= p.houseDrawdown;
  const parts: Evidence[] = [];
  if (eq !== null)
    parts.push(
      ev("equityDrawdown", {
        drawdown: r1(eq),
        source: y.equityDrawdown!.source,
        threshold: p.equityDrawdown,
      }),
    );
  if (hp !== null)
    parts.push(
      ev("houseDrawdown", { drawdown: r1(hp), source: y.houseDrawdown!.source, threshold: p.houseDrawdown }),
    );
  if (eq === null && data.unavailable.equityDrawdown)
    parts.push(
      ev("equityNotComputable", {
        reason: missingReason(data, ["equityDrawdown"], `no equity prices for ${year}`),
      }),
    );
  return {
    id,
    label,
    fired: eqFired || hpFired,
    values: { equityDrawdown: r1(eq), houseDrawdown: r1(hp) },
    detail: evidenceList(parts, "en"),
    evidence: parts,
  };
}
