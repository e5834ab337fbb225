/**
 * The 1,000-run PC sweep the peer R package sfcr needs about 95 s for (simulator issue #7):
 * rbar 0.010..0.055 step 0.005 x alpha1 0.55..0.64 step 0.01 x theta 0.15..0.24 step 0.01,
 * 100 periods, outputs Y@2, Y@5, Y@100.
 *
 * Run: npx tsx bench/sfc-sweep.bench.ts [--baseline] [--threads] [--rounds N]
 * --baseline also times the closure evaluator the instruction tape replaced (same results, bit for
 * bit) and prints the speed-up against it.
 * --threads also times worker-thread start-up (a 2-run sweep over 2 threads) and the threaded sweep,
 * with workers booting through tsx (before) and loading the cached plain-JS bundle (after), and
 * the time to build the bundle from scratch.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadBuiltinModel, parseGridAxis, parseOutputs, sweep, sweepSync } from "../src/sfc/index.ts";
import { ensureWorkerBundle } from "../src/sfc/sweep-bundle.ts";

const SFCR_SECONDS = 95;
const SFCR_SUMS = [38504.2487175377, 64659.6416456506, 116852.8321587109];

const args = process.argv.slice(2);
const baseline = args.includes("--baseline");
const threadRounds = args.includes("--threads");
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Math.max(1, Number(args[roundsAt + 1]) || 1) : 5;

const pc = loadBuiltinModel("pc");
const options = {
  periods: 100,
  grid: ["rbar=0.010:0.055:0.005", "alpha1=0.55:0.64:0.01", "theta=0.15:0.24:0.01"].map(parseGridAxis),
  outputs: parseOutputs("Y@2,Y@5,Y@100"),
};

function report(label: string, seconds: number, values: Float64Array): void {
  const sums = [0, 0, 0];
  for (let r = 0; r < values.length / 3; r++)
    for (let j = 0; j < 3; j++) sums[j] = sums[j]! + values[r * 3 + j]!;
  const ok = sums.every((s, j) => Math.abs(s / SFCR_SUMS[j]! - 1) < 1e-6);
  console.log(
    `${label.padEnd(30)} ${(seconds * 1000).toFixed(1).padStart(8)} ms   ${(SFCR_SECONDS / seconds).toFixed(0).padStart(6)}x faster than sfcr (~${SFCR_SECONDS} s)   ` +
      `sums ${sums.map((s) => s.toFixed(4)).join(", ")} ${ok ? "match sfcr to 1e-6" : "DO NOT MATCH sfcr"}`,
  );
  if (!ok) process.exitCode = 1;
}

function timeRounds(engine: "tape" | "closures"): number[] {
  const times: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const t0 = performance.now();
    const result = sweepSync(pc, { ...options, engine });
    const seconds = (performance.now() - t0) / 1000;
    times.push(seconds);
    report(`${engine}, in-process, round ${round}`, seconds, result.values);
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = (xs: number[]) =>
  `min ${(Math.min(...xs) * 1000).toFixed(1)} ms, median ${(median(xs) * 1000).toFixed(1)} ms, ` +
  `first ${(xs[0]! * 1000).toFixed(1)} ms`;

const tape = timeRounds("tape");
console.log(`tape: ${summary(tape)}; median ${(SFCR_SECONDS / median(tape)).toFixed(0)}x faster than sfcr`);
if (baseline) {
  const closures = timeRounds("closures");
  console.log(`closures (previous engine): ${summary(closures)}`);
  console.log(
    `tape vs previous engine: ${(median(closures) / median(tape)).toFixed(2)}x (median), ` +
      `${(Math.min(...closures) / Math.min(...tape)).toFixed(2)}x (min), ${(closures[0]! / tape[0]!).toFixed(2)}x (first round)`,
  );
}
const t0 = performance.now();
const threaded = await sweep(pc, { ...options, threads: 2 });
report("2 worker threads (incl. start)", (performance.now() - t0) / 1000, threaded.values);

const ms = (seconds: number) => `${(seconds * 1000).toFixed(1)} ms`;

/** Start-up of 2 workers: a 2-run, 1-period sweep over 2 threads is almost all start-up. */
async function startUp(): Promise<number> {
  const t = performance.now();
  await sweep(pc, {
    periods: 1,
    grid: [parseGridAxis("rbar=0.01:0.02:0.01")],
    outputs: parseOutputs("Y@1"),
    threads: 2,
  });
  return (performance.now() - t) / 1000;
}

async function threadRound(label: string): Promise<{ start: number[]; full: number[] }> {
  const start: number[] = [];
  const full: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    start.push(await startUp());
    const t = performance.now();
    const result = await sweep(pc, { ...options, threads: 2 });
    full.push((performance.now() - t) / 1000);
    report(`${label}, round ${round}`, full.at(-1)!, result.values);
  }
  console.log(`${label}: start of 2 workers ${summary(start)}; 1,000-run sweep ${summary(full)}`);
  return { start, full };
}

if (threadRounds) {
  const dir = mkdtempSync(join(tmpdir(), "bslab-bench-bundle-"));
  try {
    const t = performance.now();
    await ensureWorkerBundle({ cacheDir: dir });
    const build = (performance.now() - t) / 1000;
    const u = performance.now();
    await ensureWorkerBundle({ cacheDir: dir });
    console.log(
      `worker bundle: build from scratch ${ms(build)}, cache check ${ms((performance.now() - u) / 1000)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.env.BSLAB_NO_WORKER_BUNDLE = "1";
  const before = await threadRound("2 threads, tsx boot (before)");
  delete process.env.BSLAB_NO_WORKER_BUNDLE;
  const after = await threadRound("2 threads, JS bundle (after)");
  console.log(
    `worker start-up: tsx boot median ${ms(median(before.start))}, bundle median ${ms(median(after.start))} ` +
      `(${(median(before.start) / median(after.start)).toFixed(1)}x); 1,000-run sweep over 2 threads: ` +
      `${ms(median(before.full))} -> ${ms(median(after.full))}`,
  );
}
