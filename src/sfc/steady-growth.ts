/**
 * Steady-growth finder for growth models, where nothing is stationary but every ratio settles:
 * the baseline runs forward (given values held, the period clock frozen at 1) until each
 * variable's growth factor x_t / x_(t-1) stops changing. On that path x_(t-k) = x_t / g^k for
 * each variable's own factor g, which is how a scenario's periods before its first shock are laid.
 */
import { ModelError } from "../errors.ts";
import type { CompiledModel } from "./compile/model.ts";
import { sfcMessages } from "./messages.ts";
import { searchBuffer, searchPeriods } from "./search-periods.ts";
import { DEFAULT_SOLVER, type SolverOptions } from "./solve/period.ts";

/** Options of {@link steadyGrowth}. */
export interface SteadyGrowthOptions extends SolverOptions {
  /** Stop when no growth factor changes by more than this a period. Default 1e-12. */
  growthTolerance: number;
  /** Give up after this many periods. Default 20000 (values of a growing model overflow later). */
  maxPeriods: number;
}

/** A point on the steady-growth path: the row, and each column's growth factor a period. */
export interface SteadyGrowthPath {
  row: Float64Array;
  /** x_t / x_(t-1) per column (1 for given values and for variables that stay at 0). */
  growth: Float64Array;
}

const CHUNK = 256;

// Growth factor of one variable; variables at zero (or crossing it) count as not growing.
function factor(x: number, previous: number): number {
  return previous !== 0 && Math.sign(x) === Math.sign(previous) ? x / previous : 1;
}

/**
 * @param model the compiled model
 * @param base a row with the baseline given values (see baseRow)
 * @throws ModelError when the growth factors do not settle within `maxPeriods`
 * @example
 * const { growth } = steadyGrowth(model, baseRow(model)); // growth[col of K] = 1 + gk
 */
export function steadyGrowth(
  model: CompiledModel,
  base: Float64Array,
  options: Partial<SteadyGrowthOptions> = {},
): SteadyGrowthPath {
  const solverOptions: SolverOptions = { ...DEFAULT_SOLVER, ...options };
  const tolerance = options.growthTolerance ?? 1e-12;
  const maxPeriods = options.maxPeriods ?? 20_000;
  const n = model.n;
  const lag = model.maxLag;
  const rows = Math.max(CHUNK, 2 * lag + 3);
  const v = searchBuffer(model, base, rows);
  let worst = "";
  let change = Infinity;
  for (const [t, total] of searchPeriods(
    model,
    v,
    rows,
    lag + 1,
    solverOptions,
    maxPeriods,
    sfcMessages.growthSearchFailed,
  )) {
    if (t < 2) continue;
    change = 0;
    const b = t * n;
    for (const eq of model.equations) {
      const g = factor(v[b + eq.col]!, v[b - n + eq.col]!);
      const h = factor(v[b - n + eq.col]!, v[b - 2 * n + eq.col]!);
      const d = Math.abs(g - h);
      if (!(d <= change)) {
        change = d;
        worst = eq.name;
      }
    }
    if (change <= tolerance && total > 2) {
      const growth = new Float64Array(n).fill(1);
      for (const eq of model.equations) growth[eq.col] = factor(v[b + eq.col]!, v[b - n + eq.col]!);
      return { row: v.slice(b, b + n), growth };
    }
  }
  throw new ModelError(sfcMessages.noSteadyGrowth(maxPeriods, worst, change));
}
