import type { CountryData } from "./country-data.ts";
import { type Evidence, ev, evidenceList } from "./evidence.ts";
import { missingReason, notComputable, r1, type Signal, val, yearOf } from "./signal.ts";

/** Parameters of the fiscal-stance rules. */
export const FISCAL = {
  /** Fiscal tightening: primary balance improves by at least this much in a year, pp of GDP. */
  tightening: 2,
  /** Fiscal expansion after a bust: primary balance at least this far below its pre-bust level, pp. */
  expansion: 2,
} as const;

/**
 * Fiscal tightening in a year: the general-government primary balance (IMF PFMH) improves by >= 2 pp
 * of GDP (e.g. US 1937).
 * @example fiscalTightening(loadCountryData("US"), 1937).fired // true
 */
export function fiscalTightening(data: CountryData, year: number, p = FISCAL): Signal {
  const id = "fiscal-tightening";
  const label = "fiscal tightening";
  const pb = val(yearOf(data, year).primaryBalance);
  const prev = val(yearOf(data, year - 1).primaryBalance);
  if (pb === null || prev === null)
    return notComputable(
      id,
      label,
      missingReason(data, ["primaryBalance"], `no primary balance for ${year - 1}-${year} (IMF PFMH)`),
    );
  const d = pb - prev;
  const evidence = [ev("primaryBalance", { balance: r1(pb), change: r1(d), threshold: p.tightening })];
  return {
    id,
    label,
    fired: d >= p.tightening,
    values: { primaryBalance: r1(pb), change: r1(d) },
    detail: evidenceList(evidence, "en"),
    evidence,
  };
}

const inCrisis = (data: CountryData, y: number): boolean => {
  const d = yearOf(data, y);
  return Boolean(d.lvCrisis || d.rrSystemic || d.jstCrisisStart);
};

/** Years from the bust to the policy responses (null with a reason when not observed). */
export interface PolicyLag {
  bustYear: number;
  fiscalExpansionYear: number | null;
  fiscalLagYears: number | null;
  /** End of the banking crisis (Laeven-Valencia end year, or the last systemic year), as a clean-up proxy. */
  bankCleanupYear: number | null;
  cleanupLagYears: number | null;
  detail: string;
  /** `detail` as structured sentences (see evidenceText). */
  evidence: Evidence[];
}

/**
 * Step 3, policy response lag: years from the bust to (a) a fiscal expansion - the primary balance
 * >= 2 pp of GDP below its pre-bust level - and (b) the end of the banking crisis (the clean-up
 * proxy: Laeven-Valencia end year, or the last year of a Reinhart-Rogoff/JST systemic crisis) of the
 * episode's own crisis, one dated from the bust to `lastYear`; none = "no systemic banking crisis in
 * the episode".
 * @example policyLag(loadCountryData("JP"), 1990, 2010).cleanupLagYears // 11
 */
export function policyLag(data: CountryData, bustYear: number, lastYear: number, p = FISCAL): PolicyLag {
  const base = val(yearOf(data, bustYear - 1).primaryBalance);
  let fiscal: number | null = null;
  if (base !== null)
    for (let y = bustYear; y <= lastYear; y++) {
      const pb = val(yearOf(data, y).primaryBalance);
      if (pb !== null && pb <= base - p.expansion) {
        fiscal = y;
        break;
      }
    }
  // The episode's own banking crisis: one dated between the bust and the episode's last year (a
  // later crisis, such as 2007-11 for the US 2001 bust, belongs to another episode). Its end may
  // fall after the episode's last year.
  let crisisStart: number | null = null;
  for (let y = bustYear; y <= lastYear && crisisStart === null; y++) if (inCrisis(data, y)) crisisStart = y;
  let cleanup: number | null = null;
  if (crisisStart !== null) {
    const lv = yearOf(data, crisisStart).lvCrisis;
    let y = crisisStart;
    while (y + 1 <= crisisStart + 20 && inCrisis(data, y + 1)) y++;
    cleanup = Math.max(y, lv?.end ?? y);
  }
  const parts: Evidence[] = [
    fiscal === null
      ? base === null
        ? ev("fiscalNotComputable", {
            reason: missingReason(data, ["primaryBalance"], "no primary balance before the bust"),
          })
        : ev("noFiscalExpansion", { threshold: p.expansion, base: r1(base), last: lastYear })
      : ev("fiscalExpansion", { year: fiscal, lag: fiscal - bustYear }),
    crisisStart === null
      ? ev("noEpisodeCrisis", { from: bustYear, to: lastYear })
      : ev("cleanup", { year: cleanup, lag: (cleanup ?? crisisStart) - bustYear }),
  ];
  return {
    bustYear,
    fiscalExpansionYear: fiscal,
    fiscalLagYears: fiscal === null ? null : fiscal - bustYear,
    bankCleanupYear: cleanup,
    cleanupLagYears: cleanup === null ? null : cleanup - bustYear,
    detail: evidenceList(parts, "en"),
    evidence: parts,
  };
}
