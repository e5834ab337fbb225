import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { dirname } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runCli } from "../helpers/run-cli.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

let db: { path: string; cleanup: () => void };
beforeAll(() => {
  db = seededDbPath();
});
afterAll(() => db.cleanup());

interface JsonPosition {
  item: string;
  value: number;
  source: { file: string; row: number };
}

describe("bslab sheet / datasets / import", () => {
  it("sheet pboc 2013-12 --format json: the published figures with source rows, identity passes", () => {
    const r = runCli(["sheet", "pboc", "2013-12", "--format", "json"], db.path);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const sheet = JSON.parse(r.stdout) as { unit: unknown; balanced: boolean; positions: JsonPosition[] };
    const value = (item: string) => sheet.positions.find((p) => p.item === item)!;
    expect(value("foreign_exchange").value).toBe(264270.04);
    expect(value("foreign_liabilities").value).toBe(2088.27);
    expect(value("currency_issue").value).toBe(64980.93);
    expect(value("total_assets").value).toBe(317278.55);
    expect(value("foreign_exchange").source.row).toBe(9);
    expect(sheet.unit).toEqual({ currency: "CNY", scale: 8 });
    expect(sheet.balanced).toBe(true);
  });

  it("--db picks the database (over BSLAB_DB) and csv output has a header row", () => {
    // --db names a copy of the loaded template; BSLAB_DB a file no store can open, so the answer can
    // only come from --db (loading a fresh store here took 98 s on a loaded machine).
    const other = seededDbPath();
    const unreadable = join(dirname(db.path), "not-a-database.duckdb");
    writeFileSync(unreadable, "this is not a DuckDB file\n");
    try {
      const r = runCli(
        ["--db", other.path, "sheet", "pboc", "2013-12", "--format", "csv", "--lang", "zh"],
        unreadable,
      );
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout.split("\n")[0]).toBe(
        "side,kind,item,label,value,instrument,currency,counterparty,source",
      );
      expect(r.stdout).toContain("currency_issue,货币发行,64980.93");
      // The other way round the same command fails, naming the file --db gave.
      const bad = runCli(["--db", unreadable, "sheet", "pboc", "2013-12"], other.path);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain(unreadable);
    } finally {
      other.cleanup();
    }
  });

  it("datasets lists the bundled PBoC data with its coverage", () => {
    const r = runCli(["datasets", "--format", "json"], db.path);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; sheets: number; first: string; last: string }>;
    expect(rows.find((d) => d.id === "pboc-monetary-authority")).toMatchObject({
      sheets: 276,
      first: "2000-01",
      last: "2022-12",
    });
  });

  it("errors are one line on stderr with a non-zero exit", () => {
    for (const [args, status] of [
      [["sheet", "nobank", "2013-12"], 1],
      [["sheet", "pboc", "2013-12", "--format", "xml"], 2],
      [["import", "/nonexistent.csv"], 1],
    ] as const) {
      const r = runCli([...args], db.path);
      expect(r.status, args.join(" ")).toBe(status);
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
    expect(runCli(["sheet", "pboc", "2013-12", "--format", "xml"], db.path).stderr).toBe(
      'bslab: invalid --format: "xml" (expected table|csv|json)\n',
    );
  });

  it("import reads a long CSV and a bad one fails naming row and column", () => {
    const good = join(dirname(db.path), "good.csv");
    writeFileSync(
      good,
      "entity,date,item,side,currency,maturity,value,unit\nbank1,2024-12,loans,asset,EUR,long,10,EUR millions\nbank1,2024-12,deposits,liability,EUR,short,10,EUR millions\n",
    );
    const r = runCli(["import", good, "--format", "json"], db.path);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ mapping: "long", sheets: 1, positions: 2 });
    const bad = join(dirname(db.path), "bad.csv");
    writeFileSync(
      bad,
      "entity,date,item,side,currency,maturity,value,unit\nbank2,2024-12,loans,asset,EUR,long,ten,EUR millions\n",
    );
    const b = runCli(["import", bad], db.path);
    expect(b.status).toBe(1);
    expect(b.stderr).toBe(`bslab: ${bad}: row 2, column value: not a number: "ten"\n`);
  });
});
