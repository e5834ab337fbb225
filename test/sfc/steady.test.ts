// Simulator issue #15, the engine: the stationary-state stop rule bounds the distance to the fixed
// point; steady growth for growth models; messages that say which search failed; stated limits.
import { describe, expect, it } from "vitest";

import {
  baseRow,
  loadBuiltinModel,
  loadModel,
  runScenario,
  simulate,
  steadyGrowth,
  steadyState,
} from "../../src/sfc/index.ts";
import { runCli } from "../helpers/run-cli.ts";

const NO_DB = "/nonexistent.duckdb";

describe("the stationary-state search", () => {
  // Analytic stationary states (shared/reference/sfc-models.md [A]): SIM Y* = G/theta; PC
  // Y* = 3940/37 (r = 0.025) and 19.552/0.1776 (r = 0.035); BMW Y* = alpha0 / 0.125.
  const cases: Array<[string, string, number, Map<string, number>]> = [
    ["sim", "Y", 100, new Map()],
    ["sim", "Y", 125, new Map([["Gd", 25]])],
    ["pc", "Y", 3940 / 37, new Map()],
    ["pc", "V", 3200 / 37, new Map()],
    ["pc", "Y", 19.552 / 0.1776, new Map([["rbar", 0.035]])],
    ["bmw", "Y", 224, new Map([["alpha0", 28]])],
  ];
  for (const [name, variable, exact, set] of cases) {
    it(`stops within 1e-12 relative of the fixed point: ${name} ${variable}* = ${exact} ${[...set].join(" ")}`, () => {
      const m = loadBuiltinModel(name);
      const row = steadyState(m, baseRow(m, set));
      expect(Math.abs(row[m.index.get(variable)!]! / exact - 1)).toBeLessThanOrEqual(1e-12);
    });
  }

  it("a failing search says it was the search and suggests --steady-growth and --from-start", () => {
    const m = loadModel("model G\nequations\n  K = K[-1] * (1 + g) + 1\nparameters\n  g = 0.02\n", "g.sfc");
    expect(() => runScenario(m, { periods: 10, shocks: [{ name: "g", value: 0.03, from: 5 }] })).toThrow(
      /^the stationary-state search \(the baseline run forward until nothing moves\) failed after \d+ periods: K is not a finite number .*: for a growth model start the scenario from its steady growth path with --steady-growth, or run the shocks from the start values with --from-start$/,
    );
  });
});

describe("steady growth", () => {
  // Y = C + I, C = c·Y[-1], I grows at g: on steady growth Y grows at g and
  // Y/I = (1 + g)/(1 + g - c) (from Y_t = c·Y_t/(1 + g) + I_t).
  const GROW = `model GROW "demand-led growth"
equations
  Y = C + I
  C = c * Y[-1]
  I = I[-1] * (1 + g)
parameters
  c = 0.8
  g = 0.03
initial
  I = 1
`;
  const m = loadModel(GROW, "grow.sfc");

  it("finds the path: every growth factor 1 + g, Y/I the analytic ratio", () => {
    const { row, growth } = steadyGrowth(m, baseRow(m));
    for (const v of ["Y", "C", "I"]) expect(Math.abs(growth[m.index.get(v)!]! - 1.03)).toBeLessThan(1e-10);
    const ratio = row[m.index.get("Y")!]! / row[m.index.get("I")!]!;
    expect(ratio / (1.03 / (1.03 - 0.8)) - 1).toBeLessThan(1e-10);
  });

  it("a scenario starts from it: the periods before the shock grow at g with the steady ratio", () => {
    const run = runScenario(m, {
      periods: 20,
      steadyGrowth: true,
      shocks: [{ name: "c", value: 0.75, from: 10 }],
    });
    for (let p = 2; p <= 9; p++) {
      expect(run.value("Y", p) / run.value("Y", p - 1)).toBeCloseTo(1.03, 10);
      expect(run.value("Y", p) / run.value("I", p)).toBeCloseTo(1.03 / 0.23, 9);
    }
    // From period 10 the new ratio is approached: Y/I moves toward 1.03 / 0.28.
    expect(run.value("Y", 20) / run.value("I", 20)).toBeLessThan(1.03 / 0.23);
  });
});

describe("stated limits", () => {
  it("--periods names its maximum", () => {
    const r = runCli(["sim", "run", "pc", "--periods", "2000000"], NO_DB);
    expect(r.stderr).toBe(
      'bslab: invalid --periods: "2000000" (expected a whole number from 2 to 1000000)\n',
    );
    expect(() => simulate(loadBuiltinModel("sim"), { periods: 1 })).toThrow(
      'invalid --periods: "1" (expected a whole number from 2 to 1000000)',
    );
  });

  it("a run over the memory budget is refused in one line before it starts", () => {
    const t0 = Date.now();
    const r = runCli(["sim", "run", "pc", "--periods", "1000000"], NO_DB);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "bslab: a run of 1000000 periods x 20 columns needs about 3052 MB to compute and print; the memory budget is 1024 MB (--memory-budget MB): use at most 335544 periods here, or raise the budget\n",
    );
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});

describe("the API", () => {
  it("POST /api/sim/run with start: growth needs a growth model; a stationary model answers as steady", async () => {
    const { call, testServer } = await import("../server/helpers.ts");
    const server = await testServer();
    try {
      const body = {
        model: "sim",
        periods: 6,
        start: "growth",
        shocks: [{ name: "Gd", value: 25, from: 5 }],
      };
      const r = await call<{ scenario: Record<string, number[]> }>(server.app, {
        method: "POST",
        url: "/api/sim/run",
        payload: body,
      });
      expect(r.status).toBe(200);
      // SIM's steady growth is its stationary state (every factor 1): Y = 100 before the shock.
      expect(r.body.scenario.Y![3]).toBeCloseTo(100, 6);
      expect(r.body.scenario.Y![4]).toBeCloseTo(109.61538462, 6);
    } finally {
      await server.cleanup();
    }
  });
});
