import { sheetjs } from "./sheetjs.ts";

/** One sheet to write: a name and rows of plain values (the first row is the header). */
export interface SheetData {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
}

/**
 * Writes an .xlsx workbook (numbers as numbers, text as text: no cell is reformatted, so reading
 * the file back gives the same values).
 * @example writeWorkbook([{ name: "data", rows: [["a"], [1]] }]) // Uint8Array of an .xlsx file
 */
export function writeWorkbook(sheets: readonly SheetData[]): Uint8Array {
  const wb = sheetjs().utils.book_new();
  for (const s of sheets)
    sheetjs().utils.book_append_sheet(
      wb,
      sheetjs().utils.aoa_to_sheet(s.rows.map((r) => [...r])),
      s.name.slice(0, 31),
    );
  return new Uint8Array(
    sheetjs().write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer,
  );
}
