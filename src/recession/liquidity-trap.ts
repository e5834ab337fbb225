import type { CountryData } from "./country-data.ts";
import { MONETARY_INEFFECTIVE } from "./marks/monetary-ineffective.ts";
import { ev, evidenceList } from "./evidence.ts";
import { missingReason, notComputable, type Signal, val, yearOf } from "./signal.ts";

/**
 * Step 4, liquidity-trap persistence: number of consecutive years, up to and including `year`, with
 * the short rate at or below 1%. Fires from the second such year.
 * @example liquidityTrap(loadCountryData("JP"), 2005).values.years // 10
 */
export function liquidityTrap(
  data: CountryData,
  year: number,
  nearZero = MONETARY_INEFFECTIVE.nearZero,
): Signal {
  const id = "liquidity-trap";
  const label = "liquidity-trap persistence";
  const rate = val(yearOf(data, year).shortRate);
  if (rate === null)
    return notComputable(id, label, missingReason(data, ["shortRate"], `no short-term rate for ${year}`));
  let n = 0;
  for (let y = year; ; y--) {
    const r = val(yearOf(data, y).shortRate);
    if (r === null || r > nearZero) break;
    n++;
  }
  const evidence = [n === 0 ? ev("rateAbove", { rate, nearZero }) : ev("trapYears", { nearZero, years: n })];
  return {
    id,
    label,
    fired: n >= 2,
    values: { shortRate: Math.round(rate * 100) / 100, years: n },
    detail: evidenceList(evidence, "en"),
    evidence,
  };
}
