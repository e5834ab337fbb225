// The instruction tape (solve/period.ts) against the closure evaluator it replaced
// (solve/closure-period.ts): the same values, bit for bit, the same errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { fillGiven, writeStartRow } from "../../src/sfc/given.ts";
import {
  baseRow,
  listBuiltinModelNames,
  loadBuiltinModel,
  loadModel,
  parseGridAxis,
  parseOutputs,
  PeriodSolver,
  sweepSync,
  type CompiledModel,
  type SolverName,
} from "../../src/sfc/index.ts";
import { ClosurePeriodSolver } from "../../src/sfc/solve/closure-period.ts";
import { factorInPlace, solveFactored, solveInPlace } from "../../src/sfc/solve/linear.ts";

interface Solver {
  solve(v: Float64Array, t: number, checkHidden?: boolean): void;
}

function run(model: CompiledModel, solver: Solver, periods: number): Float64Array {
  const base = baseRow(model);
  const v = new Float64Array(periods * model.n);
  fillGiven(model, v, base, periods);
  writeStartRow(model, v);
  for (let t = 1; t < periods; t++) solver.solve(v, t, true);
  return v;
}

function expectSameBits(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  const differ = [...a].findIndex((x, i) => !Object.is(x, b[i]));
  expect(differ, `first difference at index ${differ}: ${a[differ]} vs ${b[differ]}`).toBe(-1);
}

function error(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return "no error";
}

const solvers: SolverName[] = ["newton", "gauss"];

// Every operator and function, lags of two periods, the clock, a nonlinear simultaneous block.
const KITCHEN = `model K "every operation"
equations
  A = 0.5 * B + g + if(period > 3, 1, 0) - min(A[-1], 2) / 4
  B = sqrt(abs(A) + 1) + exp(-a) * log(2 + B[-2] ^ 2) - max(c, A[-2])
  C = C[-1] + (A - B) * 0.1 + (A >= B) - (A < B) + (A <= 0) * 2 - (B != B[-1]) + (A == A)
  D = -(C - 1) / (2 + a * a) + (C > 0) * (c ^ 0.5)
parameters
  a = 0.3
  c = 0.7
exogenous
  g = 1
initial
  A = 1
  C = 0.5
`;

describe("the instruction tape", () => {
  for (const name of listBuiltinModelNames()) {
    for (const solver of solvers) {
      it(`gives bit-identical values to the closure evaluator: ${name}, ${solver}`, () => {
        const model = loadBuiltinModel(name);
        const options = { solver, tolerance: 1e-12, maxIterations: 500 };
        const tape = run(model, new PeriodSolver(model, options), 120);
        const closures = run(model, new ClosurePeriodSolver(model, options), 120);
        expectSameBits(tape, closures);
      });
    }
  }

  it("covers every operation, lags beyond one period and nonlinear blocks", () => {
    const model = loadModel(KITCHEN, "k.sfc");
    expect(model.maxLag).toBe(2);
    expect(model.blocks.some((b) => b.simultaneous && !b.linear)).toBe(true);
    for (const solver of solvers) {
      const options = { solver, tolerance: 1e-12, maxIterations: 500 };
      const tape = run(model, new PeriodSolver(model, options), 40);
      expect(tape.every(Number.isFinite)).toBe(true);
      expectSameBits(tape, run(model, new ClosurePeriodSolver(model, options), 40));
    }
  });

  it("sweeps give bit-identical rows with either engine", () => {
    const pc = loadBuiltinModel("pc");
    const options = {
      periods: 30,
      grid: [parseGridAxis("rbar=0.01:0.05:0.01"), parseGridAxis("theta=0.15:0.25:0.05")],
      outputs: parseOutputs("Y@2,V@30,Hs@30"),
    };
    expectSameBits(sweepSync(pc, options).values, sweepSync(pc, { ...options, engine: "closures" }).values);
  });

  it("reports the same errors as the closure evaluator", () => {
    const cases: Array<[string, number]> = [
      ["  X = X * X + 1\n", 20], // no real root: non-convergence
      ["  X = X[-1] + 1\n  Y = 1 / (X - 3)\n", 500], // a non-finite value in period 3
      ["  H = H[-1] + 1\n  K = K[-1] + 2\nhidden\n  H = K\n", 500], // hidden equation fails
    ];
    for (const [equations, maxIterations] of cases) {
      const model = loadModel(`model T\nequations\n${equations}`, "t.sfc");
      for (const solver of solvers) {
        const options = { solver, tolerance: 1e-12, maxIterations };
        const got = error(() => run(model, new PeriodSolver(model, options), 6));
        expect(got).not.toBe("no error");
        expect(got).toBe(error(() => run(model, new ClosurePeriodSolver(model, options), 6)));
      }
    }
  });

  it("reuses LU factors only with the same bits as solving afresh", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((m) =>
          fc.tuple(
            fc.constant(m),
            fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(0)), {
              minLength: m * m,
              maxLength: m * m,
            }),
            fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: m, maxLength: m }),
          ),
        ),
        ([m, entries, rhs]) => {
          const a = Float64Array.from(entries);
          const x = Float64Array.from(rhs);
          const pivots = new Int32Array(m);
          const ok = solveInPlace(Float64Array.from(a), x, m);
          expect(factorInPlace(a, pivots, m)).toBe(ok);
          if (!ok) return;
          const y = Float64Array.from(rhs);
          solveFactored(a, pivots, y, m);
          expectSameBits(y, x);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
