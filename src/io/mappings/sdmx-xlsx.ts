/** Generic layouts: any workbook, SDMX-CSV (series or bslab sheets) and bslab's JSON export. */
import { DataError } from "../../errors.ts";
import { readAnalysisJson } from "../export/json.ts";
import { isBslabSheetFlow, sdmxToSheets } from "../export/sdmx.ts";
import { ioMessages } from "../messages.ts";
import { readSdmxCsv, sdmxToSeries } from "../sdmx/read-sdmx-csv.ts";
import { gridToCsv } from "../xlsx/read-workbook.ts";
import { headerOf, series, sheets } from "./helpers.ts";
import type { Mapping } from "./types.ts";

/**
 * Any other workbook: its first sheet read as the first text layout of `all()` that accepts it. `all`
 * is the full list, passed lazily because this layout is itself in it.
 */
export const xlsx = (all: () => readonly Mapping[]): Mapping => ({
  name: "xlsx",
  description:
    "any other workbook: the first sheet, read as one of the CSV layouts below (e.g. the tidy long layout of `bslab export`)",
  input: "workbook",
  detect: () => false,
  read: () => {
    throw new DataError("xlsx reads workbooks");
  },
  detectWorkbook: () => true,
  readWorkbook(wb, ctx) {
    const text = gridToCsv(wb.sheet(wb.sheetNames[0]));
    const header = headerOf(text, ctx.file);
    const m = all().find((x) => (x.input ?? "text") === "text" && x.detect(header, text));
    if (!m)
      throw new DataError(
        ioMessages.unknownLayout(
          `${ctx.file} [${wb.sheetNames[0]}]`,
          header,
          all().map((x) => x.name),
        ),
        { place: { file: ctx.file, row: 1 } },
      );
    return m.read(text, ctx);
  },
});

export const sdmxCsv: Mapping = {
  name: "sdmx-csv",
  description:
    "SDMX-CSV 1.0 (DATAFLOW,...) or 2.0 (STRUCTURE,STRUCTURE_ID,...): series keyed AGENCY/FLOW/KEY; UNIT_MULT is the scale",
  detect: (h) => /^(DATAFLOW|STRUCTURE)(:.*)?$/.test(h[0] ?? ""),
  read(text, ctx) {
    const data = readSdmxCsv(text, ctx.file);
    if (isBslabSheetFlow(data)) {
      const list = sdmxToSheets(data, ctx.file);
      return sheets(
        list,
        [...new Set(list.map((s) => s.entity))].map((e) => [
          e,
          ctx.homeCurrencies.get(e) ?? list.find((s) => s.entity === e)!.unit.currency,
        ]),
      );
    }
    return series(sdmxToSeries(data, ctx.file, { dataset: ctx.dataset, vintage: ctx.today }));
  },
};

export const bslabJson: Mapping = {
  name: "bslab-json",
  description: "a bslab analysis export (JSON): its sheets and series",
  detect: (_h, text) => /^\s*\{/.test(text.slice(0, 64)),
  read(text, ctx) {
    const a = readAnalysisJson(text, ctx.file);
    return {
      sheets: a.sheets,
      series: a.series,
      entities: new Map(a.sheets.map((s) => [s.entity, ctx.homeCurrencies.get(s.entity) ?? s.unit.currency])),
    };
  },
};
