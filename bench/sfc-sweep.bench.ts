/**
 * The 1,000-run PC sweep the peer R package sfcr needs 94.6 s for (simulator issues #7, #15):
 * rbar 0.010..0.055 step 0.005 x alpha1 0.55..0.64 step 0.01 x theta 0.15..0.24 step 0.01,
 * 100 periods, outputs Y@2, Y@5, Y@100; and a 100-run sweep (theta fixed at 0.2) as the smaller size.
 *
 * Run: node --import tsx bench/sfc-sweep.bench.ts [--threads] [--no-process] [--runs N]
 * In-process: the baseline is the closure evaluator the instruction tape replaced (same results,
 * bit for bit), timed in the same loop. Whole process: `bslab sim sweep pc ...` as a user runs it
 * (start-up, compile, sweep, CSV out), against a bare `node -e 0` in the same loop. The 1,000-run
 * sums are checked against sfcr's to 1e-6 relative.
 * --threads also times the sweep over 2 worker threads (start-up included) with workers loading the
 * cached plain-JS bundle and booting through tsx, and a 2-run sweep that is almost all start-up.
 */
import { fileURLToPath } from "node:url";

import { loadBuiltinModel, parseGridAxis, parseOutputs, sweep, sweepSync } from "../src/sfc/index.ts";
import { bench, processCase, type BenchCase } from "./lib/index.ts";

// sfcr 0.2.1.9 (R), the same 1,000 runs: shared/reference (peer bench), simulator issue #12.
const SFCR_SECONDS = 94.6;
const SFCR_SUMS = [38504.2487175377, 64659.6416456506, 116852.8321587109];

const pc = loadBuiltinModel("pc");
const outputs = parseOutputs("Y@2,Y@5,Y@100");
const grids = {
  "100 runs": ["rbar=0.010:0.055:0.005", "alpha1=0.55:0.64:0.01", "theta=0.2:0.2:0.01"],
  "1,000 runs": ["rbar=0.010:0.055:0.005", "alpha1=0.55:0.64:0.01", "theta=0.15:0.24:0.01"],
  "2 runs, 1 period (start-up)": ["rbar=0.01:0.02:0.01"],
};
type Size = keyof typeof grids;
const options = (size: Size) => ({
  periods: size.startsWith("2 runs") ? 1 : 100,
  grid: grids[size].map(parseGridAxis),
  outputs: size.startsWith("2 runs") ? parseOutputs("Y@1") : outputs,
});

// The sums of the 1,000-run outputs must match sfcr's: a fast wrong sweep is not a result.
function check(label: string, values: Float64Array): void {
  const sums = [0, 0, 0];
  for (let r = 0; r < values.length / 3; r++)
    for (let j = 0; j < 3; j++) sums[j] = sums[j]! + values[r * 3 + j]!;
  const ok = sums.every((s, j) => Math.abs(s / SFCR_SUMS[j]! - 1) < 1e-6);
  console.log(
    `${label}: sums ${sums.map((s) => s.toFixed(4)).join(", ")} ${ok ? "match sfcr to 1e-6" : "DO NOT MATCH sfcr"}`,
  );
  if (!ok) process.exitCode = 1;
}
check("tape", sweepSync(pc, options("1,000 runs")).values);
check("closures", sweepSync(pc, { ...options("1,000 runs"), engine: "closures" }).values);

const threaded = (label: string, noBundle: boolean): BenchCase<Size> => ({
  label,
  sampleMs: 0,
  run: async (size) => {
    if (noBundle) process.env.BSLAB_NO_WORKER_BUNDLE = "1";
    try {
      return await sweep(pc, { ...options(size), threads: 2 });
    } finally {
      delete process.env.BSLAB_NO_WORKER_BUNDLE;
    }
  },
});
const withThreads = process.argv.includes("--threads");
const sizes: Size[] = withThreads
  ? ["2 runs, 1 period (start-up)", "100 runs", "1,000 runs"]
  : ["100 runs", "1,000 runs"];

const results = await bench<Size>({
  title: "PC sweep, 100 periods",
  sizes: sizes.map((s) => ({ label: s, value: s })),
  sampleMs: 0,
  baseline: {
    label: "closure evaluator (previous engine)",
    run: (s) => sweepSync(pc, { ...options(s), engine: "closures" }),
  },
  cases: [
    { label: "instruction tape, in-process", run: (s) => sweepSync(pc, { ...options(s), engine: "tape" }) },
    ...(withThreads
      ? [threaded("2 worker threads, JS bundle", false), threaded("2 worker threads, tsx boot", true)]
      : []),
  ],
});
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const cliSweep = (size: Size) => [
  "bin/bslab.mjs",
  "sim",
  "sweep",
  "pc",
  "--periods",
  "100",
  ...grids[size].flatMap((g) => ["--grid", g]),
  "--output",
  "Y@2,Y@5,Y@100",
];
const whole = process.argv.includes("--no-process")
  ? []
  : await bench<Size>({
      title: "PC sweep, 100 periods, whole process (bslab sim sweep pc ... > CSV)",
      sizes: (["100 runs", "1,000 runs"] as const).map((s) => ({ label: s, value: s })),
      baseline: processCase("node -e 0", process.execPath, () => ["-e", "0"]),
      cases: [processCase("bslab sim sweep pc", process.execPath, cliSweep, { cwd: ROOT })],
    });
for (const r of [...results, ...whole].filter((x) => x.size === "1,000 runs"))
  console.log(
    `${r.suite}: ${r.label}: 1,000 runs in ${(r.medianMs / 1000).toFixed(3)} s, ` +
      `${(SFCR_SECONDS / (r.medianMs / 1000)).toFixed(0)}x faster than sfcr (${SFCR_SECONDS} s)`,
  );
