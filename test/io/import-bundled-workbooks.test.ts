import { describe, expect, it } from "vitest";

import { importFile } from "../../src/ingest/import.ts";
import { findPosition } from "../../src/model/balance-sheet.ts";
import { listEntities, loadSheet } from "../../src/store/sheets.ts";
import { loadSeries } from "../../src/store/series.ts";
import { importAsBytes, importOnce, IMPORT_TODAY } from "../helpers/import-once.ts";

// The bundled workbooks, each imported once (bytes in; the layout is recognised from the workbook).
const FILES = {
  pboc: "data/pboc-monetary-authority/raw_xls/monetary_authority_bs_2013.xls",
  odc: "data/pboc-monetary-authority/raw_xls/other_depository_corporations_bs_2013.xls",
  lv: "data/laeven-valencia-2026/SYSTEMIC_BANKING_CRISES_DATABASE_2026.xlsx",
  rr: "data/reinhart-rogoff-global-crises/20160923_global_crisis_data.xlsx",
  ewn: "data/external-wealth-of-nations-2022/EWN-dataset_12-2022.xlsx",
} as const;

const imported = importOnce(FILES, (store, file, key) =>
  key === "ewn" ? importFile(store, file, { today: IMPORT_TODAY }) : importAsBytes(store, file),
);
const { results, obs } = imported;

describe("importers on the bundled workbooks", () => {
  it("each workbook is recognised as its layout", () => {
    expect(Object.fromEntries([...results].map(([k, r]) => [k, r.mapping]))).toEqual({
      pboc: "pboc-xls",
      odc: "pboc-xls",
      lv: "laeven-valencia",
      rr: "reinhart-rogoff",
      ewn: "ewn",
    });
  });

  it("PBoC 2013 workbook: 2013-12 foreign exchange 264,270.04, source = file, Sheet1, row 9, column M", async () => {
    const p = findPosition((await loadSheet(imported.store, "pboc", "2013-12"))!, "foreign_exchange")!;
    expect(p.value).toBe(264270.04);
    expect(p.source).toEqual({
      dataset: "import:monetary_authority_bs_2013.xls",
      file: FILES.pboc,
      sheet: "Sheet1",
      row: 9,
      column: "M",
    });
    expect(results.get("pboc")!.unitSource).toContain("单位：亿元人民币");
  });

  it("PBoC ODC 2013 workbook: entity pboc-odc (S.122), total assets 1,524,751.55, other assets 82,045.96", async () => {
    const s = (await loadSheet(imported.store, "pboc-odc", "2013-12"))!;
    expect(findPosition(s, "total_assets")!.value).toBe(1524751.55);
    expect(findPosition(s, "other_assets")!.value).toBe(82045.96);
    expect((await listEntities(imported.store)).find((e) => e.id === "pboc-odc")).toMatchObject({
      sector: "S.122",
      country: "CN",
      homeCurrency: "CNY",
    });
  });

  it("Laeven-Valencia 2026: Japan's crisis starts 1997, ends 2001, peak NPLs 35% of loans", async () => {
    expect(await obs("LV/SBC/Japan.crisis_start", "1997")).toBe(1);
    expect(await obs("LV/SBC/Japan.crisis_end", "2001")).toBe(1);
    expect(await obs("LV/SBC/Japan.peak_npl", "1997")).toBe(35);
  });

  it("Reinhart-Rogoff: US banking crisis 1929-1933, inflation 1932 = -10.4%", async () => {
    for (const y of ["1929", "1930", "1931", "1932", "1933"])
      expect(await obs("RR/global-crises/USA.banking_crisis", y)).toBe(1);
    expect(await obs("RR/global-crises/USA.inflation", "1932")).toBeCloseTo(-10.4, 1);
  });

  it("External Wealth of Nations: Japan FDI assets 2013 = 1,132,970 USD millions", async () => {
    const s = (await loadSeries(imported.store, "EWN/2022-12/158.fdi_assets"))!;
    expect(s).toMatchObject({ unit: "USD", scale: 6 });
    expect(s.observations.find((o) => o.date === "2013")!.value).toBeCloseTo(1132970, 0);
  });
});
