import type { Block } from "../compile/model.ts";
import { residualNorm } from "./newton.ts";

/**
 * Gauss-Seidel on one simultaneous block: evaluate each equation in turn with the freshest values
 * until no variable moves by more than `tolerance`·max(1, |x|) and, checked then, every residual is
 * within `tolerance` (a small move proves nothing when a conditional switches). Cheap per sweep and robust for the
 * contractive blocks typical of SFC models (Godley and Lavoie 2007, ch. 3 appendix; sfcr's default).
 *
 * @param scratch room for one residual per equation of the block
 * @returns the number of sweeps used, or -1 if it did not converge or produced a non-finite value
 */
export function gaussSeidel(
  block: Block,
  v: Float64Array,
  b: number,
  tolerance: number,
  maxIterations: number,
  scratch: Float64Array,
): number {
  const eqs = block.equations;
  for (let it = 1; it <= maxIterations; it++) {
    let converged = true;
    for (let k = 0; k < eqs.length; k++) {
      const eq = eqs[k]!;
      const i = b + eq.col;
      const old = v[i]!;
      const x = eq.fn(v, b);
      if (!Number.isFinite(x)) return -1;
      v[i] = x;
      if (Math.abs(x - old) > tolerance * Math.max(1, Math.abs(x))) converged = false;
    }
    if (converged && residualNorm(block, v, b, scratch) <= tolerance) return it;
  }
  return -1;
}
