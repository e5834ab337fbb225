// GROWTH (Godley and Lavoie 2007, ch. 11; issue #15): identities, and a scenario started from its
// steady-growth path checked against what the model's own equations imply on such a path.
import { describe, expect, it } from "vitest";

import {
  baseRow,
  describeMatrices,
  loadBuiltinModel,
  runScenario,
  steadyGrowth,
} from "../../src/sfc/index.ts";

const m = loadBuiltinModel("growth");

describe("GROWTH (ch. 11)", () => {
  it("the hidden equation and both matrices hold over 300 periods from the book's start", () => {
    const checks = describeMatrices(m, 300);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(3);
  });

  it("the steady-growth path: real growth 3%, employment flat, nominal growth (1.03)(1 + PI)", () => {
    const { row, growth } = steadyGrowth(m, baseRow(m));
    const at = (v: string) => row[m.index.get(v)!]!;
    const g = (v: string) => growth[m.index.get(v)!]!;
    for (const v of ["Yk", "Kk", "Ck", "Ik", "Gk", "PR", "INk", "Vk"]) expect(g(v)).toBeCloseTo(1.03, 10);
    expect(g("N")).toBeCloseTo(1, 10);
    const pi = at("PI");
    for (const v of ["Y", "K", "V", "Mh", "Lfd", "Lhd", "Bs", "W"]) {
      expect(g(v) / (1.03 * (1 + pi)) - 1).toBeCloseTo(0, 10);
    }
    // 11.7 with GRk = 0.03 fixes last period's utilisation: U = (0.03 - gamma0 + gammar RRl) / gammau.
    expect(at("GRk")).toBeCloseTo(0.03, 10);
    expect(at("U") / ((0.03 - 0.00122 + 0.1 * at("RRl")) / 0.05) - 1).toBeCloseTo(0, 9);
    // 11.11: Ik / Kk = (GRk + delta) / (1 + GRk); 11.9: RRl from Rl and PI.
    expect(at("Ik") / at("Kk")).toBeCloseTo((0.03 + 0.10667) / 1.03, 10);
    expect(at("RRl")).toBeCloseTo((1 + at("Rl")) / (1 + pi) - 1, 12);
    // Employment settles at full employment's band: ER inside [0.99, 1.01].
    expect(Math.abs(at("ER") - 1)).toBeLessThanOrEqual(0.01);
  });

  it("a scenario starts from the path: ratios constant, growth at its rate, until the shock", () => {
    const shockAt = 30;
    const run = runScenario(m, {
      periods: 60,
      steadyGrowth: true,
      // Same value as the baseline: periods 30-60 are solved and must stay on the laid path.
      shocks: [{ name: "GRg", value: 0.03, from: shockAt }],
    });
    const pi = run.value("PI", 2);
    for (let p = 3; p <= 60; p++) {
      expect(run.value("Yk", p) / run.value("Yk", p - 1)).toBeCloseTo(1.03, 9);
      expect(run.value("Y", p) / run.value("Y", p - 1) / (1.03 * (1 + pi))).toBeCloseTo(1, 9);
      expect(run.value("Kk", p) / run.value("Yk", p)).toBeCloseTo(run.value("Kk", 2) / run.value("Yk", 2), 9);
      expect(run.value("V", p) / run.value("Y", p)).toBeCloseTo(run.value("V", 2) / run.value("Y", 2), 9);
      expect(run.value("PI", p)).toBeCloseTo(pi, 10);
    }
  });

  it("faster government growth: real output grows faster than 3% after the shock", () => {
    const run = runScenario(m, {
      periods: 40,
      steadyGrowth: true,
      shocks: [{ name: "GRg", value: 0.035, from: 10 }],
    });
    expect(run.value("Yk", 9) / run.value("Yk", 8)).toBeCloseTo(1.03, 9);
    expect(run.value("Yk", 40) / run.value("Yk", 39)).toBeGreaterThan(1.03);
    expect(run.value("Gk", 40) / run.value("Gk", 39)).toBeCloseTo(1.035, 12);
  });
});
