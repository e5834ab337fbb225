import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { dataDir } from "../../src/io/sources/common.ts";
import { runCli } from "../helpers/run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "bslab-report-"));
const db = join(dir, "test.duckdb");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bslab report", () => {
  it("writes Markdown with its SVG charts beside it and prints the paths on stderr", () => {
    const out = join(dir, "md", "pboc.md");
    const r = runCli(
      ["report", "pboc", "--date", "2013-12", "--lang", "zh", "--format", "md", "--out", out],
      db,
    );
    expect(r.stderr).toContain(`wrote ${out}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`wrote ${join(dir, "md", "pboc-figure1.svg")}`);
    const md = readFileSync(out, "utf8");
    expect(md).toContain("# 中央银行资产负债表错配风险评估：中国人民银行, 2013年12月");
    expect(md).toContain("](pboc-figure1.svg)");
    expect(readFileSync(join(dir, "md", "pboc-figure1.svg"), "utf8")).toMatch(/^<svg/);
  });

  it("report recession JP --out - prints HTML on stdout", () => {
    const r = runCli(["report", "recession", "JP", "--from", "1985", "--to", "2010", "--out", "-"], db);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout).toContain("balance-sheet recession from 1990");
  });

  it.each([
    [
      ["report", "pboc", "--date", "2013-13"],
      'bslab: invalid date: "2013-13" (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2013-12)\n',
      2,
    ],
    [["report", "recession", "ZZ"], 'bslab: unknown country: "ZZ" (use a BIS two-letter code:', 1],
    [
      ["report", "nope", "--date", "2013-12"],
      'bslab: unknown entity: "nope" (central banks: boj, ecb, fed, pboc; depository corporations: pboc-odc; or an External Wealth of Nations country name such as China)\n',
      1,
    ],
  ])("bad input %j: one-line error, exit 1 (2 for usage)", (args, message, status) => {
    const out = join(dir, "bad.html");
    const r = runCli([...args, "--out", out], db);
    expect(r.status).toBe(status);
    const last = r.stderr.trim().split("\n").at(-1)!;
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    if (message.endsWith("\n")) expect(last).toBe(message.trim());
    else expect(last.startsWith(message)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it("report recession reads the store: a newer imported BIS vintage changes the boom mark", () => {
    const boomMark = () => {
      const r = runCli(["report", "recession", "JP", "--format", "md", "--out", "-"], db);
      expect(r.status).toBe(0);
      return r.stdout.split("\n").find((l) => l.startsWith("Boom mark:"))!;
    };
    const before = boomMark();
    expect(before).toMatch(/credit-to-GDP gap peak 21\.2 pp/);
    // The bundled WS_CREDIT_GAP file with Japan's credit-to-GDP ratio scaled by 1.2: the gap scales too.
    const text = readFileSync(
      join(dataDir(), "bis-credit-property-cpi", "WS_CREDIT_GAP_csv_col.csv"),
      "utf8",
    );
    const [header, ...rows] = text.split("\n");
    const cells = rows.find((l) => l.includes(",Q:JP:P:A:A,"))!.split(",");
    const key = cells.indexOf("Q:JP:P:A:A");
    const file = join(dir, "WS_CREDIT_GAP_csv_col.csv");
    writeFileSync(
      file,
      `${header}\n${cells.map((c, i) => (i > key && c !== "" ? String(Number(c) * 1.2) : c)).join(",")}\n`,
    );
    const imported = runCli(
      ["import", file, "--mapping", "bis-csv-col", "--vintage", "2027-01-01", "--quiet"],
      db,
    );
    expect(imported.status, imported.stderr).toBe(0);
    expect(boomMark()).toMatch(/credit-to-GDP gap peak 25\.\d pp/);
  });
});
