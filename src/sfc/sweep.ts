/**
 * Sweeps and Monte Carlo: many runs of one model over a parameter grid or random draws, one row per
 * run (the run's given values, then the outputs). Large sweeps are spread over worker threads;
 * small ones run in-process, where thread start-up would cost more than it saves. Workers load a
 * cached plain-JS bundle of their entry (./sweep-bundle.ts), which starts far faster than a
 * TypeScript loader per worker.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

import { BslabError, ModelError, UsageError } from "../errors.ts";
import type { CompiledModel, DataPoint } from "./compile/model.ts";
import { overrideEntries, type Overrides } from "./given.ts";
import { drawSlice, gridRuns, gridSlice, MAX_RUNS, type Draw, type GridAxis, type Points } from "./grid.ts";
import { sfcMessages } from "./messages.ts";
import { DEFAULT_SOLVER, type SolverOptions } from "./solve/period.ts";
import { workerScript } from "./sweep-bundle.ts";
import { runChunk, validateJob, type ChunkResult, type OutputSpec, type SweepJob } from "./sweep-run.ts";

/** Options of {@link sweep}. Give `grid`, or `draws` with `runs` (and `seed`). */
export interface SweepOptions extends Partial<SolverOptions> {
  periods: number;
  outputs: OutputSpec[];
  grid?: GridAxis[];
  draws?: Draw[];
  runs?: number;
  /** Seed of the Monte Carlo draws and of the model's rnorm/runif draws (default 1). */
  seed?: number;
  /** Data paths of given variables (see SimulateOptions.data). */
  data?: DataPoint[];
  /** Baseline overrides applied to every run. */
  set?: Overrides;
  /** Worker threads: a number, or "auto" (default: threads only for large sweeps). */
  threads?: number | "auto";
  /**
   * "hidden" (default): hidden equations every period, matrices in each run's last period;
   * "all": both every period; "none".
   */
  checks?: "all" | "hidden" | "none";
  /**
   * "tape" (default): the compiled instruction tape; "closures": the reference closure evaluator it
   * replaced (bit-identical results, several times slower; for cross-checks and benchmarks).
   */
  engine?: "tape" | "closures";
  /**
   * The K-th (1-based) of N equal, contiguous slices of the runs: a shard computes only its own
   * runs (grid points and draws are functions of the run number), so the shards' rows, in order,
   * are the unsharded sweep's rows.
   */
  shard?: { index: number; count: number };
  /** Called as runs finish (in-process: every run; threads: in batches). */
  onProgress?: (done: number, total: number) => void;
}

/** One row per run: the point's given values, then the outputs. */
export interface SweepResult {
  names: string[];
  outputs: string[];
  runs: number;
  points: Float64Array;
  values: Float64Array;
  threads: number;
  /** The 0-based number of this result's first run in the whole sweep (0 unless sharded). */
  firstRun: number;
  /** Runs of the whole sweep (all shards). */
  totalRuns: number;
  /** The runs that failed: 1-based run number in the whole sweep, and the reason. */
  failures: Array<{ run: number; reason: string }>;
  /** The name of the reason column of {@link rows} ("error", or "error@run" if a name is "error"). */
  errorColumn: string;
  /**
   * One null-prototype object per run (names are user text): the point, the outputs (null for a
   * failed run) and the reason column (null for a run that succeeded).
   */
  rows(): Array<Record<string, number | string | null>>;
}

// Below this many equation evaluations (runs × periods × equations) a sweep stays in-process.
const THREAD_THRESHOLD = 20_000_000;

/** The points of this sweep's (or shard's) runs, with the first run's number and the total. */
function pointsOf(options: SweepOptions): { points: Points; first: number; total: number } {
  const grid = options.grid ?? [];
  const draws = options.draws ?? [];
  let total: number;
  if (grid.length > 0 && draws.length === 0) total = gridRuns(grid);
  else if (draws.length > 0 && grid.length === 0) {
    total = options.runs ?? 0;
    if (!Number.isInteger(total) || total < 1 || total > MAX_TOTAL_RUNS)
      throw new UsageError(sfcMessages.noGrid());
  } else throw new UsageError(sfcMessages.noGrid());
  const shard = options.shard ?? { index: 1, count: 1 };
  if (
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    shard.count < 1 ||
    shard.index < 1 ||
    shard.index > shard.count
  )
    throw new UsageError(sfcMessages.badShard(`${shard.index}/${shard.count}`));
  if (total > MAX_TOTAL_RUNS) throw new UsageError(sfcMessages.gridTooLarge(total, MAX_RUNS));
  const first = Math.floor((total * (shard.index - 1)) / shard.count);
  const count = Math.floor((total * shard.index) / shard.count) - first;
  if (count > MAX_RUNS) throw new UsageError(sfcMessages.gridTooLarge(count, MAX_RUNS));
  const points =
    grid.length > 0 ? gridSlice(grid, first, count) : drawSlice(draws, first, count, options.seed ?? 1);
  return { points, first, total };
}

// A sharded study may be far larger than one process's share.
const MAX_TOTAL_RUNS = 1e15;

function jobOf(options: SweepOptions, names: string[], runOffset: number): SweepJob {
  return {
    periods: options.periods,
    names,
    outputs: options.outputs,
    set: overrideEntries(options.set),
    solver: {
      solver: options.solver ?? DEFAULT_SOLVER.solver,
      tolerance: options.tolerance ?? DEFAULT_SOLVER.tolerance,
      maxIterations: options.maxIterations ?? DEFAULT_SOLVER.maxIterations,
    },
    checks: options.checks ?? "hidden",
    engine: options.engine ?? "tape",
    seed: options.seed ?? 1,
    data: options.data ?? [],
    runOffset,
  };
}

function result(
  points: Points,
  job: SweepJob,
  chunk: ChunkResult,
  threads: number,
  total: number,
): SweepResult {
  const outputs = job.outputs.map((o) => `${o.name}@${o.period}`);
  const { values } = chunk;
  const errorColumn = points.names.includes("error") ? "error@run" : "error";
  const reasons = new Map(chunk.failures);
  return {
    names: points.names,
    outputs,
    runs: points.runs,
    points: points.values,
    values,
    threads,
    firstRun: job.runOffset,
    totalRuns: total,
    failures: chunk.failures.map(([r, reason]) => ({ run: job.runOffset + r + 1, reason })),
    errorColumn,
    rows() {
      const k = points.names.length;
      const o = outputs.length;
      return Array.from({ length: points.runs }, (_, r) => {
        const row = Object.create(null) as Record<string, number | string | null>;
        points.names.forEach((name, j) => (row[name] = points.values[r * k + j]!));
        const reason = reasons.get(r);
        outputs.forEach((name, j) => (row[name] = reason === undefined ? values[r * o + j]! : null));
        row[errorColumn] = reason ?? null;
        return row;
      });
    },
  };
}

/**
 * Runs a sweep in the calling thread.
 * @example
 * const res = sweepSync(pc, { periods: 100, grid: [parseGridAxis("rbar=0.01:0.055:0.005")], outputs: parseOutputs("Y@100") });
 */
export function sweepSync(model: CompiledModel, options: SweepOptions): SweepResult {
  const { points, first, total: all } = pointsOf(options);
  const job = jobOf(options, points.names, first);
  validateJob(model, job);
  const total = points.runs;
  const chunk = runChunk(model, job, points.values, 0, total, (done) => options.onProgress?.(done, total));
  return result(points, job, chunk, 1, all);
}

/**
 * Runs a sweep, over worker threads when it is large enough (or `threads` asks for them). Workers
 * compile the model from its text and run a contiguous share of the points each.
 * @throws ModelError naming the failing run's values when a run fails
 * @example
 * const res = await sweep(pc, { periods: 100, grid, outputs: parseOutputs("Y@2,Y@5,Y@100") });
 * res.rows()[0]; // { rbar: 0.01, alpha1: 0.55, theta: 0.15, "Y@2": ..., ... }
 */
export async function sweep(model: CompiledModel, options: SweepOptions): Promise<SweepResult> {
  const { points, first: runOffset, total: all } = pointsOf(options);
  const job = jobOf(options, points.names, runOffset);
  validateJob(model, job);
  const total = points.runs;
  const work = total * options.periods * model.equations.length;
  const wanted =
    options.threads === undefined || options.threads === "auto"
      ? work < THREAD_THRESHOLD
        ? 1
        : availableParallelism()
      : Math.max(1, Math.floor(options.threads));
  const threads = Math.min(wanted, total);
  if (threads <= 1) {
    const chunk = runChunk(model, job, points.values, 0, total, (done) => options.onProgress?.(done, total));
    return result(points, job, chunk, 1, all);
  }
  const values = new Float64Array(total * job.outputs.length);
  const failures: Array<[number, string]> = [];
  let done = 0;
  const shares = Array.from({ length: threads }, (_, i) => {
    const first = Math.floor((total * i) / threads);
    return { first, count: Math.floor((total * (i + 1)) / threads) - first };
  });
  const script = await workerScript();
  const workers: Worker[] = [];
  try {
    await Promise.all(
      shares.map(
        ({ first, count }) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(script.url, {
              execArgv: script.execArgv,
              workerData: {
                source: model.source,
                file: model.file,
                job,
                points: points.values,
                first,
                count,
              },
            });
            workers.push(worker);
            worker.on("message", (msg: WorkerMessage) => {
              if (msg.type === "progress") {
                done += msg.runs;
                options.onProgress?.(done, total);
              } else if (msg.type === "done") {
                values.set(msg.values, first * job.outputs.length);
                for (const [r, reason] of msg.failures) failures.push([first + r, reason]);
                resolve();
              } else {
                reject(new BslabError(msg.code, msg.message));
              }
            });
            worker.on("error", (error) =>
              reject(new ModelError(sfcMessages.workerFailed(error.message), { cause: error })),
            );
            worker.on("exit", (code) => {
              if (code !== 0) reject(new ModelError(sfcMessages.workerFailed(`exit code ${code}`)));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  failures.sort((a, b) => a[0] - b[0]);
  return result(points, job, { values, failures }, threads, all);
}

type WorkerMessage =
  | { type: "progress"; runs: number }
  | { type: "done"; values: Float64Array; failures: Array<[number, string]> }
  | { type: "error"; code: BslabError["code"]; message: string };
