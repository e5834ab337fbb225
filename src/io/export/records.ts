import { DataError, type Place } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import { isInstrumentCode } from "../../model/instruments.ts";
import type { LineKind, Maturity, Position, Side } from "../../model/position.ts";
import { isSectorCode, type SectorCode } from "../../model/sectors.ts";
import type { Series } from "../../model/series.ts";
import { ioMessages } from "../messages.ts";

/**
 * The tidy long columns every bslab table export shares (classifications.md section 7): one row per
 * value, with its unit, power-of-ten scale and source.
 */
export const TIDY_COLUMNS = ["entity", "date", "series", "value", "unit", "scale", "source"] as const;

/** Extra columns of a series export: enough to rebuild the series exactly. */
export const SERIES_COLUMNS = ["name", "frequency", "dataset", "file"] as const;

/** Extra columns of a balance-sheet export: every attribute of a position, so a re-import is exact. */
export const POSITION_COLUMNS = [
  "side",
  "kind",
  "parent",
  "instrument",
  "currency",
  "foreign",
  "maturity",
  "maturity_basis",
  "counterparty",
  "interest_bearing",
  "inflation_indexed",
  "label_zh",
  "label_en",
  "code",
  "src_dataset",
  "src_file",
  "src_row",
  "src_column",
  "src_sheet",
] as const;

export type Record_ = Record<string, string | number>;

const bool = (b: boolean | null) => (b === null ? "" : String(b));

/** Where a position came from, as one readable cell: `file [sheet] row 9, column M`. */
export function sourceText(p: Position): string {
  const s = p.source;
  return `${s.file}${s.sheet ? ` [${s.sheet}]` : ""} row ${s.row}${s.column ? `, column ${s.column}` : ""}`;
}

/** One tidy row per position of each sheet, in sheet order. */
export function sheetRows(sheets: readonly BalanceSheet[]): Record_[] {
  return sheets.flatMap((sheet) =>
    sheet.positions.map((p) => ({
      entity: sheet.entity,
      date: sheet.date,
      series: p.item,
      value: p.value,
      unit: sheet.unit.currency,
      scale: sheet.unit.scale,
      source: sourceText(p),
      side: p.side,
      kind: p.kind,
      parent: p.parent ?? "",
      instrument: p.instrument ?? "",
      currency: p.currency ?? "",
      foreign: bool(p.foreign),
      maturity: p.maturity,
      maturity_basis: p.maturityBasis,
      counterparty: p.counterparty.join(" "),
      interest_bearing: bool(p.interestBearing),
      inflation_indexed: bool(p.inflationIndexed ?? null),
      label_zh: p.label.zh ?? "",
      label_en: p.label.en ?? "",
      code: p.code ?? "",
      src_dataset: p.source.dataset,
      src_file: p.source.file,
      src_row: p.source.row,
      src_column: p.source.column ?? "",
      src_sheet: p.source.sheet ?? "",
    })),
  );
}

/** One tidy row per observation of each series. */
export function seriesRows(list: readonly Series[]): Record_[] {
  return list.flatMap((s) =>
    s.observations.map((o) => ({
      entity: s.entity,
      date: o.date,
      series: s.id,
      value: o.value,
      unit: s.unit,
      scale: s.scale,
      source: `${s.dataset}: ${s.file} (vintage ${s.vintage})`,
      name: s.name,
      frequency: s.frequency,
      dataset: s.dataset,
      file: s.file,
    })),
  );
}

const SIDES: readonly Side[] = ["asset", "liability", "equity"];
const KINDS: readonly LineKind[] = ["item", "subtotal", "total", "memo"];
const MATURITIES: readonly Maturity[] = ["short", "long", "unknown"];

function parseBool(text: string, place: Place, what: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  if (t === "true") return true;
  if (t === "false") return false;
  throw new DataError(ioMessages.badValue(place, what, text, "true, false or empty"), { place });
}

/**
 * Rebuilds a position from the columns {@link sheetRows} writes; `get(column)` returns a cell and
 * `place(column)` where it is, for errors.
 */
export function positionFrom(
  get: (column: string) => string,
  place: (column: string) => Place,
  value: number,
): Position {
  const oneOf = <T extends string>(column: string, allowed: readonly T[], fallback?: T): T => {
    const v = get(column).trim();
    if (v === "" && fallback !== undefined) return fallback;
    if (!allowed.includes(v as T))
      throw new DataError(ioMessages.badValue(place(column), column, v, allowed.join("|")), {
        place: place(column),
      });
    return v as T;
  };
  const instrument = get("instrument").trim();
  if (instrument !== "" && !isInstrumentCode(instrument))
    throw new DataError(
      ioMessages.badValue(place("instrument"), "instrument", instrument, "an SNA code such as AF.4"),
      {
        place: place("instrument"),
      },
    );
  const counterparty = get("counterparty")
    .split(/[\s+;]+/)
    .filter(Boolean);
  const bad = counterparty.find((c) => !isSectorCode(c));
  if (bad)
    throw new DataError(ioMessages.badValue(place("counterparty"), "sector code", bad, "e.g. S.11, S.2"), {
      place: place("counterparty"),
    });
  const row = Number(get("src_row"));
  const zh = get("label_zh");
  const en = get("label_en");
  const code = get("code");
  const parent = get("parent");
  const column = get("src_column");
  const sheet = get("src_sheet");
  // Only lines that say so are indexed; an export before the column existed reads as it did.
  const indexed = parseBool(get("inflation_indexed"), place("inflation_indexed"), "inflation_indexed");
  return {
    item: get("series"),
    label: { ...(zh ? { zh } : {}), ...(en ? { en } : {}) },
    ...(code ? { code } : {}),
    side: oneOf("side", SIDES),
    kind: oneOf("kind", KINDS, "item"),
    ...(parent ? { parent } : {}),
    ...(instrument && isInstrumentCode(instrument) ? { instrument } : {}),
    currency: get("currency").trim() || null,
    foreign: parseBool(get("foreign"), place("foreign"), "foreign"),
    maturity: oneOf("maturity", MATURITIES, "unknown"),
    maturityBasis: oneOf("maturity_basis", ["original", "remaining"] as const, "original"),
    counterparty: counterparty as SectorCode[],
    interestBearing: parseBool(get("interest_bearing"), place("interest_bearing"), "interest_bearing"),
    ...(indexed === null ? {} : { inflationIndexed: indexed }),
    value,
    source: {
      dataset: get("src_dataset"),
      file: get("src_file"),
      row: Number.isInteger(row) ? row : 0,
      ...(column ? { column } : {}),
      ...(sheet ? { sheet } : {}),
    },
  };
}
