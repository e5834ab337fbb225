import { DataError } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Frequency, Series } from "../../model/series.ts";
import { parseScale } from "../../model/units.ts";
import { parseCsv, parseNumberCell } from "../csv/parse-csv.ts";
import { ioMessages } from "../messages.ts";
import { normalisePeriod } from "../sdmx/read-sdmx-csv.ts";
import { csvField, unescapeFormula } from "./csv-field.ts";
import type { Record_ } from "./records.ts";
import {
  POSITION_COLUMNS,
  positionFrom,
  SERIES_COLUMNS,
  seriesRows,
  sheetRows,
  TIDY_COLUMNS,
} from "./records.ts";

/** RFC 4180 CSV of records with the given columns (numbers in shortest round-trip form). */
export function recordsToCsv(rows: readonly Record_[], columns: readonly string[]): string {
  const lines = [columns.join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c])).join(","));
  return lines.join("\n") + "\n";
}

/**
 * Balance sheets as tidy long CSV: `entity,date,series,value,unit,scale,source` (series = the line's
 * item key, unit = the sheet's currency, scale = its power of ten) followed by every attribute of the
 * position, so `bslab import` of the file gives the same positions back.
 * @example sheetsToCsv(await loadSheets(store, "pboc", "2013-12", "2013-12"))
 */
export function sheetsToCsv(sheets: readonly BalanceSheet[]): string {
  return recordsToCsv(sheetRows(sheets), [...TIDY_COLUMNS, ...POSITION_COLUMNS]);
}

/**
 * Series as tidy long CSV: `entity,date,series,value,unit,scale,source,name,frequency,dataset,file`.
 * @example seriesToCsv([await loadSeries(store, "FRED/WALCL")])
 */
export function seriesToCsv(list: readonly Series[]): string {
  return recordsToCsv(seriesRows(list), [...TIDY_COLUMNS, ...SERIES_COLUMNS]);
}

/** True for a header of the tidy long layout (series or, with `side`, balance-sheet positions). */
export function isTidyHeader(header: readonly string[]): boolean {
  return ["date", "series", "value", "unit", "scale"].every((c) => header.includes(c));
}

const FREQUENCIES: readonly Frequency[] = ["A", "Q", "M", "W", "D"];

interface Table {
  header: string[];
  rows: string[][];
  get: (r: number, column: string) => string;
  place: (r: number, column: string) => { file: string; row: number; column: string };
}

function table(text: string, file: string, required: readonly string[]): Table {
  const rows = parseCsv(text, { fileName: file });
  const header = (rows[0] ?? []).map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new DataError(ioMessages.missingColumns(file, missing, header), { place: { file, row: 1 } });
  const idx = new Map(header.map((h, i) => [h, i]));
  return {
    header,
    rows,
    get: (r, column) => {
      const i = idx.get(column);
      // A field bslab wrote with a formula guard reads back as it was.
      return i === undefined ? "" : unescapeFormula(rows[r]![i] ?? "");
    },
    place: (r, column) => ({ file, row: r + 1, column }),
  };
}

function checkRow(t: Table, r: number, file: string): boolean {
  const row = t.rows[r]!;
  if (row.length === 1 && row[0]!.trim() === "") return false;
  if (row.length < t.header.length)
    throw new DataError(ioMessages.truncatedRow({ file, row: r + 1 }, row.length, t.header.length), {
      place: { file, row: r + 1, column: t.header[row.length] ?? "" },
    });
  return true;
}

function valueAt(t: Table, r: number): number | null {
  const text = t.get(r, "value");
  const v = parseNumberCell(text);
  if (v === undefined)
    throw new DataError(ioMessages.notANumber(t.place(r, "value"), text), { place: t.place(r, "value") });
  return v;
}

function scaleAt(t: Table, r: number): number {
  const text = t.get(r, "scale").trim();
  const scale = parseScale(text);
  if (text === "" || scale === undefined)
    throw new DataError(
      ioMessages.badValue(t.place(r, "scale"), "scale", text, "a power of ten such as 6, or millions, 亿"),
      { place: t.place(r, "scale") },
    );
  return scale;
}

/**
 * Reads the tidy long layout of balance-sheet positions (as {@link sheetsToCsv} writes it) back into
 * sheets. Sheets are not required to balance: published quirks (PBoC 2000-01) travel with the data
 * and are reported by `bslab sheet`, as for the original import.
 */
export function readTidySheets(text: string, file: string): BalanceSheet[] {
  const t = table(text, file, ["entity", "date", "series", "value", "unit", "scale", "side"]);
  const sheets = new Map<string, BalanceSheet>();
  for (let r = 1; r < t.rows.length; r++) {
    if (!checkRow(t, r, file)) continue;
    const entity = t.get(r, "entity").trim();
    if (entity === "")
      throw new DataError(ioMessages.badValue(t.place(r, "entity"), "entity", "", "an entity id"), {
        place: t.place(r, "entity"),
      });
    const date = t.get(r, "date").trim();
    if (!normalisePeriod(date))
      throw new DataError(
        ioMessages.badPeriod(t.place(r, "date"), date, "YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"),
        {
          place: t.place(r, "date"),
        },
      );
    const value = valueAt(t, r);
    if (value === null) continue;
    const unit = { currency: t.get(r, "unit").trim(), scale: scaleAt(t, r) };
    const key = `${entity}\u0000${date}`;
    const sheet = sheets.get(key) ?? { entity, date, unit, positions: [], notes: [] };
    if (sheet.unit.currency !== unit.currency || sheet.unit.scale !== unit.scale)
      throw new DataError(
        ioMessages.mixedUnit(
          t.place(r, "unit"),
          `${entity} ${date}`,
          `${unit.currency} 1e${unit.scale}`,
          `${sheet.unit.currency} 1e${sheet.unit.scale}`,
        ),
        { place: t.place(r, "unit") },
      );
    const p = positionFrom(
      (c) => t.get(r, c),
      (c) => t.place(r, c),
      value,
    );
    if (p.item === "")
      throw new DataError(ioMessages.badValue(t.place(r, "series"), "item", "", "an item key"), {
        place: t.place(r, "series"),
      });
    if (sheet.positions.some((x) => x.item === p.item))
      throw new DataError(
        ioMessages.duplicate(
          t.place(r, "series"),
          `position ${JSON.stringify(p.item)} for ${entity} ${date}`,
        ),
        {
          place: t.place(r, "series"),
        },
      );
    if (p.source.file === "") p.source = { dataset: "import", file, row: r + 1, column: "value" };
    sheet.positions.push(p);
    sheets.set(key, sheet);
  }
  if (sheets.size === 0) throw new DataError(ioMessages.noRows(file), { place: { file, row: 2 } });
  return [...sheets.values()];
}

/**
 * Reads a long series CSV: `date,series,value,unit,scale` required, `entity`, `name`, `frequency`
 * optional (the frequency is otherwise read from the dates). `scale` is a power of ten (6) or a word
 * (millions, 亿); a series whose unit, scale or entity changes between rows is refused.
 */
export function readTidySeries(
  text: string,
  file: string,
  meta: { dataset: string; vintage: string },
): Series[] {
  const t = table(text, file, ["date", "series", "value", "unit", "scale"]);
  const out = new Map<string, Series>();
  const seen = new Set<string>();
  for (let r = 1; r < t.rows.length; r++) {
    if (!checkRow(t, r, file)) continue;
    const id = t.get(r, "series").trim();
    if (id === "")
      throw new DataError(ioMessages.badValue(t.place(r, "series"), "series id", "", "e.g. FRED/WALCL"), {
        place: t.place(r, "series"),
      });
    const dateText = t.get(r, "date").trim();
    const period = normalisePeriod(dateText);
    if (!period)
      throw new DataError(
        ioMessages.badPeriod(t.place(r, "date"), dateText, "YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD"),
        {
          place: t.place(r, "date"),
        },
      );
    const value = valueAt(t, r);
    const scale = scaleAt(t, r);
    const unit = t.get(r, "unit").trim();
    const entity = t.get(r, "entity").trim();
    const freqText = t.get(r, "frequency").trim();
    if (freqText !== "" && !FREQUENCIES.includes(freqText as Frequency))
      throw new DataError(
        ioMessages.badValue(t.place(r, "frequency"), "frequency", freqText, FREQUENCIES.join("|")),
        {
          place: t.place(r, "frequency"),
        },
      );
    let s = out.get(id);
    if (!s) {
      s = {
        id,
        entity,
        name: t.get(r, "name").trim() || id,
        frequency: (freqText as Frequency) || period.frequency,
        unit,
        scale,
        dataset: meta.dataset,
        file,
        vintage: meta.vintage,
        observations: [],
      };
      out.set(id, s);
    } else if (s.scale !== scale) {
      throw new DataError(ioMessages.mixedScale(t.place(r, "scale"), id, scale, s.scale, "scale"), {
        place: t.place(r, "scale"),
      });
    } else if (s.unit !== unit) {
      throw new DataError(ioMessages.mixedUnit(t.place(r, "unit"), id, unit, s.unit), {
        place: t.place(r, "unit"),
      });
    }
    const k = `${id}\u0000${period.date}`;
    if (seen.has(k))
      throw new DataError(ioMessages.duplicate(t.place(r, "date"), `observation ${id} ${period.date}`), {
        place: t.place(r, "date"),
      });
    seen.add(k);
    if (value !== null) s.observations.push({ date: period.date, value });
  }
  if (out.size === 0) throw new DataError(ioMessages.noRows(file), { place: { file, row: 2 } });
  return [...out.values()];
}
