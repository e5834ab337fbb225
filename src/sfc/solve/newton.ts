import type { Block } from "../compile/model.ts";
import { solveInPlace } from "./linear.ts";

/** Scratch arrays for one block, allocated once per simulation. */
export interface NewtonWorkspace {
  f: Float64Array;
  dx: Float64Array;
  x0: Float64Array;
  jac: Float64Array;
}

export function newtonWorkspace(block: Block): NewtonWorkspace {
  const m = block.equations.length;
  return {
    f: new Float64Array(m),
    dx: new Float64Array(m),
    x0: new Float64Array(m),
    jac: new Float64Array(m * m),
  };
}

/** Largest residual x_i - f_i(x), scaled by max(1, |x_i|), into `f`; NaN/Infinity come back as Infinity. */
export function residualNorm(block: Block, v: Float64Array, b: number, f: Float64Array): number {
  let norm = 0;
  const eqs = block.equations;
  for (let k = 0; k < eqs.length; k++) {
    const eq = eqs[k]!;
    const x = v[b + eq.col]!;
    const r = x - eq.fn(v, b);
    f[k] = r;
    const scaled = Math.abs(r) / Math.max(1, Math.abs(x));
    if (!(scaled <= norm)) norm = Number.isFinite(scaled) ? scaled : Infinity;
  }
  return norm;
}

/**
 * Newton's method on one simultaneous block with the exact (symbolic) Jacobian and step halving
 * when a full step would raise the residual. It stops only when every residual is within
 * `tolerance` (a linear block after one step, confirmed by evaluating the residual).
 *
 * @returns iterations used, or -1 (singular Jacobian, non-finite values, or iteration limit)
 */
export function newton(
  block: Block,
  v: Float64Array,
  b: number,
  tolerance: number,
  maxIterations: number,
  ws: NewtonWorkspace,
): number {
  const m = block.equations.length;
  const { f, dx, x0, jac } = ws;
  const cols = block.cols;
  let norm = residualNorm(block, v, b, f);
  for (let it = 0; ; it++) {
    if (!Number.isFinite(norm)) return -1;
    if (norm <= tolerance) return it;
    if (it >= maxIterations) return -1;
    jac.fill(0);
    for (const e of block.jacobian) jac[e.row * m + e.col] = e.fn(v, b);
    for (let k = 0; k < m; k++) {
      dx[k] = -f[k]!;
      x0[k] = v[b + cols[k]!]!;
    }
    if (!solveInPlace(jac, dx, m)) return -1;
    let lambda = 1;
    for (let halving = 0; ; halving++) {
      for (let k = 0; k < m; k++) v[b + cols[k]!] = x0[k]! + lambda * dx[k]!;
      const next = residualNorm(block, v, b, f);
      if (next < norm || halving >= 10 || block.linear) {
        norm = next;
        break;
      }
      lambda /= 2;
    }
  }
}
