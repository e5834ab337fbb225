import type { CountryData } from "../country-data.ts";
import { ev, evidenceList } from "../evidence.ts";
import { missingReason, notComputable, r1, type Signal, val, yearOf } from "../signal.ts";
import { labourSlack } from "../slack.ts";

/** Parameters of the monetary-policy-ineffective mark. */
export const MONETARY_INEFFECTIVE = {
  /** Short rate at or below this level counts as "near zero", % (JST stir). */
  nearZero: 1.0,
  /** Or: cut by at least this much from its highest level of the previous 3 years, pp ... */
  hardCut: 3.0,
  /** ... down to a low level: at or below this, % (Sweden's 8.5% in 1993 after a 4.8 pp cut is not easy money). */
  lowRate: 3.0,
  /** ... while nominal private credit grows by less than this, % y/y. */
  creditGrowthBelow: 0,
} as const;

/**
 * Mark 2, monetary policy ineffective: the short rate is near zero (<= 1%) or was cut hard (>= 3 pp
 * below its 3-year high) to a low level (<= 3%), while nominal private credit contracts (growth < 0%
 * y/y) and, where unemployment is known, the labour market shows slack: low rates do not revive
 * borrowing (Koo's liquidity trap in credit demand).
 * @example monetaryIneffective(loadCountryData("JP"), 1999).fired // true (stir 0.06%, loans -1.7%)
 */
export function monetaryIneffective(data: CountryData, year: number, p = MONETARY_INEFFECTIVE): Signal {
  const id = "monetary-ineffective";
  const label = "monetary policy ineffective";
  const y = yearOf(data, year);
  const rate = val(y.shortRate);
  const growth = val(y.creditGrowth);
  if (rate === null)
    return notComputable(
      id,
      label,
      missingReason(data, ["shortRate"], `no short-term rate for ${year} (JST stir covers 18 countries)`),
    );
  if (growth === null)
    return notComputable(
      id,
      label,
      missingReason(data, ["creditGrowth"], `no private credit growth for ${year}`),
    );
  let high = rate;
  for (let k = 1; k <= 3; k++) high = Math.max(high, val(yearOf(data, year - k).shortRate) ?? -Infinity);
  const cut = high - rate;
  const easy = rate <= p.nearZero || (cut >= p.hardCut && rate <= p.lowRate);
  const contracting = growth < p.creditGrowthBelow;
  const slack = labourSlack(data, year);
  const evidence = [
    ev("monetary", {
      rate,
      cut: r1(cut),
      nearZero: p.nearZero,
      hardCut: p.hardCut,
      lowRate: p.lowRate,
      creditGrowth: r1(growth),
      source: y.creditGrowth!.source,
    }),
    slack.evidence,
  ];
  return {
    id,
    label,
    fired: easy && contracting && slack.slack !== false,
    values: {
      shortRate: r1(rate),
      cutFrom3yHigh: r1(cut),
      creditGrowth: r1(growth),
      unemployment: slack.unemployment,
    },
    detail: evidenceList(evidence, "en"),
    evidence,
  };
}
