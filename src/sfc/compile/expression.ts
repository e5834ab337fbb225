/**
 * Compiles a syntax tree to a closure over the simulation's value matrix: no eval, no Function.
 * Values live in one Float64Array, period after period; `b` is the offset of the current period's
 * row, so this period's value of column i is v[b + i] and its value k periods back is v[b - k*n + i].
 */
import type { Expr } from "../ast.ts";

/** A compiled expression: reads the value matrix at row offset `b`. */
export type Fn = (v: Float64Array, b: number) => number;

/**
 * @param e the expression
 * @param index column of every name
 * @param n number of columns (row width)
 */
export function compileExpr(e: Expr, index: ReadonlyMap<string, number>, n: number): Fn {
  switch (e.kind) {
    case "num": {
      const c = e.value;
      return () => c;
    }
    case "var": {
      const i = index.get(e.name);
      if (i === undefined) throw new Error(`internal: unresolved name ${e.name}`);
      if (e.lag === 0) return (v, b) => v[b + i]!;
      const off = i - e.lag * n;
      // Before the first period a lag reads period 1 (the start values).
      return (v, b) => {
        const k = b + off;
        return k >= 0 ? v[k]! : v[i]!;
      };
    }
    case "neg": {
      const a = compileExpr(e.arg, index, n);
      return (v, b) => -a(v, b);
    }
    case "bin":
      return compileBinary(e.op, e.left, e.right, index, n);
    case "cmp": {
      const a = compileExpr(e.left, index, n);
      const c = compileExpr(e.right, index, n);
      switch (e.op) {
        case "<":
          return (v, b) => (a(v, b) < c(v, b) ? 1 : 0);
        case "<=":
          return (v, b) => (a(v, b) <= c(v, b) ? 1 : 0);
        case ">":
          return (v, b) => (a(v, b) > c(v, b) ? 1 : 0);
        case ">=":
          return (v, b) => (a(v, b) >= c(v, b) ? 1 : 0);
        case "==":
          return (v, b) => (a(v, b) === c(v, b) ? 1 : 0);
        case "!=":
          return (v, b) => (a(v, b) !== c(v, b) ? 1 : 0);
      }
      break;
    }
    case "call": {
      const args = e.args.map((x) => compileExpr(x, index, n));
      const a = args[0]!;
      switch (e.fn) {
        case "exp":
          return (v, b) => Math.exp(a(v, b));
        case "log":
          return (v, b) => Math.log(a(v, b));
        case "sqrt":
          return (v, b) => Math.sqrt(a(v, b));
        case "abs":
          return (v, b) => Math.abs(a(v, b));
        case "min": {
          const c = args[1]!;
          return (v, b) => Math.min(a(v, b), c(v, b));
        }
        case "max": {
          const c = args[1]!;
          return (v, b) => Math.max(a(v, b), c(v, b));
        }
        case "if": {
          const t = args[1]!;
          const f = args[2]!;
          return (v, b) => (a(v, b) !== 0 ? t(v, b) : f(v, b));
        }
      }
    }
  }
  throw new Error("internal: unknown expression node");
}

// The hot path: specialise the commonest leaf shapes (this-period variable, number) so a typical
// equation like `Y = C + G` is one closure, not three.
function compileBinary(
  op: "+" | "-" | "*" | "/" | "^",
  left: Expr,
  right: Expr,
  index: ReadonlyMap<string, number>,
  n: number,
): Fn {
  const li = left.kind === "var" && left.lag === 0 ? index.get(left.name) : undefined;
  const ri = right.kind === "var" && right.lag === 0 ? index.get(right.name) : undefined;
  const lc = left.kind === "num" ? left.value : undefined;
  if (li !== undefined && ri !== undefined) {
    switch (op) {
      case "+":
        return (v, b) => v[b + li]! + v[b + ri]!;
      case "-":
        return (v, b) => v[b + li]! - v[b + ri]!;
      case "*":
        return (v, b) => v[b + li]! * v[b + ri]!;
      case "/":
        return (v, b) => v[b + li]! / v[b + ri]!;
    }
  }
  if (lc !== undefined && ri !== undefined) {
    switch (op) {
      case "*":
        return (v, b) => lc * v[b + ri]!;
      case "-":
        return (v, b) => lc - v[b + ri]!;
    }
  }
  if (li !== undefined) {
    const r = compileExpr(right, index, n);
    switch (op) {
      case "+":
        return (v, b) => v[b + li]! + r(v, b);
      case "-":
        return (v, b) => v[b + li]! - r(v, b);
      case "*":
        return (v, b) => v[b + li]! * r(v, b);
    }
  }
  const l = compileExpr(left, index, n);
  const r = compileExpr(right, index, n);
  switch (op) {
    case "+":
      return (v, b) => l(v, b) + r(v, b);
    case "-":
      return (v, b) => l(v, b) - r(v, b);
    case "*":
      return (v, b) => l(v, b) * r(v, b);
    case "/":
      return (v, b) => l(v, b) / r(v, b);
    case "^":
      return (v, b) => Math.pow(l(v, b), r(v, b));
  }
}
