import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findPosition } from "../../src/model/balance-sheet.ts";
import { checkSheet } from "../../src/model/validate.ts";
import { listDatasets } from "../../src/store/datasets.ts";
import { listEntities, loadSheet, loadSheets } from "../../src/store/sheets.ts";
import type { Store } from "../../src/store/store.ts";
import { bundledStore } from "../helpers/temp-store.ts";

let store: Store;
let cleanup: () => void;
beforeAll(async () => {
  ({ store, cleanup } = await bundledStore());
});
afterAll(() => cleanup());

const XLS = "data/pboc-monetary-authority/raw_xls/other_depository_corporations_bs_2013.xls";
const CSV = "data/pboc-monetary-authority/twk2022_csv/other_depository_corporations_bs_2008_2022.csv";

describe("bundled PBoC other depository corporations (其他存款性公司资产负债表)", () => {
  it("entity pboc-odc is registered on first run: S.122, CN, CNY", async () => {
    expect((await listEntities(store)).find((e) => e.id === "pboc-odc")).toEqual({
      id: "pboc-odc",
      kind: "other-depository-corporations",
      name: { en: "Other depository corporations (China)", zh: "其他存款性公司" },
      sector: "S.122",
      country: "CN",
      homeCurrency: "CNY",
    });
  });

  it("204 monthly sheets 2006-01..2022-12 in one dataset", async () => {
    const d = (await listDatasets(store)).find((x) => x.id === "pboc-other-depository-corporations");
    expect(d).toMatchObject({ sheets: 204, series: 0, first: "2006-01", last: "2022-12" });
    const sheets = await loadSheets(store, "pboc-odc");
    expect(sheets).toHaveLength(204);
    expect(sheets.every((s) => s.unit.currency === "CNY" && s.unit.scale === 8)).toBe(true);
  });

  // Peng and Xie (2014) section 3.4: ODC total assets 44.1 trn yuan (2006) and 152.5 trn (2013).
  it("total assets 441,302.55 (2006-12) and 1,524,751.55 (2013-12) x 1e8 yuan, from the workbooks' cells", async () => {
    const at = async (d: string) => findPosition((await loadSheet(store, "pboc-odc", d))!, "total_assets")!;
    expect(await at("2006-12")).toMatchObject({
      value: 441302.55,
      source: {
        dataset: "pboc-other-depository-corporations",
        file: "data/pboc-monetary-authority/raw_xls/other_depository_corporations_bs_2006.xls",
        sheet: "Sheet1",
      },
    });
    const y2013 = await at("2013-12");
    expect(y2013.value).toBe(1524751.55);
    expect(y2013.source).toEqual({
      dataset: "pboc-other-depository-corporations",
      file: XLS,
      sheet: "Sheet1",
      row: 20,
      column: "M",
    });
    expect(Math.round(y2013.value / 1e3) / 10).toBe(152.5);
  });

  it("2006-2020 from the workbooks pass every check; 2021-22 from the TWK2022 extract carry its note", async () => {
    const xls = await loadSheets(store, "pboc-odc", "2006-01", "2020-12");
    expect(xls).toHaveLength(180);
    expect(
      xls.flatMap((s) =>
        checkSheet(s)
          .filter((c) => !c.ok)
          .map((c) => `${s.date} ${c.item}`),
      ),
    ).toEqual([]);
    const twk = (await loadSheet(store, "pboc-odc", "2022-12"))!;
    expect(findPosition(twk, "paid_in_capital")!.source).toMatchObject({
      file: CSV,
      row: 181,
      column: "实收资本",
    });
    expect(twk.notes.map((n) => n.item)).toEqual(["other_liabilities"]);
  });
});
