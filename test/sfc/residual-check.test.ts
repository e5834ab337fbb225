// Simulator issue #15, defect 1: a block that looks linear apart from a conditional got one Newton
// step and no residual check (X = Y = 6 in period 2, residual 2). Every solve now ends with a
// residual check on every equation of its block, with either solver and either engine.
import { describe, expect, it } from "vitest";

import { fillGiven, writeStartRow } from "../../src/sfc/given.ts";
import {
  baseRow,
  describeMatrices,
  loadModel,
  PeriodSolver,
  simulate,
  type CompiledModel,
  type SolverName,
} from "../../src/sfc/index.ts";
import { ClosurePeriodSolver } from "../../src/sfc/solve/closure-period.ts";

const COND = `model COND "conditional inside a simultaneous block"
equations
  X = if(Y > 1, 0, 2) + 0.5 * Y + 1
  Y = X
`;

// No value of X solves X = if(X > 1, 0, 2) + 0.5: above 1 it wants 0.5, below it wants 2.5.
const CHATTER = `model CHATTER "no solution"
equations
  X = if(X > 1, 0, 2) + Z
  Z = 0.5 + 0 * X[-1]
`;

const solvers: SolverName[] = ["newton", "gauss"];

function closureRun(model: CompiledModel, solver: SolverName, periods: number): Float64Array {
  const base = baseRow(model);
  const v = new Float64Array(periods * model.n);
  fillGiven(model, v, base, periods);
  writeStartRow(model, v);
  const s = new ClosurePeriodSolver(model, { solver, tolerance: 1e-12, maxIterations: 500 });
  for (let t = 1; t < periods; t++) s.solve(v, t);
  return v;
}

describe("every solve ends with a residual check", () => {
  const model = loadModel(COND, "cond.sfc");

  it("does not take a block with a conditional of its own variables for linear", () => {
    const block = model.blocks.find((b) => b.simultaneous)!;
    expect(block.switches).toBe(true);
    expect(block.linear).toBe(false);
  });

  for (const solver of solvers) {
    it(`X = if(Y > 1, 0, 2) + 0.5 * Y + 1, Y = X gives 2 in every period (${solver}, tape)`, () => {
      const run = simulate(model, { periods: 8, solver });
      for (let p = 2; p <= 8; p++) {
        // The analytic solution: Y > 1 so X = 0.5 X + 1, X = 2 (and 2 > 1 holds).
        expect(Math.abs(run.value("X", p) - 2)).toBeLessThanOrEqual(4e-12);
        expect(Math.abs(run.value("Y", p) - 2)).toBeLessThanOrEqual(4e-12);
      }
    });

    it(`gives the same 2 through the closure evaluator (${solver})`, () => {
      const v = closureRun(model, solver, 8);
      for (let t = 1; t < 8; t++) expect(Math.abs(v[t * model.n]! - 2)).toBeLessThanOrEqual(4e-12);
    });
  }

  it("sim check reports the solved baseline", () => {
    const checks = describeMatrices(model, 10);
    expect(checks[0]).toEqual({ item: "solve", ok: true, detail: "baseline solved for periods 1-10" });
  });

  it("a block with no solution (chattering conditional) is an error naming period, block and residual", () => {
    const chatter = loadModel(CHATTER, "chatter.sfc");
    for (const solver of solvers) {
      let message = "";
      try {
        simulate(chatter, { periods: 4, solver, maxIterations: 50 });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(
        /^period 2: block \d \{X\} did not converge with .* after 50 iterations \(largest residual [\d.]+ in X \(line 3\)\); its equations switch \(if, comparisons, abs, min, max\) on the block's own variables, so the block may have no solution in this period: check the conditions$/,
      );
      // Whatever the last iterate, the residual is at least 0.5 (above 1 it wants 0.5, below 2.5).
      expect(Number(/largest residual ([\d.]+)/.exec(message)![1])).toBeGreaterThanOrEqual(0.5);
      const s = new PeriodSolver(chatter, { solver, tolerance: 1e-12, maxIterations: 50 });
      expect(() => {
        const base = baseRow(chatter);
        const v = new Float64Array(4 * chatter.n);
        fillGiven(chatter, v, base, 4);
        writeStartRow(chatter, v);
        s.solve(v, 1);
      }).toThrow(/^period 2: block \d \{X\} did not converge/);
    }
  });
});
