import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { importText } from "../../../src/ingest/import.ts";
import { Store } from "../../../src/store/store.ts";
import { loadSheet } from "../../../src/store/sheets.ts";
import { snapshot, tempDbPath } from "../../helpers/temp-store.ts";

const HEADER = "entity,date,item,side,currency,maturity,value,unit";
const GOOD = [
  HEADER,
  "acme,2020-12,loans,asset,CNY,long,100,亿元",
  "acme,2020-12,fx,asset,USD,short,50,亿元",
  "acme,2020-12,deposits,liability,CNY,short,120,亿元",
  "acme,2020-12,capital,equity,CNY,unknown,30,亿元",
].join("\n");

let store: Store;
let cleanup: () => void;
beforeEach(async () => {
  const db = tempDbPath();
  store = await Store.open({ path: db.path });
  cleanup = () => (store.close(), db.cleanup());
  await importText(store, GOOD, "good.csv", { vintage: "2026-01-01" });
});
afterEach(() => cleanup());

describe("long CSV import", () => {
  it("stores a balanced sheet with currency marked foreign against the entity's unit currency", async () => {
    const sheet = (await loadSheet(store, "acme", "2020-12"))!;
    expect(sheet.unit).toEqual({ currency: "CNY", scale: 8 });
    expect(sheet.positions.find((p) => p.item === "fx")).toMatchObject({
      foreign: true,
      value: 50,
      source: { file: "good.csv", row: 3 },
    });
  });

  it("importing the same file again changes nothing", async () => {
    const before = await snapshot(store);
    await importText(store, GOOD, "good.csv", { vintage: "2026-01-01" });
    const strip = (s: string) => s.replace(/"(loaded_at|imported_at)":"[^"]*"/g, "");
    expect(strip(await snapshot(store))).toBe(strip(before));
  });

  it("a newer vintage is kept beside the old one and read first", async () => {
    await importText(
      store,
      GOOD.replace("loans,asset,CNY,long,100", "loans,asset,CNY,long,110").replace(
        "capital,equity,CNY,unknown,30",
        "capital,equity,CNY,unknown,40",
      ),
      "good.csv",
      { vintage: "2026-02-01" },
    );
    expect((await store.all("select distinct vintage from sheets order by 1")).map((r) => r.vintage)).toEqual(
      ["2026-01-01", "2026-02-01"],
    );
    expect(
      (await loadSheet(store, "acme", "2020-12"))!.positions.find((p) => p.item === "loans")!.value,
    ).toBe(110);
  });

  const bad: Array<[string, string, RegExp]> = [
    [
      "a missing column",
      GOOD.replace(HEADER, "entity,date,item,side,currency,value,unit").replace(
        /,(long|short|unknown),/g,
        ",",
      ),
      /^bad\.csv: missing column "maturity" \(header has: entity, date, item, side, currency, value, unit\)$/,
    ],
    [
      "a non-numeric value",
      GOOD.replace("120", "12O"),
      /^bad\.csv: row 4, column value: not a number: "12O"$/,
    ],
    [
      "a duplicate position",
      GOOD + "\nacme,2020-12,loans,asset,CNY,long,1,亿元",
      /^bad\.csv: row 6, column item: duplicate position "loans" for acme 2020-12$/,
    ],
    [
      "an unknown unit",
      GOOD.replace("50,亿元", "50,zorkmids"),
      /^bad\.csv: row 3, column unit: unknown unit "zorkmids" \(write e\.g\. "CNY 1e8", "亿元", "USD millions"\)$/,
    ],
    [
      "an unbalanced sheet",
      GOOD.replace("120", "125"),
      /^bad\.csv: sheet acme 2020-12 does not balance: assets = liabilities \+ equity 150 vs 155 \(difference -5, tolerance 0\.1\); nothing was imported$/,
    ],
    [
      "mixed units in one sheet",
      GOOD.replace("50,亿元", "50,CNY millions"),
      /^bad\.csv: row 3, column unit: unit CNY millions \(1e6\) differs from CNY hundred millions \(1e8\) used earlier for acme 2020-12; one sheet has one unit$/,
    ],
  ];
  for (const [what, text, message] of bad) {
    it(`rejects ${what} with file, row and column, and leaves the store unchanged`, async () => {
      const before = await snapshot(store);
      await expect(importText(store, text.replace("acme", "acme"), "bad.csv")).rejects.toThrow(message);
      expect(await snapshot(store)).toBe(before);
    });
  }
});
