import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runCli } from "../helpers/run-cli.ts";
import { seededDbPath } from "../helpers/temp-store.ts";

let db: { path: string; cleanup: () => void };
let dir: string;
beforeAll(() => {
  db = seededDbPath();
  dir = dirname(db.path);
});
afterAll(() => db.cleanup());

describe("bslab import / export / series", () => {
  it("imports a PBoC workbook and a FRED CSV in one go; --json prints the results", () => {
    const r = runCli(
      [
        "import",
        "data/pboc-monetary-authority/raw_xls/other_depository_corporations_bs_2013.xls",
        "data/fred-us-monetary/M2SL.csv",
        "--json",
      ],
      db.path,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ mapping: string; sheets: number; series: number }>;
    expect(out.map((x) => [x.mapping, x.sheets, x.series])).toEqual([
      ["pboc-xls", 12, 0],
      ["fred", 0, 1],
    ]);
  });

  it("--quiet prints nothing; re-import reports unchanged", () => {
    const q = runCli(["import", "data/fred-us-monetary/M2SL.csv", "--quiet"], db.path);
    expect([q.status, q.stdout, q.stderr]).toEqual([0, "", ""]);
    const j = runCli(["import", "data/fred-us-monetary/M2SL.csv", "--json"], db.path);
    expect(JSON.parse(j.stdout)[0].unchanged).toBe(true);
  });

  it("export sheet to SDMX-CSV and XLSX, then import them back", () => {
    const sdmx = join(dir, "odc.sdmx.csv");
    const e = runCli(
      [
        "export",
        "sheet",
        "pboc-odc",
        "--from",
        "2013-10",
        "--to",
        "2013-12",
        "--to-format",
        "sdmx",
        "--out",
        sdmx,
        "--quiet",
      ],
      db.path,
    );
    expect([e.status, e.stderr]).toEqual([0, ""]);
    expect(readFileSync(sdmx, "utf8").split("\n")[1]).toMatch(
      /^BSLAB:BALANCE_SHEET\(1\.0\),pboc-odc,foreign_assets,2013-10,28082\.44,CNY,8,/,
    );
    const xlsx = join(dir, "odc.xlsx");
    expect(
      runCli(
        ["export", "sheet", "pboc-odc", "--from", "2013-01", "--to", "2013-02", "--out", xlsx, "--quiet"],
        db.path,
      ).status,
    ).toBe(0);
    const r = runCli(["import", sdmx, xlsx, "--json"], db.path);
    expect(r.status).toBe(0);
    expect(
      (JSON.parse(r.stdout) as Array<{ mapping: string; positions: number }>).map((x) => [
        x.mapping,
        x.positions,
      ]),
    ).toEqual([
      ["sdmx-csv", 93],
      ["xlsx", 62],
    ]);
  });

  it("series lists and shows stored series with unit and scale; export series as tidy CSV", () => {
    const l = runCli(["series", "--dataset", "import:M2SL.csv", "--format", "csv"], db.path);
    expect(l.stdout.split("\n").slice(0, 2)).toEqual([
      "id,entity,frequency,unit,scale,vintage,dataset",
      expect.stringMatching(
        /^FRED\/M2SL,,M,as published by FRED \(see data\/SOURCES\.md\),0,\d{4}-\d{2}-\d{2},import:M2SL\.csv$/,
      ),
    ]);
    const s = runCli(["series", "show", "FRED/M2SL", "--to", "1959-02", "--format", "json"], db.path);
    expect(JSON.parse(s.stdout).observations).toEqual([
      { date: "1959-01-01", value: 286.6 },
      { date: "1959-02-01", value: 287.7 },
    ]);
    const c = runCli(["export", "series", "FRED/M2SL", "--to", "1959-01"], db.path);
    expect(c.stdout.split("\n")[0]).toBe(
      "entity,date,series,value,unit,scale,source,name,frequency,dataset,file",
    );
  });

  it("a bad file: one line on stderr naming file, row and column; exit 1", () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "date,series,value,unit,scale\n2020,X,12O,USD,6\n");
    const r = runCli(["import", bad], db.path);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `bslab: ${bad}: row 2, column value: not a number: "12O" (expected a number or an empty cell)\n`,
    );
    const u = runCli(["export", "series", "FRED/M2SLX"], db.path);
    expect(u.stderr).toBe('bslab: unknown series "FRED/M2SLX" (did you mean: FRED/M2SL?)\n');
  });
});
