import { DataError, messages } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import { isInstrumentCode } from "../../model/instruments.ts";
import { parseUnit } from "../../model/parse-unit.ts";
import type { Maturity, Position, Side } from "../../model/position.ts";
import { isSectorCode, type SectorCode } from "../../model/sectors.ts";
import { unitLabel, type Unit } from "../../model/units.ts";
import { checkSheet, DEFAULT_TOLERANCE } from "../../model/validate.ts";
import { parseCsv, parseNumberCell } from "./parse-csv.ts";

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
  const header = (rows[0] ?? []).map((h) => h.trim());
  for (const column of LONG_POSITION_COLUMNS) {
    if (!header.includes(column))
      throw new DataError(messages.missingColumn(file, column, header), { place: { file, row: 1, column } });
  }
  const col = (name: string) => header.indexOf(name);
  const sheets = new Map<string, BalanceSheet>();
  const homeCurrency = new Map<string, string>();
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    if (r.length === 1 && r[0]!.trim() === "") return;
    const cell = (name: string) => (col(name) >= 0 ? (r[col(name)] ?? "").trim() : "");
    const fail = (column: string, why: string): never => {
      throw new DataError(`${file}: row ${row}, column ${column}: ${why}`, { place: { file, row, column } });
    };
    if (r.length < header.length)
      fail(header[r.length] ?? "?", `row has ${r.length} cells, header has ${header.length} (truncated?)`);
    const entity = cell("entity") || fail("entity", "empty entity");
    const date = cell("date");
    if (!DATE.test(date))
      fail("date", `invalid date ${JSON.stringify(date)} (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn)`);
    const item = cell("item") || fail("item", "empty item");
    const side = cell("side") as Side;
    if (!SIDES.includes(side))
      fail("side", `invalid side ${JSON.stringify(side)} (expected ${SIDES.join("|")})`);
    const maturity = (cell("maturity") || "unknown") as Maturity;
    if (!MATURITIES.includes(maturity))
      fail("maturity", `invalid maturity ${JSON.stringify(maturity)} (expected ${MATURITIES.join("|")})`);
    const value = parseNumberCell(cell("value"));
    if (value === undefined || value === null)
      fail("value", `not a number: ${JSON.stringify(cell("value"))}`);
    const unit: Unit =
      parseUnit(cell("unit")) ??
      fail(
        "unit",
        `unknown unit ${JSON.stringify(cell("unit"))} (write e.g. "CNY 1e8", "亿元", "USD millions")`,
      );
    const currency = cell("currency").toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      fail(
        "currency",
        `invalid currency ${JSON.stringify(cell("currency"))} (expected an ISO 4217 code such as CNY)`,
      );
    const instrument = cell("instrument");
    if (instrument && !isInstrumentCode(instrument))
      fail(
        "instrument",
        `unknown instrument code ${JSON.stringify(instrument)} (expected an SNA code such as AF.4)`,
      );
    const counterparty = cell("counterparty")
      .split(/[\s+;]+/)
      .filter(Boolean);
    const badSector = counterparty.find((c) => !isSectorCode(c));
    if (badSector)
      fail("counterparty", `unknown sector code ${JSON.stringify(badSector)} (expected e.g. S.11, S.2)`);
    const ib = cell("interest_bearing").toLowerCase();
    const kind = (cell("kind") || "item") as Position["kind"];
    if (!["item", "subtotal", "total", "memo"].includes(kind))
      fail("kind", `invalid kind ${JSON.stringify(kind)} (expected item|subtotal|total|memo)`);

    const key = `${entity}\u0000${date}`;
    const sheet = sheets.get(key) ?? { entity, date, unit, positions: [], notes: [] };
    if (sheet.unit.currency !== unit.currency || sheet.unit.scale !== unit.scale) {
      fail(
        "unit",
        `unit ${unitLabel(unit)} differs from ${unitLabel(sheet.unit)} used earlier for ${entity} ${date}; one sheet has one unit`,
      );
    }
    if (sheet.positions.some((p) => p.item === item))
      fail("item", `duplicate position ${JSON.stringify(item)} for ${entity} ${date}`);
    const home = homeCurrencies.get(entity) ?? homeCurrency.get(entity) ?? unit.currency;
    homeCurrency.set(entity, home);
    sheet.positions.push({
      item,
      label: cell("label") ? { en: cell("label") } : {},
      side,
      kind,
      ...(cell("parent") ? { parent: cell("parent") } : {}),
      ...(instrument && isInstrumentCode(instrument) ? { instrument } : {}),
      currency,
      foreign: currency !== home,
      maturity,
      maturityBasis: "original",
      counterparty: counterparty as SectorCode[],
      interestBearing: ib === "" ? null : ["true", "yes", "1", "y"].includes(ib),
      value: value as number,
      source: { dataset: "import", file, row, column: "value" },
    });
    sheets.set(key, sheet);
  });
  if (sheets.size === 0)
    throw new DataError(`${file}: no data rows below the header`, { place: { file, row: 2 } });
  for (const sheet of sheets.values()) {
    const failed = checkSheet(sheet, DEFAULT_TOLERANCE).filter((c) => !c.ok);
    if (failed.length > 0) {
      const f = failed[0]!;
      throw new DataError(
        `${file}: sheet ${sheet.entity} ${sheet.date} does not balance: ${f.item} ${f.published} vs ${f.computed} (difference ${f.difference}, tolerance ${DEFAULT_TOLERANCE.absolute}); nothing was imported`,
        { place: { file } },
      );
    }
  }
  return { sheets: [...sheets.values()], homeCurrency };
}
