import { readFileSync } from "node:fs";
import { basename } from "node:path";

import { DataError } from "../../errors.ts";
import type { Frequency, Series } from "../../model/series.ts";
import { parseCsv } from "../csv/parse-csv.ts";
import { datasetPath, memoize, numberAt } from "./common.ts";
import { sourceMessages } from "./messages.ts";

/** A BIS series with its dimension codes (e.g. `{ BORROWERS_CTY: "JP", TC_BORROWERS: "P" }`). */
export interface BisSeries extends Series {
  dims: Record<string, string>;
}

const PERIOD = /^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/;

function frequencyOf(code: string | undefined): Frequency {
  return code === "A" || code === "Q" || code === "M" || code === "D" || code === "W" ? code : "Q";
}

/**
 * Parses a BIS statistics download in "csv_col" (wide) layout: one row per series, dimension
 * columns as code/label pairs (`FREQ,Frequency,BORROWERS_CTY,Borrowers' country,...`), a `TITLE_TS`
 * or `Series` key column, then one column per period (`1947-Q4`, `1913`, `1913-01`).
 * Works for WS_TC, WS_CREDIT_GAP, WS_SPP and WS_LONG_CPI.
 *
 * @param text file contents
 * @param fileName e.g. `WS_TC_csv_col.csv`; the dataset id is taken from its `WS_*` prefix
 * @example parseBisWideCsv(text, "WS_CREDIT_GAP_csv_col.csv")[0].id // "BIS/WS_CREDIT_GAP/Q:JP:P:A:A"
 */
export function parseBisWideCsv(text: string, fileName: string): BisSeries[] {
  const rows = parseCsv(text, { fileName });
  const header = rows[0];
  if (!header || rows.length < 2)
    throw new DataError(sourceMessages.emptyFile(fileName), { place: { file: fileName } });
  const firstPeriod = header.findIndex((h) => PERIOD.test(h.trim()));
  // Older csv_col downloads (the 2019 DSR file) head the key column "Time Period" instead.
  const seriesCol = header.findIndex((h) => h.trim() === "Series");
  const keyCol = seriesCol >= 0 ? seriesCol : header.findIndex((h) => h.trim() === "Time Period");
  if (firstPeriod < 0 || keyCol < 0)
    throw new DataError(
      sourceMessages.unknownHeader(
        fileName,
        header.slice(0, 16),
        "BIS csv_col: dimension columns, Series, periods",
      ),
      { place: { file: fileName, row: 1 } },
    );
  const dataset = /^(WS_[A-Z_]+?)(_csv_col)?\.csv$/i.exec(basename(fileName))?.[1] ?? basename(fileName);
  const titleCol = header.findIndex((h) => h.trim() === "TITLE_TS");
  const dimCols: number[] = [];
  // Dimension codes sit in even positions before the key, each followed by its label column.
  for (let c = 0; c + 1 < keyCol; c += 2) if (c !== titleCol) dimCols.push(c);
  const out: BisSeries[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0] === "") continue;
    const dims = Object.create(null) as Record<string, string>; // keyed by the file's column names
    for (const c of dimCols) dims[header[c]!.trim()] = row[c] ?? "";
    const code = row[keyCol] ?? "";
    const observations = [];
    for (let c = firstPeriod; c < header.length; c++) {
      const v = numberAt(row[c], fileName, r + 1, header[c]!);
      if (v !== null) observations.push({ date: header[c]!.trim(), value: v });
    }
    const entity = dims.BORROWERS_CTY ?? dims.REF_AREA ?? "";
    const unitLabel =
      header.indexOf("Unit of measure") >= 0 ? row[header.indexOf("Unit of measure")] : undefined;
    const cgType = dims.CG_DTYPE;
    const unit = unitLabel ?? (cgType === "C" ? "percentage points" : cgType ? "% of GDP" : "");
    const scaleCol = header.indexOf("UNIT_MULT");
    out.push({
      id: `BIS/${dataset}/${code}`,
      entity,
      name:
        titleCol >= 0 && row[titleCol]
          ? row[titleCol]!
          : row.filter((cell, i) => i < keyCol && i % 2 === 1 && cell.trim() !== "").join(" - "),
      frequency: frequencyOf(dims.FREQ),
      unit,
      scale: scaleCol >= 0 ? Number(row[scaleCol]) || 0 : 0,
      dataset: "bis-credit-property-cpi",
      file: fileName,
      vintage: "BIS download of 2026 (last quarter 2025-Q4)",
      dims,
      observations,
    });
  }
  return out;
}

/** The four bundled BIS files. */
export type BisFile = "WS_TC" | "WS_CREDIT_GAP" | "WS_SPP" | "WS_LONG_CPI";

/**
 * Loads (once per process) a bundled BIS file from `data/bis-credit-property-cpi/`.
 * @example loadBisWide("WS_CREDIT_GAP").filter((s) => s.entity === "JP")
 */
export function loadBisWide(file: BisFile): BisSeries[] {
  return memoize(`bis:${file}`, () => {
    const name = `${file}_csv_col.csv`;
    return parseBisWideCsv(readFileSync(datasetPath("bis-credit-property-cpi", name), "utf8"), name);
  });
}
