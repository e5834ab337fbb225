import type { CountryData } from "../country-data.ts";
import { type Evidence, ev, evidenceList } from "../evidence.ts";
import { missingReason, notComputable, r1, type Signal, val, yearOf } from "../signal.ts";

/** Parameters of the private-deleveraging mark. */
export const PRIVATE_DELEVERAGING = {
  /** Nominal private credit falling faster than this, % y/y. */
  creditGrowthBelow: 0,
  /** Or private credit / GDP down by at least this much over 3 years, pp of GDP. */
  ratioFall3y: -5,
  /** Or the corporate sector in financial surplus (>= this, % of GDP) ... */
  corporateSurplus: 0,
  /** ... with the whole private sector (households + corporations) in surplus of at least this, % of GDP. */
  privateSurplus: 3,
} as const;

/**
 * Mark 3, private deleveraging: nominal private credit falls, or private credit/GDP falls >= 5 pp
 * over 3 years, or firms run a financial surplus (net lending >= 0) while the private sector as a
 * whole saves >= 3% of GDP (Koo's "debt minimisation": firms repay debt instead of borrowing).
 * @example privateDeleveraging(loadCountryData("JP"), 2003).values.corporateBalance // 9.9
 */
export function privateDeleveraging(data: CountryData, year: number, p = PRIVATE_DELEVERAGING): Signal {
  const id = "private-deleveraging";
  const label = "private deleveraging";
  const y = yearOf(data, year);
  const growth = val(y.creditGrowth);
  const ratio = val(y.creditGdp);
  const ratio3 = val(yearOf(data, year - 3).creditGdp);
  const corp = val(y.corporateBalance);
  const hh = val(y.householdBalance);
  if (growth === null && (ratio === null || ratio3 === null) && corp === null)
    return notComputable(
      id,
      label,
      missingReason(
        data,
        ["creditGrowth", "creditGdp", "corporateBalance"],
        `no private credit or sectoral balances for ${year}`,
      ),
    );
  const dRatio = ratio !== null && ratio3 !== null ? ratio - ratio3 : null;
  const priv = corp !== null && hh !== null ? corp + hh : null;
  const a = growth !== null && growth < p.creditGrowthBelow;
  const b = dRatio !== null && dRatio <= p.ratioFall3y;
  const c = corp !== null && priv !== null && corp >= p.corporateSurplus && priv >= p.privateSurplus;
  const parts: Evidence[] = [];
  if (growth !== null) parts.push(ev("creditGrowth", { value: r1(growth) }));
  if (dRatio !== null) parts.push(ev("creditGdpChange", { ratio: r1(ratio), change: r1(dRatio) }));
  if (corp !== null) parts.push(ev("corporateBalance", { value: r1(corp) }));
  if (priv !== null) parts.push(ev("privateBalance", { value: r1(priv) }));
  return {
    id,
    label,
    fired: a || b || c,
    values: {
      creditGrowth: r1(growth),
      creditGdp: r1(ratio),
      creditGdpChange3y: r1(dRatio),
      corporateBalance: r1(corp),
      privateBalance: r1(priv),
    },
    detail: evidenceList(parts, "en"),
    evidence: parts,
  };
}
