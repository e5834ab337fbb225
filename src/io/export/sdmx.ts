import { DataError } from "../../errors.ts";
import type { BalanceSheet } from "../../model/balance-sheet.ts";
import type { Series } from "../../model/series.ts";
import { ioMessages } from "../messages.ts";
import type { SdmxCsv } from "../sdmx/read-sdmx-csv.ts";
import { writeSdmxCsv } from "../sdmx/write-sdmx-csv.ts";
import { POSITION_COLUMNS, positionFrom, sheetRows } from "./records.ts";

/** The dataflows bslab writes: its own ids, so a re-import knows the rows are bslab's. */
export const BSLAB_SERIES_FLOW = "BSLAB:SERIES(1.0)";
export const BSLAB_SHEET_FLOW = "BSLAB:BALANCE_SHEET(1.0)";

const SHEET_ATTRS = POSITION_COLUMNS.map((c) => c.toUpperCase());

/**
 * Series as SDMX-CSV 1.0: dimensions `SERIES` (the bslab id), `REF_AREA` (entity) and `FREQ`;
 * attributes `UNIT_MEASURE` (the unit as published), `UNIT_MULT` (power of ten), `TITLE`, `SOURCE`.
 * @example seriesToSdmxCsv([series]) // "DATAFLOW,SERIES,REF_AREA,FREQ,TIME_PERIOD,OBS_VALUE,..."
 */
export function seriesToSdmxCsv(list: readonly Series[]): string {
  return writeSdmxCsv({
    dataflow: BSLAB_SERIES_FLOW,
    dimensions: ["SERIES", "REF_AREA", "FREQ"],
    attributes: ["UNIT_MEASURE", "UNIT_MULT", "TITLE", "SOURCE"],
    rows: list.flatMap((s) =>
      s.observations.map((o) => ({
        key: { SERIES: s.id, REF_AREA: s.entity, FREQ: s.frequency },
        time: o.date,
        value: o.value,
        attributes: {
          UNIT_MEASURE: s.unit,
          UNIT_MULT: s.scale,
          TITLE: s.name,
          SOURCE: `${s.dataset}: ${s.file}`,
        },
      })),
    ),
  });
}

/**
 * Balance sheets as SDMX-CSV 1.0: dimensions `ENTITY`, `ITEM`; `UNIT_MEASURE` is the sheet's
 * currency and `UNIT_MULT` its power of ten; every position attribute follows (SIDE, KIND, ...,
 * SRC_FILE, SRC_ROW), so the file imports back to the same positions.
 */
export function sheetsToSdmxCsv(sheets: readonly BalanceSheet[]): string {
  return writeSdmxCsv({
    dataflow: BSLAB_SHEET_FLOW,
    dimensions: ["ENTITY", "ITEM"],
    attributes: ["UNIT_MEASURE", "UNIT_MULT", ...SHEET_ATTRS],
    rows: sheetRows(sheets).map((r) => ({
      key: { ENTITY: String(r.entity), ITEM: String(r.series) },
      time: String(r.date),
      value: Number(r.value),
      attributes: {
        UNIT_MEASURE: r.unit,
        UNIT_MULT: r.scale,
        ...Object.fromEntries(POSITION_COLUMNS.map((c) => [c.toUpperCase(), r[c]])),
      },
    })),
  });
}

/** True when an SDMX-CSV file holds bslab balance-sheet rows. */
export function isBslabSheetFlow(data: SdmxCsv): boolean {
  const s = data.observations[0]?.structure;
  return s?.agency === "BSLAB" && s.id === "BALANCE_SHEET";
}

/** Rebuilds sheets from a bslab balance-sheet SDMX-CSV ({@link sheetsToSdmxCsv}). */
export function sdmxToSheets(data: SdmxCsv, file: string): BalanceSheet[] {
  const sheets = new Map<string, BalanceSheet>();
  for (const o of data.observations) {
    const place = (column: string) => ({ file, row: o.row, column });
    const entity = o.key.ENTITY ?? "";
    const unit = { currency: o.attributes.UNIT_MEASURE ?? "", scale: Number(o.attributes.UNIT_MULT ?? "0") };
    if (!Number.isInteger(unit.scale))
      throw new DataError(
        ioMessages.badValue(place("UNIT_MULT"), "UNIT_MULT", o.attributes.UNIT_MULT ?? "", "an integer"),
        {
          place: place("UNIT_MULT"),
        },
      );
    const key = `${entity}\u0000${o.time}`;
    const sheet = sheets.get(key) ?? { entity, date: o.time, unit, positions: [], notes: [] };
    if (sheet.unit.currency !== unit.currency || sheet.unit.scale !== unit.scale)
      throw new DataError(
        ioMessages.mixedScale(place("UNIT_MULT"), `${entity} ${o.time}`, unit.scale, sheet.unit.scale),
        {
          place: place("UNIT_MULT"),
        },
      );
    const get = (c: string) => (c === "series" ? (o.key.ITEM ?? "") : (o.attributes[c.toUpperCase()] ?? ""));
    const p = positionFrom(get, (c) => place(c === "series" ? "ITEM" : c.toUpperCase()), o.value);
    if (sheet.positions.some((x) => x.item === p.item))
      throw new DataError(
        ioMessages.duplicate(place("ITEM"), `position ${JSON.stringify(p.item)} for ${entity} ${o.time}`),
        {
          place: place("ITEM"),
        },
      );
    sheet.positions.push(p);
    sheets.set(key, sheet);
  }
  return [...sheets.values()];
}
