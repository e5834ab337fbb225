import { readFileSync } from "node:fs";

import { DataError } from "../../errors.ts";
import { datasetPath, diskCached, memoize } from "./common.ts";
import { sourceMessages } from "./messages.ts";
import { xlsxNumber, xlsxRows } from "./xlsx-rows.ts";

/** One systemic banking crisis episode (Laeven and Valencia). */
export interface LvCrisis {
  /** Country as printed, footnote marks removed. */
  country: string;
  start: number;
  /** End year; null when the source leaves it open. */
  end: number | null;
  /** Cumulative output loss, % of trend GDP (footnote 1). */
  outputLoss: number | null;
  /** Gross fiscal cost, % of GDP. */
  fiscalCostGross: number | null;
  /** Peak NPLs, % of total loans. */
  peakNpl: number | null;
  /** Increase in public debt, % of GDP. */
  publicDebtIncrease: number | null;
  /** Footnote marks found next to the country or end year (e.g. `5/`). */
  notes: string[];
}

/**
 * Parses sheet "Crisis Resolution and Outcomes" of the Laeven-Valencia workbook (2018 or 2026
 * layout: `Country, , Start, End, Output loss, Fiscal Costs, ..., Peak NPLs, Increase in public debt`).
 * Columns are found by their header text, so both vintages work.
 * @example parseLaevenValencia(buf, "SYSTEMIC_BANKING_CRISES_DATABASE_2026.xlsx").find((c) => c.country === "Japan")
 */
export function parseLaevenValencia(buffer: Uint8Array, fileName: string): LvCrisis[] {
  const rows = xlsxRows(buffer, fileName, "Crisis Resolution and Outcomes");
  const hr = rows.findIndex((r) => String(r[0] ?? "").trim() === "Country");
  const header = (rows[hr] ?? []).map((c) =>
    String(c ?? "")
      .replace(/\s+/g, " ")
      .trim(),
  );
  const find = (re: RegExp) => header.findIndex((h) => re.test(h));
  const cols = {
    start: find(/^Start/),
    end: find(/^End/),
    outputLoss: find(/^Output loss/i),
    fiscal: find(/^Fiscal Costs \d/i) >= 0 ? find(/^Fiscal Costs \d/i) : find(/^Fiscal cost/i),
    npl: find(/^Peak NPL/i),
    debt: find(/^Increase in public debt/i),
  };
  const missing = Object.entries(cols)
    .filter(([, i]) => i < 0)
    .map(([k]) => k);
  if (hr < 0 || missing.length > 0)
    throw new DataError(sourceMessages.missingColumns(fileName, hr < 0 ? ["Country"] : missing, header), {
      place: { file: fileName },
    });
  const out: LvCrisis[] = [];
  for (let r = hr + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const rawCountry = String(row[0] ?? "").trim();
    if (rawCountry === "" || row[cols.start] === null) continue;
    const notes: string[] = [];
    const country = rawCountry.replace(/\s*(\d+\/\s*)+$/, (m) => (notes.push(m.trim()), "")).trim();
    const endCell = row[cols.end];
    if (typeof endCell === "string" && /\d+\/$/.test(endCell.trim()))
      notes.push(endCell.trim().replace(/^\d+\s*/, ""));
    const start = xlsxNumber(row[cols.start], fileName, r + 1, "Start");
    if (start === null) continue;
    out.push({
      country,
      start,
      end: xlsxNumber(endCell, fileName, r + 1, "End"),
      outputLoss: xlsxNumber(row[cols.outputLoss], fileName, r + 1, header[cols.outputLoss]!),
      fiscalCostGross: xlsxNumber(row[cols.fiscal], fileName, r + 1, header[cols.fiscal]!),
      peakNpl: xlsxNumber(row[cols.npl], fileName, r + 1, header[cols.npl]!),
      publicDebtIncrease: xlsxNumber(row[cols.debt], fileName, r + 1, header[cols.debt]!),
      notes,
    });
  }
  return out;
}

/** Loads the bundled Laeven-Valencia (2026) episodes once per process (disk-cached JSON). */
export function loadLaevenValencia(): LvCrisis[] {
  return memoize("lv2026", () => {
    const name = "SYSTEMIC_BANKING_CRISES_DATABASE_2026.xlsx";
    const path = datasetPath("laeven-valencia-2026", name);
    return diskCached(path, "lv2026", () => parseLaevenValencia(readFileSync(path), name));
  });
}
