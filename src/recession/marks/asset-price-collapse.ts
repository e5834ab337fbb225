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
 * Why equity or house prices cannot be tested in `year`: a dataset not installed, a year outside a
 * series, or no series for the country at all (with where one could come from).
 */
export function untestedPriceReason(data: CountryData, what: "equity" | "house", year: number): string {
  const field = what === "equity" ? "equityDrawdown" : "houseDrawdown";
  const none =
    what === "equity"
      ? `no equity price series for ${data.country.name} in the data (JST eq_capgain covers 18 countries, Shiller the US, Nikkei Japan; import one with bslab import)`
      : `no house price series for ${data.country.name} in the data (JST hpnom covers 18 countries, BIS WS_SPP about 60 economies)`;
  const fallback = data.present.has(field) ? `no ${what} prices for ${year}` : none;
  return missingReason(data, [field], fallback);
}

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
      `${untestedPriceReason(data, "equity", year)}; ${untestedPriceReason(data, "house", year)}`,
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
  // A price that cannot be tested says why (zh and en): Korea 1997 and China 2015 have no equity series.
  if (eq === null)
    parts.push(ev("equityNotComputable", { reason: untestedPriceReason(data, "equity", year) }));
  if (hp === null) parts.push(ev("houseNotComputable", { reason: untestedPriceReason(data, "house", year) }));
  return {
    id,
    label,
    fired: eqFired || hpFired,
    values: { equityDrawdown: r1(eq), houseDrawdown: r1(hp) },
    detail: evidenceList(parts, "en"),
    evidence: parts,
  };
}
