/**
 * Sweeps and Monte Carlo: many runs of one model over a parameter grid or random draws, one row per
 * run (the run's given values, then the outputs). Large sweeps are spread over worker threads;
 * small ones run in-process, where thread start-up would cost more than it saves. Workers load a
 * cached plain-JS bundle of their entry (./sweep-bundle.ts), which starts far faster than a
 * TypeScript loader per worker.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

import { BslabError, ModelError } from "../errors.ts";
import type { CompiledModel, DataPoint } from "./compile/model.ts";
import { overrideEntries, type Overrides } from "./given.ts";
import { drawPoints, gridPoints, type Draw, type GridAxis, type Points } from "./grid.ts";
import { sfcMessages } from "./messages.ts";
import { DEFAULT_SOLVER, type SolverOptions } from "./solve/period.ts";
import { workerScript } from "./sweep-bundle.ts";
import { runChunk, validateJob, type OutputSpec, type SweepJob } from "./sweep-run.ts";

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
  /** One null-prototype object per run (names are user text). */
  rows(): Array<Record<string, number>>;
}

// Below this many equation evaluations (runs × periods × equations) a sweep stays in-process.
const THREAD_THRESHOLD = 20_000_000;

function pointsOf(options: SweepOptions): Points {
  const grid = options.grid ?? [];
  const draws = options.draws ?? [];
  if (grid.length > 0 && draws.length === 0) return gridPoints(grid);
  if (draws.length > 0 && grid.length === 0) return drawPoints(draws, options.runs ?? 0, options.seed);
  throw new ModelError(sfcMessages.noGrid());
}

function jobOf(options: SweepOptions, names: string[]): SweepJob {
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
  };
}

function result(points: Points, job: SweepJob, values: Float64Array, threads: number): SweepResult {
  const outputs = job.outputs.map((o) => `${o.name}@${o.period}`);
  return {
    names: points.names,
    outputs,
    runs: points.runs,
    points: points.values,
    values,
    threads,
    rows() {
      const k = points.names.length;
      const o = outputs.length;
      return Array.from({ length: points.runs }, (_, r) => {
        const row = Object.create(null) as Record<string, number>;
        points.names.forEach((name, j) => (row[name] = points.values[r * k + j]!));
        outputs.forEach((name, j) => (row[name] = values[r * o + j]!));
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
  const points = pointsOf(options);
  const job = jobOf(options, points.names);
  validateJob(model, job);
  const total = points.runs;
  const values = runChunk(model, job, points.values, 0, total, (done) => options.onProgress?.(done, total));
  return result(points, job, values, 1);
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
  const points = pointsOf(options);
  const job = jobOf(options, points.names);
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
    const values = runChunk(model, job, points.values, 0, total, (done) => options.onProgress?.(done, total));
    return result(points, job, values, 1);
  }
  const values = new Float64Array(total * job.outputs.length);
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
  return result(points, job, values, threads);
}

type WorkerMessage =
  | { type: "progress"; runs: number }
  | { type: "done"; values: Float64Array }
  | { type: "error"; code: BslabError["code"]; message: string };
