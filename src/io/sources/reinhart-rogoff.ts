import { readFileSync } from "node:fs";

import { DataError } from "../../errors.ts";
import { datasetPath, diskCached, memoize } from "./common.ts";
import { sourceMessages } from "./messages.ts";
import { xlsxNumber, xlsxRows } from "./xlsx-rows.ts";

/** One country-year of Reinhart-Rogoff's "Global Crises Data by Country". */
export interface RrYear {
  cc3: string;
  country: string;
  year: number;
  bankingCrisis: number | null;
  systemicCrisis: number | null;
  /** Annual CPI inflation, %. */
  inflation: number | null;
}

/**
 * Parses the Reinhart-Rogoff workbook (sheet 1; header row 1, a row of `x` marks under it).
 * Columns are found by header text: `CC3`, `Country`, `Year`, `Banking Crisis`, `Systemic Crisis`,
 * `Inflation` (first column whose header starts with "Inflation").
 * @example parseReinhartRogoff(buf, "20160923_global_crisis_data.xlsx").filter((r) => r.cc3 === "USA")
 */
export function parseReinhartRogoff(buffer: Uint8Array, fileName: string): RrYear[] {
  const rows = xlsxRows(buffer, fileName);
  const header = (rows[0] ?? []).map((c) => String(c ?? "").trim());
  const need = {
    cc3: "CC3",
    country: "Country",
    year: "Year",
    bank: "Banking Crisis",
    sys: "Systemic Crisis",
  };
  const idx = Object.fromEntries(
    Object.entries(need).map(([k, h]) => [k, header.findIndex((x) => x === h)]),
  ) as Record<keyof typeof need, number>;
  const iInfl = header.findIndex((h) => /^inflation/i.test(h));
  const missing = Object.entries(need)
    .filter(([k]) => idx[k as keyof typeof need] < 0)
    .map(([, h]) => h);
  if (iInfl < 0) missing.push("Inflation");
  if (missing.length > 0)
    throw new DataError(sourceMessages.missingColumns(fileName, missing, header), {
      place: { file: fileName, row: 1 },
    });
  const out: RrYear[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const year = typeof row[idx.year] === "number" ? (row[idx.year] as number) : null;
    if (year === null) continue;
    out.push({
      cc3: String(row[idx.cc3] ?? ""),
      country: String(row[idx.country] ?? ""),
      year,
      bankingCrisis: xlsxNumber(row[idx.bank], fileName, r + 1, "Banking Crisis"),
      systemicCrisis: xlsxNumber(row[idx.sys], fileName, r + 1, "Systemic Crisis"),
      inflation: safeNumber(row[iInfl]),
    });
  }
  return out;
}

// The inflation column holds a few text notes; they are treated as missing rather than fatal.
function safeNumber(cell: unknown): number | null {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : null;
}

/** Loads the bundled Reinhart-Rogoff data once per process (disk-cached JSON). */
export function loadReinhartRogoff(): RrYear[] {
  return memoize("rr", () => {
    const name = "20160923_global_crisis_data.xlsx";
    const path = datasetPath("reinhart-rogoff-global-crises", name);
    return diskCached(path, "rr2016", () => parseReinhartRogoff(readFileSync(path), name));
  });
}
