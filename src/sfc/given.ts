/**
 * Filling the given columns (parameters, exogenous variables, the period clock) of a value matrix:
 * baseline values, overrides (`set`), and shocks over period ranges.
 */
import { UsageError } from "../errors.ts";
import type { CompiledModel } from "./compile/model.ts";
import { closest } from "./compile/names.ts";
import { sfcMessages } from "./messages.ts";

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

/** A row with every given column at its baseline value (model defaults, then `set`) and period 1. */
export function baseRow(model: CompiledModel, set?: Overrides): Float64Array {
  const row = new Float64Array(model.n);
  for (const g of model.given) row[g.col] = g.value;
  for (const [name, value] of overrideEntries(set)) row[givenColumn(model, name)] = value;
  row[model.periodCol] = 1;
  return row;
}

/** Writes the start values (the initial section; everything else 0) into row 0 over `base`. */
export function writeStartRow(model: CompiledModel, v: Float64Array, base: Float64Array): void {
  v.fill(0, 0, model.n);
  for (const g of model.given) v[g.col] = base[g.col]!;
  v[model.periodCol] = 1;
  for (const i of model.initial) v[i.col] = i.fn(v, 0);
}

/**
 * Fills the given columns of rows [from, to) with the baseline and then the shocks; the period
 * clock counts 1, 2, ... unless `frozen`, when it stays at 1 (used by the steady-state finder).
 */
export function fillGiven(
  model: CompiledModel,
  v: Float64Array,
  base: Float64Array,
  rows: number,
  shocks: readonly Shock[] = [],
  frozen = false,
): void {
  const n = model.n;
  const cols = model.given.map((g) => g.col);
  for (let t = 0; t < rows; t++) {
    const b = t * n;
    for (const c of cols) v[b + c] = base[c]!;
    v[b + model.periodCol] = frozen ? 1 : t + 1;
  }
  for (const s of shocks) {
    const col = givenColumn(model, s.name);
    const last = Math.min(rows, s.to ?? rows);
    for (let t = s.from - 1; t < last; t++) v[t * n + col] = s.value;
  }
}
