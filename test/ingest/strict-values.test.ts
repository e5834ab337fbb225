import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importBytes, importText } from "../../src/ingest/import.ts";
import { loadSeries } from "../../src/store/series.ts";
import { loadSheet } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { snapshot, tempDbPath } from "../helpers/temp-store.ts";

// #16's minor list and #14's separators: each bad value refused in one line naming file, row and
// column (the store unchanged), each good one read to its value.
let store: Store;
let cleanup: () => void;
beforeAll(async () => {
  const db = tempDbPath();
  store = await Store.open({ path: db.path });
  cleanup = () => (store.close(), db.cleanup());
  await importText(store, "date,series,value,unit,scale\n2020,X,1,USD,6\n", "seed.csv", { vintage: "v0" });
});
afterAll(() => cleanup());

const LONG = "entity,date,item,side,currency,maturity,value,unit\n";
/** A balanced two-line sheet with the given date and asset value text. */
const sheet = (date: string, value: string, liability = value) =>
  `${LONG}bank,${date},loans,asset,CNY,long,${value},CNY 1e8\nbank,${date},deposits,liability,CNY,short,${liability},CNY 1e8\n`;
const FRED = (date: string, value = "1.5") => `observation_date,DEXCHUS\n2013-01-01,6.2\n${date},${value}\n`;

async function refuses(text: string, file: string, message: string): Promise<void> {
  const before = await snapshot(store);
  await expect(importText(store, text, file)).rejects.toThrow(message);
  await expect(importText(store, text, file)).rejects.toThrow(
    new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
  );
  expect(await snapshot(store)).toBe(before);
}

describe("dates that do not exist are refused", () => {
  it("long CSV: 2013-02-31", () =>
    refuses(
      sheet("2013-02-31", "1"),
      "a.csv",
      'a.csv: row 2, column date: invalid date "2013-02-31" (February 2013 has 28 days)',
    ));
  it("long CSV: 0000-01", () =>
    refuses(
      sheet("0000-01", "1"),
      "a.csv",
      'a.csv: row 2, column date: invalid date "0000-01" (there is no year 0)',
    ));
  it("FRED: 2013-13-01", () =>
    refuses(
      FRED("2013-13-01"),
      "f.csv",
      'f.csv, row 3, column observation_date: invalid date: "2013-13-01" (there is no month 13)',
    ));
  it("FRED: 0000-00-00", () =>
    refuses(
      FRED("0000-00-00"),
      "f.csv",
      'f.csv, row 3, column observation_date: invalid date: "0000-00-00" (there is no year 0)',
    ));
  it("a leap day is a date", async () => {
    await importText(store, sheet("2012-02-29", "1"), "leap.csv", { vintage: "v1" });
    expect((await loadSheet(store, "bank", "2012-02-29"))!.positions.length).toBe(2);
  });
});

describe("numbers are decimal numbers", () => {
  it("long CSV: 0x10 is refused (Number() would read 16)", () =>
    refuses(
      sheet("2013-12", "0x10", "16"),
      "a.csv",
      'a.csv: row 2, column value: not a number: "0x10" (not a decimal number)',
    ));
  it("FRED: 0x10 is refused", () =>
    refuses(
      FRED("2013-01-02", "0x10"),
      "f.csv",
      'f.csv, row 3, column DEXCHUS: not a number: "0x10" (expected a number or an empty cell)',
    ));
  it("1e309 is out of range, named as such", () =>
    refuses(
      sheet("2013-12", "1e309"),
      "a.csv",
      'a.csv: row 2, column value: not a number: "1e309" (out of range (beyond ±1.8e308))',
    ));
  it("sums beyond the largest double: a clear message, no Infinity or NaN", () =>
    refuses(
      `${LONG}bank,2013-12,a,asset,CNY,long,1e308,CNY 1e8\nbank,2013-12,b,asset,CNY,long,1e308,CNY 1e8\nbank,2013-12,c,liability,CNY,short,1e308,CNY 1e8\n`,
      "big.csv",
      "big.csv: sheet bank 2013-12: the sum of its lines for assets = liabilities + equity is beyond ±1.8e308 (the largest number a double holds), so the sheet cannot be checked; nothing was imported (is the unit's scale right?)",
    ));
});

describe("thousands separators, where they can only be that", () => {
  it('"1,000.5" and "1,234,567" in quoted cells are read; "1,000" alone is refused as ambiguous', async () => {
    await importText(store, sheet("2014-12", '"1,000.5"', "1000.5"), "sep.csv", { vintage: "v1" });
    expect((await loadSheet(store, "bank", "2014-12"))!.positions.map((p) => p.value)).toEqual([
      1000.5, 1000.5,
    ]);
    await importText(store, sheet("2015-12", '"1,234,567"', "1234567"), "sep2.csv", { vintage: "v1" });
    expect((await loadSheet(store, "bank", "2015-12"))!.positions.map((p) => p.value)).toEqual([
      1234567, 1234567,
    ]);
    await expect(importText(store, sheet("2016-12", '"1,000"', "1000"), "amb.csv")).rejects.toThrow(
      'amb.csv: row 2, column value: not a number: "1,000" (ambiguous thousands separator: write 1000 for one thousand, or 1.000 for one)',
    );
  });
});

describe("files and scales", () => {
  it("a whitespace-only file is reported as such, not as 0 bytes", async () => {
    await expect(importBytes(store, Buffer.from(" \n\t\n"), "blank.csv")).rejects.toThrow(
      "blank.csv: the file holds only whitespace (4 bytes: no header, no rows)",
    );
    await expect(importBytes(store, Buffer.from(""), "empty.csv")).rejects.toThrow(
      "empty.csv: the file is empty (0 bytes)",
    );
  });

  it("SDMX UNIT_MULT=3000000000: a file/row/column error, not a driver cast error", () =>
    refuses(
      "DATAFLOW,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT\nECB:ILM(1.0),W,U2,2013-12-27,1.5,EUR,3000000000\n",
      "ecb.csv",
      "ecb.csv: row 2, column UNIT_MULT: UNIT_MULT 3000000000 is not a power of ten bslab can store (expected an integer from -24 to 24; 6 means millions)",
    ));
});

describe("user text is never a plain-object key", () => {
  it("an SDMX dimension column named __proto__ and an entity named constructor import as data", async () => {
    await importText(
      store,
      "DATAFLOW,FREQ,__proto__,TIME_PERIOD,OBS_VALUE,UNIT_MULT\nECB:ILM(1.0),W,U2,2013-12-27,1.5,6\n",
      "proto.csv",
      { vintage: "v1" },
    );
    const ids = (
      await store.all<{ id: string }>("select id from series where dataset = 'import:proto.csv'")
    ).map((r) => r.id);
    expect(ids).toHaveLength(1);
    expect((await loadSeries(store, ids[0]!))!.observations).toEqual([{ date: "2013-12-27", value: 1.5 }]);
    await importText(store, sheet("2013-12", "2").replaceAll("bank,", "constructor,"), "ctor.csv", {
      vintage: "v1",
    });
    expect((await loadSheet(store, "constructor", "2013-12"))!.positions.map((p) => p.item)).toEqual([
      "loans",
      "deposits",
    ]);
  });
});
