// Peer values: sums of Y@2, Y@5, Y@100 over sfcr 0.2.1.9's 1,000-run PC sweep, from the simulator
// issue (#7) and the project's reference "sfc-models.md" section 6.5. Correctness, not timing.
import { describe, expect, it } from "vitest";

import {
  axisValues,
  gridPoints,
  loadBuiltinModel,
  parseGridAxis,
  parseOutputs,
  sweep,
  sweepSync,
} from "../../src/sfc/index.ts";

const pc = loadBuiltinModel("pc");
const GRID = ["rbar=0.010:0.055:0.005", "alpha1=0.55:0.64:0.01", "theta=0.15:0.24:0.01"].map(parseGridAxis);

describe("sweeps", () => {
  it("builds float grids from integer step counts: 0.010..0.055 step 0.005 has 10 points", () => {
    const values = axisValues(GRID[0]!);
    expect(values).toHaveLength(10);
    expect(values[9]).toBeCloseTo(0.055, 15);
    expect(gridPoints(GRID).runs).toBe(1000);
  });

  it("reproduces sfcr's 1,000-run PC sweep sums (issue #7) to 1e-6 relative", () => {
    const result = sweepSync(pc, { periods: 100, grid: GRID, outputs: parseOutputs("Y@2,Y@5,Y@100") });
    const sums = [0, 0, 0];
    for (let r = 0; r < result.runs; r++)
      for (let j = 0; j < 3; j++) sums[j] = sums[j]! + result.values[r * 3 + j]!;
    const want = [38504.2487175377, 64659.6416456506, 116852.8321587109];
    want.forEach((w, j) => expect(Math.abs(sums[j]! / w - 1)).toBeLessThan(1e-6));
  });

  it("gives the same rows over worker threads as in-process, one row per run (grid values, then outputs)", async () => {
    const options = {
      periods: 20,
      grid: [parseGridAxis("rbar=0.01:0.04:0.01"), parseGridAxis("alpha1=0.55:0.6:0.05")],
      outputs: parseOutputs("Y@2,Y@20"),
    };
    const local = sweepSync(pc, options);
    let progress = 0;
    const threaded = await sweep(pc, { ...options, threads: 2, onProgress: (done) => (progress = done) });
    expect(threaded.threads).toBe(2);
    expect(progress).toBe(8);
    expect([...threaded.values]).toEqual([...local.values]);
    expect(threaded.rows()[0]).toEqual({
      rbar: 0.01,
      alpha1: 0.55,
      "Y@2": local.values[0],
      "Y@20": local.values[1],
      error: null,
    });
  });

  it("draws seeded Monte Carlo points reproducibly", () => {
    const options = {
      periods: 10,
      draws: [{ name: "alpha1", distribution: "uniform" as const, a: 0.55, b: 0.65 }],
      runs: 5,
      seed: 7,
      outputs: parseOutputs("Y@10"),
    };
    const a = sweepSync(pc, options);
    const b = sweepSync(pc, options);
    expect([...a.values]).toEqual([...b.values]);
    for (const x of a.points) expect(x >= 0.55 && x <= 0.65).toBe(true);
  });

  it("rejects outputs outside the run", () => {
    expect(() => sweepSync(pc, { periods: 10, grid: GRID, outputs: parseOutputs("Y@11") })).toThrow(
      "invalid --output: Y@11: the period must be between 1 and 10",
    );
    expect(() => sweepSync(pc, { periods: 10, grid: GRID, outputs: parseOutputs("Yx@2") })).toThrow(
      "unknown variable: Yx (did you mean Y?)",
    );
  });
});
