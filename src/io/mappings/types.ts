import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Entity } from "../../model/entity.ts";
import type { Series } from "../../model/series.ts";
import type { Unit } from "../../model/units.ts";
import type { LongRow, LongSheetHead } from "../csv/long-positions.ts";
import type { Workbook } from "../xlsx/read-workbook.ts";

/** What an importer read from a file, before anything is written. */
export interface ParsedImport {
  sheets: BalanceSheet[];
  series: Series[];
  /** Home currencies of entities the file introduces. */
  entities: Map<string, string>;
  /** Names and sectors of entities the file introduces, where the layout knows them. */
  entityInfo?: Entity[];
  /** Where the unit or scale came from, for the import summary. */
  unitSource?: string;
}

export interface ImportContext {
  file: string;
  /** The dataset id the import is recorded under (`import:<file name>`). */
  dataset: string;
  homeCurrencies: ReadonlyMap<string, string>;
  /** Today's date (ISO), the default vintage. */
  today: string;
  /** A unit the caller states for a file that does not state one (`--unit "亿元"`). */
  unit?: Unit;
}

/**
 * A named file layout bslab can import. Text layouts (`input: "text"`, the default) are recognised
 * by their header row (`detect`) and read from UTF-8 text; workbook layouts (`input: "workbook"`) are
 * recognised and read from the .xls/.xlsx workbook.
 */
export interface Mapping {
  name: string;
  description: string;
  input?: "text" | "workbook";
  /**
   * The header a user writes for this layout (a template's first row and the import page's column
   * help): required columns in order, then optional ones. Absent for publishers' own layouts.
   */
  columns?: { required: readonly string[]; optional: readonly string[] };
  detect(header: readonly string[], text: string): boolean;
  read(text: string, ctx: ImportContext): ParsedImport;
  /**
   * For files too big to hold: checks the records one at a time (header first), so the ingest
   * layer can stream the file and let the store bulk-load the rows. Same checks and messages as
   * `read`; a layout without it is read whole.
   */
  rows?(header: readonly string[], ctx: ImportContext): PositionRowReader;
  detectWorkbook?(wb: Workbook): boolean;
  readWorkbook?(wb: Workbook, ctx: ImportContext): ParsedImport;
}

/** A layout's record-by-record reader of positions (see {@link Mapping.rows}). */
export interface PositionRowReader {
  /** Checks one record (row = record number, header = 1); undefined for a blank line. */
  read(record: readonly string[], row: number): LongRow | undefined;
  /** After the last record: file-level checks (no rows, sheets that do not balance). */
  finish(): void;
  /** The sheets read, in the order of their first row. */
  readonly sheets: ReadonlyMap<string, LongSheetHead>;
  /** Home currency of each entity the file names. */
  readonly homeCurrency: Map<string, string>;
}
