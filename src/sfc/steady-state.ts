/**
 * Steady-state finder: runs the model forward from its start values, with every given value held at
 * its baseline and the period clock frozen at 1, until no variable changes any more. Time iteration
 * rather than a root-finder on the stationary system, because stock-flow models often leave some
 * stocks undetermined in the stationary equations (PC's Bs and Bcb depend on history).
 */
import { ModelError } from "../errors.ts";
import type { CompiledModel } from "./compile/model.ts";
import { sfcMessages } from "./messages.ts";
import { searchBuffer, searchPeriods } from "./search-periods.ts";
import { DEFAULT_SOLVER, type SolverOptions } from "./solve/period.ts";

/** Options of {@link steadyState}. */
export interface SteadyStateOptions extends SolverOptions {
  /**
   * Stop when the distance to the fixed point is bounded by this, relative to max(1, |x|): with
   * the period-to-period change c and its contraction ratio ρ = c_t / c_(t-1) < 1, the distance
   * is at most c·ρ/(1 − ρ) (a geometric tail). Default 1e-12.
   */
  stationaryTolerance: number;
  /** Give up after this many periods. Default 100000. */
  maxPeriods: number;
}

const CHUNK = 256;
const ROUNDING_FLOOR = 4e-16;
const SEARCH_SOLVER_TOLERANCE = 1e-14;

/**
 * @param model the compiled model
 * @param base a row with the baseline given values (see baseRow)
 * @returns the stationary row (every column, period clock 1)
 * @throws ModelError when the model does not settle within `maxPeriods`
 * @example
 * const row = steadyState(model, baseRow(model)); // PC: Y = 3940/37
 */
export function steadyState(
  model: CompiledModel,
  base: Float64Array,
  options: Partial<SteadyStateOptions> = {},
): Float64Array {
  // A block solved to 1e-12 leaves last period's values in place once they are that close, so the
  // search would stop up to ρ/(1 − ρ)·1e-12 away from the fixed point: it solves to 1e-14.
  const solverOptions: SolverOptions = { ...DEFAULT_SOLVER, ...options };
  solverOptions.tolerance = Math.min(solverOptions.tolerance, SEARCH_SOLVER_TOLERANCE);
  const tolerance = options.stationaryTolerance ?? 1e-12;
  const maxPeriods = options.maxPeriods ?? 100_000;
  const n = model.n;
  const lag = model.maxLag;
  const rows = Math.max(CHUNK, 2 * lag + 2);
  const v = searchBuffer(model, base, rows);
  let worst = "";
  let change = Infinity;
  let previous = Infinity;
  for (const [t] of searchPeriods(model, v, rows, lag, solverOptions, maxPeriods, sfcMessages.searchFailed)) {
    change = 0;
    const b = t * n;
    for (const eq of model.equations) {
      const x = v[b + eq.col]!;
      const d = Math.abs(x - v[b - n + eq.col]!) / Math.max(1, Math.abs(x));
      if (d > change) {
        change = d;
        worst = eq.name;
      }
    }
    // Changes at the rounding floor say nothing about ρ: the state is as still as doubles allow.
    const ratio = change / previous;
    const bound = ratio < 1 ? (change * ratio) / (1 - ratio) : Infinity;
    if (change <= ROUNDING_FLOOR || (change <= tolerance && bound <= tolerance)) return v.slice(b, b + n);
    previous = change;
  }
  throw new ModelError(sfcMessages.noSteadyState(maxPeriods, worst, change));
}
