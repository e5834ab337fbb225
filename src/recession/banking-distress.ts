import type { CountryData } from "./country-data.ts";
import { notInstalled } from "../io/sources/common.ts";
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
  const sources: string[] = [];
  if (y.jstCrisisStart) sources.push("JST crisis start");
  if (lv) sources.push(`Laeven-Valencia ${lv.start}-${lv.end ?? "?"}`);
  if (y.rrSystemic) sources.push("Reinhart-Rogoff systemic crisis");
  const lvInstalled = !data.unavailable.lvCrisis;
  const known =
    y.jstCrisisStart != null ||
    y.rrSystemic != null ||
    data.lvCrises.length > 0 ||
    (lvInstalled && year >= 1970);
  const parts = [...sources];
  if (y.rrBanking && !y.rrSystemic) parts.push("Reinhart-Rogoff banking-crisis flag (not systemic)");
  if (lv?.peakNpl != null) parts.push(`peak NPLs ${r1(lv.peakNpl)}% of loans`);
  if (lv?.fiscalCostGross != null) parts.push(`fiscal cost ${r1(lv.fiscalCostGross)}% of GDP`);
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
    detail:
      parts.length > 0
        ? parts.join("; ")
        : sources.length === 0 && !known
          ? `not computable: ${missingReason(data, ["jstCrisisStart", "lvCrisis", "rrSystemic"], `no crisis dating covers ${year}`)}`
          : `no crisis in ${datings(data)}`,
    ...(sources.length === 0 && !known
      ? {
          reason: missingReason(
            data,
            ["jstCrisisStart", "lvCrisis", "rrSystemic"],
            `no crisis dating covers ${year}`,
          ),
        }
      : {}),
  };
}
