import { readFileSync } from "node:fs";

import { datasetPath, diskCached, memoize, requireColumns } from "./common.ts";
import { xlsxNumber, xlsxRows } from "./xlsx-rows.ts";

/** One country-year of the IMF Public Finances in Modern History data (percent of GDP). */
export interface PfmhYear {
  iso3: string;
  country: string;
  year: number;
  /** Gross government debt, % of GDP (`d`). */
  debt: number | null;
  /** Primary balance, % of GDP (`pb`). */
  primaryBalance: number | null;
  /** Revenue and expenditure, % of GDP. */
  revenue: number | null;
  expenditure: number | null;
  /** Real GDP growth, % (`rgc`; null when the file has no such column). */
  realGrowth: number | null;
}

/**
 * Parses `PFMH.xlsx` (columns `country, isocode, ifscode, year, GG_budg, GG_debt, rev, exp, ie,
 * prim_exp, pb, d, rltir, rgc`; `rgc` = real GDP growth, %).
 * @example parsePfmh(buf, "PFMH.xlsx").find((r) => r.iso3 === "USA" && r.year === 1929)?.debt // 16.3
 */
export function parsePfmh(buffer: Uint8Array, fileName: string): PfmhYear[] {
  const rows = xlsxRows(buffer, fileName);
  const header = (rows[0] ?? []).map((c) => String(c ?? ""));
  const [iC, iIso, iYear, iRev, iExp, iPb, iD] = requireColumns(fileName, header, [
    "country",
    "isocode",
    "year",
    "rev",
    "exp",
    "pb",
    "d",
  ]) as number[];
  const iRgc = header.findIndex((h) => h.trim().toLowerCase() === "rgc");
  const out: PfmhYear[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const year = xlsxNumber(row[iYear!], fileName, r + 1, "year");
    if (year === null) continue;
    out.push({
      iso3: String(row[iIso!] ?? ""),
      country: String(row[iC!] ?? ""),
      year,
      debt: xlsxNumber(row[iD!], fileName, r + 1, "d"),
      primaryBalance: xlsxNumber(row[iPb!], fileName, r + 1, "pb"),
      revenue: xlsxNumber(row[iRev!], fileName, r + 1, "rev"),
      expenditure: xlsxNumber(row[iExp!], fileName, r + 1, "exp"),
      realGrowth: iRgc < 0 ? null : xlsxNumber(row[iRgc], fileName, r + 1, "rgc"),
    });
  }
  return out;
}

/** Loads the bundled PFMH data once per process (disk-cached JSON). */
export function loadPfmh(): PfmhYear[] {
  return memoize("pfmh", () => {
    const name = "PFMH.xlsx";
    const path = datasetPath("imf-public-finances-modern-history", name);
    return diskCached(path, "pfmh-v2", () => parsePfmh(readFileSync(path), name));
  });
}
