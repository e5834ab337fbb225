import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Series } from "../../model/series.ts";
import { writeWorkbook } from "../xlsx/write-workbook.ts";
import type { Record_ } from "./records.ts";
import { POSITION_COLUMNS, SERIES_COLUMNS, seriesRows, sheetRows, TIDY_COLUMNS } from "./records.ts";

function table(rows: readonly Record_[], columns: readonly string[]) {
  return [[...columns], ...rows.map((r) => columns.map((c) => r[c] ?? ""))];
}

function about(what: string, columns: readonly string[]) {
  return {
    name: "about",
    rows: [
      ["bslab export", what],
      ["layout", "tidy long: one row per value (sheet 'data'); unit and scale (power of ten) on every row"],
      ["columns", columns.join(", ")],
      ["re-import", "bslab import FILE.xlsx reads the first sheet back into the same values"],
    ],
  };
}

/**
 * Balance sheets as an .xlsx workbook: sheet "data" holds the same tidy table as
 * {@link sheetsToCsv}, sheet "about" says how to read it.
 */
export function sheetsToXlsx(sheets: readonly BalanceSheet[]): Uint8Array {
  const columns = [...TIDY_COLUMNS, ...POSITION_COLUMNS];
  return writeWorkbook([
    { name: "data", rows: table(sheetRows(sheets), columns) },
    about(`balance sheets: ${[...new Set(sheets.map((s) => s.entity))].join(", ")}`, columns),
  ]);
}

/** Series as an .xlsx workbook (sheet "data" as {@link seriesToCsv}, sheet "about"). */
export function seriesToXlsx(list: readonly Series[]): Uint8Array {
  const columns = [...TIDY_COLUMNS, ...SERIES_COLUMNS];
  return writeWorkbook([
    { name: "data", rows: table(seriesRows(list), columns) },
    about(`series: ${list.map((s) => s.id).join(", ")}`, columns),
  ]);
}
