/**
 * The bench harness: each case runs in the same loop as its baseline (baseline, case, baseline,
 * case, ...), so a noisy machine slows both alike and the printed ratio stays meaningful when
 * the absolute times do not. Work that takes well under a millisecond is repeated inside one
 * sample until the sample lasts about `sampleMs`, and the time per call is reported.
 */

/** One thing to time: a function (sync or async) or a whole process (see `processCase`). */
export interface BenchCase<S> {
  label: string;
  /** Does the work once for size `size`; the result is kept so the work is not optimised away. */
  run: (size: S) => unknown;
  /** Whether this case runs at `size` (default: every size), e.g. an O(n^2) reference at small n only. */
  when?: (size: S) => boolean;
  /** Repeat inside a sample until it lasts this long (default: the suite's `sampleMs`). 0: once. */
  sampleMs?: number;
}

/** A set of cases timed against one baseline at two or more sizes. */
export interface BenchSuite<S> {
  title: string;
  /** The sizes to run at, with how each is printed. */
  sizes: ReadonlyArray<{ label: string; value: S }>;
  baseline: BenchCase<S>;
  cases: ReadonlyArray<BenchCase<S>>;
  /** Samples per case (default 7, or `--runs N`, or `BENCH_RUNS`); the median is printed. */
  runs?: number;
  /** Target length of one sample for in-process work (default 20 ms). */
  sampleMs?: number;
}

/** What `bench` measured for one case at one size, for scripts that check or print more. */
export interface BenchResult {
  suite: string;
  size: string;
  label: string;
  /** Median milliseconds per call. */
  medianMs: number;
  /** Median milliseconds per call of the baseline measured in the same loop. */
  baselineMs: number;
  /** medianMs / baselineMs. */
  ratio: number;
  samples: number[];
}

/** The middle of `xs` (the mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of no samples");
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Samples per case: `--runs N` on the command line, else BENCH_RUNS, else `fallback`. */
export function runsFromArgs(fallback: number): number {
  const at = process.argv.indexOf("--runs");
  const raw = at >= 0 ? process.argv[at + 1] : process.env.BENCH_RUNS;
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// Results land on a global so the engine cannot drop work whose value nobody reads.
const keep = globalThis as { benchSink?: unknown };

/** Runs `c` `calls` times at `size` (awaiting promises) and returns milliseconds per call. */
async function sample<S>(c: BenchCase<S>, size: S, calls: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < calls; i++) {
    const r = c.run(size);
    keep.benchSink = r instanceof Promise ? await r : r;
  }
  return (performance.now() - t) / calls;
}

/** How many calls one sample of `c` makes: doubled from 1 (warming it up) until a sample lasts `sampleMs`. */
async function callsPerSample<S>(c: BenchCase<S>, size: S, sampleMs: number): Promise<number> {
  let calls = 1;
  let perCall = await sample(c, size, calls);
  while (sampleMs > 0 && perCall * calls < sampleMs && calls < 1_000_000) {
    calls = Math.min(1_000_000, Math.max(calls * 2, Math.ceil(sampleMs / Math.max(perCall, 1e-5) / 2)));
    perCall = await sample(c, size, calls);
  }
  return calls;
}

const fmtMs = (ms: number) =>
  ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`;

/**
 * Times every case of `suite` against its baseline at each size, interleaved, and prints one block
 * per size: the baseline's median, then each case's median and its ratio to the baseline.
 *
 * @example
 * await bench({
 *   title: "sum",
 *   sizes: [{ label: "1e3", value: 1e3 }, { label: "1e5", value: 1e5 }],
 *   baseline: { label: "for loop", run: (n) => { let s = 0; for (let i = 0; i < n; i++) s += i; return s; } },
 *   cases: [{ label: "reduce", run: (n) => Array.from({ length: n }, (_, i) => i).reduce((a, b) => a + b, 0) }],
 * });
 */
export async function bench<S>(suite: BenchSuite<S>): Promise<BenchResult[]> {
  const runs = suite.runs ?? runsFromArgs(7);
  const results: BenchResult[] = [];
  for (const size of suite.sizes) {
    const cases = suite.cases.filter((c) => c.when?.(size.value) ?? true);
    if (cases.length === 0) continue;
    const all = [suite.baseline, ...cases];
    const calls = new Map<BenchCase<S>, number>();
    for (const c of all)
      calls.set(c, await callsPerSample(c, size.value, c.sampleMs ?? suite.sampleMs ?? 20));
    const samples = new Map<BenchCase<S>, number[]>(all.map((c) => [c, []]));
    for (let r = 0; r < runs; r++)
      for (const c of cases) {
        samples
          .get(suite.baseline)!
          .push(await sample(suite.baseline, size.value, calls.get(suite.baseline)!));
        samples.get(c)!.push(await sample(c, size.value, calls.get(c)!));
      }
    const base = median(samples.get(suite.baseline)!);
    const width = Math.max(...all.map((c) => c.label.length), 10) + 2;
    console.log(`\n${suite.title} — ${size.label} (median of ${runs}, each next to its baseline)`);
    console.log(
      `  ${"baseline: ".concat(suite.baseline.label).padEnd(width + 10)} ${fmtMs(base).padStart(10)}`,
    );
    for (const c of cases) {
      const m = median(samples.get(c)!);
      results.push({
        suite: suite.title,
        size: size.label,
        label: c.label,
        medianMs: m,
        baselineMs: base,
        ratio: m / base,
        samples: samples.get(c)!,
      });
      console.log(
        `  ${c.label.padEnd(width + 10)} ${fmtMs(m).padStart(10)} ${(m / base).toFixed(2).padStart(8)}x`,
      );
    }
  }
  return results;
}
