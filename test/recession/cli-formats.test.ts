import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dataDir } from "../../src/io/sources/common.ts";

import { runCli } from "../helpers/run-cli.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

let db: { path: string; cleanup: () => void };
beforeAll(() => {
  db = seededDbPath();
});
afterAll(() => db.cleanup());

describe("bslab recession output formats", () => {
  it("--format csv: one row per year with stage, signals and evidence (Japan's 1990 bust)", () => {
    const r = runCli(["recession", "JP", "--from", "1989", "--to", "1991", "--format", "csv"], db.path);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("year,stage,signals,evidence");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(
      /^1990,bust,"leveraged-boom, asset-price-collapse","leveraged boom: credit gap 19\.1 pp/,
    );
  });

  it("without --from/--to: the last year with data and the 40 years before it (issue #16); credit-gap XM", () => {
    const r = runCli(["recession", "JP", "--format", "json"], db.path);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { from: number; to: number };
    expect(d.to - d.from).toBe(40);
    expect(d.to).toBeGreaterThanOrEqual(2020);
    const g = runCli(["credit-gap", "XM", "--format", "json"], db.path);
    expect(g.status).toBe(0);
    expect((JSON.parse(g.stdout) as { country: { name: string } }).country.name).toBe("Euro area");
  });

  it("evaluate --format json (written after the subcommand): the early-warning table and the earlier composite", () => {
    // The early-warning table is computed here once per vintage unless the disk cache holds it
    // (about 14 s of CPU: some 250 random forests and 250 boosted ensembles; 11 s for this test at
    // load 1), so on a loaded shared machine this run gets more than the helper's default 120 s.
    const r = runCli(["recession", "evaluate", "--format", "json"], db.path, undefined, 180_000);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      warning: { horizon: string; test: { candidate: string; auroc: number | null }[] }[];
      legacy: { composite: { auroc: number }; creditGap: { auroc: number } }[];
    };
    expect(out.warning.map((w) => w.horizon)).toContain("5-12 quarters");
    expect(out.warning[0]!.test.map((s) => s.candidate)).toContain("ensemble");
    expect(out.legacy.length).toBeGreaterThan(0);
    for (const s of out.legacy) {
      expect(s.composite.auroc).toBeGreaterThan(0.5);
      expect(s.creditGap.auroc).toBeGreaterThan(0.5);
    }
  }, 190_000);
});

describe("bslab credit-gap names what it read", () => {
  const header = (out: string) => out.split("\n")[0];

  it("the bundled download, then a newer imported vintage (table header and JSON; csv unchanged)", () => {
    const bundled = runCli(["credit-gap", "JP"], db.path);
    expect(bundled.status).toBe(0);
    expect(header(bundled.stdout)).toBe(
      "# credit/GDP: BIS/WS_CREDIT_GAP/Q.JP.P.A.A, vintage 2026 (last quarter 2025-Q4), dataset bis-ws-credit-gap, " +
        "file data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv, row 2; gap from the 41st quarter",
    );
    const json = JSON.parse(runCli(["credit-gap", "JP", "--format", "json"], db.path).stdout) as {
      country: { iso2: string };
      source: Record<string, unknown>;
      rows: Array<{ date: string; ratio: number; gap: number | null }>;
    };
    expect(json.country.iso2).toBe("JP");
    expect(json.source).toEqual({
      id: "BIS/WS_CREDIT_GAP/Q.JP.P.A.A",
      vintage: "2026 (last quarter 2025-Q4)",
      dataset: "bis-ws-credit-gap",
      file: "data/bis-credit-property-cpi/WS_CREDIT_GAP_csv_col.csv",
      bundled: true,
      row: 2,
    });
    const csv = runCli(["credit-gap", "JP", "--format", "csv"], db.path).stdout;
    expect(header(csv)).toBe("date,ratio,trend,gap,buffer_guide");

    // A newer BIS download with Japan's ratio scaled by 1.2, imported with `bslab import`.
    const text = readFileSync(
      join(dataDir(), "bis-credit-property-cpi", "WS_CREDIT_GAP_csv_col.csv"),
      "utf8",
    );
    const [head, ...lines] = text.split("\n");
    const cells = lines.find((l) => l.includes(",Q:JP:P:A:A,"))!.split(",");
    const key = cells.indexOf("Q:JP:P:A:A");
    const file = join(dirname(db.path), "WS_CREDIT_GAP_csv_col.csv");
    writeFileSync(
      file,
      `${head}\n${cells.map((c, i) => (i > key && c !== "" ? String(Number(c) * 1.2) : c)).join(",")}\n`,
    );
    const imported = runCli(
      ["import", file, "--mapping", "bis-csv-col", "--vintage", "2027-01-01", "--quiet"],
      db.path,
    );
    expect(imported.status).toBe(0);

    const after = runCli(["credit-gap", "JP"], db.path);
    expect(header(after.stdout)).toBe(
      "# credit/GDP: BIS/WS_CREDIT_GAP/Q.JP.P.A.A, vintage 2027-01-01, dataset import:WS_CREDIT_GAP_csv_col.csv, " +
        `file ${file}; gap from the 41st quarter`,
    );
    const afterJson = JSON.parse(
      runCli(["credit-gap", "JP", "--format", "json"], db.path).stdout,
    ) as typeof json;
    expect(afterJson.source).toMatchObject({
      vintage: "2027-01-01",
      file,
      row: null,
    });
    const q = (rows: typeof json.rows) => rows.find((r) => r.date === "1990-Q1")!.ratio;
    expect(q(afterJson.rows)).toBeCloseTo(q(json.rows) * 1.2, 1);
    expect(header(runCli(["credit-gap", "JP", "--format", "csv"], db.path).stdout)).toBe(
      "date,ratio,trend,gap,buffer_guide",
    );
  });
});
