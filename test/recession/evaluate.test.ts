import { describe, expect, it } from "vitest";

import { auroc, bootstrapAuroc, delong, nsrAtTpr, thresholdStats } from "../../src/recession/auroc.ts";
import { evaluate, parseWindow } from "../../src/recession/evaluate.ts";

describe("ROC statistics", () => {
  const data = [
    { score: 1, y: 0 as const, group: "a" },
    { score: 2, y: 0 as const, group: "b" },
    { score: 3, y: 1 as const, group: "a" },
    { score: 2, y: 1 as const, group: "b" },
  ];
  it("AUROC counts ties one half (Mann-Whitney)", () => {
    expect(auroc(data)).toBeCloseTo(0.875, 10);
    expect(delong(data)!.auc).toBeCloseTo(0.875, 10);
  });
  it("NSR = FPR / TPR", () => {
    expect(thresholdStats(data, 2)).toEqual({ threshold: 2, tpr: 1, fpr: 0.5, nsr: 0.5 });
    expect(nsrAtTpr(data, 1)!.nsr).toBe(0.5);
  });
  it("the cluster bootstrap is seeded (same seed, same interval)", () => {
    expect(bootstrapAuroc(data, { seed: 1, reps: 50 })).toEqual(bootstrapAuroc(data, { seed: 1, reps: 50 }));
  });
});

describe("evaluate (out of sample, 5-12 quarters)", () => {
  const results = evaluate({ bootstrapReps: 100 });

  it("reports the composite and the credit gap on the same sample", () => {
    expect(results).toHaveLength(2);
    for (const r of results) {
      expect(r.positives).toBeGreaterThan(30);
      expect(r.composite.auroc).not.toBeNull();
      expect(r.creditGap.auroc).not.toBeNull();
      expect(r.creditGap.delongCi![0]).toBeLessThan(r.creditGap.auroc!);
    }
  });

  it("credit-gap AUROC on BIS x Laeven-Valencia is in the published/recomputed range 0.60-0.72 (indicators.md B.7)", () => {
    const q = results[0]!;
    expect(q.creditGap.auroc).toBeGreaterThan(0.6);
    expect(q.creditGap.auroc).toBeLessThan(0.72);
  });

  it("rejects a malformed window", () => {
    expect(() => parseWindow("12-5q")).toThrow(
      /^invalid --window: "12-5q" \(expected quarters as <from>-<to>q/,
    );
    expect(parseWindow("5-12q")).toEqual({ from: 5, to: 12 });
  });
});
