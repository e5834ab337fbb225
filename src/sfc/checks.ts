/**
 * Stock-flow consistency checks run after every solved period: each hidden (redundant) equation
 * must hold, and every row and column of each declared matrix must sum to zero.
 */
import { ModelError } from "../errors.ts";
import type { CompiledHidden, CompiledMatrix, CompiledModel } from "./compile/model.ts";
import { sfcMessages } from "./messages.ts";

/** A failed check, for reports that list problems instead of throwing. */
export interface CheckFailure {
  period: number;
  message: string;
}

/** Checks one hidden equation in row `t` (period t+1). */
export function checkHidden(
  model: CompiledModel,
  h: CompiledHidden,
  v: Float64Array,
  t: number,
): CheckFailure | undefined {
  const b = t * model.n;
  const left = h.left(v, b);
  const right = h.right(v, b);
  const scale = Math.max(1, Math.abs(left), Math.abs(right));
  if (Math.abs(left - right) <= h.tolerance * scale) return undefined;
  const place = { file: model.file, ...h.pos };
  return { period: t + 1, message: sfcMessages.hiddenFails(t + 1, place, left, right) };
}

/** Checks that every row and column of one matrix sums to zero in row `t` (period t+1). */
export function checkMatrix(
  model: CompiledModel,
  m: CompiledMatrix,
  v: Float64Array,
  t: number,
): CheckFailure | undefined {
  const b = t * model.n;
  const period = t + 1;
  const width = m.columns.length;
  const colSum = m.scratch.subarray(0, width).fill(0);
  const colScale = m.scratch.subarray(width).fill(1);
  for (const row of m.rows) {
    let sum = 0;
    let scale = 1;
    for (let j = 0; j < width; j++) {
      const cell = row.cells[j];
      if (!cell) continue;
      const x = cell(v, b);
      sum += x;
      scale = Math.max(scale, Math.abs(x));
      colSum[j] = colSum[j]! + x;
      colScale[j] = Math.max(colScale[j]!, Math.abs(x));
    }
    if (!(Math.abs(sum) <= m.tolerance * scale)) {
      const place = { file: model.file, ...row.pos };
      const what = `row ${JSON.stringify(row.label)}`;
      return { period, message: sfcMessages.matrixFails(period, m.name, what, sum, place) };
    }
  }
  for (let j = 0; j < width; j++) {
    if (!(Math.abs(colSum[j]!) <= m.tolerance * colScale[j]!)) {
      const place = { file: model.file, ...m.pos };
      const what = `column ${JSON.stringify(m.columns[j])}`;
      return { period, message: sfcMessages.matrixFails(period, m.name, what, colSum[j]!, place) };
    }
  }
  return undefined;
}

/** Checks row `t` (period t+1): every hidden equation, then every matrix; the first failure. */
export function checkPeriod(model: CompiledModel, v: Float64Array, t: number): CheckFailure | undefined {
  for (const h of model.hidden) {
    const failure = checkHidden(model, h, v, t);
    if (failure) return failure;
  }
  for (const m of model.matrices) {
    const failure = checkMatrix(model, m, v, t);
    if (failure) return failure;
  }
  return undefined;
}

/** Checks only the hidden equations of row `t`: the cheap per-period check of sweeps. */
export function checkHiddenOnly(model: CompiledModel, v: Float64Array, t: number): CheckFailure | undefined {
  for (const h of model.hidden) {
    const failure = checkHidden(model, h, v, t);
    if (failure) return failure;
  }
  return undefined;
}

/** Like checkPeriod, but throws the failure as a ModelError. */
export function assertPeriod(model: CompiledModel, v: Float64Array, t: number): void {
  const failure = checkPeriod(model, v, t);
  if (failure) throw new ModelError(failure.message);
}
