import { describe, expect, it } from "vitest";

import { auroc, mulberry32 } from "../../src/recession/auroc.ts";
import { earlyWarning, warning } from "../../src/recession/index.ts";
import { clusterPairs, clusterResamples, pairsAuroc } from "../../src/recession/warning/cluster-auroc.ts";
import { dsrGaps } from "../../src/recession/warning/dsr.ts";
import { CANDIDATES, DESIGN, labelOf } from "../../src/recession/warning/evaluate-warning.ts";
import {
  annualWarnPanel,
  quarterlyWarnPanel,
  realTimeTopFlags,
  type WarnPanel,
  type WarnRow,
} from "../../src/recession/warning/features.ts";
import { fitForest, forestScore } from "../../src/recession/warning/forest.ts";
import { fitGbm, gbmScore } from "../../src/recession/warning/gbm.ts";
import {
  type Binned,
  binRows,
  flatTrees,
  growBuffers,
  growCountTree,
  growTree,
  POSITIVE,
} from "../../src/recession/warning/tree-grow.ts";
import { panelFromFiles } from "../../src/recession/source.ts";

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

describe("random forest", () => {
  const rand = mulberry32(5);
  const x: number[][] = [];
  const y: (0 | 1)[] = [];
  for (let i = 0; i < 600; i++) {
    const a = rand() * 2 - 1;
    const b = rand() * 2 - 1;
    x.push([a, b, rand()]);
    y.push(a * b > 0 ? 1 : 0);
  }
  it("learns the XOR of two signs (held-out AUROC > 0.9) and is seeded (same fit, same scores)", () => {
    const m = fitForest(x.slice(0, 400), y.slice(0, 400));
    const held = x.slice(400).map((r, i) => ({ score: forestScore(m, r), y: y[400 + i]!, group: "g" }));
    expect(auroc(held)!).toBeGreaterThan(0.9);
    expect(forestScore(fitForest(x, y), [0.5, 0.5, 0.5])).toBe(forestScore(fitForest(x, y), [0.5, 0.5, 0.5]));
  });
  it("out-of-bag scores are honest: on labels that are pure noise they are near chance, in-bag scores are not", () => {
    const noise = x.map(() => (rand() < 0.3 ? 1 : 0) as 0 | 1);
    const m = fitForest(x, noise);
    const oob = auroc(noise.map((v, i) => ({ score: m.oob[i]!, y: v, group: "g" })))!;
    const inBag = auroc(noise.map((v, i) => ({ score: forestScore(m, x[i]!), y: v, group: "g" })))!;
    expect(Math.abs(oob - 0.5)).toBeLessThan(0.08);
    expect(inBag).toBeGreaterThan(0.7);
  });
});

describe("the forest's counting grower", () => {
  it("grows the gradient grower's tree (g = -y, h = 1, l2 = 0) on the bootstrap sample with its repeats", () => {
    const rand = mulberry32(9);
    const n = 500;
    const x = Array.from({ length: n }, () => [rand(), rand(), Math.round(rand() * 5)]);
    const y = x.map((r) => (r[0]! * r[1]! + 0.2 * rand() > 0.3 ? 1 : 0) as 0 | 1);
    const data = binRows(x, 32);
    const draws = Int32Array.from({ length: n }, () => Math.floor(rand() * n));
    // The sample written out row by row, repeats included, on the same cut points.
    const k = data.cuts.length;
    const bins = data.bins.map((b) => Uint8Array.from(draws, (i) => b[i]!));
    const byRow = Uint8Array.from({ length: n * k }, (_, a) => bins[a % k]![Math.floor(a / k)]!);
    const sample: Binned = { cuts: data.cuts, bins, byRow, rows: n };
    const [a, b] = flatTrees(5, 2);
    const g = Float64Array.from(draws, (i) => -y[i]!);
    const p = { depth: 5, minLeaf: 10, bins: 32 };
    growTree(
      sample,
      g,
      new Float64Array(n).fill(1),
      { ...p, l2: 0 },
      a!,
      new Int32Array(n),
      growBuffers(sample, 32),
    );
    const w = new Int32Array(n);
    for (const i of draws) w[i]!++;
    const rows = Int32Array.from([...w.keys()].filter((i) => w[i]! > 0));
    const code = Float64Array.from(w, (c, i) => c * (y[i] ? 1 + POSITIVE : 1));
    const all = Int32Array.from([0, 1, 2]);
    growCountTree(data, code, rows, rows.length, p, () => all, 3, b!, new Float64Array(32));
    expect(a!.size).toBeGreaterThan(7);
    expect(b!.size).toBe(a!.size);
    const nodes = (t: typeof a) =>
      Array.from({ length: t!.size }, (_, id) => [
        t!.feature[id],
        t!.feature[id]! < 0 ? -1 : t!.bin[id],
        Math.abs(t!.value[id]!),
      ]);
    expect(nodes(b)).toEqual(nodes(a));
  });
});

describe("real time: no feature uses data after its date", () => {
  // Cutting every input after a date must leave every earlier feature value unchanged: a centred
  // filter, a full-sample quantile or a cross-country mean over later periods would change them.
  const raw = panelFromFiles();
  const same = (full: WarnPanel, cut: WarnPanel, last: number) => {
    const key = (r: WarnRow) => `${r.group}|${r.t}`;
    const byKey = new Map(full.rows.map((r) => [key(r), r]));
    let compared = 0;
    for (const r of cut.rows) {
      if (r.t > last) continue;
      expect(byKey.get(key(r))!.x, `${r.group} ${r.date}`).toEqual(r.x);
      compared++;
    }
    return compared;
  };
  it("JST annual panel cut after 1960: every 1870-1960 feature as in the full panel", () => {
    const full = annualWarnPanel(raw.jst!);
    const cut = annualWarnPanel(raw.jst!.filter((r) => r.year <= 1960));
    expect(same(full, cut, 1960)).toBeGreaterThan(1000);
  });
  it("BIS quarterly panel cut after 2000-Q4: every earlier feature as in the full panel", () => {
    const last = 2000 * 4 + 3;
    const q = (d: string) => Number(d.slice(0, 4)) * 4 + Number(d.slice(6)) - 1;
    const trim = <T extends { observations: readonly { date: string }[] } | undefined>(s: T): T =>
      (s ? { ...s, observations: s.observations.filter((o) => q(o.date) <= last) } : s) as T;
    const bis = raw.bis!.map(({ country, bis: b }) => ({
      country,
      bis: Object.fromEntries(Object.entries(b).map(([k, v]) => [k, trim(v)])) as typeof b,
    }));
    const full = quarterlyWarnPanel(raw.bis!, raw.lv!);
    const cut = quarterlyWarnPanel(bis, raw.lv!);
    expect(same(full, cut, last)).toBeGreaterThan(1500);
  });
  it("red-zone quantiles pool only rows up to the period: a later outlier changes no earlier flag", () => {
    const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((t) =>
      Array.from({ length: 5 }, (_, g) => ({ group: `c${g}`, t, year: t, date: String(t), x: [t + g] })),
    );
    const before = realTimeTopFlags(rows, (r) => r.x[0]!, 0.8);
    const later = { group: "c0", t: 11, year: 11, date: "11", x: [1000] };
    const after = realTimeTopFlags([...rows, later], (r) => r.x[0]!, 0.8);
    for (const r of rows) expect(after.get(r)).toBe(before.get(r));
    // Fewer than 20 pooled values: unknown, not guessed.
    expect(before.get(rows[0]!)).toBeNull();
    // Period 4 pools 20 values: 1,2,2,3,3,3,4,4,4,4,5,5,5,5,6,6,6,7,7,8; the cut is the 17th
    // (index floor(0.8 * 20) = 16), 6, so its rows 4..8 flag from 6 on.
    expect(rows.filter((r) => r.t === 4).map((r) => before.get(r))).toEqual([false, false, true, true, true]);
  });
  it("DSR gap = DSR minus its expanding mean, from the 20th quarter on", () => {
    const obs = Array.from({ length: 22 }, (_, i) => ({
      date: `${2000 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
      value: i,
    }));
    const g = dsrGaps([{ iso2: "AA", vintage: "x", observations: obs }]).get("AA")!;
    expect(g.size).toBe(3);
    // Quarter 20 (index 19): 19 - mean(0..19) = 19 - 9.5.
    expect(g.get(2004 * 4 + 3)).toBe(9.5);
    expect(g.get(2005 * 4 + 1)).toBe(21 - 10.5);
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

// The full evaluation runs once per input vintage (about 14 s of CPU on the bundled data, most of
// it the 250 forests and 250 boosted ensembles); CI runs it with 50 cluster resamples instead of
// 500 (only the intervals' precision differs).
describe("early-warning evaluation on the bundled data (reduced: 50 resamples)", () => {
  const r = earlyWarning({ reps: 50, noDiskCache: true });
  const get = (horizon: string) => r.results.find((x) => x.horizon === horizon)!;

  it("every sample and horizon of the design, every candidate on the same observations", () => {
    expect(r.results.map((x) => x.horizon)).toEqual([
      ...DESIGN.annual.horizons.map((h) => h.label),
      ...DESIGN.quarterly.horizons.map((h) => h.label),
    ]);
    for (const x of r.results) {
      expect(x.test.map((s) => s.candidate)).toEqual([...CANDIDATES]);
      expect(x.chosen).toBe("ensemble");
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

  it("design 2: the reported model is fixed in advance, whatever the validation years say", () => {
    expect(DESIGN.reported).toBe("ensemble");
    // On JST 1-2 years the composite logit has the best validation AUROC and is not reported.
    const v = get("1-2 years").validation;
    const best = v.filter((s) => s.candidate !== "credit gap").sort((a, b) => b.auroc! - a.auroc!)[0]!;
    expect(best.candidate).not.toBe("ensemble");
    expect(get("1-2 years").chosen).toBe("ensemble");
  });

  it("the DSR gap is scored beside the credit gap on the same rows (1-4 and 5-12 quarters, 32 economies)", () => {
    expect(r.dsr.map((d) => d.horizon)).toEqual(["1-4 quarters", "5-12 quarters"]);
    for (const d of r.dsr) {
      expect(d.countries).toBe(32);
      expect(d.positives).toBeGreaterThan(30);
      expect(d.dsrGap.auroc).not.toBeNull();
    }
  });

  it("13-20 quarters: no crisis starts 13-20 quarters after a test quarter with a known label (said, not guessed)", () => {
    const x = get("13-20 quarters");
    expect(x.positives).toBe(0);
    expect(x.test.every((s) => s.auroc === null)).toBe(true);
  });

  it("warn US: a score in [0, 1] with the features and the ensemble's members behind it", () => {
    const w = warning("US", { reps: 50, noDiskCache: true });
    expect(w.model).toBe("ensemble");
    expect(w.scale).toBe("mean training percentile");
    expect(w.members.map((m) => m.model)).toEqual(["logit", "boosted trees", "random forest"]);
    expect(w.probability).toBeGreaterThanOrEqual(0);
    expect(w.probability).toBeLessThanOrEqual(1);
    expect(w.features[0]!.name).toBe("credit gap (pp)");
    expect(w.date).toMatch(/^20\d\d-Q[1-4]$/);
    expect(w.horizon).toBe("5-12 quarters");
  });
});
