import type { CountryData } from "../country-data.ts";
import { ev, evidenceList } from "../evidence.ts";
import { missingReason, notComputable, r1, type Signal, val, yearOf } from "../signal.ts";

/** Parameters of the deflation mark. */
export const DEFLATION = {
  /** CPI inflation below this, % y/y. */
  inflationBelow: 0,
} as const;

/**
 * Mark 4, deflation: consumer prices fall (CPI inflation < 0% y/y; JST cpi, else BIS long CPI).
 * @example deflation(loadCountryData("US"), 1931).values.inflation // -9.0
 */
export function deflation(data: CountryData, year: number, p = DEFLATION): Signal {
  const id = "deflation";
  const label = "deflation";
  const y = yearOf(data, year);
  const infl = val(y.inflation);
  if (infl === null)
    return notComputable(id, label, missingReason(data, ["inflation"], `no CPI for ${year}`));
  const evidence = [ev("cpi", { inflation: r1(infl), source: y.inflation!.source })];
  return {
    id,
    label,
    fired: infl < p.inflationBelow,
    values: { inflation: r1(infl) },
    detail: evidenceList(evidence, "en"),
    evidence,
  };
}
