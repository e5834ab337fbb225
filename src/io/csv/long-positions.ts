import { DataError, messages } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import { calendarProblem } from "../../model/dates.ts";
import { isInstrumentCode } from "../../model/instruments.ts";
import { parseUnit } from "../../model/parse-unit.ts";
import type { Maturity, Position, Side } from "../../model/position.ts";
import { isSectorCode, type SectorCode } from "../../model/sectors.ts";
import { unitLabel, type Unit } from "../../model/units.ts";
import { DEFAULT_TOLERANCE, SheetChecker } from "../../model/validate.ts";
import { numberProblem, parseCsv, parseNumberCell } from "./parse-csv.ts";

/** The header of bslab's plain long CSV of positions; optional columns may follow in any order. */
export const LONG_POSITION_COLUMNS = [
  "entity",
  "date",
  "item",
  "side",
  "currency",
  "maturity",
  "value",
  "unit",
] as const;
export const LONG_POSITION_OPTIONAL = [
  "label",
  "instrument",
  "counterparty",
  "interest_bearing",
  "kind",
  "parent",
] as const;

const SIDES: readonly Side[] = ["asset", "liability", "equity"];
const MATURITIES: readonly Maturity[] = ["short", "long", "unknown"];
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$/;

/**
 * True when a header row looks like the long positions layout: most required columns present, so a
 * file missing one still reaches the reader and gets told which.
 */
export function isLongPositionsHeader(header: readonly string[]): boolean {
  return LONG_POSITION_COLUMNS.filter((c) => header.includes(c)).length >= 5;
}

export interface LongImport {
  sheets: BalanceSheet[];
  /** Home currency assumed for entities the store does not know yet: the currency of their unit. */
  homeCurrency: Map<string, string>;
}

/** One checked row of a long CSV: the position it describes, with the file row it came from. */
export interface LongRow {
  entity: string;
  date: string;
  item: string;
  label: string;
  side: Side;
  kind: Position["kind"];
  parent: string;
  instrument: string;
  /** ISO 4217 code, or "" for a foreign currency the statement does not name. */
  currency: string;
  foreign: boolean;
  maturity: Maturity;
  counterparty: SectorCode[];
  interestBearing: boolean | null;
  value: number;
  row: number;
}

/** One sheet of a long CSV as its rows are read: entity, date, unit and its running checks. */
export interface LongSheetHead {
  entity: string;
  date: string;
  unit: Unit;
  checker: SheetChecker;
}

const TRUE_WORDS = new Set(["true", "yes", "1", "y"]);
const KINDS: readonly Position["kind"][] = ["item", "subtotal", "total", "memo"];
const ALL_COLUMNS = [...LONG_POSITION_COLUMNS, ...LONG_POSITION_OPTIONAL] as const;

// A trimmed cell, "" when the column is absent (index -1) or the row is short.
const cellAt = (r: readonly string[], i: number): string => (i >= 0 ? (r[i] ?? "").trim() : "");
// Why, where the text reads as a number to some program (0x10, 1,000, 1e309); "12O" needs no reason.
function notANumber(text: string): string {
  const why = numberProblem(text);
  const quoted = JSON.stringify(text);
  return why === "not a decimal number" && !/^[+-]?0[xob]/i.test(text)
    ? `not a number: ${quoted}`
    : `not a number: ${quoted} (${why})`;
}

// Undefined for a date of the calendar in one of the accepted shapes, else why not.
const dateProblemOf = (d: string): string | undefined =>
  DATE.test(d) ? calendarProblem(d) : "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn";
// "" stands for `foreign`: a statement that says foreign currency without naming it (the BoJ's 外国為替).
const isoCurrency = (c: string) => {
  if (c.toLowerCase() === "foreign") return "";
  const up = c.toUpperCase();
  return /^[A-Z]{3}$/.test(up) ? up : undefined;
};
const sectorList = (text: string) => {
  const list = text.split(/[\s+;]+/).filter(Boolean);
  return { list: list as SectorCode[], bad: list.find((c) => !isSectorCode(c)) };
};

/**
 * What each checked column of a long CSV accepts, from its trimmed cell ("" when the column is
 * absent): the reader below checks rows with these, and the bulk import (src/ingest) checks the
 * distinct cells of a whole file with the same functions, so both accept exactly the same rows.
 * Each gives the stored value, or undefined when the cell is refused.
 */
export const LONG_CELL_RULES = {
  date: (t: string): string | undefined => (dateProblemOf(t) === undefined ? t : undefined),
  side: (t: string): Side | undefined => (SIDES.includes(t as Side) ? (t as Side) : undefined),
  maturity: (t: string): Maturity | undefined => {
    const m = (t || "unknown") as Maturity;
    return MATURITIES.includes(m) ? m : undefined;
  },
  /** From the raw cell (it trims itself). */
  value: (raw: string): number | undefined => parseNumberCell(raw) ?? undefined,
  unit: (t: string): Unit | undefined => parseUnit(t),
  currency: (t: string): string | undefined => isoCurrency(t),
  instrument: (t: string): string | undefined => (t === "" || isInstrumentCode(t) ? t : undefined),
  counterparty: (t: string): string | undefined => {
    const cp = sectorList(t);
    return cp.bad === undefined ? cp.list.join(" ") : undefined;
  },
  kind: (t: string): Position["kind"] | undefined => {
    const k = (t || "item") as Position["kind"];
    return KINDS.includes(k) ? k : undefined;
  },
  interestBearing: (t: string): boolean | null => {
    const ib = t.toLowerCase();
    return ib === "" ? null : TRUE_WORDS.has(ib);
  },
} as const;

// Cells repeat (a date, a unit, a currency on every row): each distinct text is checked once.
// Bounded, so a file of distinct labels cannot grow it without end.
class Memo<V> {
  private readonly map = new Map<string, V>();
  get(key: string, make: (key: string) => V): V {
    let v = this.map.get(key);
    if (v === undefined && !this.map.has(key)) {
      v = make(key);
      if (this.map.size >= 4096) this.map.clear();
      this.map.set(key, v);
    }
    return v as V;
  }
}

/**
 * Checks the rows of a long CSV of positions one at a time, holding only one entry per sheet (its
 * unit and running sums), so a file of any length can be read in one pass. Every problem is
 * reported with file, row and column, with the same messages as {@link readLongPositions}; a
 * duplicate item within a sheet is the caller's to find (it needs every item of the sheet).
 */
export class LongPositionRows {
  /** The sheets seen so far, by `entity NUL date`, in the order of their first row. */
  readonly sheets = new Map<string, LongSheetHead>();
  /** Home currency of each entity of the file: the store's, else the currency of its first unit. */
  readonly homeCurrency = new Map<string, string>();
  private readonly header: string[];
  private readonly columns: Record<(typeof ALL_COLUMNS)[number], number>;
  private last: LongSheetHead | undefined;
  private lastEntity: string | undefined;
  private lastHome = "";
  private readonly units = new Memo<Unit | undefined>();
  private readonly dates = new Memo<string | undefined>();
  private readonly currencies = new Memo<string | undefined>();
  private readonly counterparties = new Memo<{ list: SectorCode[]; bad: string | undefined }>();

  constructor(
    private readonly file: string,
    header: readonly string[],
    private readonly homeCurrencies: ReadonlyMap<string, string> = new Map(),
  ) {
    this.header = header.map((h) => h.trim());
    for (const column of LONG_POSITION_COLUMNS) {
      if (!this.header.includes(column))
        throw new DataError(messages.missingColumn(file, column, this.header), {
          place: { file, row: 1, column },
        });
    }
    const columns = Object.create(null) as Record<(typeof ALL_COLUMNS)[number], number>;
    for (const name of ALL_COLUMNS) columns[name] = this.header.indexOf(name);
    this.columns = columns;
  }

  /**
   * Checks one record (row = its record number, the header being 1); returns the position it
   * describes, or undefined for a blank line.
   */
  read(r: readonly string[], row: number): LongRow | undefined {
    if (r.length === 1 && r[0]!.trim() === "") return undefined;
    const header = this.header;
    const c = this.columns;
    if (r.length < header.length)
      this.fail(
        row,
        header[r.length] ?? "?",
        `row has ${r.length} cells, header has ${header.length} (truncated?)`,
      );
    const entity = cellAt(r, c.entity) || this.fail(row, "entity", "empty entity");
    const date = cellAt(r, c.date);
    const dateProblem = this.dates.get(date, dateProblemOf);
    if (dateProblem !== undefined)
      this.fail(row, "date", `invalid date ${JSON.stringify(date)} (${dateProblem})`);
    const item = cellAt(r, c.item) || this.fail(row, "item", "empty item");
    const side = cellAt(r, c.side) as Side;
    if (LONG_CELL_RULES.side(side) === undefined)
      this.fail(row, "side", `invalid side ${JSON.stringify(side)} (expected ${SIDES.join("|")})`);
    const maturityText = cellAt(r, c.maturity);
    const maturity = LONG_CELL_RULES.maturity(maturityText);
    if (maturity === undefined)
      this.fail(
        row,
        "maturity",
        `invalid maturity ${JSON.stringify(maturityText || "unknown")} (expected ${MATURITIES.join("|")})`,
      );
    const valueText = cellAt(r, c.value);
    const value = parseNumberCell(valueText);
    if (value === undefined || value === null)
      this.fail(
        row,
        "value",
        value === null ? `not a number: ${JSON.stringify(valueText)}` : notANumber(valueText),
      );
    const unitText = cellAt(r, c.unit);
    const unit: Unit =
      this.units.get(unitText, parseUnit) ??
      this.fail(
        row,
        "unit",
        `unknown unit ${JSON.stringify(unitText)} (write e.g. "CNY 1e8", "亿元", "USD millions")`,
      );
    const currencyText = cellAt(r, c.currency);
    const currency =
      this.currencies.get(currencyText, isoCurrency) ??
      this.fail(
        row,
        "currency",
        `invalid currency ${JSON.stringify(currencyText)} (expected an ISO 4217 code such as CNY, or foreign when the statement names none)`,
      );
    const instrument = cellAt(r, c.instrument);
    if (LONG_CELL_RULES.instrument(instrument) === undefined)
      this.fail(
        row,
        "instrument",
        `unknown instrument code ${JSON.stringify(instrument)} (expected an SNA code such as AF.4)`,
      );
    const cp = this.counterparties.get(cellAt(r, c.counterparty), sectorList);
    if (cp.bad)
      this.fail(
        row,
        "counterparty",
        `unknown sector code ${JSON.stringify(cp.bad)} (expected e.g. S.11, S.2)`,
      );
    const kindText = cellAt(r, c.kind);
    const kind = LONG_CELL_RULES.kind(kindText);
    if (kind === undefined)
      this.fail(
        row,
        "kind",
        `invalid kind ${JSON.stringify(kindText || "item")} (expected item|subtotal|total|memo)`,
      );

    // Rows of one sheet usually follow each other: reuse the last sheet without building its key.
    let sheet = this.last;
    if (!sheet || sheet.entity !== entity || sheet.date !== date) {
      const key = `${entity}\u0000${date}`;
      sheet = this.sheets.get(key);
      if (!sheet) {
        sheet = { entity, date, unit, checker: new SheetChecker() };
        this.sheets.set(key, sheet);
      }
      this.last = sheet;
    }
    if (sheet.unit !== unit && (sheet.unit.currency !== unit.currency || sheet.unit.scale !== unit.scale))
      this.fail(
        row,
        "unit",
        `unit ${unitLabel(unit)} differs from ${unitLabel(sheet.unit)} used earlier for ${entity} ${date}; one sheet has one unit`,
      );
    if (entity !== this.lastEntity) {
      this.lastHome = this.homeCurrencies.get(entity) ?? this.homeCurrency.get(entity) ?? unit.currency;
      this.homeCurrency.set(entity, this.lastHome);
      this.lastEntity = entity;
    }
    const parent = cellAt(r, c.parent);
    sheet.checker.add(kind, side, item, parent, value as number);
    return {
      entity,
      date,
      item,
      label: cellAt(r, c.label),
      side,
      kind,
      parent,
      instrument,
      currency,
      foreign: currency === "" || currency !== this.lastHome,
      maturity,
      counterparty: cp.list,
      interestBearing: LONG_CELL_RULES.interestBearing(cellAt(r, c.interest_bearing)),
      value: value as number,
      row,
    };
  }

  private fail(row: number, column: string, why: string): never {
    const file = this.file;
    throw new DataError(`${file}: row ${row}, column ${column}: ${why}`, { place: { file, row, column } });
  }

  /** After the last row: refuses a file without rows, then any sheet that does not balance. */
  finish(): void {
    const file = this.file;
    if (this.sheets.size === 0)
      throw new DataError(`${file}: no data rows below the header`, { place: { file, row: 2 } });
    for (const sheet of this.sheets.values()) {
      const error = unbalancedSheetError(file, sheet);
      if (error) throw error;
    }
  }
}

/** The error for a sheet whose accounting checks fail (the first failing check), or undefined. */
export function unbalancedSheetError(
  file: string,
  sheet: Pick<LongSheetHead, "entity" | "date" | "checker">,
): DataError | undefined {
  const failed = sheet.checker.results(DEFAULT_TOLERANCE).filter((c) => !c.ok);
  if (failed.length === 0) return undefined;
  const f = failed[0]!;
  if (!Number.isFinite(f.published) || !Number.isFinite(f.computed) || !Number.isFinite(f.difference))
    return new DataError(
      `${file}: sheet ${sheet.entity} ${sheet.date}: the sum of its lines for ${f.item} is beyond ±1.8e308 (the largest number a double holds), so the sheet cannot be checked; nothing was imported (is the unit's scale right?)`,
      { place: { file } },
    );
  return new DataError(
    `${file}: sheet ${sheet.entity} ${sheet.date} does not balance: ${f.item} ${f.published} vs ${f.computed} (difference ${f.difference}, tolerance ${DEFAULT_TOLERANCE.absolute}); nothing was imported`,
    { place: { file } },
  );
}

/** The position a checked row describes, with its source. */
export function longRowPosition(r: LongRow, file: string): Position {
  return {
    item: r.item,
    label: r.label ? { en: r.label } : {},
    side: r.side,
    kind: r.kind,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.instrument && isInstrumentCode(r.instrument) ? { instrument: r.instrument } : {}),
    currency: r.currency === "" ? null : r.currency,
    foreign: r.foreign,
    maturity: r.maturity,
    maturityBasis: "original",
    counterparty: r.counterparty,
    interestBearing: r.interestBearing,
    value: r.value,
    source: { dataset: "import", file, row: r.row, column: "value" },
  };
}

/** The message of a position that appears twice in one sheet. */
export const duplicatePositionMessage = messages.duplicatePosition;

/**
 * Reads a long CSV of positions (`entity,date,item,side,currency,maturity,value,unit`, one row per
 * line of a balance sheet) into sheets, and checks each sheet balances. Every problem is reported
 * with file, row and column; nothing is returned unless the whole file is good.
 *
 * @param homeCurrencies the home currency of entities already known, to mark positions foreign.
 */
export function readLongPositions(
  text: string,
  file: string,
  homeCurrencies: ReadonlyMap<string, string> = new Map(),
): LongImport {
  const rows = parseCsv(text, { fileName: file });
  const reader = new LongPositionRows(file, rows[0] ?? [], homeCurrencies);
  const sheets = new Map<string, BalanceSheet>();
  const items = new Map<string, Set<string>>();
  for (let i = 1; i < rows.length; i++) {
    const r = reader.read(rows[i]!, i + 1);
    if (!r) continue;
    const key = `${r.entity}\u0000${r.date}`;
    const seen = items.get(key) ?? new Set<string>();
    if (seen.has(r.item))
      throw new DataError(duplicatePositionMessage(file, r.row, r.item, r.entity, r.date), {
        place: { file, row: r.row, column: "item" },
      });
    seen.add(r.item);
    items.set(key, seen);
    let sheet = sheets.get(key);
    if (!sheet) {
      sheet = {
        entity: r.entity,
        date: r.date,
        unit: reader.sheets.get(key)!.unit,
        positions: [],
        notes: [],
      };
      sheets.set(key, sheet);
    }
    sheet.positions.push(longRowPosition(r, file));
  }
  reader.finish();
  return { sheets: [...sheets.values()], homeCurrency: reader.homeCurrency };
}
