import { describe, expect, it } from "vitest";

import { auroc, mulberry32 } from "../../src/recession/auroc.ts";
import { earlyWarning, warning } from "../../src/recession/index.ts";
import { clusterPairs, clusterResamples, pairsAuroc } from "../../src/recession/warning/cluster-auroc.ts";
import { DESIGN, labelOf } from "../../src/recession/warning/evaluate-warning.ts";
import type { WarnPanel } from "../../src/recession/warning/features.ts";
import { fitGbm, gbmScore } from "../../src/recession/warning/gbm.ts";

describe("boosted trees", () => {
  it("learn an interaction a linear score cannot (XOR of two signs): in-sample AUROC > 0.95", () => {
    const rand = mulberry32(7);
    const x: number[][] = [];
    const y: (0 | 1)[] = [];
    for (let i = 0; i < 600; i++) {
      const a = rand() * 2 - 1;
      const b = rand() * 2 - 1;
      x.push([a, b]);
      y.push(a * b > 0 ? 1 : 0);
    }
    const m = fitGbm(x, y);
    const scored = x.map((r, i) => ({ score: gbmScore(m, r), y: y[i]!, group: "g" }));
    expect(auroc(scored)!).toBeGreaterThan(0.95);
    // A linear score on the same rows is no better than chance.
    expect(auroc(x.map((r, i) => ({ score: r[0]! + r[1]!, y: y[i]!, group: "g" })))!).toBeLessThan(0.6);
  });

  it("are deterministic: the same rows give the same scores", () => {
    const x = [[1], [2], [3], [4], [5], [6]].flatMap((r) => Array.from({ length: 10 }, () => r));
    const y = x.map((r) => (r[0]! > 3 ? 1 : 0) as 0 | 1);
    expect(gbmScore(fitGbm(x, y), [5])).toBe(gbmScore(fitGbm(x, y), [5]));
    expect(gbmScore(fitGbm(x, y), [5])).toBeGreaterThan(gbmScore(fitGbm(x, y), [1]));
  });
});

describe("cluster-pair bootstrap", () => {
  it("a resample's AUROC equals the AUROC of the resampled observations", () => {
    const rand = mulberry32(3);
    const data = Array.from({ length: 200 }, (_, i) => ({
      score: Math.round(rand() * 20),
      y: (rand() < 0.3 ? 1 : 0) as 0 | 1,
      group: `c${i % 7}`,
    }));
    const groups = [...new Set(data.map((d) => d.group))];
    const pairs = clusterPairs(data, groups);
    for (const m of clusterResamples(groups.length, 20, 11)) {
      const sample = groups.flatMap((g, k) =>
        Array.from({ length: m[k]! }, () => data.filter((d) => d.group === g)).flat(),
      );
      expect(pairsAuroc(pairs, m)!).toBeCloseTo(auroc(sample)!, 12);
    }
  });
});

describe("labels", () => {
  const panel: WarnPanel = {
    kind: "annual",
    perYear: 1,
    features: ["x"],
    rows: [],
    crises: new Map([["A", [{ start: 2000, end: 2000 }]]]),
    lastT: 2020,
  };
  const row = (t: number) => ({ group: "A", t, year: t, date: String(t), x: [0] });
  it("positives from..to years before a start; crisis and 4 post-crisis years dropped; too-close dropped", () => {
    const h = { label: "3-5 years", from: 3, to: 5 };
    expect(labelOf(panel, row(1995), h, 4)).toBe(1);
    expect(labelOf(panel, row(1997), h, 4)).toBe(1);
    expect(labelOf(panel, row(1998), h, 4)).toBeNull(); // a crisis 2 years ahead: sooner than 3
    expect(labelOf(panel, row(1994), h, 4)).toBe(0);
    expect(labelOf(panel, row(2004), h, 4)).toBeNull(); // post-crisis
    expect(labelOf(panel, row(2005), h, 4)).toBe(0);
    expect(labelOf(panel, row(2016), h, 4)).toBeNull(); // label not known yet (2016 + 5 > 2020)
  });
});

// The full evaluation runs once per input vintage (about 10 s of CPU on the bundled data); CI runs
// it with 50 cluster resamples instead of 500 (only the intervals' precision differs).
describe("early-warning evaluation on the bundled data (reduced: 50 resamples)", () => {
  const r = earlyWarning({ reps: 50, noDiskCache: true });
  const get = (horizon: string) => r.results.find((x) => x.horizon === horizon)!;

  it("every sample and horizon of the design, every candidate on the same observations", () => {
    expect(r.results.map((x) => x.horizon)).toEqual([
      ...DESIGN.annual.horizons.map((h) => h.label),
      ...DESIGN.quarterly.horizons.map((h) => h.label),
    ]);
    for (const x of r.results) {
      expect(x.test.map((s) => s.candidate)).toEqual([
        "credit gap",
        "composite logit",
        "logit",
        "boosted trees",
      ]);
      expect(x.chosen).not.toBe("credit gap");
    }
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it("the credit gap alone: JST 1-2 years and BIS 5-12 quarters in the literature's range (0.65-0.76)", () => {
    const gapJst = get("1-2 years").test.find((s) => s.candidate === "credit gap")!.auroc!;
    const gapBis = get("5-12 quarters").test.find((s) => s.candidate === "credit gap")!.auroc!;
    expect(gapJst).toBeGreaterThan(0.6);
    expect(gapJst).toBeLessThan(0.8);
    expect(gapBis).toBeGreaterThan(0.6);
    expect(gapBis).toBeLessThan(0.8);
  });

  it("the chosen model is the validation-best model (the fixed rule)", () => {
    for (const x of r.results) {
      const models = x.validation.filter((s) => s.candidate !== "credit gap" && s.auroc !== null);
      const best = Math.max(...models.map((s) => s.auroc!));
      expect(x.validation.find((s) => s.candidate === x.chosen)!.auroc!).toBeGreaterThan(best - 0.0051);
    }
  });

  it("13-20 quarters: no crisis starts 13-20 quarters after a test quarter with a known label (said, not guessed)", () => {
    const x = get("13-20 quarters");
    expect(x.positives).toBe(0);
    expect(x.test.every((s) => s.auroc === null)).toBe(true);
  });

  it("warn US: a probability in [0, 1] with the features behind it", () => {
    const w = warning("US", { reps: 50, noDiskCache: true });
    expect(w.probability).toBeGreaterThanOrEqual(0);
    expect(w.probability).toBeLessThanOrEqual(1);
    expect(w.features[0]!.name).toBe("credit gap (pp)");
    expect(w.date).toMatch(/^20\d\d-Q[1-4]$/);
    expect(w.horizon).toBe("5-12 quarters");
  });
});
