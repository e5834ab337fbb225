import type { CountryData } from "./country-data.ts";
import { notInstalled } from "../io/sources/common.ts";
import { type Evidence, ev, evidenceList } from "./evidence.ts";
import { missingReason, r1, type Signal, yearOf } from "./signal.ts";

// The crisis datings in use, naming those that are not installed.
function datings(data: CountryData): string {
  const all: [string, "jstCrisisStart" | "lvCrisis" | "rrSystemic"][] = [
    ["JST", "jstCrisisStart"],
    ["Laeven-Valencia", "lvCrisis"],
    ["Reinhart-Rogoff", "rrSystemic"],
  ];
  const used = all.filter(([name, f]) => (name !== "JST" || data.country.jst) && !data.unavailable[f]);
  const gone = [...new Set(all.flatMap(([, f]) => data.unavailable[f] ?? []))];
  const list = used.length === 0 ? "no dating" : used.map(([n]) => n).join(", ");
  return gone.length === 0 ? list : `${list} (${gone.map(notInstalled).join("; ")})`;
}

/**
 * Step 2, banking distress: a systemic banking crisis year by any of the three datings - JST R6
 * `crisisJST` start year, a Laeven-Valencia (2026) episode year (start..end), or Reinhart-Rogoff's
 * systemic-crisis flag. Reinhart-Rogoff's wider "banking crisis" flag and the episode's peak NPLs are
 * reported as evidence.
 * @example bankingDistress(loadCountryData("JP"), 1997).values.peakNpl // 35
 */
export function bankingDistress(data: CountryData, year: number): Signal {
  const y = yearOf(data, year);
  const lv = y.lvCrisis ?? null;
  const sources: Evidence[] = [];
  if (y.jstCrisisStart) sources.push(ev("jstCrisis"));
  if (lv) sources.push(ev("lvEpisode", { start: lv.start, end: lv.end }));
  if (y.rrSystemic) sources.push(ev("rrSystemic"));
  const lvInstalled = !data.unavailable.lvCrisis;
  const known =
    y.jstCrisisStart != null ||
    y.rrSystemic != null ||
    data.lvCrises.length > 0 ||
    (lvInstalled && year >= 1970);
  const parts = [...sources];
  if (y.rrBanking && !y.rrSystemic) parts.push(ev("rrBankingOnly"));
  if (lv?.peakNpl != null) parts.push(ev("peakNpl", { value: r1(lv.peakNpl) }));
  if (lv?.fiscalCostGross != null) parts.push(ev("fiscalCost", { value: r1(lv.fiscalCostGross) }));
  const why = missingReason(
    data,
    ["jstCrisisStart", "lvCrisis", "rrSystemic"],
    `no crisis dating covers ${year}`,
  );
  const evidence =
    parts.length > 0
      ? parts
      : sources.length === 0 && !known
        ? [ev("notComputable", { reason: why })]
        : [ev("noCrisis", { datings: datings(data) })];
  return {
    id: "banking-distress",
    label: "banking distress",
    fired: sources.length > 0 ? true : known ? false : null,
    values: {
      jstCrisisStart: y.jstCrisisStart == null ? null : y.jstCrisisStart ? 1 : 0,
      lvCrisis: lv ? 1 : 0,
      rrSystemic: y.rrSystemic == null ? null : y.rrSystemic ? 1 : 0,
      rrBanking: y.rrBanking == null ? null : y.rrBanking ? 1 : 0,
      peakNpl: lv?.peakNpl == null ? null : r1(lv.peakNpl),
    },
    detail: evidenceList(evidence, "en"),
    evidence,
    ...(sources.length === 0 && !known ? { reason: why } : {}),
  };
}
