/**
 * Running a compiled model over periods: from its start values, or (for scenarios) from the
 * baseline's stationary state with shocks applied from their periods on.
 */
import { UsageError } from "../errors.ts";
import { assertPeriod } from "./checks.ts";
import type { CompiledModel } from "./compile/model.ts";
import { closest } from "./compile/names.ts";
import { baseRow, fillGiven, givenColumn, writeStartRow, type Overrides, type Shock } from "./given.ts";
import { sfcMessages } from "./messages.ts";
import { DEFAULT_SOLVER, PeriodSolver, type SolverOptions } from "./solve/period.ts";
import { steadyState } from "./steady-state.ts";

/** Options of {@link simulate}. */
export interface SimulateOptions extends Partial<SolverOptions> {
  /** Number of periods, counting period 1 (the start values). At least 2. */
  periods: number;
  /** Baseline overrides of parameters/exogenous variables, for every period. */
  set?: Overrides;
  /** Changes to parameters/exogenous variables over period ranges. */
  shocks?: readonly Shock[];
  /**
   * "initial" (default): period 1 holds the start values and period 2 is the first solved.
   * "steady": the periods before the first shock (at least period 1) hold the baseline's stationary
   * state, as in sfcr's scenarios and the book's shock experiments.
   */
  start?: "initial" | "steady";
  /** Check hidden equations and matrices every solved period (default true). */
  checks?: boolean;
}

/**
 * The result of a run: the value matrix (periods × columns) with accessors by name.
 * Columns: endogenous variables in equation order, then exogenous variables, then parameters.
 */
export class Simulation {
  constructor(
    readonly model: CompiledModel,
    /** Row-major values, `periods` rows of `model.n` columns (the last column is the period clock). */
    readonly values: Float64Array,
    readonly periods: number,
  ) {}

  /** Every variable name, in output order (without the period clock). */
  get variables(): string[] {
    return this.model.columns.slice(0, this.model.n - 1);
  }

  private column(name: string): number {
    const i = this.model.index.get(name);
    if (i === undefined || i === this.model.periodCol) {
      throw new UsageError(sfcMessages.unknownVariable(name, closest(name, this.variables)));
    }
    return i;
  }

  /** The series of one variable, periods 1..N. */
  series(name: string): number[] {
    const i = this.column(name);
    const out: number[] = [];
    for (let t = 0; t < this.periods; t++) out.push(this.values[t * this.model.n + i]!);
    return out;
  }

  /** The value of `name` in `period` (1-based). */
  value(name: string, period: number): number {
    const i = this.column(name);
    if (!Number.isInteger(period) || period < 1 || period > this.periods) {
      throw new UsageError(sfcMessages.outputPeriod(`${name}@${period}`, this.periods));
    }
    return this.values[(period - 1) * this.model.n + i]!;
  }

  /** Every series by name (the shape the web app plots); a null-prototype object, as names are user text. */
  toSeries(): Record<string, number[]> {
    const out = Object.create(null) as Record<string, number[]>;
    for (const name of this.variables) out[name] = this.series(name);
    return out;
  }

  /** One null-prototype object per period: `period` then every variable. */
  toRows(): Array<Record<string, number>> {
    const names = this.variables;
    const rows: Array<Record<string, number>> = [];
    for (let t = 0; t < this.periods; t++) {
      const row = Object.create(null) as Record<string, number>;
      row.period = t + 1;
      names.forEach((name, i) => (row[name] = this.values[t * this.model.n + i]!));
      rows.push(row);
    }
    return rows;
  }
}

/** Checks the period count and shock periods; throws UsageError. */
export function validateRun(model: CompiledModel, periods: number, shocks: readonly Shock[]): void {
  if (!Number.isInteger(periods) || periods < 2 || periods > 1_000_000) {
    throw new UsageError(sfcMessages.badPeriods(String(periods)));
  }
  for (const s of shocks) {
    givenColumn(model, s.name);
    const text = `${s.name}=${s.value}@${s.from}${s.to === undefined ? "" : `-${s.to}`}`;
    if (!Number.isInteger(s.from) || s.from < 2 || s.from > periods) {
      throw new UsageError(sfcMessages.badShockPeriod(text, periods));
    }
    if (s.to !== undefined && (!Number.isInteger(s.to) || s.to < s.from)) {
      throw new UsageError(sfcMessages.badShock(text));
    }
    if (!Number.isFinite(s.value)) throw new UsageError(sfcMessages.badShock(text));
  }
}

/**
 * Simulates a compiled model.
 *
 * @param model from compileModel / loadModel
 * @param options periods (required), set, shocks, start ("initial" default), solver settings
 * @returns the values of every variable in every period
 * @throws ModelError when a block does not converge (naming period, block and largest residual),
 *   a value is not finite, a hidden equation fails, or a matrix row/column does not sum to zero
 * @example
 * const run = simulate(model, { periods: 100 });
 * run.value("Y", 2); // 38.46153846 for SIM
 * const shocked = simulate(model, { periods: 60, start: "steady", shocks: [{ name: "G", value: 25, from: 5 }] });
 */
export function simulate(model: CompiledModel, options: SimulateOptions): Simulation {
  const shocks = options.shocks ?? [];
  const periods = options.periods;
  validateRun(model, periods, shocks);
  const solverOptions: SolverOptions = {
    solver: options.solver ?? DEFAULT_SOLVER.solver,
    tolerance: options.tolerance ?? DEFAULT_SOLVER.tolerance,
    maxIterations: options.maxIterations ?? DEFAULT_SOLVER.maxIterations,
  };
  const n = model.n;
  const base = baseRow(model, options.set);
  const v = new Float64Array(periods * n);
  let first = 1;
  if (options.start === "steady") {
    const steady = steadyState(model, base, solverOptions);
    first = shocks.length > 0 ? Math.min(...shocks.map((s) => s.from)) - 1 : 1;
    for (let t = 0; t < first; t++) v.set(steady, t * n);
  } else {
    writeStartRow(model, v, base);
  }
  fillGiven(model, v, base, periods, shocks);
  const solver = new PeriodSolver(model, solverOptions);
  const checks = options.checks ?? true;
  for (let t = first; t < periods; t++) {
    solver.solve(v, t);
    if (checks) assertPeriod(model, v, t);
  }
  return new Simulation(model, v, periods);
}
