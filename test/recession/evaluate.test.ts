import { describe, expect, it } from "vitest";

import { auroc, bootstrapAuroc, delong, nsrAtTpr, thresholdStats } from "../../src/recession/auroc.ts";
import { evaluate, parseWindow } from "../../src/recession/evaluate.ts";
import { thresholdAt } from "../../src/recession/warning/evaluate-warning.ts";

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
  it("Hanley and McNeil (1982) rating data (58 normal, 51 abnormal, 5 categories): AUROC 0.893, SE about 0.032", () => {
    const d: { score: number; y: 0 | 1; group: string }[] = [];
    [33, 6, 6, 11, 2].forEach((n, i) =>
      d.push(...Array.from({ length: n }, () => ({ score: i + 1, y: 0 as const, group: "a" }))),
    );
    [3, 2, 2, 11, 33].forEach((n, i) =>
      d.push(...Array.from({ length: n }, () => ({ score: i + 1, y: 1 as const, group: "a" }))),
    );
    expect(auroc(d)!).toBeCloseTo(0.893, 3);
    // Their SE (0.032) is from an exponential approximation; DeLong's is close to it.
    expect(Math.abs(delong(d)!.se - 0.032)).toBeLessThan(0.002);
  });
  it("hit rate and noise-to-signal at a threshold, counted by hand (Kaminsky, Lizondo and Reinhart 1998: NSR = FPR / TPR)", () => {
    // 4 pre-crisis scores 5, 4, 2, 1 and 10 tranquil 0..9: at 4, hits 2/4, false alarms 6/10 (4..9).
    const d = [
      ...[5, 4, 2, 1].map((score) => ({ score, y: 1 as const, group: "a" })),
      ...Array.from({ length: 10 }, (_, score) => ({ score, y: 0 as const, group: "b" })),
    ];
    expect(thresholdStats(d, 4)).toEqual({ threshold: 4, tpr: 0.5, fpr: 0.6, nsr: 1.2 });
    // The highest threshold catching 2/3 (3 of 4) is 2: TPR 3/4, FPR 8/10.
    const n = nsrAtTpr(d)!;
    expect([n.threshold, n.tpr, n.fpr]).toEqual([2, 0.75, 0.8]);
    expect(n.nsr).toBeCloseTo(0.8 / 0.75, 12);
  });
  it("the training threshold at a 10% false-alarm rate: 10 negatives 0..9 give 9 (one signals), 25 give the 3rd highest", () => {
    expect(thresholdAt([3, 1, 4, 0, 9, 2, 8, 5, 7, 6], 0.1)).toBe(9);
    expect(
      thresholdAt(
        Array.from({ length: 25 }, (_, i) => i),
        0.1,
      ),
    ).toBe(22);
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
