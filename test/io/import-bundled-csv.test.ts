import { describe, expect, it } from "vitest";

import { findPosition } from "../../src/model/balance-sheet.ts";
import { loadSeries } from "../../src/store/series.ts";
import { loadSheet } from "../../src/store/sheets.ts";
import { importOnce } from "../helpers/import-once.ts";

// Every bundled text file is imported once, through the same path as `bslab import`, into one store.
const FILES = {
  shiller: "data/shiller-us-market-and-housing/ie_data_monthly_extract.csv",
  nikkei: "data/nikkei225-daily/N225.csv",
  jst: "data/jst-macrohistory-r6/JSTdatasetR6.csv",
  sectors: "data/sectoral-financial-balances/sectors.data.csv",
  h41: "data/fred-h41-fed-balance-sheet/FRB_H41_2016-02_2017-12.csv",
  walcl: "data/fred-h41-fed-balance-sheet/WALCL.csv",
  m1: "data/fred-us-monetary/M1SL.csv",
  ecb: "data/fred-ecb-boj-total-assets/ECBASSETSW.csv",
  boj: "data/fred-ecb-boj-total-assets/JPNASSETS.csv",
  gap: "data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv",
  pbocTwk: "data/pboc-monetary-authority/twk2022_csv/monetary_authority_bs_2008_2022.csv",
  odcTwk: "data/pboc-monetary-authority/twk2022_csv/other_depository_corporations_bs_2008_2022.csv",
  cgpi: "data/pboc-monetary-authority/twk2022_csv/cgpi_2008_2022.csv",
  fx: "data/pboc-monetary-authority/twk2022_csv/fi_fx_credit_usd_2008_2022.csv",
  pbocLong: "data/pboc-monetary-authority/monetary_authority_bs_long_2000_2020.csv",
} as const;

const imported = importOnce(FILES);
const { results, obs } = imported;

describe("importers on the bundled text files (layout detected from the header)", () => {
  it("each file is recognised as its layout", () => {
    expect(Object.fromEntries([...results].map(([k, r]) => [k, r.mapping]))).toEqual({
      shiller: "shiller",
      nikkei: "nikkei",
      jst: "jst",
      sectors: "sectoral-balances",
      h41: "fed-ddp",
      walcl: "fred",
      m1: "fred",
      ecb: "fred",
      boj: "fred",
      gap: "bis-csv-col",
      pbocTwk: "pboc",
      odcTwk: "pboc-odc",
      cgpi: "pboc-monthly",
      fx: "pboc-monthly",
      pbocLong: "pboc-long",
    });
  });

  it("Shiller: CAPE September 1929 = 32.56 (ie_data.xls)", async () => {
    expect(await obs("SHILLER/ie_data/cape", "1929-09")).toBeCloseTo(32.56, 2);
  });

  it("Nikkei 225: close 1989-12-29 = 38,915.87", async () => {
    expect(await obs("NIKKEI/N225/close", "1989-12-29")).toBeCloseTo(38915.87, 2);
  });

  it("JST R6: US unemployment 1940 = 14.6%", async () => {
    expect(await obs("JST/R6/USA.unemp", "1940")).toBeCloseTo(14.6, 1);
  });

  it("sectoral balances: Japan corporate net lending -9.0% of GDP in 1990-Q4, +9.9% in 2003-Q4 (Koo)", async () => {
    const s = (await loadSeries(imported.store, "ANGRICK/sectors/JP_Q_boj_cao.Corporate"))!;
    expect(s.unit).toBe("% of GDP");
    expect(s.observations.find((o) => o.date === "1990-Q4")!.value).toBeCloseTo(-9.0, 1);
    expect(s.observations.find((o) => o.date === "2003-Q4")!.value).toBeCloseTo(9.9, 1);
  });

  it("Fed H.4.1 data download: total assets 2016-02-03 = 4,483,495 (USD millions, scale from 'Multiplier:')", async () => {
    const sheet = (await loadSheet(imported.store, "fed", "2016-02-03"))!;
    expect(sheet.unit).toEqual({ currency: "USD", scale: 6 });
    expect(findPosition(sheet, "total_assets")!.value).toBe(4483495);
    const s = (await loadSeries(imported.store, "FRB/H41/H41/RESPPMA_N.WW"))!;
    expect(s).toMatchObject({ unit: "USD", scale: 6, frequency: "W" });
    expect(s.observations[0]).toEqual({ date: "2016-02-03", value: 4483495 });
    expect(results.get("h41")).toMatchObject({ sheets: 100, series: 120 });
  });

  it("FRED: WALCL 2016-02-03 equals the H.4.1 total (4,483,495); all four header variants read", async () => {
    expect(await obs("FRED/WALCL", "2016-02-03")).toBe(4483495);
    expect(await obs("FRED/ECBASSETSW", "2013-12-27")).toBe(2285399);
    expect((await loadSeries(imported.store, "FRED/M1SL"))!.observations[0]).toEqual({
      date: "1959-01-01",
      value: 138.9,
    });
    expect((await loadSeries(imported.store, "FRED/JPNASSETS"))!.frequency).toBe("A");
  });

  it("BIS csv_col: Japan credit-to-GDP gap 1990-Q1 = 23.76", async () => {
    expect(await obs("BIS/WS_CREDIT_GAP/Q.JP.P.A.C", "1990-Q1")).toBeCloseTo(23.76, 2);
  });

  it("PBoC TWK2022 CSVs: monetary authority and ODC sheets, other tables as series with the table's unit", async () => {
    expect(
      findPosition((await loadSheet(imported.store, "pboc", "2022-12"))!, "foreign_exchange")!.value,
    ).toBeGreaterThan(0);
    const odc = (await loadSheet(imported.store, "pboc-odc", "2022-12"))!;
    expect(odc.unit).toEqual({ currency: "CNY", scale: 8 });
    expect(odc.notes.map((n) => n.item)).toEqual(["other_liabilities"]);
    const fx = (await loadSeries(imported.store, "PBOC/fi_fx_credit_usd/各项存款"))!;
    expect(fx).toMatchObject({ unit: "USD", scale: 8, frequency: "M" });
    expect(fx.observations[0]).toEqual({ date: "2008-01", value: 1522.23 });
    expect(await obs("PBOC/cgpi/总指数", "2008-01")).toBe(108.4);
  });

  it("PBoC long CSV: 2013-12 foreign exchange 264,270.04 from workbook row 9", async () => {
    const p = findPosition((await loadSheet(imported.store, "pboc", "2013-12"))!, "foreign_exchange")!;
    expect(p.value).toBe(264270.04);
    expect(p.source.row).toBe(9);
  });

  it("every stored series carries the import's dataset and vintage", async () => {
    const rows = await imported.store.all<{ dataset: string; vintage: string }>(
      "select distinct dataset, vintage from series order by 1",
    );
    expect(rows.every((r) => r.dataset.startsWith("import:") && r.vintage === "2026-05-01")).toBe(true);
  });
});
