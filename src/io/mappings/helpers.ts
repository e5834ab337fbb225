import { DataError } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Entity } from "../../model/entity.ts";
import type { Series } from "../../model/series.ts";
import { unitLabel, type Unit } from "../../model/units.ts";
import { parseCsv } from "../csv/parse-csv.ts";
import type { Workbook } from "../xlsx/read-workbook.ts";
import type { ParsedImport } from "./types.ts";

/** A parse result holding only series. */
export const series = (list: Series[]): ParsedImport => ({ sheets: [], series: list, entities: new Map() });

/** A parse result holding sheets, with the home currency (and optionally the record) of each entity. */
export const sheets = (
  list: BalanceSheet[],
  entities: [string, string][],
  info?: Entity[],
): ParsedImport => ({
  sheets: list,
  series: [],
  entities: new Map(entities),
  ...(info ? { entityInfo: info } : {}),
});

/** Whether a header has every one of `names`. */
export const has = (h: readonly string[], ...names: string[]) => names.every((n) => h.includes(n));

// The workbook readers of src/io/sources take bytes; the workbook keeps them for that.
const BYTES = new WeakMap<Workbook, Uint8Array>();

/** Remembers the bytes a workbook was read from (for readers that parse bytes themselves). */
export function withBytes(wb: Workbook, bytes: Uint8Array): Workbook {
  BYTES.set(wb, bytes);
  return wb;
}

/** The bytes {@link withBytes} remembered for `wb`; throws when there are none. */
export function bytesOf(wb: Workbook): Uint8Array {
  const b = BYTES.get(wb);
  if (!b) throw new DataError(`${wb.file}: workbook bytes not available`);
  return b;
}

/** The header row of a CSV text (first record), trimmed. */
export function headerOf(text: string, file: string): string[] {
  const end = text.search(/\r?\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  try {
    return (parseCsv(firstLine, { fileName: file })[0] ?? []).map((h) => h.trim());
  } catch {
    return [firstLine.trim()];
  }
}

/** A unit as printed in summaries: `CNY hundred millions (1e8)`. */
export function describeUnit(unit: Unit): string {
  return unitLabel(unit);
}
