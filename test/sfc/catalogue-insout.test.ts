// INSOUT (Godley and Lavoie 2007, ch. 10; issue #15): identities, and the settled state checked
// against what the model's own equations imply there (real values stationary, a slow steady deflation).
import { describe, expect, it } from "vitest";

import { baseRow, describeMatrices, loadBuiltinModel, steadyGrowth } from "../../src/sfc/index.ts";

const m = loadBuiltinModel("insout");

describe("INSOUT (ch. 10)", () => {
  it("the hidden equation Hbd = Hbs and the balance sheet hold over 300 periods", () => {
    const checks = describeMatrices(m, 300);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(3);
  });

  it("settled state: s = y = c + g, v = c = ydr, inventories at target, wages and prices as derived", () => {
    const { row, growth } = steadyGrowth(m, baseRow(m));
    const at = (v: string) => row[m.index.get(v)!]!;
    const c = at("c");
    expect(at("s")).toBeCloseTo(c + 25, 8);
    expect(at("y")).toBeCloseTo(at("s"), 8);
    // Real wealth constant: c = alpha1 ydr + alpha2 v with c = ydr gives v = c.
    expect(at("ydr")).toBeCloseTo(c, 7);
    expect(at("v")).toBeCloseTo(c, 7);
    const rl = at("rl");
    const sigma = 0.3612 - 3 * rl;
    expect(at("sigmaT")).toBeCloseTo(sigma, 12);
    expect(at("inv")).toBeCloseTo(sigma * at("s"), 7);
    // Price: p = (1 + tau)(1 + phi) W ((1 - sigma) + sigma (1 + rl) / (1 + pi)), W growing at pi.
    const pi = at("pi");
    const realWage = 1 / (1.25 * 1.1 * (1 - sigma + (sigma * (1 + rl)) / (1 + pi)));
    expect(at("W") / at("p") / realWage - 1).toBeCloseTo(0, 9);
    // Wage bargaining: pi = Omega3 (omegaT - W/p), omegaT = exp(Omega0) (N / Nfe)^1.5.
    const omegaT = Math.exp(-0.32549) * (at("N") / 133.28) ** 1.5;
    expect(at("omegaT")).toBeCloseTo(omegaT, 12);
    expect(pi).toBeCloseTo(0.1 * (omegaT - realWage), 9);
    expect(growth[m.index.get("p")!]! - 1).toBeCloseTo(pi, 9);
    // The banks' rules have come to rest inside their bands.
    expect(at("BLRN") >= 0.02 && at("BLRN") <= 0.06).toBe(true);
    expect(at("BPM") >= 0.003 && at("BPM") <= 0.005).toBe(true);
    expect(Math.abs(at("Ad"))).toBe(0);
  });
});
