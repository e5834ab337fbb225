/**
 * Run points of a sweep: a Cartesian grid over parameter axes, or seeded random draws (Monte Carlo).
 * Grid values are `from + k*step` with an integer count, so 0.01..0.055 step 0.005 has exactly
 * 10 points (adding step repeatedly would drift and can drop the last one).
 */
import { UsageError } from "../errors.ts";
import { sfcMessages } from "./messages.ts";
import { normalAt, uniformAt } from "./random.ts";

/** One grid axis `NAME=FROM:TO:STEP`. */
export interface GridAxis {
  name: string;
  from: number;
  to: number;
  step: number;
}

/** One random draw `NAME=uniform:LOW:HIGH` or `NAME=normal:MEAN:SD`. */
export interface Draw {
  name: string;
  distribution: "uniform" | "normal";
  a: number;
  b: number;
}

/** Run points: `names` and a runs × names.length matrix, row-major. */
export interface Points {
  names: string[];
  runs: number;
  values: Float64Array;
}

/** The most runs one sweep (or shard) takes. */
export const MAX_RUNS = 10_000_000;

/** Parses `NAME=FROM:TO:STEP`. @throws UsageError */
export function parseGridAxis(text: string): GridAxis {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*([^:]+):([^:]+):([^:]+)$/.exec(text);
  const [from, to, step] = m ? [Number(m[2]), Number(m[3]), Number(m[4])] : [NaN, NaN, NaN];
  if (!m || ![from, to, step].every(Number.isFinite) || !(step > 0) || from > to) {
    throw new UsageError(sfcMessages.badGrid(text));
  }
  return { name: m[1]!, from, to, step };
}

/** Parses `NAME=uniform:LOW:HIGH` or `NAME=normal:MEAN:SD`. @throws UsageError */
export function parseDraw(text: string): Draw {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(uniform|normal):([^:]+):([^:]+)$/.exec(text);
  const [a, b] = m ? [Number(m[3]), Number(m[4])] : [NaN, NaN];
  if (!m || !Number.isFinite(a) || !Number.isFinite(b) || (m[2] === "uniform" ? a > b : b < 0)) {
    throw new UsageError(sfcMessages.badDraw(text));
  }
  return { name: m[1]!, distribution: m[2] as Draw["distribution"], a, b };
}

/**
 * The number of points of one axis, counted before anything is allocated (a step of 1e-300 would
 * ask for 1e300 of them).
 * @example
 * axisCount({ name: "rbar", from: 0.01, to: 0.055, step: 0.005 }); // 10
 */
export function axisCount(axis: GridAxis): number {
  // The 1e-9 slack keeps a last point that float division puts at 8.999999999 steps.
  const count = Math.floor((axis.to - axis.from) / axis.step + 1e-9) + 1;
  return Number.isFinite(count) ? count : Infinity;
}

/** The runs of a grid: the product of its axes' point counts (Infinity past any bound). */
export function gridRuns(axes: readonly GridAxis[]): number {
  return axes.reduce((r, a) => r * axisCount(a), 1);
}

/** The values of one axis. @throws UsageError when it has more points than a sweep may run */
export function axisValues(axis: GridAxis): number[] {
  const count = axisCount(axis);
  if (count > MAX_RUNS) throw new UsageError(sfcMessages.axisTooLarge(axisText(axis), count, MAX_RUNS));
  return Array.from({ length: count }, (_, k) => axis.from + k * axis.step);
}

const axisText = (a: GridAxis) => `${a.name}=${a.from}:${a.to}:${a.step}`;

/**
 * Every combination of the axes, the first axis varying slowest.
 * @example
 * gridPoints([{ name: "a", from: 0, to: 1, step: 1 }]).values; // Float64Array [0, 1]
 */
export function gridPoints(axes: readonly GridAxis[]): Points {
  const runs = gridRuns(axes);
  if (runs > MAX_RUNS) throw new UsageError(sfcMessages.gridTooLarge(runs, MAX_RUNS));
  const values = axes.map(axisValues);
  const k = axes.length;
  const out = new Float64Array(runs * k);
  for (let run = 0; run < runs; run++) {
    let rest = run;
    for (let j = k - 1; j >= 0; j--) {
      const axis = values[j]!;
      out[run * k + j] = axis[rest % axis.length]!;
      rest = Math.floor(rest / axis.length);
    }
  }
  return { names: axes.map((a) => a.name), runs, values: out };
}

/**
 * Runs [first, first + count) of {@link gridPoints}, computed without the others (for shards).
 * @example
 * gridSlice([{ name: "a", from: 0, to: 3, step: 1 }], 2, 2).values; // Float64Array [2, 3]
 */
export function gridSlice(axes: readonly GridAxis[], first: number, count: number): Points {
  const values = axes.map(axisValues);
  const k = axes.length;
  const out = new Float64Array(count * k);
  for (let r = 0; r < count; r++) {
    let rest = first + r;
    for (let j = k - 1; j >= 0; j--) {
      const axis = values[j]!;
      out[r * k + j] = axis[rest % axis.length]!;
      rest = Math.floor(rest / axis.length);
    }
  }
  return { names: axes.map((a) => a.name), runs: count, values: out };
}

/**
 * `runs` seeded random draws (the same seed gives the same points).
 * @example
 * drawPoints([{ name: "alpha1", distribution: "uniform", a: 0.55, b: 0.65 }], 1000, 42);
 */
export function drawPoints(draws: readonly Draw[], runs: number, seed = 1): Points {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_RUNS) throw new UsageError(sfcMessages.noGrid());
  return drawSlice(draws, 0, runs, seed);
}

/**
 * Runs [first, first + count) of the draws of {@link drawPoints}: run r's values depend only on
 * (seed, r), from the counter-based generator of random.ts (index 0; a model's own draws use
 * periods 1, 2, ...), so a shard of a Monte Carlo study computes only its own runs.
 */
export function drawSlice(draws: readonly Draw[], first: number, count: number, seed = 1): Points {
  const k = draws.length;
  const out = new Float64Array(count * k);
  for (let r = 0; r < count; r++) {
    const run = first + r;
    draws.forEach((d, j) => {
      out[r * k + j] =
        d.distribution === "uniform"
          ? d.a + (d.b - d.a) * uniformAt(seed, run, 2 * j, 0)
          : d.a + d.b * normalAt(seed, run, j, 0);
    });
  }
  return { names: draws.map((d) => d.name), runs: count, values: out };
}
