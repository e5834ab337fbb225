import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { analysisToJson } from "../../src/io/export/json.ts";
import { seriesToSdmxCsv, sheetsToSdmxCsv } from "../../src/io/export/sdmx.ts";
import { seriesToCsv, sheetsToCsv } from "../../src/io/export/tidy-csv.ts";
import { seriesToXlsx, sheetsToXlsx } from "../../src/io/export/xlsx.ts";
import { importBytes, importText } from "../../src/ingest/import.ts";
import type { BalanceSheet } from "../../src/model/balance-sheet.ts";
import type { Series } from "../../src/model/series.ts";
import { loadSeries } from "../../src/store/series.ts";
import { loadSheets } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { tempDbPath } from "../helpers/temp-store.ts";

const SOURCES = [
  "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls",
  "data/pboc-monetary-authority/raw_xls/other_depository_corporations_bs_2013.xls",
  "data/fred-h41-fed-balance-sheet/FRB_H41_2016-02_2017-12.csv",
  "data/shiller-us-market-and-housing/ie_data_monthly_extract.csv",
  "data/fred-h41-fed-balance-sheet/WALCL.csv",
  "data/sectoral-financial-balances/sectors.data.csv",
];
const SERIES = [
  "SHILLER/ie_data/cape",
  "FRED/WALCL",
  "ANGRICK/sectors/JP_Q_boj_cao.Corporate",
  "FRB/H41/H41/RESPPMA_N.WW",
  "SHILLER/ie_data/gs10_long_rate",
];

const cleanups: Array<() => void> = [];
async function freshStore(): Promise<Store> {
  const db = tempDbPath();
  const store = await Store.open({ path: db.path });
  cleanups.push(() => (store.close(), db.cleanup()));
  return store;
}

let sheets: BalanceSheet[];
let series: Series[];
beforeAll(async () => {
  const store = await freshStore();
  for (const f of SOURCES) await importBytes(store, readFileSync(f), f, { vintage: "2026-01-01" });
  sheets = [
    ...(await loadSheets(store, "pboc", "2013-01", "2013-12")),
    ...(await loadSheets(store, "pboc-odc", "2013-06", "2013-12")),
    ...(await loadSheets(store, "fed", "2016-02-03", "2016-03-30")),
  ];
  series = [];
  for (const id of SERIES) series.push((await loadSeries(store, id))!);
});
afterAll(() => cleanups.forEach((c) => c()));

// What must survive a round trip: everything but where and when it was imported.
const sameSeries = ({ dataset: _d, file: _f, vintage: _v, ...s }: Series) => s;
const sameSheet = ({ notes: _n, ...s }: BalanceSheet) => s;

async function reimportSheets(content: string | Uint8Array, file: string): Promise<BalanceSheet[]> {
  const store = await freshStore();
  const r =
    typeof content === "string"
      ? await importText(store, content, file, { vintage: "2026-02-01" })
      : await importBytes(store, content, file, { vintage: "2026-02-01" });
  expect(r.positions).toBe(sheets.reduce((n, s) => n + s.positions.length, 0));
  return [
    ...(await loadSheets(store, "pboc")),
    ...(await loadSheets(store, "pboc-odc")),
    ...(await loadSheets(store, "fed")),
  ];
}

async function reimportSeries(content: string | Uint8Array, file: string): Promise<Series[]> {
  const store = await freshStore();
  if (typeof content === "string") await importText(store, content, file, { vintage: "2026-02-01" });
  else await importBytes(store, content, file, { vintage: "2026-02-01" });
  return Promise.all(SERIES.map(async (id) => (await loadSeries(store, id))!));
}

describe("round trip: export, then import, gives identical positions", () => {
  it("the sample holds PBoC (sheet/row/column sources), ODC and Fed sheets", () => {
    expect(sheets.map((s) => s.entity).filter((e, i, a) => a.indexOf(e) === i)).toEqual([
      "pboc",
      "pboc-odc",
      "fed",
    ]);
    expect(sheets.length).toBe(12 + 7 + 9);
  });

  it("tidy long CSV", async () => {
    const csv = sheetsToCsv(sheets);
    expect(csv.split("\n")[0]!.startsWith("entity,date,series,value,unit,scale,source,side,kind")).toBe(true);
    expect((await reimportSheets(csv, "sheets.csv")).map(sameSheet)).toEqual(sheets.map(sameSheet));
  });

  it("SDMX-CSV 1.0", async () => {
    expect((await reimportSheets(sheetsToSdmxCsv(sheets), "sheets-sdmx.csv")).map(sameSheet)).toEqual(
      sheets.map(sameSheet),
    );
  });

  it("XLSX", async () => {
    expect((await reimportSheets(sheetsToXlsx(sheets), "sheets.xlsx")).map(sameSheet)).toEqual(
      sheets.map(sameSheet),
    );
  });

  it("JSON (notes included)", async () => {
    const json = analysisToJson({ sheets, series: [] }, { generated: "2026-01-01T00:00:00Z" });
    expect(await reimportSheets(json, "analysis.json")).toEqual(sheets);
  });
});

describe("round trip: export, then import, gives identical series", () => {
  it("tidy long CSV", async () => {
    expect((await reimportSeries(seriesToCsv(series), "series.csv")).map(sameSeries)).toEqual(
      series.map(sameSeries),
    );
  });

  it("SDMX-CSV 1.0 (UNIT_MULT carries the scale)", async () => {
    const text = seriesToSdmxCsv(series);
    expect(text).toContain(",USD,6,");
    expect((await reimportSeries(text, "series-sdmx.csv")).map(sameSeries)).toEqual(series.map(sameSeries));
  });

  it("XLSX", async () => {
    expect((await reimportSeries(seriesToXlsx(series), "series.xlsx")).map(sameSeries)).toEqual(
      series.map(sameSeries),
    );
  });

  it("JSON", async () => {
    const json = analysisToJson({ sheets: [], series }, { generated: "2026-01-01T00:00:00Z" });
    expect((await reimportSeries(json, "series.json")).map(sameSeries)).toEqual(series.map(sameSeries));
  });
});
