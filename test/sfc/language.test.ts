// Simulator issue #15, the language: seeded draws, data paths, parameters defined from parameters,
// start values for exogenous variables.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { dataFromRows } from "../../src/sfc/data.ts";
import {
  builtinModelSource,
  loadBuiltinModel,
  loadModel,
  parseGridAxis,
  parseOutputs,
  runScenario,
  simulate,
  sweepSync,
} from "../../src/sfc/index.ts";
import { normalAt, uniformAt } from "../../src/sfc/random.ts";
import { runCli } from "../helpers/run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "bslab-lang-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NO_DB = "/nonexistent.duckdb";

describe("rnorm/runif: seeded draws", () => {
  const pcex = loadBuiltinModel("pcex");

  it("PCEX with rnorm is identical across runs with one seed and differs with another", () => {
    const a = simulate(pcex, { periods: 40, seed: 7 });
    const b = simulate(pcex, { periods: 40, seed: 7 });
    const c = simulate(pcex, { periods: 40, seed: 8 });
    expect(a.values).toEqual(b.values);
    expect(a.series("Y")).not.toEqual(c.series("Y"));
    // The draw changes YDe from YD by a few percent, never more than 5 sd.
    for (let p = 2; p <= 40; p++) {
      const ra = a.value("YDe", p) / a.value("YD", p) - 1;
      expect(Math.abs(ra)).toBeLessThan(0.25);
    }
    expect(
      new Set(
        a
          .series("YDe")
          .slice(2)
          .map((x, i) => x / a.series("YD")[i + 2]!),
      ).size,
    ).toBeGreaterThan(30);
  });

  it("PCEX: money absorbs the expectation error, Hh - Hd = YD - YDe, and Hh = Hs every period", () => {
    const run = simulate(pcex, { periods: 60, seed: 3 });
    for (let p = 2; p <= 60; p++) {
      const gap = run.value("Hh", p) - run.value("Hd", p);
      expect(gap).toBeCloseTo(run.value("YD", p) - run.value("YDe", p), 9);
      expect(run.value("Hh", p)).toBeCloseTo(run.value("Hs", p), 9);
    }
  });

  it("CLI --seed: the same output twice, a different one with another seed", () => {
    const one = runCli(["sim", "run", "pcex", "--periods", "10", "--seed", "5"], NO_DB).stdout;
    expect(runCli(["sim", "run", "pcex", "--periods", "10", "--seed", "5"], NO_DB).stdout).toBe(one);
    expect(runCli(["sim", "run", "pcex", "--periods", "10", "--seed", "6"], NO_DB).stdout).not.toBe(one);
    const bad = runCli(["sim", "run", "pcex", "--periods", "10", "--seed", "-1"], NO_DB);
    expect(bad.stderr).toBe('bslab: invalid --seed: "-1" (expected a whole number from 0 to 4294967295)\n');
  });

  it("the generator: uniform mean 1/2 and variance 1/12, normal mean 0 and variance 1 (100,000 draws)", () => {
    let su = 0;
    let su2 = 0;
    let sz = 0;
    let sz2 = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = uniformAt(1, 0, 0, i);
      const z = normalAt(1, i, 3, 2);
      expect(u >= 0 && u < 1).toBe(true);
      su += u;
      su2 += u * u;
      sz += z;
      sz2 += z * z;
    }
    expect(Math.abs(su / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(su2 / n - (su / n) ** 2 - 1 / 12)).toBeLessThan(0.002);
    expect(Math.abs(sz / n)).toBeLessThan(0.015);
    expect(Math.abs(sz2 / n - 1)).toBeLessThan(0.02);
  });

  it("runif(a, b) stays in [a, b); draws are not allowed outside equations", () => {
    const m = loadModel("model U\nequations\n  X = runif(2, 3)\n", "u.sfc");
    const xs = simulate(m, { periods: 200 }).series("X").slice(1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...xs)).toBeLessThan(3);
    expect(() => loadModel("model U\nequations\n  X = a\nparameters\n  a = rnorm(0, 1)\n", "u.sfc")).toThrow(
      "u.sfc, line 5, col 7: rnorm() draws belong in equations (start values, parameters, checks and matrices do not change with the seed)",
    );
  });

  it("sweeps: run r draws the same whether it runs alone or among others", () => {
    const grid = [parseGridAxis("alpha1=0.55:0.64:0.01")];
    const all = sweepSync(pcex, { periods: 20, grid, outputs: parseOutputs("Y@20"), seed: 9 });
    const again = sweepSync(pcex, { periods: 20, grid, outputs: parseOutputs("Y@20"), seed: 9 });
    expect(all.values).toEqual(again.values);
    expect(new Set(all.values).size).toBe(10);
  });
});

describe("data: exogenous paths from a data section or a file", () => {
  const SIMDATA = `${builtinModelSource("sim").source}
data
  period, Gd
  2, 20
  3, 22
  4, 24
  6, 30
`;

  it("a model with a data section follows the series (and keeps its value where the data has none)", () => {
    const m = loadModel(SIMDATA, "simdata.sfc");
    const run = simulate(m, { periods: 8 });
    expect(run.series("Gd")).toEqual([20, 20, 22, 24, 20, 30, 20, 20]);
    expect(run.series("Gs")).toEqual([0, 20, 22, 24, 20, 30, 20, 20]);
    // Period 2 of SIM: Y = G / (1 - alpha1 (1 - theta)) = 20 / 0.52.
    expect(run.value("Y", 2)).toBeCloseTo(38.46153846, 8);
  });

  it("--data FILE.csv with a date column: the first date is period 1, consecutive quarters", () => {
    const file = join(dir, "g.csv");
    writeFileSync(file, "date,Gd\n2020-Q1,0\n2020-Q2,20\n2020-Q3,25\n2020-Q4,\n");
    const r = runCli(["sim", "run", "sim", "--periods", "5", "--data", file, "--format", "json"], NO_DB);
    expect(r.stderr).toBe("");
    const rows = JSON.parse(r.stdout) as Array<Record<string, number>>;
    expect(rows.map((x) => x.Gd)).toEqual([0, 20, 25, 20, 20]);
    expect(rows[1]!.Y).toBeCloseTo(38.46153846, 8);
  });

  it("a bad data file is one line naming file, row and column", () => {
    expect(() =>
      dataFromRows(
        [
          ["date", "Gd"],
          ["2020-Q1", "1"],
          ["2020-Q3", "2"],
        ],
        "g.csv",
      ),
    ).toThrow(
      'g.csv, row 3, column date: invalid value "2020-Q3" (expected the quarter after the row above (no gaps))',
    );
    expect(() =>
      dataFromRows(
        [
          ["period", "Gd"],
          ["2", "0x10"],
        ],
        "g.csv",
      ),
    ).toThrow('g.csv, row 2, column Gd: invalid value "0x10" (expected a decimal number)');
    const file = join(dir, "bad.csv");
    writeFileSync(file, "period,Y\n2,1\n");
    const r = runCli(["sim", "run", "sim", "--periods", "3", "--data", file], NO_DB);
    expect(r.stderr).toMatch(/^bslab: Y is endogenous \(defined by an equation\)/);
  });

  it("a data path and a scenario: the periods before the first change hold the stationary state", () => {
    const m = loadModel(SIMDATA.replace("  2, 20\n  3, 22\n  4, 24\n  6, 30\n", "  5, 25\n"), "d.sfc");
    const run = runScenario(m, { periods: 6 });
    expect(run.value("Y", 4)).toBeCloseTo(100, 6);
    expect(run.value("Y", 5)).toBeCloseTo(109.61538462, 6); // the book's G 20 -> 25 from period 5
    // A one-period value: back to G = 20 in period 6.
    expect(run.value("Gd", 6)).toBe(20);
  });
});

describe("parameters defined from parameters, evaluated once in order", () => {
  const M = `model D
equations
  Y = omega0 + omega1 * x
parameters
  omega1 = 0.5
  PR = 2
  omega0 = 0.8 - omega1 * PR - omega2
exogenous
  omega2 = 0.1
  x = 1
`;
  it("the derived value follows --set of the values it reads; --set of itself wins", () => {
    const m = loadModel(
      M.replace("exogenous\n  omega2 = 0.1\n  x = 1\n", "").replace(
        "parameters\n",
        "parameters\n  omega2 = 0.1\n  x = 1\n",
      ),
      "d.sfc",
    );
    expect(m.given.find((g) => g.name === "omega0")!.value).toBeCloseTo(0.8 - 1 - 0.1, 12);
    expect(simulate(m, { periods: 2 }).value("Y", 2)).toBeCloseTo(-0.3 + 0.5, 12);
    expect(simulate(m, { periods: 2, set: new Map([["omega1", 0.2]]) }).value("omega0", 2)).toBeCloseTo(
      0.8 - 0.4 - 0.1,
      12,
    );
    expect(simulate(m, { periods: 2, set: new Map([["omega0", 5]]) }).value("Y", 2)).toBe(5.5);
    const res = sweepSync(m, {
      periods: 2,
      grid: [parseGridAxis("omega1=0:1:0.5")],
      outputs: parseOutputs("omega0@2"),
    });
    expect([...res.values].map((x) => Number(x.toFixed(12)))).toEqual([0.7, -0.3, -1.3]);
  });

  it("a value read before it is defined is an error naming both places", () => {
    expect(() => loadModel(M, "d.sfc")).toThrow(
      "d.sfc, line 7, col 32: omega0 reads omega2, which is defined below it (at d.sfc, line 9, col 3); move omega2 above omega0 (values are evaluated once, in order)",
    );
    expect(() => loadModel("model E\nequations\n  Y = a\nparameters\n  a = Y + 1\n", "e.sfc")).toThrow(
      "e.sfc, line 5, col 7: a reads Y: a parameter or exogenous value may use only the parameters and exogenous values defined above it (no equations' variables, lags or period)",
    );
  });
});

describe("initial values for exogenous variables", () => {
  it("SIM with G = 0 in period 1: the book's Table 3.4 row 1 and row 2", () => {
    const m = loadModel(`${builtinModelSource("sim").source}\ninitial\n  Gd = 0\n`, "sim0.sfc");
    const run = simulate(m, { periods: 3 });
    expect(run.series("Gd")).toEqual([0, 20, 20]);
    expect(run.value("Y", 2)).toBeCloseTo(38.46153846, 8);
    expect(run.value("Y", 3)).toBeCloseTo(47.92899408, 8);
  });
});
