import type { CountryData } from "../country-data.ts";
import { type Evidence, ev, evidenceList } from "../evidence.ts";
import { missingReason, notComputable, r1, type Signal, val, yearOf } from "../signal.ts";
import { labourSlack } from "../slack.ts";

/** Parameters of the private-deleveraging mark. */
export const PRIVATE_DELEVERAGING = {
  /** Nominal private credit falling faster than this, % y/y. */
  creditGrowthBelow: 0,
  /** Or private credit / GDP down by at least this much over 3 years, pp of GDP ... */
  ratioFall3y: -5,
  /** ... with nominal credit no higher than 3 years before (cumulative growth below this, %). */
  credit3yBelow: 0,
  /** Or the corporate sector in financial surplus (>= this, % of GDP) ... */
  corporateSurplus: 0,
  /** ... with the whole private sector (households + corporations) in surplus of at least this, % of GDP, while credit/GDP falls. */
  privateSurplus: 3,
} as const;

// Nominal credit growth over the 3 years to `year`, %, from the y/y rates; null if one is missing.
function growth3y(data: CountryData, year: number): number | null {
  let level = 1;
  for (let k = 0; k < 3; k++) {
    const g = val(yearOf(data, year - k).creditGrowth);
    if (g === null) return null;
    level *= 1 + g / 100;
  }
  return 100 * (level - 1);
}

/**
 * Mark 3, private deleveraging (Koo's debt minimisation): (a) nominal private credit falls; or
 * (b) private credit/GDP falls >= 5 pp over 3 years while nominal credit is no higher than 3 years
 * before (debt repaid, not only GDP growing: US 1941 credit +12.9% is not deleveraging); or (c)
 * firms run a financial surplus while the private sector saves >= 3% of GDP and credit/GDP falls.
 * Where unemployment is known the labour market must show slack ({@link labourSlack}): credit
 * falling at full employment (US 1943: -12%, unemployment 1.9%) is war finance, not balance-sheet repair.
 * @example privateDeleveraging(loadCountryData("JP"), 2003).values.corporateBalance // 9.9
 */
export function privateDeleveraging(data: CountryData, year: number, p = PRIVATE_DELEVERAGING): Signal {
  const id = "private-deleveraging";
  const label = "private deleveraging";
  const y = yearOf(data, year);
  const growth = val(y.creditGrowth);
  const ratio = val(y.creditGdp);
  const ratio1 = val(yearOf(data, year - 1).creditGdp);
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
  const g3 = growth3y(data, year);
  const priv = corp !== null && hh !== null ? corp + hh : null;
  const a = growth !== null && growth < p.creditGrowthBelow;
  // Without credit growth the ratio alone is read, as before.
  const b =
    dRatio !== null && dRatio <= p.ratioFall3y && (g3 === null ? growth === null : g3 < p.credit3yBelow);
  const ratioFalling = ratio !== null && ratio1 !== null ? ratio < ratio1 : growth === null;
  const c =
    corp !== null && priv !== null && corp >= p.corporateSurplus && priv >= p.privateSurplus && ratioFalling;
  const slack = labourSlack(data, year);
  const parts: Evidence[] = [];
  if (growth !== null) parts.push(ev("creditGrowth", { value: r1(growth) }));
  if (dRatio !== null) parts.push(ev("creditGdpChange", { ratio: r1(ratio), change: r1(dRatio) }));
  if (g3 !== null && dRatio !== null && dRatio <= p.ratioFall3y)
    parts.push(ev("credit3y", { change: r1(g3) }));
  if (corp !== null) parts.push(ev("corporateBalance", { value: r1(corp) }));
  if (priv !== null) parts.push(ev("privateBalance", { value: r1(priv) }));
  parts.push(slack.evidence);
  return {
    id,
    label,
    fired: (a || b || c) && slack.slack !== false,
    values: {
      creditGrowth: r1(growth),
      creditGrowth3y: r1(g3),
      creditGdp: r1(ratio),
      creditGdpChange3y: r1(dRatio),
      corporateBalance: r1(corp),
      privateBalance: r1(priv),
      unemployment: slack.unemployment,
      unemploymentLow10y: slack.low,
    },
    detail: evidenceList(parts, "en"),
    evidence: parts,
  };
}
