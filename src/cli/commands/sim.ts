/**
 * `bslab sim run|sweep|check`: the stock-flow-consistent simulator on the command line. The forms
 * are part of the public interface (scripts depend on them); see docs/sfc-language.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

import type { Command } from "commander";

import { ModelError, UsageError } from "../../errors.ts";
import {
  describeMatrices,
  describeModelStructure,
  loadModel,
  MAX_PERIODS,
  parseDraw,
  parseGridAxis,
  parseOutputs,
  parseShock,
  resolveModelSource,
  runScenario,
  simulate,
  sweep,
  type CompiledModel,
  type DataPoint,
  type SolverName,
} from "../../sfc/index.ts";
import { parseCsv } from "../../io/csv/parse-csv.ts";
import { dataFromRows } from "../../sfc/data.ts";
import { importSfcr } from "../../sfc/import-sfcr.ts";
import { sfcMessages } from "../../sfc/messages.ts";
import { parseFormat, render, toCsv } from "../output.ts";
import { writeParquet } from "./sim-parquet.ts";

const collect = (value: string, previous: string[] = []) => [...previous, value];

function load(fileOrName: string): CompiledModel {
  const { source, file } = resolveModelSource(fileOrName);
  return loadModel(source, file);
}

function periodsOf(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 2 || n > MAX_PERIODS)
    throw new UsageError(sfcMessages.badPeriods(value, MAX_PERIODS));
  return n;
}

function solverOf(value: string | undefined): SolverName | undefined {
  if (value === undefined) return undefined;
  if (value === "gauss" || value === "gauss-seidel") return "gauss";
  if (value === "newton") return "newton";
  throw new UsageError(sfcMessages.badSolver(value));
}

function numberOf(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new UsageError(sfcMessages.badNumber(option, value));
  return n;
}

// A Map: the names are user text (`--set __proto__=10` must reach the model, not Object.prototype).
function shardOf(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    throw new UsageError(sfcMessages.badShard(value));
  return shard;
}

function seedOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 0xffffffff) throw new UsageError(sfcMessages.badSeed(value));
  return n;
}

function setsOf(texts: string[] = []): Map<string, number> {
  const out = new Map<string, number>();
  for (const text of texts) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(\S+)\s*$/.exec(text);
    const value = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(value)) throw new UsageError(sfcMessages.badSet(text));
    out.set(m[1]!, value);
  }
  return out;
}

// `--data FILE.csv`: paths of given variables by period or date (src/sfc/data.ts says the form).
function dataOf(path: string | undefined): DataPoint[] | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new UsageError(sfcMessages.unreadableData(path, reason), { cause: error });
  }
  const file = basename(path);
  return dataFromRows(parseCsv(text, { fileName: file }), file);
}

// Measured: printing a run holds about 150 bytes per value (row objects and text) on top of the
// 8 of the value itself (PC, 200,000 periods: 610 MB peak). Refuse before starting, not at 2.6 GB.
const BYTES_PER_PRINTED_VALUE = 160;
const DEFAULT_BUDGET_MB = 1024;

function checkBudget(model: CompiledModel, periods: number, budgetMb = DEFAULT_BUDGET_MB): void {
  if (!(budgetMb > 0)) throw new UsageError(sfcMessages.badNumber("--memory-budget", String(budgetMb)));
  const columns = model.periodCol + 1;
  const need = periods * columns * BYTES_PER_PRINTED_VALUE;
  const budget = budgetMb * 1024 * 1024;
  if (need > budget)
    throw new UsageError(
      sfcMessages.overBudget(
        periods,
        columns,
        need / 1048576,
        budgetMb,
        Math.floor(budget / (columns * BYTES_PER_PRINTED_VALUE)),
      ),
    );
}

interface RunOptions {
  periods: string;
  memoryBudget?: string;
  seed?: string;
  data?: string;
  shock?: string[];
  set?: string[];
  fromStart?: boolean;
  steadyGrowth?: boolean;
  solver?: string;
  tolerance?: string;
  maxIter?: string;
  format?: string;
}

interface SweepCliOptions {
  periods: string;
  shard?: string;
  out?: string;
  strict?: boolean;
  data?: string;
  grid?: string[];
  draw?: string[];
  runs?: string;
  seed?: string;
  output: string;
  set?: string[];
  solver?: string;
  threads?: string;
  format?: string;
}

/** Registers `bslab sim run|sweep|check`. */
export function register(program: Command): void {
  const sim = program.command("sim").description("stock-flow-consistent models: run, sweep, check");

  sim
    .command("run")
    .description("simulate a model: CSV with a period column, then every variable")
    .argument("<model>", "a .sfc file or a built-in model name (sim, simex, pc, lp1, bmw, bsr)")
    .requiredOption("--periods <n>", "number of periods, counting period 1 (the start values)")
    .option(
      "--shock <NAME=VALUE@PERIOD>",
      "shock from PERIOD on, or @FROM-TO for a range (repeatable)",
      collect,
    )
    .option("--from-start", "run shocks from the start values instead of the stationary state")
    .option("--steady-growth", "growth models: start the shocks from the baseline's steady-growth path")
    .option(
      "--set <NAME=VALUE>",
      "override a parameter or exogenous value for the whole run (repeatable)",
      collect,
    )
    .option("--solver <gauss|newton>", "solver for simultaneous blocks (the other is the fallback)", "newton")
    .option("--tolerance <x>", "convergence tolerance, relative (default 1e-12)")
    .option("--max-iter <n>", "iteration limit per block and period (default 500)")
    .option("--seed <n>", "seed of the model's rnorm/runif draws", "1")
    .option(
      "--data <file.csv>",
      "paths of parameters/exogenous variables: a period or date column, then one column each",
    )
    .option(
      "--memory-budget <MB>",
      "refuse a run whose values and output would need more memory (default 1024)",
    )
    .option("--format <csv|json|table>", "output format", "csv")
    .action((fileOrName: string, opts: RunOptions) => {
      const format = parseFormat(opts.format, ["csv", "json", "table"]);
      const model = load(fileOrName);
      checkBudget(model, periodsOf(opts.periods), numberOf("--memory-budget", opts.memoryBudget));
      const shocks = (opts.shock ?? []).map(parseShock);
      const common = {
        periods: periodsOf(opts.periods),
        set: setsOf(opts.set),
        shocks,
        solver: solverOf(opts.solver),
        tolerance: numberOf("--tolerance", opts.tolerance),
        maxIterations: numberOf("--max-iter", opts.maxIter),
        seed: seedOf(opts.seed),
        data: dataOf(opts.data),
      };
      const run =
        shocks.length > 0
          ? runScenario(model, { ...common, fromStart: opts.fromStart, steadyGrowth: opts.steadyGrowth })
          : simulate(model, common);
      process.stdout.write(render(run.toRows(), format, ["period", ...run.variables]));
    });

  sim
    .command("sweep")
    .description(
      "many runs over a parameter grid (or random draws): one row per run, grid values then outputs",
    )
    .argument("<model>", "a .sfc file or a built-in model name")
    .requiredOption("--periods <n>", "number of periods per run")
    .option("--grid <NAME=FROM:TO:STEP>", "a grid axis (repeatable)", collect)
    .option(
      "--draw <NAME=uniform:LOW:HIGH|NAME=normal:MEAN:SD>",
      "Monte Carlo draw (repeatable; with --runs)",
      collect,
    )
    .option("--runs <n>", "number of Monte Carlo runs")
    .option("--seed <n>", "seed of the Monte Carlo draws and the model's rnorm/runif draws", "1")
    .option("--data <file.csv>", "paths of parameters/exogenous variables (as for run)")
    .requiredOption("--output <VAR@PERIOD,...>", "the values to report per run")
    .option(
      "--set <NAME=VALUE>",
      "override a parameter or exogenous value in every run (repeatable)",
      collect,
    )
    .option("--solver <gauss|newton>", "solver for simultaneous blocks", "newton")
    .option("--threads <n>", "worker threads (default: automatic; small sweeps run in-process)")
    .option(
      "--shard <K/N>",
      "run only the K-th of N equal slices of the runs (shards 2..N print no CSV header)",
    )
    .option(
      "--out <file.csv|file.parquet>",
      "write the rows to a file (Parquet by its extension) instead of stdout",
    )
    .option("--strict", "exit 1 when any run failed (the rows are written first)")
    .option("--format <csv|json|table>", "output format", "csv")
    .action(async (fileOrName: string, opts: SweepCliOptions) => {
      const format = parseFormat(opts.format, ["csv", "json", "table"]);
      const shard = shardOf(opts.shard);
      const model = load(fileOrName);
      const progress = progressBar();
      try {
        const result = await sweep(model, {
          periods: periodsOf(opts.periods),
          grid: (opts.grid ?? []).map(parseGridAxis),
          draws: (opts.draw ?? []).map(parseDraw),
          runs: numberOf("--runs", opts.runs),
          seed: seedOf(opts.seed),
          data: dataOf(opts.data),
          outputs: parseOutputs(opts.output),
          set: setsOf(opts.set),
          solver: solverOf(opts.solver),
          threads: numberOf("--threads", opts.threads),
          shard,
          onProgress: progress.update,
        });
        progress.done();
        const columns = [...result.names, ...result.outputs, result.errorColumn];
        const rows = result.rows();
        if (opts.out !== undefined && /\.parquet$/i.test(opts.out)) {
          await writeParquet(toCsv(rows, columns), columns, new Set([result.errorColumn]), opts.out);
        } else {
          let text = render(rows, opts.out !== undefined ? "csv" : format, columns);
          // Shards after the first: rows only, so the shards' files concatenate to the whole sweep.
          if (shard && shard.index > 1 && (opts.out !== undefined || format === "csv"))
            text = text.slice(text.indexOf("\n") + 1);
          if (opts.out !== undefined) writeFileSync(opts.out, text);
          else process.stdout.write(text);
        }
        if (opts.strict && result.failures.length > 0) {
          const f = result.failures[0]!;
          throw new ModelError(
            sfcMessages.runsFailed(result.failures.length, result.runs, `run ${f.run}: ${f.reason}`),
          );
        }
      } finally {
        progress.done();
      }
    });

  sim
    .command("import")
    .description(
      "translate an R script written with sfcr's sfcr_set(...) into a .sfc model (notes on stderr)",
    )
    .argument("<file.R>", "the R script")
    .option("--out <file.sfc>", "write the model there instead of stdout")
    .action((path: string, opts: { out?: string }) => {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch (error) {
        const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
        throw new UsageError(sfcMessages.unreadableFile(path, reason), { cause: error });
      }
      const file = basename(path);
      const { source, notes } = importSfcr(text, file);
      for (const note of notes) process.stderr.write(`bslab: not translated: ${note}\n`);
      if (source === "") throw new ModelError(sfcMessages.importEmpty(file));
      // The translation must be a model bslab can load; say so now, not at the first run.
      const out = opts.out ?? `${file.replace(/\.[Rr]$/, "")}.sfc`;
      loadModel(source, basename(out));
      if (opts.out !== undefined) writeFileSync(opts.out, source);
      else process.stdout.write(source);
    });

  sim
    .command("check")
    .description("parse and order a model; report its blocks and whether its identities and matrices hold")
    .argument("<model>", "a .sfc file or a built-in model name")
    .option("--periods <n>", "periods of the baseline run used for the checks", "50")
    .action((fileOrName: string, opts: { periods: string }) => {
      const model = load(fileOrName);
      const blocks = describeModelStructure(model);
      const checks = describeMatrices(model, periodsOf(opts.periods));
      const simultaneous = blocks.filter((b) => b.kind === "simultaneous");
      const lines = [
        `model ${model.name}${model.title ? ` "${model.title}"` : ""}: ${model.equations.length} equations, ` +
          `${model.given.length} parameters and exogenous values, ${blocks.length} blocks ` +
          `(${simultaneous.length} simultaneous)`,
        ...blocks.map((b) => `  block ${b.id} ${b.kind}: ${b.variables.join(", ")}`),
        ...checks.map((c) => `  ${c.ok ? "ok  " : "FAIL"} ${c.item}: ${c.detail}`),
      ];
      process.stdout.write(lines.join("\n") + "\n");
      const failed = checks.find((c) => !c.ok);
      if (failed) throw new UsageError(`check failed: ${failed.item}: ${failed.detail}`);
    });
}

// A progress bar on stderr that keeps stdout clean: redrawn in place on a terminal, or plain
// lines at each quarter when stderr is a file or pipe and the sweep has taken more than a second.
function progressBar(): { update: (done: number, total: number) => void; done: () => void } {
  const start = Date.now();
  const tty = process.stderr.isTTY === true;
  let lastDraw = 0;
  let lastQuarter = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (tty) {
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round((width * done) / total);
        process.stderr.write(`\rsweep [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
        drawn = true;
        return;
      }
      const quarter = Math.floor((4 * done) / total);
      if (now - start > 1000 && quarter > lastQuarter) {
        lastQuarter = quarter;
        process.stderr.write(`sweep: ${done}/${total} runs (${Math.round((100 * done) / total)}%)\n`);
      }
    },
    done() {
      if (drawn) process.stderr.write("\r\x1b[K");
      drawn = false;
    },
  };
}
