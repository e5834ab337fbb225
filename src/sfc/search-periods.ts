/**
 * The forward run both baseline searches share (steady state, steady growth): every given value
 * held at its baseline, the period clock frozen at 1, in a ring buffer whose last rows move to the
 * front when it fills, so a search of any length needs no more memory than `rows` rows.
 */
import { ModelError } from "../errors.ts";
import { assertPeriod } from "./checks.ts";
import type { CompiledModel } from "./compile/model.ts";
import { fillGiven, fillRandom, writeStartRow } from "./given.ts";
import { PeriodSolver, type SolverOptions } from "./solve/period.ts";

/** A `rows`-row buffer holding the baseline given values and the start row. */
export function searchBuffer(model: CompiledModel, base: Float64Array, rows: number): Float64Array {
  const v = new Float64Array(rows * model.n);
  fillGiven(model, v, base, rows, [], true);
  fillRandom(model, v, rows, 0, 0, true);
  writeStartRow(model, v);
  return v;
}

/**
 * Solves period after period in `v`, yielding [row just solved, periods run]; when the buffer is
 * full its last `keep` rows move to the front. A solver failure is rethrown with
 * `failed(periods, reason)`: the solver's period is a buffer row, the count of periods says more.
 */
export function* searchPeriods(
  model: CompiledModel,
  v: Float64Array,
  rows: number,
  keep: number,
  solverOptions: SolverOptions,
  maxPeriods: number,
  failed: (periods: number, reason: string) => string,
): Generator<[number, number]> {
  const n = model.n;
  const solver = new PeriodSolver(model, solverOptions);
  let t = 1;
  for (let total = 1; total < maxPeriods; total++, t++) {
    if (t === rows) {
      v.copyWithin(0, (rows - keep) * n, rows * n);
      t = keep;
    }
    try {
      solver.solve(v, t);
      assertPeriod(model, v, t);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      const reason = error.message.replace(/^period \d+: /, "");
      throw new ModelError(failed(total + 1, reason), { cause: error });
    }
    yield [t, total];
  }
}
