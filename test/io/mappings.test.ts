import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importText } from "../../src/ingest/import.ts";
import { headerOf, MAPPINGS } from "../../src/io/mappings/index.ts";
import { loadSeries } from "../../src/store/series.ts";
import { Store } from "../../src/store/store.ts";
import { snapshot, tempDbPath } from "../helpers/temp-store.ts";

let store: Store;
let cleanup: () => void;
beforeAll(async () => {
  const db = tempDbPath();
  store = await Store.open({ path: db.path });
  cleanup = () => (store.close(), db.cleanup());
});
afterAll(() => cleanup());

describe("MAPPINGS", () => {
  it("names are unique and every layout says what it reads", () => {
    const names = MAPPINGS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(MAPPINGS.every((m) => m.description.length > 20)).toBe(true);
  });

  it("headers are recognised as their layout", () => {
    const pick = (line: string) =>
      MAPPINGS.find((m) => (m.input ?? "text") === "text" && m.detect(headerOf(line, "x"), line))?.name;
    expect(
      [
        "entity,date,item,side,currency,maturity,value,unit",
        "entity,date,series,value,unit,scale,source,side,kind",
        "entity,date,series,value,unit,scale,source",
        '"Date","M1SL"',
        "observation_date,ECBASSETSW",
        "DATAFLOW,FREQ,TIME_PERIOD,OBS_VALUE",
        "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,TIME_PERIOD,OBS_VALUE",
        "FREQ:Frequency,BORROWERS_CTY:Borrowers' country,TIME_PERIOD:Time period,OBS_VALUE:Value",
        '"Series Description","Assets: Total"',
        "month,外汇,货币黄金,总负债",
        "month,国外资产,储备资产,总负债",
        "month,总指数,农产品",
        "month,sp_comp_price,cape",
        "{",
      ].map(pick),
    ).toEqual([
      "long",
      "tidy-sheets",
      "long-series",
      "fred",
      "fred",
      "sdmx-csv",
      "sdmx-csv",
      "bis-csv-flat",
      "fed-ddp",
      "pboc",
      "pboc-odc",
      "pboc-monthly",
      "shiller",
      "bslab-json",
    ]);
  });
});

describe("long series CSV", () => {
  it("reads unit and scale from every row; scale words (millions, 亿) become powers of ten", async () => {
    const text =
      "entity,date,series,value,unit,scale,source\nCN,2013-12,DEMO/fx,3.82,USD,trillions,x\nCN,2014-12,DEMO/fx,3.84,USD,trillions,x\nCN,2013,DEMO/m2,1106525,CNY,亿,x\n";
    await importText(store, text, "long.csv", { vintage: "2026-01-01" });
    expect(await loadSeries(store, "DEMO/fx")).toMatchObject({
      unit: "USD",
      scale: 12,
      frequency: "M",
      entity: "CN",
    });
    expect(await loadSeries(store, "DEMO/m2")).toMatchObject({ unit: "CNY", scale: 8, frequency: "A" });
  });

  it("a series whose scale changes between rows is refused, naming the row", async () => {
    const before = await snapshot(store);
    await expect(
      importText(store, "date,series,value,unit,scale\n2013,S,1,USD,6\n2014,S,1000,USD,3\n", "mixed.csv"),
    ).rejects.toThrow(
      "mixed.csv: row 3, column scale: scale 3 differs from 6 used earlier for series S; one series has one scale (convert first)",
    );
    expect(await snapshot(store)).toBe(before);
  });
});

describe("BIS csv_flat", () => {
  it("one row per observation, 'CODE:Label' headers: series BIS/<flow>/<key>, UNIT_MULT as scale", async () => {
    const text = [
      "FREQ:Frequency,BORROWERS_CTY:Borrowers' country,TC_BORROWERS:Borrowing sector,TC_LENDERS:Lending sector,UNIT_TYPE:Unit type,TIME_PERIOD:Time period or range,OBS_VALUE:Observation Value,UNIT_MULT:Unit Multiplier,TITLE_TS:Title",
      "Q,JP,N,A,770,1995-Q4,140.0,0,Japan NFC credit",
      "Q,JP,N,A,770,2005-Q4,100.9,0,Japan NFC credit",
    ].join("\n");
    const r = await importText(store, text, "WS_TC_csv_flat.csv", { vintage: "2026-01-01" });
    expect(r.mapping).toBe("bis-csv-flat");
    const s = (await loadSeries(store, "BIS/WS_TC/Q.JP.N.A.770"))!;
    expect(s).toMatchObject({ entity: "JP", frequency: "Q", scale: 0, name: "Japan NFC credit" });
    expect(s.observations).toEqual([
      { date: "1995-Q4", value: 140 },
      { date: "2005-Q4", value: 100.9 },
    ]);
  });
});
