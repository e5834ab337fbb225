import { sheetjs } from "../xlsx/sheetjs.ts";

import { DataError } from "../../errors.ts";
import { sourceMessages } from "./messages.ts";

/** A spreadsheet cell value as SheetJS returns it in raw mode. */
export type XlsxCell = string | number | boolean | null;

/**
 * Reads one sheet of an .xls/.xlsx buffer as rows of raw cell values (`null` for empty cells).
 * Throws a DataError listing the sheets when the sheet is absent.
 */
export function xlsxRows(buffer: Uint8Array, fileName: string, sheet?: string): XlsxCell[][] {
  const wb = sheetjs().read(buffer, { dense: true, cellHTML: false, cellText: false, cellStyles: false });
  const name = sheet ?? wb.SheetNames[0];
  const ws = name === undefined ? undefined : wb.Sheets[name];
  if (!ws || name === undefined)
    throw new DataError(sourceMessages.missingSheet(fileName, sheet ?? "(first)", wb.SheetNames), {
      place: { file: fileName },
    });
  return sheetjs().utils.sheet_to_json<XlsxCell[]>(ws, { header: 1, raw: true, defval: null });
}

/**
 * A numeric cell: numbers pass, numeric text is parsed (a trailing footnote mark like `"1994 5/"` is
 * dropped), `"..."`, `"…"`, `"n.a."` and empty cells give null; anything else throws a DataError
 * naming file, row and column.
 */
export function xlsxNumber(
  cell: XlsxCell | undefined,
  file: string,
  row: number,
  column: string,
): number | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  const t = cell.trim().replace(/\s+\d+\/$/, "");
  if (t === "" || /^(\.{2,3}|…|n[./]?a\.?|-|–)$/i.test(t)) return null;
  const v = Number(t.replace(/,/g, ""));
  if (Number.isFinite(v)) return v;
  throw new DataError(sourceMessages.badNumber({ file, row, column }, cell), {
    place: { file, row, column },
  });
}
