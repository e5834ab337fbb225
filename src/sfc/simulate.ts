/**
 * Running a compiled model over periods: from its start values, or (for scenarios) from the
 * baseline's stationary state with shocks applied from their periods on.
 */
import { UsageError } from "../errors.ts";
import { assertPeriod } from "./checks.ts";
import { MAX_PERIODS, type CompiledModel, type DataPoint } from "./compile/model.ts";
import { closest } from "./compile/names.ts";
import {
  baseRow,
  fillGiven,
  fillRandom,
  givenColumn,
  writeStartRow,
  type Overrides,
  type Shock,
} from "./given.ts";
import { sfcMessages } from "./messages.ts";
import { DEFAULT_SOLVER, PeriodSolver, type SolverOptions } from "./solve/period.ts";
import { steadyGrowth } from "./steady-growth.ts";
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
   * "growth": those periods lie on the baseline's steady-growth path (growth models: every
   * growth factor constant), each variable scaled back by its own factor.
   */
  start?: "initial" | "steady" | "growth";
  /** Check hidden equations and matrices every solved period (default true). */
  checks?: boolean;
  /** Seed of the model's rnorm/runif draws (default 1). */
  seed?: number;
  /** The run number the draws are keyed by (a sweep's run; default 0). */
  run?: number;
  /**
   * Paths of given variables: a value per period (a data file). Applied over the model's own data
   * section (the same variable and period: this one wins), before shocks.
   */
  data?: readonly DataPoint[];
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
    return this.model.columns.slice(0, this.model.periodCol);
  }

  private column(name: string): number {
    const i = this.model.index.get(name);
    if (i === undefined || i >= this.model.periodCol) {
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

/** Checks the period count, shock periods and data names; throws UsageError. */
export function validateRun(
  model: CompiledModel,
  periods: number,
  shocks: readonly Shock[],
  data: readonly DataPoint[] = [],
): void {
  if (!Number.isInteger(periods) || periods < 2 || periods > MAX_PERIODS) {
    throw new UsageError(sfcMessages.badPeriods(String(periods), MAX_PERIODS));
  }
  for (const p of data) givenColumn(model, p.name);
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

/** The model's data points with `extra` over them (same variable and period: extra wins). */
export function mergeData(model: readonly DataPoint[], extra: readonly DataPoint[]): DataPoint[] {
  if (extra.length === 0) return [...model];
  const key = (p: DataPoint) => `${p.period}\u0000${p.name}`;
  const over = new Set(extra.map(key));
  return [...model.filter((p) => !over.has(key(p))), ...extra];
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
  const data = mergeData(model.data, options.data ?? []);
  validateRun(model, periods, shocks, data);
  const solverOptions: SolverOptions = {
    solver: options.solver ?? DEFAULT_SOLVER.solver,
    tolerance: options.tolerance ?? DEFAULT_SOLVER.tolerance,
    maxIterations: options.maxIterations ?? DEFAULT_SOLVER.maxIterations,
  };
  const n = model.n;
  const base = baseRow(model, options.set);
  const v = new Float64Array(periods * n);
  fillGiven(model, v, base, periods, shocks, false, data);
  fillRandom(model, v, periods, options.seed ?? 1, options.run ?? 0);
  let first = 1;
  if (options.start === "steady" || options.start === "growth") {
    // The periods before the first change (a shock, or a data value off the baseline) hold it.
    const changes = [
      ...shocks.map((s) => s.from),
      ...data
        .filter((p) => p.period >= 2 && p.value !== base[givenColumn(model, p.name)])
        .map((p) => p.period),
    ];
    first = changes.length > 0 ? Math.min(...changes) - 1 : 1;
    if (options.start === "steady") {
      const steady = steadyState(model, base, solverOptions);
      for (let t = 0; t < first; t++) v.set(steady.subarray(0, model.periodCol), t * n);
    } else {
      // Row first-1 is the found point; earlier rows divide by each variable's own factor.
      const { row, growth } = steadyGrowth(model, base, solverOptions);
      const m = model.equations.length;
      for (let t = first - 1; t >= 0; t--) {
        const scale = first - 1 - t;
        for (let c = 0; c < m; c++) v[t * n + c] = row[c]! / growth[c]! ** scale;
      }
    }
  } else {
    writeStartRow(model, v);
  }
  const solver = new PeriodSolver(model, solverOptions);
  const checks = options.checks ?? true;
  for (let t = first; t < periods; t++) {
    solver.solve(v, t);
    if (checks) assertPeriod(model, v, t);
  }
  return new Simulation(model, v, periods);
}
