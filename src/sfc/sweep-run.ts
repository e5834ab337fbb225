/**
 * The inner loop of a sweep, shared by the in-process path and the worker threads: one compiled
 * model, one reused value matrix, many runs from the start values with different given values.
 */
import { BslabError, UsageError } from "../errors.ts";
import { assertPeriod } from "./checks.ts";
import type { CompiledModel } from "./compile/model.ts";
import { closest } from "./compile/names.ts";
import type { DataPoint } from "./compile/model.ts";
import {
  baseRow,
  deriveGiven,
  fillGiven,
  fillRandom,
  givenColumn,
  hasDerivedGiven,
  writeStartRow,
} from "./given.ts";
import { mergeData } from "./simulate.ts";
import { sfcMessages } from "./messages.ts";
import { ClosurePeriodSolver } from "./solve/closure-period.ts";
import { PeriodSolver, type SolverOptions } from "./solve/period.ts";

/** `VAR@PERIOD`: the value of VAR in PERIOD is one output column of a sweep. */
export interface OutputSpec {
  name: string;
  period: number;
}

/** Everything a sweep run needs besides the model and the points (structured-clone friendly). */
export interface SweepJob {
  periods: number;
  names: string[];
  outputs: OutputSpec[];
  /** Baseline overrides as name/value pairs (names are user text: never object keys). */
  set: Array<[string, number]>;
  solver: SolverOptions;
  /**
   * "all": hidden equations and matrices every period; "hidden" (the sweep default): hidden
   * equations every period and matrices in the last period of each run; "none".
   */
  checks: "all" | "hidden" | "none";
  /**
   * "tape" (default): the compiled instruction tape; "closures": the reference closure evaluator
   * the tape replaced (same results, bit for bit; kept for cross-checks and the bench's baseline).
   */
  engine?: "tape" | "closures";
  /** Seed of the model's rnorm/runif draws; run r draws with run number r (shard-independent). */
  seed: number;
  /** Data paths of given variables (see SimulateOptions.data). */
  data: DataPoint[];
  /** The run number of points[0] (a shard's first run; keys the draws and names failures). */
  runOffset: number;
}

/** What a chunk of runs gives: outputs row-major (NaN for a failed run) and each failure's reason. */
export interface ChunkResult {
  values: Float64Array;
  /** [index in the chunk, reason] for each run that failed. */
  failures: Array<[number, string]>;
}

/** Parses `Y@2,Y@5,Y@100`. @throws UsageError */
export function parseOutputs(text: string): OutputSpec[] {
  const parts = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length === 0) throw new UsageError(sfcMessages.badOutput(text));
  return parts.map((part) => {
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)@(\d+)$/.exec(part);
    if (!m) throw new UsageError(sfcMessages.badOutput(part));
    return { name: m[1]!, period: Number(m[2]) };
  });
}

/** Checks a job against a model before any run: names, output variables and periods. */
export function validateJob(model: CompiledModel, job: SweepJob): void {
  for (const name of job.names) givenColumn(model, name);
  for (const [name] of job.set) givenColumn(model, name);
  const variables = model.columns.slice(0, model.periodCol);
  for (const p of job.data) givenColumn(model, p.name);
  for (const o of job.outputs) {
    if (!variables.includes(o.name))
      throw new UsageError(sfcMessages.unknownVariable(o.name, closest(o.name, variables)));
    if (o.period < 1 || o.period > job.periods)
      throw new UsageError(sfcMessages.outputPeriod(`${o.name}@${o.period}`, job.periods));
  }
}

/**
 * Runs `count` runs starting at run `first` of `points` (runs × names, row-major).
 * Only the periods up to the last requested output are solved. A run that fails (no convergence,
 * a value that is not finite, a failed check) does not stop the others: its outputs are NaN
 * here (never printed: the faces show them empty) and its reason is in `failures`.
 */
export function runChunk(
  model: CompiledModel,
  job: SweepJob,
  points: Float64Array,
  first: number,
  count: number,
  onRun?: (done: number) => void,
): ChunkResult {
  const n = model.n;
  const k = job.names.length;
  const pointCols = job.names.map((name) => givenColumn(model, name));
  const outCols = job.outputs.map((o) => model.index.get(o.name)!);
  const outRows = job.outputs.map((o) => o.period - 1);
  const rows = Math.max(2, ...job.outputs.map((o) => o.period));
  const setMap = new Map(job.set);
  const base = baseRow(model, setMap);
  const runBase = new Float64Array(n);
  // A derived value (omega0 from omega1) follows the run's point: re-derive and refill every run.
  const derived = hasDerivedGiven(model);
  const fixed = new Set([...setMap.keys(), ...job.names].map((name) => givenColumn(model, name)));
  const data = mergeData(model.data, job.data);
  const refill = derived || data.length > 0;
  const v = new Float64Array(rows * n);
  const solver =
    job.engine === "closures"
      ? new ClosurePeriodSolver(model, job.solver)
      : new PeriodSolver(model, job.solver);
  const everyPeriod = job.checks === "all";
  const hiddenEveryPeriod = job.checks === "hidden";
  const out = new Float64Array(count * job.outputs.length);
  const failures: Array<[number, string]> = [];
  for (let r = 0; r < count; r++) {
    const run = first + r;
    runBase.set(base);
    for (let j = 0; j < k; j++) runBase[pointCols[j]!] = points[run * k + j]!;
    if (derived) deriveGiven(model, runBase, fixed);
    // Only the solver writes to v, and only endogenous columns: after the first run, the given
    // columns hold the baseline already and only the run's point columns change.
    if (r === 0 || refill) fillGiven(model, v, runBase, rows, [], false, data);
    else
      for (let j = 0; j < k; j++) {
        const col = pointCols[j]!;
        const x = runBase[col]!;
        for (let t = 0; t < rows; t++) v[t * n + col] = x;
      }
    if (model.random.length > 0) fillRandom(model, v, rows, job.seed, job.runOffset + run);
    writeStartRow(model, v);
    try {
      for (let t = 1; t < rows - 1; t++) {
        solver.solve(v, t, hiddenEveryPeriod);
        if (everyPeriod) assertPeriod(model, v, t);
      }
      // The last period: hidden equations and matrices (unless checks are off).
      solver.solve(v, rows - 1);
      if (job.checks !== "none") assertPeriod(model, v, rows - 1);
    } catch (error) {
      if (!(error instanceof BslabError)) throw error;
      failures.push([r, error.message]);
      out.fill(NaN, r * outCols.length, (r + 1) * outCols.length);
      onRun?.(r + 1);
      continue;
    }
    for (let o = 0; o < outCols.length; o++) out[r * outCols.length + o] = v[outRows[o]! * n + outCols[o]!]!;
    onRun?.(r + 1);
  }
  return { values: out, failures };
}
