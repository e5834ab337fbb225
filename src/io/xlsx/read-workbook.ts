import type { ParsingOptions, WorkBook } from "@e965/xlsx";

import { sheetjs } from "./sheetjs.ts";
import { checkXlsxLimits } from "./zip-limits.ts";

import { DataError } from "../../errors.ts";
import { ioMessages } from "../messages.ts";

/** A cell as read: number, text, boolean, a date (cells formatted as dates), or null when empty. */
export type Cell = string | number | boolean | Date | null;

/** One sheet as a grid anchored at A1: `rows[r][c]` is the cell in row r + 1 and column c. */
export interface SheetGrid {
  file: string;
  name: string;
  rows: Cell[][];
}

/** A workbook read from bytes, with its sheets in order. */
export interface Workbook {
  file: string;
  sheetNames: string[];
  sheet(name?: string): SheetGrid;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * True when the bytes are an Excel workbook: an OLE2 compound file (.xls) or a zip container
 * (.xlsx). Decided on content, not on the file name, so a renamed file is still recognised.
 * @example isWorkbookBytes(readFileSync("book.xlsx")) // true
 */
export function isWorkbookBytes(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2) || startsWith(bytes, ZIP);
}

/** The spreadsheet column letters of a 0-based index: 0 → A, 12 → M, 26 → AA. */
export function columnLetter(index: number): string {
  return sheetjs().utils.encode_col(index);
}

/**
 * Reads an .xls or .xlsx workbook. A damaged or truncated file raises a DataError naming it; sheets
 * are read lazily.
 * @example readWorkbook(bytes, "t.xlsx").sheet().rows[0] // header row
 */
export function readWorkbook(bytes: Uint8Array, file: string): Workbook {
  // An .xlsx is checked against the size, string and cell limits before SheetJS inflates it.
  if (startsWith(bytes, ZIP)) checkXlsxLimits(bytes, file);
  const parse = (opts: ParsingOptions): WorkBook => {
    try {
      return sheetjs().read(bytes, {
        type: "buffer",
        dense: true,
        cellDates: true,
        cellHTML: false,
        cellStyles: false,
        cellText: false,
        ...opts,
      });
    } catch (cause) {
      const why = cause instanceof Error ? cause.message.split("\n")[0]! : String(cause);
      throw new DataError(ioMessages.badWorkbook(file, why), { cause, place: { file } });
    }
  };
  // Sheet names first (fast), then each sheet only when a layout asks for it: the EWN workbook's
  // text sheets alone take seconds to parse.
  const names = parse({ bookSheets: true }).SheetNames;
  if (names.length === 0) throw new DataError(ioMessages.badWorkbook(file, "no sheets"), { place: { file } });
  const cache = new Map<string, SheetGrid>();
  return {
    file,
    sheetNames: [...names],
    sheet(name = names[0]!) {
      const hit = cache.get(name);
      if (hit) return hit;
      if (!names.includes(name))
        throw new DataError(`${file}: no sheet ${JSON.stringify(name)} (sheets: ${names.join(", ")})`, {
          place: { file },
        });
      const ws = parse({ sheets: name }).Sheets[name];
      const ref = ws?.["!ref"];
      let rows: Cell[][] = [];
      if (ws && ref) {
        const range = sheetjs().utils.decode_range(ref);
        range.s = { r: 0, c: 0 };
        rows = sheetjs().utils.sheet_to_json<Cell[]>(ws, {
          header: 1,
          raw: true,
          defval: null,
          blankrows: true,
          range,
        });
      }
      const grid = { file, name, rows };
      cache.set(name, grid);
      return grid;
    },
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A cell as CSV text: numbers in shortest round-trip form, dates as ISO dates, empty as "". */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return `${cell.getFullYear()}-${pad(cell.getMonth() + 1)}-${pad(cell.getDate())}`;
  return String(cell);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A sheet as CSV text, row for row (row n of the sheet is record n of the text), so CSV layouts can
 * read the first sheet of an .xlsx and their errors name the sheet's own rows. Trailing empty rows
 * are dropped.
 */
export function gridToCsv(grid: SheetGrid): string {
  const rows = grid.rows.map((r) => r.map((c) => csvField(cellText(c))));
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === "")) rows.pop();
  return (
    rows.map((r) => (r.every((c) => c === "") ? "" : r.join(","))).join("\n") + (rows.length ? "\n" : "")
  );
}
