// Simulator issue #15: sweeps survive failing runs (a row with its reason; non-zero exit only with
// --strict) and split into shards whose rows, in order, are the unsharded sweep's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";

import { loadModel, parseDraw, parseGridAxis, parseOutputs, sweep, sweepSync } from "../../src/sfc/index.ts";
import { runCli } from "../helpers/run-cli.ts";

// 100 x 10 grid; the 10 runs with a = 50 divide by zero in period 2.
const FAIL = `model FAIL "ten runs of a 1,000-run grid divide by zero"
equations
  Y = Y[-1] + 1 / (a - 50) + b
parameters
  a = 1
  b = 1
`;
const GRID = ["--grid", "a=1:100:1", "--grid", "b=1:10:1", "--output", "Y@5"];
const dir = mkdtempSync(join(tmpdir(), "bslab-shards-"));
const file = join(dir, "fail.sfc");
writeFileSync(file, FAIL);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NO_DB = "/nonexistent.duckdb";
const REASON =
  "period 2: Y is not a finite number (equation at fail.sfc, line 3, col 3: division by zero, log of a negative, or overflow)";

describe("a sweep with failing runs", () => {
  const model = loadModel(FAIL, "fail.sfc");
  const options = {
    periods: 5,
    grid: [parseGridAxis("a=1:100:1"), parseGridAxis("b=1:10:1")],
    outputs: parseOutputs("Y@5"),
  };

  it("a 1,000-run sweep with 10 runs made to fail returns 1,000 rows, 10 with their reason", () => {
    const res = sweepSync(model, options);
    const rows = res.rows();
    expect(rows).toHaveLength(1000);
    const failed = rows.filter((r) => r.error !== null);
    expect(failed).toHaveLength(10);
    for (const r of failed) {
      expect(r.a).toBe(50);
      expect(r["Y@5"]).toBeNull();
      expect(r.error).toBe(REASON);
    }
    expect(res.failures.map((f) => f.run)).toEqual(Array.from({ length: 10 }, (_, j) => 491 + j));
    // A run that succeeded: Y@5 = 4 (1/(a - 50) + b).
    expect(rows[0]).toEqual({ a: 1, b: 1, "Y@5": 4 * (1 / (1 - 50) + 1), error: null });
  });

  it("over worker threads too", async () => {
    const res = await sweep(model, { ...options, threads: 2 });
    expect(res.threads).toBe(2);
    expect(res.failures).toEqual(sweepSync(model, options).failures);
  });

  it("CLI: exit 0 with 1,000 rows; --strict exits 1 after writing them, saying how many failed", () => {
    const ok = runCli(["sim", "sweep", file, "--periods", "5", ...GRID], NO_DB);
    expect(ok.status).toBe(0);
    const lines = ok.stdout.trim().split("\n");
    expect(lines[0]).toBe("a,b,Y@5,error");
    expect(lines).toHaveLength(1001);
    expect(lines.filter((l) => l.endsWith(`"${REASON}"`))).toHaveLength(10);
    const strict = runCli(["sim", "sweep", file, "--periods", "5", ...GRID, "--strict"], NO_DB);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe(ok.stdout);
    expect(strict.stderr).toBe(
      `bslab: 10 of 1000 runs failed (first: run 491: ${REASON}); their rows carry the reason\n`,
    );
  });
});

describe("--shard K/N", () => {
  it("CSV shards concatenate to the unsharded sweep, byte for byte", () => {
    const whole = runCli(["sim", "sweep", file, "--periods", "5", ...GRID], NO_DB).stdout;
    const parts = [1, 2, 3].map((k) => {
      const out = join(dir, `s${k}.csv`);
      const r = runCli(
        ["sim", "sweep", file, "--periods", "5", ...GRID, "--shard", `${k}/3`, "--out", out],
        NO_DB,
      );
      expect(r.stderr).toBe("");
      return readFileSync(out, "utf8");
    });
    expect(parts.join("")).toBe(whole);
  });

  it("Monte Carlo shards: the same draws as the unsharded study (library)", () => {
    const model = loadModel(FAIL, "fail.sfc");
    const mc = {
      periods: 3,
      draws: [parseDraw("b=normal:1:0.5")],
      runs: 101,
      seed: 4,
      outputs: parseOutputs("Y@3"),
    };
    const whole = sweepSync(model, mc);
    const parts = [1, 2, 3, 4].map((k) => sweepSync(model, { ...mc, shard: { index: k, count: 4 } }));
    expect(parts.map((p) => p.firstRun)).toEqual([0, 25, 50, 75]);
    expect(parts.flatMap((p) => [...p.points])).toEqual([...whole.points]);
    expect(parts.flatMap((p) => [...p.values])).toEqual([...whole.values]);
  });

  it("Parquet shards read back (DuckDB) equal the unsharded rows, nulls and reasons included", async () => {
    const files = [1, 2].map((k) => join(dir, `p${k}.parquet`));
    files.forEach((out, i) => {
      const r = runCli(
        ["sim", "sweep", file, "--periods", "5", ...GRID, "--shard", `${i + 1}/2`, "--out", out],
        NO_DB,
      );
      expect(r.stderr).toBe("");
    });
    const instance = await DuckDBInstance.create(":memory:");
    const c = await instance.connect();
    try {
      const reader = await c.runAndReadAll(
        `SELECT * FROM read_parquet([${files.map((f) => `'${f}'`).join(", ")}], filename = true) ORDER BY filename, a, b`,
      );
      const got = reader.getRowObjectsJS().map((r) => ({ a: r.a, b: r.b, y: r["Y@5"], error: r.error }));
      const want = sweepSync(loadModel(FAIL, "fail.sfc"), {
        periods: 5,
        grid: [parseGridAxis("a=1:100:1"), parseGridAxis("b=1:10:1")],
        outputs: parseOutputs("Y@5"),
      })
        .rows()
        .map((r) => ({ a: r.a, b: r.b, y: r["Y@5"], error: r.error }));
      expect(got).toEqual(want);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });

  it("a bad --shard is one line", () => {
    const r = runCli(["sim", "sweep", file, "--periods", "5", ...GRID, "--shard", "4/3"], NO_DB);
    expect(r.stderr).toBe(
      'bslab: invalid --shard: "4/3" (expected K/N with 1 <= K <= N, e.g. 3/8 for the third of eight slices)\n',
    );
  });
});
