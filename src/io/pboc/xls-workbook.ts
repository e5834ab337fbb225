import { DataError } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import { parseUnit } from "../../model/parse-unit.ts";
import { parseScale, type Unit } from "../../model/units.ts";
import { ioMessages } from "../messages.ts";
import type { Cell, SheetGrid, Workbook } from "../xlsx/read-workbook.ts";
import { cellText, columnLetter } from "../xlsx/read-workbook.ts";
import type { PbocCell } from "./monetary-authority.ts";
import { buildPbocSheets } from "./monetary-authority.ts";
import { buildOdcSheets } from "./odc-item-map.ts";

/** The PBoC tables bslab reads from the PBoC's own workbooks. */
export type PbocTable = "monetary-authority" | "other-depository-corporations";

const TITLES: Array<[RegExp, PbocTable]> = [
  [/货币当局资产负债表/, "monetary-authority"],
  [/其他存款性公司资产负债表/, "other-depository-corporations"],
];

/** Which PBoC table a sheet holds, from its title in the first rows; undefined for anything else. */
export function pbocTableOf(grid: SheetGrid): PbocTable | undefined {
  for (const row of grid.rows.slice(0, 3))
    for (const cell of row) {
      const text = cellText(cell).replace(/\s+/g, "");
      for (const [re, table] of TITLES) if (re.test(text)) return table;
    }
  return undefined;
}

/** A PBoC table read from a workbook sheet: its unit and every numeric cell with its place. */
export interface PbocSheetCells {
  table: PbocTable;
  unit: Unit;
  /** Where the unit came from: the sheet's unit line, or the caller's `unit` option. */
  unitSource: string;
  cells: PbocCell[];
  sheet: string;
}

// "单位：亿元人民币" / "单位：亿元" → CNY 1e8. The PBoC states the unit in Chinese on row 3 from 2002 on.
function unitOf(grid: SheetGrid): { unit: Unit; text: string; row: number; column: string } | undefined {
  for (let r = 0; r < Math.min(grid.rows.length, 8); r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]).replace(/\s+/g, "");
      const m = /^单位[：:](.+)$/.exec(text);
      if (!m) continue;
      const word = m[1]!.replace(/人民币$/, "");
      const unit =
        parseUnit(word) ??
        (/元|人民币/.test(m[1]!) && parseScale(word) !== undefined
          ? { currency: "CNY", scale: parseScale(word)! }
          : undefined);
      if (!unit)
        throw new DataError(
          ioMessages.badUnit({ file: grid.file, row: r + 1, column: columnLetter(c) }, text),
          { place: { file: grid.file, row: r + 1, column: columnLetter(c) } },
        );
      return { unit, text, row: r + 1, column: columnLetter(c) };
    }
  }
  return undefined;
}

// The header row holds the months as numbers 2013.01 .. 2013.12 (October prints as 2013.1), so the
// month is taken from the column position and the year from the integer part.
function monthColumns(grid: SheetGrid): { headerRow: number; months: Map<number, string> } | undefined {
  for (let r = 0; r < Math.min(grid.rows.length, 12); r++) {
    const row = grid.rows[r] ?? [];
    // "2019.10" is sometimes text: accept numbers and numeric text alike.
    const numeric = row
      .map((cell, c) => ({ value: typeof cell === "string" ? Number(cell.trim() || NaN) : cell, c }))
      .filter(({ value, c }) => c > 0 && typeof value === "number" && value > 1900 && value < 2200);
    if (numeric.length === 0) continue;
    const months = new Map<number, string>();
    numeric.forEach(({ value, c }, i) => {
      const year = Math.floor(value as number);
      months.set(c, `${year}-${String(i + 1).padStart(2, "0")}`);
    });
    return { headerRow: r, months };
  }
  return undefined;
}

function isNumberLike(cell: Cell | undefined): boolean {
  return typeof cell === "number" || (typeof cell === "string" && /^\s*-?[\d,.]+\s*$/.test(cell));
}

/**
 * Reads one sheet of a PBoC workbook (货币当局资产负债表 or 其他存款性公司资产负债表, the layout the PBoC
 * publishes and lingjf/fr keeps): title rows, a unit line "单位：亿元人民币", a header row of months,
 * then one row per item with its bilingual label in column A. Every numeric cell becomes a
 * {@link PbocCell} whose place is the sheet's own row and column letter.
 *
 * @param unit used only when the sheet has no unit line (the 2000 and 2001 workbooks); without it
 *   such a sheet is refused rather than guessed.
 */
export function readPbocSheet(grid: SheetGrid, unit?: Unit): PbocSheetCells {
  const table = pbocTableOf(grid);
  if (!table)
    throw new DataError(ioMessages.noMonthHeader(grid.file, grid.name), { place: { file: grid.file } });
  const found = unitOf(grid);
  if (!found && !unit)
    throw new DataError(ioMessages.noUnitLine(grid.file, grid.name), { place: { file: grid.file } });
  const header = monthColumns(grid);
  if (!header)
    throw new DataError(ioMessages.noMonthHeader(grid.file, grid.name), { place: { file: grid.file } });
  const cells: PbocCell[] = [];
  for (let r = header.headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const label = cellText(row[0]).replace(/\s+/g, " ").trim();
    const values = [...header.months.keys()].filter((c) => row[c] !== null && row[c] !== undefined);
    // Footnotes ("注：...") and section headings ("资产") carry no values.
    if (values.length === 0 || (label !== "" && !values.some((c) => isNumberLike(row[c])))) continue;
    for (const c of values) {
      const cell = row[c];
      const place = { file: grid.file, row: r + 1, column: columnLetter(c) };
      let value: number | undefined;
      if (typeof cell === "number") value = cell;
      else if (typeof cell === "string") {
        const t = cell.trim();
        if (t === "" || t === "-" || t === "…" || t === "...") continue;
        const n = Number(t.replace(/,/g, ""));
        if (Number.isFinite(n)) value = n;
      }
      if (value === undefined || !Number.isFinite(value))
        throw new DataError(
          ioMessages.notANumber({ ...place, file: `${grid.file} [${grid.name}]` }, cellText(cell)),
          {
            place,
          },
        );
      cells.push({
        period: header.months.get(c)!,
        label,
        value,
        file: grid.file,
        row: r + 1,
        column: place.column,
      });
    }
  }
  if (cells.length === 0) throw new DataError(ioMessages.noRows(grid.file), { place: { file: grid.file } });
  return {
    table,
    unit: found?.unit ?? unit!,
    unitSource: found
      ? `${grid.file} [${grid.name}] row ${found.row}, column ${found.column}: ${found.text}`
      : "given by the caller (the sheet has no unit line)",
    cells,
    sheet: grid.name,
  };
}

/** Entity ids of the two PBoC tables: the central bank and the other depository corporations (S.122). */
export const PBOC_ENTITY: Record<PbocTable, string> = {
  "monetary-authority": "pboc",
  "other-depository-corporations": "pboc-odc",
};

/**
 * Reads the first sheet of a PBoC workbook into monthly balance sheets. Only the first sheet is read:
 * from 2003 on, the other sheets repeat earlier years. Each position's source is the workbook, the
 * sheet, the row and the column letter of its cell.
 *
 * @example readPbocWorkbook(readWorkbook(bytes, f)).sheets.find((s) => s.date === "2013-12")
 */
export function readPbocWorkbook(
  wb: Workbook,
  options: { unit?: Unit; dataset?: string } = {},
): { table: PbocTable; sheets: BalanceSheet[]; unitSource: string } {
  const grid = wb.sheet(wb.sheetNames[0]);
  const read = readPbocSheet(grid, options.unit);
  const sheets =
    read.table === "monetary-authority"
      ? buildPbocSheets(read.cells).map((s) => ({ ...s, unit: { ...read.unit } }))
      : buildOdcSheets(read.cells, PBOC_ENTITY[read.table], read.unit);
  for (const s of sheets)
    for (const p of s.positions) {
      p.source.sheet = read.sheet;
      if (options.dataset) p.source.dataset = options.dataset;
    }
  return { table: read.table, sheets, unitSource: read.unitSource };
}
