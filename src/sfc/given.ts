/**
 * Filling the given columns (parameters, exogenous variables, the period clock) of a value matrix:
 * baseline values, overrides (`set`), and shocks over period ranges.
 */
import { ModelError, UsageError } from "../errors.ts";
import type { CompiledModel, DataPoint } from "./compile/model.ts";
import { closest } from "./compile/names.ts";
import { sfcMessages } from "./messages.ts";
import { normalAt, uniformAt } from "./random.ts";

/** A change to a parameter or exogenous variable from period `from` to `to` (inclusive; default: the end). */
export interface Shock {
  name: string;
  value: number;
  from: number;
  to?: number;
}

/**
 * Overrides of given values by name. User text names the keys, so a Map (or a null-prototype
 * object, or one parsed from JSON): a plain object literal would swallow `__proto__`.
 */
export type Overrides = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** The name/value pairs of overrides, in order. */
export function overrideEntries(set: Overrides | undefined): Array<[string, number]> {
  if (set === undefined) return [];
  return set instanceof Map ? [...set] : Object.entries(set as Readonly<Record<string, number>>);
}

/** Column of a parameter or exogenous variable; throws UsageError for endogenous or unknown names. */
export function givenColumn(model: CompiledModel, name: string): number {
  const g = model.given.find((x) => x.name === name);
  if (g) return g.col;
  if (model.equations.some((e) => e.name === name)) throw new UsageError(sfcMessages.shockEndogenous(name));
  const known = model.given.map((x) => x.name);
  const hint = closest(name, known);
  throw new UsageError(
    sfcMessages.unknownGiven(name, known) + (hint && hint !== name ? ` (did you mean ${hint}?)` : ""),
  );
}

/**
 * A row with every given column at its baseline value and period 1: the model's values, then
 * `set`, then each derived value (`omega0 = 0.8 - omega1 * PR`) that `set` does not name,
 * evaluated once, in definition order, over the values above it.
 */
export function baseRow(model: CompiledModel, set?: Overrides): Float64Array {
  const row = new Float64Array(model.n);
  for (const g of model.given) row[g.col] = g.value;
  const fixed = new Set<number>();
  for (const [name, value] of overrideEntries(set)) {
    const col = givenColumn(model, name);
    row[col] = value;
    fixed.add(col);
  }
  deriveGiven(model, row, fixed);
  row[model.periodCol] = 1;
  return row;
}

/** Re-evaluates the derived given values of `row` in order, except the columns in `fixed`. */
export function deriveGiven(model: CompiledModel, row: Float64Array, fixed: ReadonlySet<number>): void {
  for (const g of model.given) {
    if (!g.formula || fixed.has(g.col)) continue;
    const value = g.formula(row, 0);
    if (!Number.isFinite(value)) {
      const place = { file: model.file, ...g.pos };
      throw new ModelError(sfcMessages.notFinite(1, g.name, place), { place });
    }
    row[g.col] = value;
  }
}

/** True when some given value is defined from others (runs must re-derive it). */
export function hasDerivedGiven(model: CompiledModel): boolean {
  return model.given.some((g) => g.formula !== undefined);
}

/**
 * Writes the start values into row 0: every endogenous variable 0, then the initial section (which
 * may also give an exogenous variable or parameter a different value in period 1). The given
 * columns of row 0 must already be filled (fillGiven).
 */
export function writeStartRow(model: CompiledModel, v: Float64Array): void {
  v.fill(0, 0, model.equations.length);
  v[model.periodCol] = 1;
  for (const i of model.initial) v[i.col] = i.fn(v, 0);
}

/**
 * Fills the draw columns of rows [0, rows): each draw site's standard draw (z ~ N(0, 1) for
 * rnorm, u ~ U[0, 1) for runif) in each period, from the counter-based generator of random.ts. With
 * `expected` (the stationary-state search) every draw is its expected value (z = 0, u = 1/2).
 */
export function fillRandom(
  model: CompiledModel,
  v: Float64Array,
  rows: number,
  seed: number,
  run: number,
  expected = false,
): void {
  const n = model.n;
  for (const r of model.random) {
    for (let t = 0; t < rows; t++) {
      const period = t + 1;
      v[t * n + r.col] = expected
        ? r.kind === "rnorm"
          ? 0
          : 0.5
        : r.kind === "rnorm"
          ? normalAt(seed, run, r.site, period)
          : uniformAt(seed, run, 2 * r.site, period);
    }
  }
}

/**
 * Fills the given columns of rows [0, rows) with the baseline, then the data points (a value in
 * its period), then the shocks; the period clock counts 1, 2, ... unless `frozen`, when it stays
 * at 1 (used by the steady-state finder).
 */
export function fillGiven(
  model: CompiledModel,
  v: Float64Array,
  base: Float64Array,
  rows: number,
  shocks: readonly Shock[] = [],
  frozen = false,
  data: readonly DataPoint[] = [],
): void {
  const n = model.n;
  const cols = model.given.map((g) => g.col);
  for (let t = 0; t < rows; t++) {
    const b = t * n;
    for (const c of cols) v[b + c] = base[c]!;
    v[b + model.periodCol] = frozen ? 1 : t + 1;
  }
  // Data paths, then shocks: a shock can override a data value.
  for (const p of data) {
    if (p.period <= rows) v[(p.period - 1) * n + givenColumn(model, p.name)] = p.value;
  }
  for (const s of shocks) {
    const col = givenColumn(model, s.name);
    const last = Math.min(rows, s.to ?? rows);
    for (let t = s.from - 1; t < last; t++) v[t * n + col] = s.value;
  }
}
