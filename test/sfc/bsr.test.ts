// BSR, the balance-sheet-recession model (models/bsr.sfc, docs/bsr-model.md). Every test compares
// runs of the built-in model; thresholds are stated in the test names. simulate() checks both
// hidden equations and both matrices in every solved period and throws on the first failure.
import { describe, expect, it } from "vitest";

import { checkPeriod, loadBuiltinModel, simulate, type Simulation } from "../../src/sfc/index.ts";

const bsr = loadBuiltinModel("bsr");
const PERIODS = 120;
const BURST = 20; // default burst_period
const run = (set: Record<string, number> = {}): Simulation => simulate(bsr, { periods: PERIODS, set });

const base = run();
const yStar = base.value("Y", 1); // the pre-bubble stationary output

/** Periods after the burst until output first regains 97% of its pre-bubble level (Infinity: never). */
function recovery(r: Simulation): number {
  for (let t = BURST + 1; t <= PERIODS; t++) if (r.value("Y", t) >= 0.97 * yStar) return t - BURST;
  return Infinity;
}

/** Largest |x_a / x_b - 1| of `name` over periods from..to. */
function maxRelDiff(a: Simulation, b: Simulation, name: string, from: number, to: number): number {
  let worst = 0;
  for (let t = from; t <= to; t++) worst = Math.max(worst, Math.abs(a.value(name, t) / b.value(name, t) - 1));
  return worst;
}

const scenarios: Record<string, Record<string, number>> = {
  baseline: {},
  "rate cut after the bust": { rate_cut: 0.03, cut_start: 21 },
  "rate cut before the bust": { rate_cut: 0.03, cut_start: 12 },
  "early fiscal support": { fiscal_size: 0.4, fiscal_start: 21, fiscal_len: 10 },
  "late fiscal support": { fiscal_size: 0.4, fiscal_start: 30, fiscal_len: 10 },
  "early clean-up": { cleanup_period: 21 },
  "late clean-up": { cleanup_period: 40 },
  "support then austerity": {
    fiscal_size: 0.4,
    fiscal_start: 21,
    fiscal_len: 200,
    austerity_size: 0.4,
    austerity_start: 27,
  },
  "regulatory tightening": { reg_size: 0.04, reg_start: 22 },
  "burst by the debt limit": { burst_period: 9999 },
};

describe("BSR: identities", () => {
  it("starts from its stationary state (periods 1-9 equal to 1e-9 relative)", () => {
    for (const name of ["Y", "Lf", "M", "Bs", "OF", "pL"]) {
      expect(Math.abs(base.value(name, 9) - base.value(name, 1))).toBeLessThan(
        1e-9 * Math.max(1, Math.abs(base.value(name, 1))),
      );
    }
  });

  it.each(Object.keys(scenarios))(
    "%s: hidden equations and both matrices hold in all 120 periods",
    (name) => {
      const r = simulate(bsr, { periods: PERIODS, set: scenarios[name]!, checks: false });
      for (let t = 1; t < PERIODS; t++) expect(checkPeriod(bsr, r.values, t)).toBeUndefined();
      // The start values carry 15 significant digits, hence a relative tolerance of 1e-10.
      const bs = r.value("Bs", PERIODS);
      expect(Math.abs(bs - r.value("Bb", PERIODS) - r.value("Bcb", PERIODS))).toBeLessThan(1e-10 * bs);
      expect(Math.abs(r.value("PSBAL", PERIODS) - r.value("DEFG", PERIODS))).toBeLessThan(1e-10 * bs);
    },
  );
});

describe("BSR: the bubble bursts into a balance-sheet recession", () => {
  it("output falls > 25% peak to trough and > 25% below its pre-bubble level; land price falls > 50%", () => {
    const y = base.series("Y");
    const pl = base.series("pL");
    const peak = Math.max(...y.slice(0, BURST));
    const trough = Math.min(...y.slice(BURST));
    expect(1 - trough / peak).toBeGreaterThan(0.25);
    expect(1 - trough / yStar).toBeGreaterThan(0.25);
    expect(1 - Math.min(...pl.slice(BURST)) / Math.max(...pl.slice(0, BURST))).toBeGreaterThan(0.5);
    expect(Math.max(...pl.slice(0, BURST))).toBeGreaterThan(1.8 * pl[0]!); // the bubble itself
  });

  it("firms switch to debt repayment: D = 1, private surplus > 0 and firm debt falling in periods 21-26", () => {
    for (let t = BURST + 1; t <= BURST + 6; t++) {
      expect(base.value("D", t)).toBe(1);
      expect(base.value("PSBAL", t)).toBeGreaterThan(0);
      expect(base.value("FSBAL", t)).toBeGreaterThan(0);
      expect(base.value("Lf", t)).toBeLessThan(base.value("Lf", t - 1));
    }
    expect(base.value("D", BURST - 1)).toBe(0);
  });

  it("bad loans wipe out bank capital (true capital ratio < 0) and banks ration credit afterwards", () => {
    expect(Math.min(...base.series("CAR"))).toBeLessThan(0);
    let rationed = 0;
    for (let t = BURST + 7; t <= BURST + 30; t++) rationed += base.value("RAT", t);
    expect(rationed).toBeGreaterThan(20);
  });

  it("the burst also comes when firm debt crosses debt_limit x output (no burst_period)", () => {
    const r = run({ burst_period: 9999 });
    const first = r.series("BURST").findIndex((b) => b === 1) + 1;
    expect(first).toBeGreaterThan(BURST);
    expect(first).toBeLessThan(BURST + 5);
    expect(r.value("Lf", first - 1) / r.value("Y", first - 1)).toBeGreaterThan(r.value("debt_limit", 1));
  });
});

describe("BSR: Koo's policy results", () => {
  it("a 3-point rate cut moves firm loans < 2% while firms repay (periods 21-25) but > 10% before the bust", () => {
    const after = run({ rate_cut: 0.03, cut_start: 21 });
    const before = run({ rate_cut: 0.03, cut_start: 12 });
    expect(maxRelDiff(after, base, "Lf", 21, 25)).toBeLessThan(0.02);
    expect(maxRelDiff(before, base, "Lf", 12, 17)).toBeGreaterThan(0.1);
    expect(before.value("Lf", 14)).toBeGreaterThan(base.value("Lf", 14)); // the cut raises credit then
  });

  it("early fiscal support shortens the slump: recovery(start 21) < recovery(start 30) < recovery(none)", () => {
    const early = recovery(run(scenarios["early fiscal support"]!));
    const late = recovery(run(scenarios["late fiscal support"]!));
    const none = recovery(base);
    expect(early).toBeLessThan(late);
    expect(late).toBeLessThan(none);
    expect(none - early).toBeGreaterThanOrEqual(15);
  });

  it("early bank clean-up shortens the slump: recovery(clean-up 21) < recovery(clean-up 40) < recovery(none)", () => {
    const early = recovery(run(scenarios["early clean-up"]!));
    const late = recovery(run(scenarios["late clean-up"]!));
    const none = recovery(base);
    expect(early).toBeLessThan(late);
    expect(late).toBeLessThan(none);
  });

  it("austerity in the recovery brings a second dip (> 1%) while the supported path keeps rising", () => {
    const supported = run({ fiscal_size: 0.4, fiscal_start: 21, fiscal_len: 200 });
    const austere = run(scenarios["support then austerity"]!);
    // Both paths recover until period 26; austerity starts in 27.
    expect(austere.value("Y", 26)).toBeGreaterThan(austere.value("Y", 25));
    expect(austere.value("Y", 27)).toBeLessThan(0.99 * austere.value("Y", 26));
    expect(supported.value("Y", 27)).toBeGreaterThan(supported.value("Y", 26));
    for (let t = 27; t <= 40; t++) expect(supported.value("Y", t)).toBeGreaterThan(austere.value("Y", t));
  });

  it("regulatory tightening after the crisis adds output loss (periods 21-60)", () => {
    const tight = run(scenarios["regulatory tightening"]!);
    let loss = 0;
    for (let t = 21; t <= 60; t++) loss += base.value("Y", t) - tight.value("Y", t);
    expect(loss).toBeGreaterThan(0);
  });
});
