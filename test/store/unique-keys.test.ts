import { afterEach, describe, expect, it } from "vitest";

import { duckdb } from "../../src/store/duckdb.ts";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/store/schema.ts";
import { saveSeries } from "../../src/store/series.ts";
import { loadSheet, saveSheets } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { assertUniquePositions } from "../../src/store/unique.ts";
import type { BalanceSheet } from "../../src/model/balance-sheet.ts";
import type { Position } from "../../src/model/position.ts";
import type { Series } from "../../src/model/series.ts";
import { snapshot, tempDbPath } from "../helpers/temp-store.ts";

// Schema 8 keeps positions and observations without a primary key; every write checks the keys
// it wrote instead. These tests prove the check refuses what the key refused, with a message
// naming file, row and column, and that a v7 database opens with its rows.
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function fresh(): Promise<Store> {
  const db = tempDbPath();
  const store = await Store.open({ path: db.path });
  cleanups.push(() => (store.close(), db.cleanup()));
  return store;
}

const line = (item: string, side: "asset" | "liability", value: number, row: number): Position => ({
  item,
  label: { en: item },
  side,
  kind: "item",
  currency: "CNY",
  foreign: false,
  maturity: "unknown",
  maturityBasis: "original",
  counterparty: [],
  interestBearing: null,
  value,
  source: { dataset: "t", file: "bank.csv", row, column: "value" },
});
const sheet = (positions: Position[]): BalanceSheet => ({
  entity: "bank",
  date: "2020-12",
  unit: { currency: "CNY", scale: 8 },
  positions,
  notes: [],
});
const series = (dates: string[], vintage = "v1"): Series => ({
  id: "X/A",
  entity: "",
  name: "A",
  frequency: "M",
  unit: "USD",
  scale: 0,
  dataset: "t",
  file: "a.csv",
  vintage,
  observations: dates.map((date, i) => ({ date, value: i })),
});

describe("positions and observations stay unique without a primary key", () => {
  it("a sheet naming an item twice is refused at the repeat's file and row; nothing is written", async () => {
    const store = await fresh();
    await saveSheets(
      store,
      [sheet([line("loans", "asset", 1, 2), line("dep", "liability", 1, 3)])],
      "v0",
      "t",
    );
    const before = await snapshot(store);
    const twice = sheet([
      line("loans", "asset", 1, 2),
      line("dep", "liability", 1, 3),
      line("loans", "asset", 2, 4),
    ]);
    await expect(store.transaction(() => saveSheets(store, [twice], "v1", "t"))).rejects.toThrow(
      /^bank\.csv: row 4, column item: duplicate position "loans" for bank 2020-12$/,
    );
    expect(await snapshot(store)).toBe(before);
  });

  it("writing a sheet again under its vintage replaces it (re-import), as with the key", async () => {
    const store = await fresh();
    const s = sheet([line("loans", "asset", 1, 2), line("dep", "liability", 1, 3)]);
    await saveSheets(store, [s], "v1", "t");
    await saveSheets(store, [s], "v1", "t");
    await saveSheets(store, [s], "v2", "t");
    expect(await store.all("select vintage, count(*) as n from positions group by all order by all")).toEqual(
      [
        { vintage: "v1", n: 2 },
        { vintage: "v2", n: 2 },
      ],
    );
  });

  it("a position already stored under the same keys by another writer is refused", async () => {
    const store = await fresh();
    await saveSheets(store, [sheet([line("loans", "asset", 1, 2)])], "v1", "t");
    await store.run(
      "insert into positions (entity, date, vintage, item, src_file, src_row) values ('bank', '2020-12', 'v1', 'loans', 'other.csv', 9)",
    );
    await expect(assertUniquePositions(store, "v1", [{ entity: "bank", date: "2020-12" }])).rejects.toThrow(
      /^(bank|other)\.csv: row (2|9), column item: duplicate position "loans" for bank 2020-12$/,
    );
    await expect(
      assertUniquePositions(store, "v2", [{ entity: "bank", date: "2020-12" }]),
    ).resolves.toBeUndefined();
  });

  it("a series giving a date twice is refused naming its file; nothing is written", async () => {
    const store = await fresh();
    await saveSeries(store, [series(["2020-01", "2020-02"])]);
    const before = await snapshot(store);
    await expect(saveSeries(store, [series(["2020-01", "2020-02", "2020-02"], "v2")])).rejects.toThrow(
      /^a\.csv, column date: duplicate observation X\/A 2020-02 \(each appears once per file\)$/,
    );
    expect(await snapshot(store)).toBe(before);
    await saveSeries(store, [series(["2020-01", "2020-02", "2020-03"])]); // same vintage: replaced
    expect(await store.all("select count(*) as n from observations")).toEqual([{ n: 3 }]);
  });

  it("a version 7 database opens at the current version with its rows, views and no key", async () => {
    const db = tempDbPath();
    cleanups.push(db.cleanup);
    const instance = await duckdb().DuckDBInstance.create(db.path);
    const c = await instance.connect();
    for (const m of MIGRATIONS.slice(0, 7)) await c.run(m);
    await c.run(`insert into meta values ('schema_version', '7');
      insert into sheets values ('bank', '2020-12', 'v1', 'CNY', 8, 't', '[]');
      insert into positions (entity, date, vintage, item, side, kind, value, src_file, src_row, inflation_indexed)
        values ('bank', '2020-12', 'v1', 'loans', 'asset', 'item', 5.5, 'bank.csv', 2, true);
      insert into series values ('X/A', 'v1', '', 'A', 'M', 'USD', 0, 't', 'a.csv');
      insert into observations values ('X/A', 'v1', '2020-01', 1.25);`);
    c.closeSync();
    instance.closeSync();
    const store = await Store.open({ path: db.path });
    cleanups.unshift(() => store.close());
    expect(SCHEMA_VERSION).toBe(8);
    expect(await store.schemaVersion()).toBe(8);
    const kept = await loadSheet(store, "bank", "2020-12");
    expect(kept!.positions.map((p) => [p.item, p.value, p.inflationIndexed, p.source.row])).toEqual([
      ["loans", 5.5, true, 2],
    ]);
    expect(await store.all("select period, value from latest_observations")).toEqual([
      { period: "2020-01", value: 1.25 },
    ]);
    expect(await store.all("select item from latest_positions")).toEqual([{ item: "loans" }]);
    expect(
      await store.all(
        "select table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY' and table_name in ('positions', 'observations')",
      ),
    ).toEqual([]);
  });
});
