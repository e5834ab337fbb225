import type { CountryData } from "./country-data.ts";
import { type Evidence, ev } from "./evidence.ts";
import { missingReason, r1, val, yearOf } from "./signal.ts";

/** Parameters of the labour-market slack test. */
export const SLACK = {
  /** Years whose lowest unemployment rate stands for full employment. */
  lookbackYears: 10,
  /** Slack: unemployment at least this far above that low, pp. */
  aboveLowPp: 1,
} as const;

/** Outcome of {@link labourSlack} for one year. */
export interface Slack {
  /** true = slack, false = a tight labour market, null = not tested (no unemployment series). */
  slack: boolean | null;
  unemployment: number | null;
  /** Lowest unemployment rate of the preceding `lookbackYears` years. */
  low: number | null;
  evidence: Evidence;
}

/**
 * Labour-market slack in `year`: the unemployment rate at least 1 pp above its lowest level of the
 * preceding 10 years (that low stands for the last full employment). A balance-sheet recession is
 * a recession: falling credit in a tight labour market (US 1942-44, war finance, unemployment
 * 4.7% to 1.2%) is not the private sector minimising debt, so the deleveraging and monetary marks
 * need slack where unemployment is known. Without a series, slack is "not tested" and says why.
 * @example labourSlack(loadCountryData("US"), 1943).slack // false (1.9% against a 10-year low of 4.7%)
 */
export function labourSlack(data: CountryData, year: number, p = SLACK): Slack {
  const u = val(yearOf(data, year).unemployment);
  if (u === null) {
    const reason = missingReason(data, ["unemployment"], `no unemployment rate for ${year}`);
    return { slack: null, unemployment: null, low: null, evidence: ev("slackNotTested", { reason }) };
  }
  let low: number | null = null;
  for (let k = 1; k <= p.lookbackYears; k++) {
    const v = val(yearOf(data, year - k).unemployment);
    if (v !== null) low = low === null ? v : Math.min(low, v);
  }
  if (low === null) {
    const reason = `no unemployment rate in the ${p.lookbackYears} years before ${year}`;
    return { slack: null, unemployment: u, low: null, evidence: ev("slackNotTested", { reason }) };
  }
  const slack = u >= low + p.aboveLowPp;
  return {
    slack,
    unemployment: r1(u),
    low: r1(low),
    evidence: ev(slack ? "slack" : "noSlack", {
      unemployment: r1(u),
      low: r1(low),
      years: p.lookbackYears,
      margin: p.aboveLowPp,
    }),
  };
}
