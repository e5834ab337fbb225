/**
 * Symbolic differentiation of parsed expressions, used to build Newton's exact Jacobian and to test
 * blocks for structural singularity. The smart constructors fold constants and drop zeros, so the
 * derivative of a linear term is a plain number and an identically-zero entry is the literal 0.
 */
import type { Expr, Pos } from "./ast.ts";

const P0: Pos = { line: 0, col: 0 };
const num = (value: number): Expr => ({ kind: "num", value, pos: P0 });
const isNum = (e: Expr, v?: number): boolean => e.kind === "num" && (v === undefined || e.value === v);

/** True when the expression is the literal number 0 (after simplification). */
export function isZero(e: Expr): boolean {
  return isNum(e, 0);
}

/** True when the expression reads `name` in the current period anywhere. */
export function dependsOn(e: Expr, name: string): boolean {
  switch (e.kind) {
    case "num":
      return false;
    case "var":
      return e.lag === 0 && e.name === name;
    case "neg":
      return dependsOn(e.arg, name);
    case "bin":
    case "cmp":
      return dependsOn(e.left, name) || dependsOn(e.right, name);
    case "call":
      return e.args.some((a) => dependsOn(a, name));
  }
}

/**
 * True when a comparison, `if`, `abs`, `min` or `max` in `e` reads this period's `name`: there
 * the expression is only piecewise smooth in `name`, whatever its derivative looks like.
 */
export function piecewiseIn(e: Expr, name: string): boolean {
  switch (e.kind) {
    case "num":
    case "var":
      return false;
    case "neg":
      return piecewiseIn(e.arg, name);
    case "cmp":
      return dependsOn(e, name);
    case "bin":
      return piecewiseIn(e.left, name) || piecewiseIn(e.right, name);
    case "call":
      if (e.fn === "if" || e.fn === "abs" || e.fn === "min" || e.fn === "max") return dependsOn(e, name);
      return e.args.some((a) => piecewiseIn(a, name));
  }
}

function add(a: Expr, b: Expr): Expr {
  if (a.kind === "num" && b.kind === "num") return num(a.value + b.value);
  if (isZero(a)) return b;
  if (isZero(b)) return a;
  return { kind: "bin", op: "+", left: a, right: b, pos: P0 };
}

function sub(a: Expr, b: Expr): Expr {
  if (a.kind === "num" && b.kind === "num") return num(a.value - b.value);
  if (isZero(b)) return a;
  if (isZero(a)) return neg(b);
  return { kind: "bin", op: "-", left: a, right: b, pos: P0 };
}

function neg(a: Expr): Expr {
  if (a.kind === "num") return num(-a.value);
  if (a.kind === "neg") return a.arg;
  return { kind: "neg", arg: a, pos: P0 };
}

function mul(a: Expr, b: Expr): Expr {
  if (a.kind === "num" && b.kind === "num") return num(a.value * b.value);
  if (isZero(a) || isZero(b)) return num(0);
  if (isNum(a, 1)) return b;
  if (isNum(b, 1)) return a;
  if (isNum(a, -1)) return neg(b);
  if (isNum(b, -1)) return neg(a);
  return { kind: "bin", op: "*", left: a, right: b, pos: P0 };
}

function div(a: Expr, b: Expr): Expr {
  if (isZero(a)) return num(0);
  if (isNum(b, 1)) return a;
  if (a.kind === "num" && b.kind === "num" && b.value !== 0) return num(a.value / b.value);
  return { kind: "bin", op: "/", left: a, right: b, pos: P0 };
}

function pow(a: Expr, b: Expr): Expr {
  if (isNum(b, 1)) return a;
  if (isZero(b)) return num(1);
  return { kind: "bin", op: "^", left: a, right: b, pos: P0 };
}

function call(fn: "exp" | "log" | "sqrt" | "if", args: Expr[]): Expr {
  return { kind: "call", fn, args, pos: P0 };
}

function cmp(op: "<=" | ">=", a: Expr, b: Expr): Expr {
  return { kind: "cmp", op, left: a, right: b, pos: P0 };
}

function choose(cond: Expr, a: Expr, b: Expr): Expr {
  if (a.kind === "num" && b.kind === "num" && a.value === b.value) return a;
  return call("if", [cond, a, b]);
}

/**
 * d(x_self - f)/d(name): the Jacobian entry of the residual `x - f(x)` of an equation defining
 * `self`, with respect to `name`.
 */
export function residualDerivative(f: Expr, self: string, name: string): Expr {
  const df = derive(f, name);
  return name === self ? sub(num(1), df) : neg(df);
}

/**
 * The derivative of `e` with respect to this period's value of `name`. Lagged values and other
 * names are constants. Piecewise functions (abs, min, max, if, comparisons) differentiate branch by
 * branch; a comparison has derivative 0.
 */
export function derive(e: Expr, name: string): Expr {
  if (!dependsOn(e, name)) return num(0);
  switch (e.kind) {
    case "num":
      return num(0);
    case "var":
      return num(1);
    case "neg":
      return neg(derive(e.arg, name));
    case "cmp":
      return num(0);
    case "bin": {
      const a = e.left;
      const b = e.right;
      const da = derive(a, name);
      const db = derive(b, name);
      switch (e.op) {
        case "+":
          return add(da, db);
        case "-":
          return sub(da, db);
        case "*":
          return add(mul(da, b), mul(a, db));
        case "/":
          // (a/b)' = a'/b - a*b'/b^2
          return sub(div(da, b), div(mul(a, db), mul(b, b)));
        case "^":
          if (isZero(db)) return mul(mul(b, pow(a, sub(b, num(1)))), da);
          // a^b * (b' log a + b a' / a)
          return mul(e, add(mul(db, call("log", [a])), div(mul(b, da), a)));
      }
      break;
    }
    case "call": {
      const [a, b, c] = e.args as [Expr, Expr, Expr];
      switch (e.fn) {
        case "exp":
          return mul(e, derive(a, name));
        case "log":
          return div(derive(a, name), a);
        case "sqrt":
          return div(derive(a, name), mul(num(2), e));
        case "abs": {
          const da = derive(a, name);
          return choose(cmp(">=", a, num(0)), da, neg(da));
        }
        case "min":
          return choose(cmp("<=", a, b), derive(a, name), derive(b, name));
        case "max":
          return choose(cmp(">=", a, b), derive(a, name), derive(b, name));
        case "if":
          return choose(a, derive(b, name), derive(c, name));
      }
    }
  }
  return num(0);
}
