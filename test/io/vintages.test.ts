import { readFileSync } from "node:fs";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { importBytes, importText } from "../../src/ingest/import.ts";
import { findPosition } from "../../src/model/balance-sheet.ts";
import { loadSeries } from "../../src/store/series.ts";
import { loadSheet } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { snapshot, tempDbPath } from "../helpers/temp-store.ts";

let store: Store;
let cleanup: () => void;
beforeEach(async () => {
  const db = tempDbPath();
  store = await Store.open({ path: db.path });
  cleanup = () => (store.close(), db.cleanup());
});
afterEach(() => cleanup());

const strip = (s: string) => s.replace(/"(loaded_at|imported_at)":"[^"]*"/g, "");
const XLS = "data/pboc-monetary-authority/raw_xls/other_depository_corporations_bs_2013.xls";
const V1 = "date,series,value,unit,scale\n2020,DEMO/x,1,USD,6\n2021,DEMO/x,2,USD,6\n";
const V2 = "date,series,value,unit,scale\n2020,DEMO/x,1,USD,6\n2021,DEMO/x,2.5,USD,6\n2022,DEMO/x,3,USD,6\n";

describe("re-import and vintages", () => {
  it("re-importing the same workbook on a later day changes nothing (the vintage of the same bytes is reused)", async () => {
    const first = await importBytes(store, readFileSync(XLS), XLS, { today: "2026-05-01" });
    expect(first).toMatchObject({ vintage: "2026-05-01", unchanged: false, sheets: 12 });
    const before = strip(await snapshot(store));
    const again = await importBytes(store, readFileSync(XLS), XLS, { today: "2026-06-15" });
    expect(again).toMatchObject({ vintage: "2026-05-01", unchanged: true });
    expect(strip(await snapshot(store))).toBe(before);
  });

  it("a revised file of the same name is a newer vintage kept beside the old one; the latest is read first", async () => {
    await importText(store, V1, "demo.csv", { today: "2026-05-01" });
    const r = await importText(store, V2, "demo.csv", { today: "2026-05-01" });
    expect(r.vintage).toBe("2026-05-01.2");
    expect(
      (await store.all("select vintage, count(*) n from observations group by 1 order by 1")).map((x) => [
        x.vintage,
        x.n,
      ]),
    ).toEqual([
      ["2026-05-01", 2],
      ["2026-05-01.2", 3],
    ]);
    expect((await loadSeries(store, "DEMO/x"))!.observations.at(-1)).toEqual({ date: "2022", value: 3 });
    expect((await loadSeries(store, "DEMO/x", "2026-05-01"))!.observations).toEqual([
      { date: "2020", value: 1 },
      { date: "2021", value: 2 },
    ]);
    // And the old bytes again: still the old vintage, nothing added.
    expect(await importText(store, V1, "demo.csv", { today: "2026-07-01" })).toMatchObject({
      vintage: "2026-05-01",
      unchanged: true,
    });
  });

  it("an explicit --vintage keeps sheets apart: the workbook beside the bundled-style vintage", async () => {
    await importBytes(store, readFileSync(XLS), XLS, { vintage: "2021-01-30" });
    await importBytes(store, readFileSync(XLS), XLS, { vintage: "2026-05-01" });
    expect((await store.all("select distinct vintage from sheets order by 1")).map((x) => x.vintage)).toEqual(
      ["2021-01-30", "2026-05-01"],
    );
    expect(findPosition((await loadSheet(store, "pboc-odc", "2013-12"))!, "total_assets")!.value).toBe(
      1524751.55,
    );
  });
});
