// Error messages: one bad input per test, exact text (project STYLE.md, "Errors").
import { describe, expect, it } from "vitest";

import { BslabError, ModelError, ParseError } from "../../src/errors.ts";
import { loadBuiltinModel, loadModel, parseShock, simulate } from "../../src/sfc/index.ts";

const HEAD = 'model T "test"\nequations\n';
const load = (body: string) => loadModel(HEAD + body, "t.sfc");

describe("parse errors name line and column", () => {
  it("unexpected character", () => {
    expect(() => load("  Y = C $ G\n")).toThrow(ParseError);
    expect(() => load("  Y = C $ G\n")).toThrow(
      't.sfc, line 3, col 9: unexpected character "$" (operators are + - * / ^, comparisons < <= > >= == !=)',
    );
  });
  it("missing operand", () => {
    expect(() => load("  Y = C +\n")).toThrow(
      "t.sfc, line 4, col 1: expected a number, a name or '(', found end of file",
    );
  });
  it("unbalanced parenthesis", () => {
    expect(() => load("  Y = (C + G\nparameters\n  G = 1\n")).toThrow(
      /t\.sfc, line 3, col 3: expected '\)'|expected '\)'/,
    );
  });
  it("bad lag", () => {
    expect(() => load("  Y = C[1]\n")).toThrow(
      "t.sfc, line 3, col 8: invalid lag [1 (write x[-1] for last period's value, x[-k] for k periods back, k <= 1000)",
    );
  });
  it("unknown function", () => {
    expect(() => load("  Y = foo(C)\n")).toThrow(
      "t.sfc, line 3, col 7: unknown function foo() (functions: exp, log, sqrt, abs, min, max, if, d, rnorm, runif)",
    );
  });
  it("missing model header", () => {
    expect(() => loadModel("equations\n  Y = 1\n", "t.sfc")).toThrow(
      't.sfc, line 1, col 1: a model file starts with `model NAME "title"`',
    );
  });
  it("matrix row with the wrong number of cells", () => {
    expect(() => load("  Y = 1\nmatrix tfm\n  columns: A, B\n  Flow: Y\n")).toThrow(
      't.sfc, line 6, col 3: matrix row "Flow" has 1 cells, the matrix has 2 columns',
    );
  });
});

describe("model errors", () => {
  it("undefined names, all listed, with a hint", () => {
    expect(() => load("  Y = Cx + G + Z\n  C = 1\n")).toThrow(ModelError);
    expect(() => load("  Y = Cx + G + Z\n  C = 1\n")).toThrow(
      "t.sfc, line 3, col 7: undefined name Cx (did you mean C?); t.sfc, line 3, col 12: undefined name G; " +
        "t.sfc, line 3, col 16: undefined name Z; define each in equations, parameters or exogenous",
    );
  });
  it("duplicate definitions", () => {
    expect(() => load("  Y = 1\nparameters\n  Y = 2\n")).toThrow(
      "t.sfc, line 5, col 3: Y is defined twice (first in equations at t.sfc, line 3, col 3)",
    );
  });
  it("equations that cannot be ordered (structurally singular block)", () => {
    expect(() => load("  X = X + Y - Y\n  Y = X\n")).toThrow(
      /^t\.sfc: equations cannot be ordered: block 1 \{X, Y\} \(lines 3, 4\)/,
    );
  });
  it("non-convergence names the period, the block and the largest residual", () => {
    // x = x^2 + 1 has no real root: both solvers must give up.
    const stuck = load("  X = X * X + 1\n");
    expect(() => simulate(stuck, { periods: 3, maxIterations: 20 })).toThrow(
      /^period 2: block 1 \{X\} did not converge with newton and gauss-seidel after 20 iterations \(largest residual .+ in X \(line 3\)\)/,
    );
  });
  it("a failing hidden equation names the period and the gap", () => {
    const model = load("  H = H[-1] + 1\n  K = K[-1] + 2\nhidden\n  H = K\n");
    expect(() => simulate(model, { periods: 3 })).toThrow(
      "period 2: hidden equation at t.sfc, line 6, col 3 does not hold: 1 vs 2 (gap -1); the model is not stock-flow consistent",
    );
  });
  it("a matrix whose row does not sum to zero", () => {
    const model = load("  A = 1\n  B = 2\nmatrix tfm\n  columns: X, Y\n  Flow: A, -B\n");
    expect(() => simulate(model, { periods: 2 })).toThrow(
      'period 2: matrix tfm: row "Flow" sums to -1, not 0 (t.sfc, line 7, col 3)',
    );
  });
  it("division by zero is reported, never returned as NaN or Infinity", () => {
    const model = load("  Y = 1 / Z\n  Z = 0 * Y\n");
    expect(() => simulate(model, { periods: 2 })).toThrow(BslabError);
  });
  it("a shock to an endogenous variable", () => {
    expect(() => simulate(loadBuiltinModel("sim"), { periods: 5, shocks: [parseShock("Y=1@3")] })).toThrow(
      "Y is endogenous (defined by an equation); shocks apply to parameters and exogenous variables",
    );
  });
  it("a malformed shock", () => {
    expect(() => parseShock("G=abc@5")).toThrow(
      'invalid --shock: "G=abc@5" (expected NAME=VALUE@PERIOD or NAME=VALUE@FROM-TO, e.g. G=25@5)',
    );
  });
});
