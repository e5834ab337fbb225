// The Godley-Lavoie catalogue in models/ (simulator issue #15): every model's identities hold, and
// each is tested against values derived here from its own equations (analytic stationary states,
// within-period solutions), never against itself.
import { describe, expect, it } from "vitest";

import {
  baseRow,
  describeMatrices,
  loadBuiltinModel,
  runScenario,
  simulate,
  steadyState,
} from "../../src/sfc/index.ts";

const CATALOGUE = ["pcex", "pcex1", "pcex2", "reg", "open", "lp2", "dis", "disinf"];

// The stationary output of the PC family (shared/reference/sfc-models.md [A]): with
// alpha3 = (1 - alpha1)/alpha2 and k = (lambda0 + lambda1 r) alpha3 - lambda2,
// Y* = G (1 - (1 - theta) r k) / (theta - (1 - theta) r k).
function pcY(alpha1: number, r: number, G = 20, theta = 0.2): number {
  const k = ((1 - alpha1) / 0.4) * (0.635 + 5 * r) - 0.01;
  const rk = (1 - theta) * r * k;
  return (G * (1 - rk)) / (theta - rk);
}

function stationary(name: string, set: Map<string, number> = new Map()) {
  const m = loadBuiltinModel(name);
  const row = steadyState(m, baseRow(m, set));
  return (v: string) => row[m.index.get(v)!]!;
}

describe("the catalogue: identities", () => {
  for (const name of CATALOGUE) {
    it(`${name}: hidden equations and every matrix hold over 200 periods`, () => {
      const checks = describeMatrices(loadBuiltinModel(name), 200);
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      expect(checks.length).toBeGreaterThanOrEqual(2);
    });
  }
});

describe("PCEX, PCEX1, PCEX2 (ch. 4)", () => {
  it("PCEX1 and PCEX2 (rbar 2.5%) settle at PC's stationary state, Y* = 3940/37", () => {
    for (const name of ["pcex1", "pcex2"]) {
      const at = stationary(name);
      expect(at("Y") / (3940 / 37) - 1).toBeLessThan(1e-11);
      expect(at("V") / (3200 / 37) - 1).toBeLessThan(1e-11);
      expect(at("YDe")).toBeCloseTo(at("YD"), 9);
    }
  });

  it("PCEX2 at rbar 3.5%: alpha1 = 0.7 - 4 r = 0.56 and Y* from the PC formula", () => {
    const at = stationary("pcex2", new Map([["rbar", 0.035]]));
    expect(at("alpha1")).toBeCloseTo(0.56, 12);
    expect(Math.abs(at("Y") / pcY(0.56, 0.035) - 1)).toBeLessThan(1e-11);
  });

  it("PCEX1 from zero, period 2: no expected income, so C = 0, Y = G = 20, T = 4, YD = 16", () => {
    const run = simulate(loadBuiltinModel("pcex1"), { periods: 3 });
    expect(run.value("C", 2)).toBe(0);
    expect(run.value("Y", 2)).toBeCloseTo(20, 12);
    expect(run.value("T", 2)).toBeCloseTo(4, 12);
    expect(run.value("YD", 2)).toBeCloseTo(16, 12);
    // Period 3: C = 0.6 * 16 + 0.4 * V(2) with V(2) = 16.
    expect(run.value("C", 3)).toBeCloseTo(0.6 * 16 + 0.4 * 16, 12);
  });
});

describe("REG (ch. 6)", () => {
  it("stationary state: each region's income from the 2 x 2 system of the stationary equations", () => {
    // YD_i = (1 - theta) Y_i / (1 - (1 - theta) r k_i), C_i = YD_i, and
    // (1 + mu_N) Y_N - mu_S Y_S = YD_N + G_N, (1 + mu_S) Y_S - mu_N Y_N = YD_S + G_S.
    const r = 0.025;
    const theta = 0.2;
    const mu = 0.18781;
    const kN = ((1 - 0.6) / 0.4) * (0.635 + 5 * r) - 0.01;
    const kS = ((1 - 0.6) / 0.4) * (0.67 + 6 * r) - 0.07;
    const dN = (1 - theta) / (1 - (1 - theta) * r * kN);
    const dS = (1 - theta) / (1 - (1 - theta) * r * kS);
    // [1 + mu - dN, -mu; -mu, 1 + mu - dS] [Y_N; Y_S] = [20; 20]
    const a = 1 + mu - dN;
    const d = 1 + mu - dS;
    const det = a * d - mu * mu;
    const yN = (20 * d + mu * 20) / det;
    const yS = (a * 20 + mu * 20) / det;
    const at = stationary("reg");
    expect(Math.abs(at("Y_N") / yN - 1)).toBeLessThan(1e-11);
    expect(Math.abs(at("Y_S") / yS - 1)).toBeLessThan(1e-11);
    expect(at("X_N")).toBeCloseTo(mu * yS, 9);
  });
});

describe("OPEN (ch. 6)", () => {
  it("two identical countries trade evenly and each follows PC from zero (reference table)", () => {
    // shared/reference/sfc-models.md, PC from zero [C]: with X = IM each country is model PC.
    const run = simulate(loadBuiltinModel("open"), { periods: 20 });
    const pcY: Array<[number, number]> = [
      [2, 38.46153846],
      [3, 48.13775148],
      [8, 79.39792625],
      [20, 102.19115507],
    ];
    for (const [p, y] of pcY) {
      expect(run.value("Y_N", p)).toBeCloseTo(y, 7);
      expect(run.value("Y_S", p)).toBeCloseTo(y, 7);
      expect(run.value("or_N", p)).toBeCloseTo(0, 9);
    }
  });

  it("a higher South import propensity: gold moves North, world gold is conserved, Hh_S = Hs_S", () => {
    const run = runScenario(loadBuiltinModel("open"), {
      periods: 60,
      shocks: [{ name: "mu_S", value: 0.20781, from: 5 }],
    });
    for (let p = 5; p <= 60; p++) {
      expect(run.value("or_N", p) + run.value("or_S", p)).toBeCloseTo(0, 9);
      expect(run.value("Hh_S", p)).toBeCloseTo(run.value("Hs_S", p), 8);
    }
    expect(run.value("or_N", 60)).toBeGreaterThan(run.value("or_N", 10));
    expect(run.value("Y_S", 60)).toBeLessThan(run.value("Y_N", 60));
  });
});

describe("LP2 (ch. 5)", () => {
  it("the baseline settles at LP1's stationary state (reference [C]: Y* = 115.78397232)", () => {
    const at = stationary("lp2");
    expect(at("Y")).toBeCloseTo(115.78397232, 7);
    expect(at("Pbl")).toBe(20);
  });

  it("a bill-rate rise: the bond price steps down by 1% at a time until the bond share is in range", () => {
    const run = runScenario(loadBuiltinModel("lp2"), {
      periods: 120,
      shocks: [{ name: "Rbbar", value: 0.035, from: 5 }],
    });
    const pbl = run.series("Pbl");
    for (let p = 2; p < 120; p++) {
      const step = pbl[p]! / pbl[p - 1]!;
      expect([0.99, 1, 1.01].some((s) => Math.abs(step - s) < 1e-12)).toBe(true);
    }
    expect(run.value("Pbl", 120)).toBeLessThan(20);
    const tp = run.value("TP", 120);
    expect(tp >= 0.495 && tp <= 0.505).toBe(true);
  });
});

describe("DIS and DISINF (ch. 9 and 10)", () => {
  // Stationary DIS: s = c, in = sigma_T c, mh = in UC / p and UC / p = 1 / ((1 + phi)(1 + sigma_T rl)),
  // so c* = alpha0 / (1 - alpha1 - alpha2 sigma_T / ((1 + phi)(1 + sigma_T rl))).
  const markup = 1.25 * (1 + 0.15 * 0.025);
  const cStar = 15 / (1 - 0.8 - (0.1 * 0.15) / markup);

  it("DIS: c*, p* = (1 + phi)(1 + sigma_T rl) W / pr and inventories at target", () => {
    const at = stationary("dis");
    expect(Math.abs(at("c") / cStar - 1)).toBeLessThan(1e-11);
    expect(Math.abs(at("p") / (markup * 0.75) - 1)).toBeLessThan(1e-12);
    expect(at("in")).toBeCloseTo(0.15 * cStar, 9);
    expect(at("Mh")).toBeCloseTo(at("IN"), 9);
  });

  it("DISINF runs with its derived Omega0 and reaches the steady inflation its equations imply", () => {
    const m = loadBuiltinModel("disinf");
    expect(m.given.find((g) => g.name === "Omega0")!.value).toBeCloseTo(0.8 - 1 * 1 - 1.2, 12);
    const run = simulate(m, { periods: 800 });
    // Real side as in DIS with the real rate; then pi* = Omega3 (omegaT* - W/p*), with
    // omegaT* = Omega0 + Omega1 pr + Omega2 N*/Nfe and W/p* = pr / ((1 + phi)(1 + sigma_T rrl)).
    const omegaT = 0.8 - 1.2 + 1.2 * (cStar / 80);
    const piStar = 0.3 * (omegaT - 1 / markup);
    expect(run.value("c", 800) / cStar - 1).toBeLessThan(1e-9);
    expect(Math.abs(run.value("pi", 800) - piStar)).toBeLessThan(1e-10);
    // --set Omega2 re-derives Omega0, so the target at full employment stays 0.8.
    const set = simulate(m, { periods: 3, set: new Map([["Omega2", 0.5]]) });
    expect(set.value("Omega0", 2)).toBeCloseTo(0.8 - 1 - 0.5, 12);
  });
});
