import { existsSync } from "node:fs";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadSeries, saveSeries } from "../../src/store/series.ts";
import { loadSheets } from "../../src/store/sheets.ts";
import { Store } from "../../src/store/store.ts";
import { runCli } from "../helpers/run-cli.ts";
import { bundledStore, seededDbPath } from "../helpers/temp-store.ts";

const SERIES = "ANGRICK/sectors/AT_A_eurostat.Corporate";
const day = (d: unknown) => (d as Date).toISOString().slice(0, 10);

describe("latest_* views", () => {
  let store: Store;
  let cleanup: () => void;
  beforeAll(async () => ({ store, cleanup } = await bundledStore()));
  afterAll(() => cleanup());

  it("latest_observations keeps the newer of two vintages and gives each period its end date", async () => {
    const base = { entity: "XX", name: "t", unit: "u", scale: 0, dataset: "t", file: "t.csv" };
    await store.transaction(() =>
      saveSeries(store, [
        {
          ...base,
          id: "T/two",
          vintage: "2024-01-05",
          frequency: "Q",
          observations: [{ date: "2013-Q4", value: 1 }],
        },
        {
          ...base,
          id: "T/two",
          vintage: "2025-02-01",
          frequency: "Q",
          observations: [
            { date: "2013-Q4", value: 2 },
            { date: "2014-Q1", value: 3 },
          ],
        },
        {
          ...base,
          id: "T/a",
          vintage: "2025-02-01",
          frequency: "A",
          observations: [{ date: "2013", value: 4 }],
        },
        {
          ...base,
          id: "T/m",
          vintage: "2025-02-01",
          frequency: "M",
          observations: [{ date: "2024-02", value: 5 }],
        },
        {
          ...base,
          id: "T/d",
          vintage: "2025-02-01",
          frequency: "D",
          observations: [{ date: "2013-12-25", value: 6 }],
        },
      ]),
    );
    const rows = await store.all(
      "select series_id, date, period, value, vintage, typeof(date) as t from latest_observations where starts_with(series_id, 'T/') order by series_id, period",
    );
    expect(rows.map((r) => [r.series_id, day(r.date), r.period, r.value, r.vintage, r.t])).toEqual([
      ["T/a", "2013-12-31", "2013", 4, "2025-02-01", "DATE"],
      ["T/d", "2013-12-25", "2013-12-25", 6, "2025-02-01", "DATE"],
      ["T/m", "2024-02-29", "2024-02", 5, "2025-02-01", "DATE"],
      ["T/two", "2013-12-31", "2013-Q4", 2, "2025-02-01", "DATE"],
      ["T/two", "2014-03-31", "2014-Q1", 3, "2025-02-01", "DATE"],
    ]);
  });

  it("latest_positions holds what loadSheets returns for PBoC 2013-12", async () => {
    const [sheet] = await loadSheets(store, "pboc", "2013-12", "2013-12");
    const rows = await store.all<{ item: string; value: number; date: Date }>(
      "select item, value, date from latest_positions where entity = 'pboc' and period = '2013-12'",
    );
    expect(rows.length).toBe(sheet!.positions.length);
    const byItem = new Map(rows.map((r) => [r.item, r.value]));
    for (const p of sheet!.positions) expect(byItem.get(p.item)).toBe(p.value);
    expect(day(rows[0]!.date)).toBe("2013-12-31");
  });
});

describe("bslab export --to-format parquet", () => {
  let db: { path: string; cleanup: () => void };
  beforeAll(() => (db = seededDbPath()));
  afterAll(() => db.cleanup());

  it("writes a PBoC sheet range and a series that DuckDB reads back equal to the store", async () => {
    const dir = join(db.path, "..");
    const sheets = join(dir, "pboc 2013.parquet");
    const series = join(dir, "series.parquet");
    const a = runCli(
      ["export", "sheet", "pboc", "--from", "2013-01", "--to", "2013-12", "--out", sheets],
      db.path,
    );
    expect(a.stderr).toMatch(/wrote 12 sheets of pboc/);
    const b = runCli(["export", "series", SERIES, "--to-format", "parquet", "--out", series], db.path);
    expect(b.status).toBe(0);
    const c = runCli(["export", "series", SERIES, "--to-format", "parquet"], db.path);
    expect([c.status, c.stdout, c.stderr.trim().split("\n").length]).toEqual([2, "", 1]);

    const store = await Store.open({ path: db.path, readOnly: true });
    try {
      const lit = (f: string) => `'${f.replaceAll("'", "''")}'`;
      const kinds = await store.all(
        `select column_name, column_type from (describe select * from read_parquet(${lit(sheets)})) where column_name in ('date', 'period', 'value')`,
      );
      expect(Object.fromEntries(kinds.map((k) => [k.column_name, k.column_type]))).toEqual({
        date: "DATE",
        period: "VARCHAR",
        value: "DOUBLE",
      });
      const stored = await loadSheets(store, "pboc", "2013-01", "2013-12");
      const read = await store.all<{ period: string; item: string; value: number; date: Date }>(
        `select period, item, value, date from read_parquet(${lit(sheets)})`,
      );
      expect(read.length).toBe(stored.reduce((n, s) => n + s.positions.length, 0));
      const got = new Map(read.map((r) => [`${r.period} ${r.item}`, r.value]));
      for (const s of stored)
        for (const p of s.positions) expect(got.get(`${s.date} ${p.item}`)).toBe(p.value);
      expect(new Set(read.map((r) => day(r.date)))).toContain("2013-06-30");

      const s = await loadSeries(store, SERIES);
      const obs = await store.all<{ period: string; value: number; date: Date; t: string }>(
        `select period, value, date, typeof(date) as t from read_parquet(${lit(series)}) order by period`,
      );
      expect(obs.map((o) => ({ date: o.period, value: o.value }))).toEqual(s!.observations);
      expect(obs[0]!.t).toBe("DATE");
      expect(day(obs[0]!.date)).toBe(`${obs[0]!.period}-12-31`);
    } finally {
      store.close();
    }
    expect(existsSync(sheets)).toBe(true);
  });
});
