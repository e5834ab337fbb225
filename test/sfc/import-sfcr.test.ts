// `bslab sim import FILE.R` (simulator issue #15): sfcr's sfcr_set(...) models translated into
// .sfc, saying what could not be translated. The SIM script is test/fixtures/sfcr/sim.R.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { importSfcr, translateExpression } from "../../src/sfc/import-sfcr.ts";
import { loadBuiltinModel, loadModel, runScenario, simulate } from "../../src/sfc/index.ts";
import { runCli } from "../helpers/run-cli.ts";

const FIXTURE = new URL("../fixtures/sfcr/sim.R", import.meta.url);
const text = readFileSync(FIXTURE, "utf8");

describe("sim import: sfcr's SIM", () => {
  const { source, notes } = importSfcr(text, "sim.R");
  const model = loadModel(source, "sim.sfc");

  it("translates every equation, external value and the hidden equation; notes the scenario lines", () => {
    expect(model.equations.map((e) => e.name)).toEqual([
      "TXs",
      "YD",
      "Cd",
      "Hh",
      "Ns",
      "Nd",
      "Cs",
      "Gs",
      "Y",
      "TXd",
      "Hs",
    ]);
    expect(model.given.map((g) => [g.name, g.value])).toEqual([
      ["Gd", 20],
      ["W", 1],
      ["alpha1", 0.6],
      ["alpha2", 0.4],
      ["theta", 0.2],
    ]);
    expect(model.hidden).toHaveLength(1);
    expect(notes).toEqual([
      "sim.R, line 34: sfcr_scenario() is not translated; run scenarios with --shock or sweeps with bslab sim sweep",
      "sim.R, line 33: sfcr_shock() is not translated; run scenarios with --shock or sweeps with bslab sim sweep",
    ]);
  });

  it("reproduces SIM's output: the reference table from zero and the G 20 -> 25 scenario", () => {
    // shared/reference/sfc-models.md, SIM from zero [C] and the shock table [C].
    const run = simulate(model, { periods: 100 });
    const want: Array<[number, number, number]> = [
      [2, 38.46153846, 12.30769231],
      [3, 47.92899408, 22.72189349],
      [10, 83.82883541, 62.21171895],
      [100, 99.99999522, 79.99999474],
    ];
    for (const [p, y, h] of want) {
      expect(run.value("Y", p)).toBeCloseTo(y, 7);
      expect(run.value("Hh", p)).toBeCloseTo(h, 7);
    }
    const builtin = simulate(loadBuiltinModel("sim"), { periods: 100 });
    // The same model written in another order: the same values up to rounding.
    for (const v of ["Y", "YD", "Cd", "Hh", "Hs"])
      run
        .series(v)
        .forEach((x, i) =>
          expect(Math.abs(x - builtin.series(v)[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x))),
        );
    const shocked = runScenario(model, { periods: 10, shocks: [{ name: "Gd", value: 25, from: 5 }] });
    expect(shocked.value("Y", 5)).toBeCloseTo(109.61538462, 7);
    expect(shocked.value("Y", 10)).toBeCloseTo(118.32681281, 7);
  });

  it("CLI: the model on stdout, one note a line on stderr, exit 0; the output runs", () => {
    const r = runCli(["sim", "import", FIXTURE.pathname], "/nonexistent.duckdb");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(source);
    expect(r.stderr.trim().split("\n")).toEqual(notes.map((n) => `bslab: not translated: ${n}`));
  });
});

describe("sim import: what cannot be translated is said", () => {
  it("R-only functions and operators are left out with their line", () => {
    const r = importSfcr(
      "eqs <- sfcr_set(\n  Y ~ C + G,\n  C ~ lag(Y) * 0.8,\n  K ~ if (Y > 1) {Y} else {0}\n)\next <- sfcr_set(G ~ 20)\n",
      "m.R",
    );
    expect(r.notes).toEqual(["m.R, line 3: C: function lag() has no .sfc counterpart; left out"]);
    expect(r.source).toContain("  K = if(Y > 1, Y, 0)\n");
    expect(r.source).toContain("  # not translated (m.R, line 3): C ~ lag(Y) * 0.8\n");
  });

  it("expressions: lags, powers and logical operators", () => {
    expect(translateExpression("alpha * Y[-1]^2")).toEqual({ expr: "alpha * Y[-1]^2" });
    expect(translateExpression("(Y > 1) & (Y < 2)")).toEqual({ expr: "(Y > 1) * (Y < 2)" });
    expect(translateExpression("x %in% y")).toEqual({
      reason: 'operator or character "%" has no .sfc counterpart',
    });
  });

  it("a file with no sfcr_set list is one line", () => {
    const r = runCli(
      ["sim", "import", new URL("../../package.json", import.meta.url).pathname],
      "/nonexistent.duckdb",
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toBe(
      "bslab: not translated: package.json: no sfcr_set(...) list of equations found\nbslab: package.json: nothing to translate (no sfcr_set(...) list of equations)\n",
    );
  });
});
