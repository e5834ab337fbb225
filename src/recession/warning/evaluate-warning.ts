import { auroc, type Scored } from "../auroc.ts";
import { fitLogit, type LogitModel, logitScore } from "../logit.ts";
import {
  clusterPairs,
  type ClusterPairs,
  clusterResamples,
  pairsAuroc,
  percentileCi,
} from "./cluster-auroc.ts";
import type { WarnPanel, WarnRow } from "./features.ts";
import { fitForestBinned, FOREST, forestScore } from "./forest.ts";
import { fitGbmBinned, GBM, gbmScore } from "./gbm.ts";
import { type Binned, binRows } from "./tree-grow.ts";

/**
 * The evaluation design. Design 1 (docs/recession-monitor.md section 6) was fixed before any
 * test-year result; design 2 (section 7: random forest, ensemble as the fixed reported model, new
 * features) was fixed before its own first run but after design 1's test years were seen. Changing
 * a number here is a new design and must be said so in the docs.
 */
export const DESIGN = {
  annual: {
    horizons: [
      { label: "1-2 years", from: 1, to: 2 },
      { label: "3-5 years", from: 3, to: 5 },
    ],
    headline: "1-2 years",
    /** Crisis year and the 4 years after it are dropped (post-crisis bias, Bussière and Fratzscher 2006). */
    postCrisis: 4,
    /** World wars dropped. */
    dropYears: [
      [1914, 1919],
      [1939, 1947],
    ] as [number, number][],
    oosStart: 1920,
    /** Validation years (model choice) and test years (the reported result). */
    validation: [1920, 1969] as [number, number],
    test: [1970, 2020] as [number, number],
    /** Refit every this many years (recursive, expanding window). */
    refitEvery: 5,
  },
  quarterly: {
    horizons: [
      { label: "1-4 quarters", from: 1, to: 4 },
      { label: "5-12 quarters", from: 5, to: 12 },
      { label: "13-20 quarters", from: 13, to: 20 },
    ],
    headline: "5-12 quarters",
    /** Crisis quarters (LV start Q1 to end Q4) and the 8 quarters after are dropped. */
    postCrisis: 8,
    dropYears: [] as [number, number][],
    oosStart: 1990,
    validation: [1990, 2004] as [number, number],
    test: [2005, 2025] as [number, number],
    refitEvery: 2,
  },
  /** False-alarm rate on the training data that sets each refit's signal threshold. */
  falseAlarmRate: 0.1,
  bootstrapReps: 500,
  seed: 20240501,
  version: 2,
  /** Design 2's reported model, fixed in advance (no choice on validation years). */
  reported: "ensemble",
} as const;

/** The candidates, simplest first. */
export const CANDIDATES = [
  "credit gap",
  "composite logit",
  "logit",
  "boosted trees",
  "random forest",
  "ensemble",
] as const;
/** A candidate's name. */
export type Candidate = (typeof CANDIDATES)[number];
/** The ensemble's members (mean of their training percentiles). */
export const ENSEMBLE_MEMBERS = ["logit", "boosted trees", "random forest"] as const;

// Features each candidate reads (indices into the panel's feature list).
export function featuresOf(c: Candidate, panel: WarnPanel): number[] {
  const all = panel.features.map((_, i) => i);
  if (c === "credit gap") return [0];
  if (c === "composite logit") return [0, 1, 2];
  return all;
}

/** A horizon in periods: positives `from`..`to` periods before a crisis start. */
export interface Horizon {
  label: string;
  from: number;
  to: number;
}

/**
 * Label of a row for a horizon: 1 = a crisis starts `from`..`to` periods later; 0 = none does;
 * null = dropped: in a crisis or the `postCrisis` periods after it, a crisis starting sooner than
 * `from`, or too close to the end of the data for the label to be known.
 */
export function labelOf(panel: WarnPanel, row: WarnRow, h: Horizon, postCrisis: number): 0 | 1 | null {
  if (row.t + h.to > panel.lastT) return null;
  let y: 0 | 1 = 0;
  for (const s of panel.crises.get(row.group) ?? []) {
    if (row.t >= s.start && row.t <= s.end + postCrisis) return null;
    const k = s.start - row.t;
    if (k >= 1 && k < h.from) return null;
    if (k >= h.from && k <= h.to) y = 1;
  }
  return y;
}

interface Obs {
  row: WarnRow;
  y: 0 | 1;
  x: number[];
}

/** One candidate's out-of-sample predictions (one per observation of the sample). */
interface Prediction {
  score: number;
  /** Probability (the credit gap has none: its score is the gap). */
  threshold: number;
}

export type Fitted = (x: readonly number[]) => number;

/** A fitted candidate: its score function and the score of every training row (the forest's out of bag). */
export interface FittedCandidate {
  f: Fitted;
  trainScores: Float64Array;
  logit?: LogitModel;
}

// Share of `sorted` below v, ties one half: the training percentile of a score.
function percentileIn(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (sorted[m]! < v) lo = m + 1;
    else hi = m;
  }
  let eq = lo;
  while (eq < sorted.length && sorted[eq] === v) eq++;
  return sorted.length ? (lo + (eq - lo) / 2) / sorted.length : 0.5;
}

/**
 * Fits the candidates `wanted` (and what they need: the ensemble fits its members) on `train`,
 * reading feature columns `cols` of each. The boosted trees and the forest read the same columns
 * with the same bin count, so the training rows are binned once for both.
 */
export function fitCandidates(
  wanted: readonly Candidate[],
  cols: (c: Candidate) => number[],
  train: readonly { x: number[]; y: 0 | 1 }[],
  warm: Map<Candidate, LogitModel> = new Map(),
): Map<Candidate, FittedCandidate> {
  const out = new Map<Candidate, FittedCandidate>();
  const ys = train.map((o) => o.y);
  const need = new Set<Candidate>(wanted);
  if (need.has("ensemble")) for (const m of ENSEMBLE_MEMBERS) need.add(m);
  const binned = new Map<string, Binned>();
  for (const c of CANDIDATES) {
    if (!need.has(c) || c === "ensemble") continue;
    const cs = cols(c);
    const pick = (x: readonly number[]) => cs.map((j) => x[j]!);
    const xs = train.map((o) => pick(o.x));
    const bins = (n: number) => {
      const key = `${n}:${cs.join(",")}`;
      let b = binned.get(key);
      if (!b) binned.set(key, (b = binRows(xs, n)));
      return b;
    };
    let f: Fitted;
    let trainScores: Float64Array | undefined;
    let logit: LogitModel | undefined;
    if (c === "credit gap") f = (x) => x[cs[0]!]!;
    else if (c === "boosted trees") {
      const { model: m, trainScores: own } = fitGbmBinned(bins(GBM.bins), ys);
      f = (x) => gbmScore(m, pick(x));
      trainScores = own;
    } else if (c === "random forest") {
      const m = fitForestBinned(bins(FOREST.bins), ys);
      f = (x) => forestScore(m, pick(x));
      trainScores = m.oob;
    } else {
      const m = fitLogit(xs, ys, 1e-2, 25, warm.get(c));
      warm.set(c, m);
      logit = m;
      f = (x) => logitScore(m, pick(x));
    }
    out.set(c, {
      f,
      trainScores: trainScores ?? Float64Array.from(train, (o) => f(o.x)),
      ...(logit ? { logit } : {}),
    });
  }
  if (need.has("ensemble")) {
    const members = ENSEMBLE_MEMBERS.map((m) => {
      const fc = out.get(m)!;
      return { f: fc.f, own: fc.trainScores, sorted: Float64Array.from(fc.trainScores).sort() };
    });
    const f: Fitted = (x) => members.reduce((s, m) => s + percentileIn(m.sorted, m.f(x)), 0) / members.length;
    const trainScores = Float64Array.from(
      train,
      (_, i) => members.reduce((s, m) => s + percentileIn(m.sorted, m.own[i]!), 0) / members.length,
    );
    out.set("ensemble", { f, trainScores });
  }
  return out;
}

/** One candidate fitted alone (see {@link fitCandidates}). */
export function fit(
  c: Candidate,
  panel: WarnPanel,
  train: readonly { x: number[]; y: 0 | 1 }[],
): FittedCandidate {
  return fitCandidates([c], (k) => featuresOf(k, panel), train).get(c)!;
}

/**
 * Score at which `rate` of the training negatives signal (score >= threshold): the ceil(rate * n)-th
 * highest, so 10 negatives at 10% give the highest one (design 1 took the next one down, one
 * negative too many; found by the hand-counted test, corrected in design 2; AUROCs unaffected).
 */
export function thresholdAt(scores: readonly number[], rate: number): number {
  const s = [...scores].sort((a, b) => b - a);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(rate * s.length) - 1))] ?? Infinity;
}

/** The threshold of a fit: the score at which `DESIGN.falseAlarmRate` of its training negatives signal. */
export function trainingThreshold(fc: FittedCandidate, train: readonly { y: 0 | 1 }[]): number {
  return thresholdAt(
    train.flatMap((o, i) => (o.y === 0 ? [fc.trainScores[i]!] : [])),
    DESIGN.falseAlarmRate,
  );
}

/** Skill of one candidate on one set of years. */
export interface CandidateSkill {
  candidate: Candidate;
  auroc: number | null;
  /** Country-cluster bootstrap 95% interval. */
  ci: [number, number] | null;
  /** At the training threshold (false-alarm rate 10% on the training data): hit rate, realised false-alarm rate, noise-to-signal. */
  hitRate: number | null;
  falseAlarmRate: number | null;
  noiseToSignal: number | null;
}

/** One sample x horizon of the evaluation. */
export interface HorizonResult {
  sample: string;
  horizon: string;
  positives: number;
  negatives: number;
  countries: number;
  /** Test years (the reported result). */
  test: CandidateSkill[];
  /** Validation years (the model choice). */
  validation: CandidateSkill[];
  /** The reported model: design 2 fixes it in advance (the ensemble); no choice on the validation years. */
  chosen: Candidate;
  /** Chosen minus credit gap on the test years, with its paired cluster-bootstrap interval. */
  difference: { auroc: number | null; ci: [number, number] | null };
  /** Leave-one-country-out AUROC of the chosen model on the test years (fit on the other countries up to the test start). */
  leaveOneCountryOut: number | null;
  /** The credit gap's leave-one-country-out AUROC on the same rows (it is not fitted, so its pooled test AUROC). */
  leaveOneCountryOutGap: number | null;
}

const r3 = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1000) / 1000);

function skillOf(
  candidate: Candidate,
  data: { score: number; y: 0 | 1; group: string; threshold: number }[],
  pairs: ClusterPairs,
  resamples: Float64Array[],
): CandidateSkill {
  const a = auroc(data);
  const boots: number[] = [];
  for (const m of resamples) {
    const v = pairsAuroc(pairs, m);
    if (v !== null) boots.push(v);
  }
  const pos = data.filter((d) => d.y === 1);
  const neg = data.filter((d) => d.y === 0);
  const hit = pos.length ? pos.filter((d) => d.score >= d.threshold).length / pos.length : null;
  const fa = neg.length ? neg.filter((d) => d.score >= d.threshold).length / neg.length : null;
  const ci = percentileCi(boots);
  return {
    candidate,
    auroc: r3(a),
    ci: ci ? [r3(ci[0])!, r3(ci[1])!] : null,
    hitRate: r3(hit),
    falseAlarmRate: r3(fa),
    noiseToSignal: hit && fa !== null ? r3(fa / hit) : null,
  };
}

const inYears = (y: number, [a, b]: [number, number]) => y >= a && y <= b;

/**
 * Recursive (expanding-window) out-of-sample evaluation of every candidate on one panel and
 * horizon: refits every `refitEvery` years on the observations whose label was known by then,
 * thresholds from each fit's training data, the same observations for every candidate; the
 * reported model fixed in advance (design 2: the ensemble), its test-year AUROC against the credit
 * gap's with a paired country-cluster bootstrap interval.
 */
export function evaluateHorizon(
  sample: string,
  panel: WarnPanel,
  h: Horizon,
  design: (typeof DESIGN)["annual"] | (typeof DESIGN)["quarterly"],
  options: { reps?: number; seed?: number } = {},
): HorizonResult {
  const drop = (y: number) => design.dropYears.some(([a, b]) => y >= a && y <= b);
  const obs: Obs[] = [];
  for (const row of panel.rows) {
    if (drop(row.year) || row.x.some((v) => v === null)) continue;
    const y = labelOf(panel, row, h, design.postCrisis);
    if (y === null) continue;
    obs.push({ row, y, x: row.x as number[] });
  }
  obs.sort((a, b) => a.row.t - b.row.t);
  const preds = new Map<Candidate, Prediction[]>(CANDIDATES.map((c) => [c, []]));
  const scored: Obs[] = [];
  const last = Math.max(...obs.map((o) => o.row.year));
  const warm = new Map<Candidate, LogitModel>();
  for (let y0 = design.oosStart; y0 <= last; y0 += design.refitEvery) {
    const cutoff = y0 * panel.perYear;
    // Real time: a row trains a refit only when its label was known before the refit date.
    const train = obs.filter((o) => o.row.t + h.to < cutoff);
    const block = obs.filter((o) => o.row.year >= y0 && o.row.year < y0 + design.refitEvery);
    if (block.length === 0 || train.filter((o) => o.y === 1).length < 5) continue;
    scored.push(...block);
    const fits = fitCandidates(CANDIDATES, (c) => featuresOf(c, panel), train, warm);
    for (const c of CANDIDATES) {
      const fc = fits.get(c)!;
      const threshold = trainingThreshold(fc, train);
      for (const o of block) preds.get(c)!.push({ score: fc.f(o.x), threshold });
    }
  }
  const groups = [...new Set(scored.map((o) => o.row.group))].sort();
  const reps = options.reps ?? DESIGN.bootstrapReps;
  const resamples = clusterResamples(groups.length, reps, options.seed ?? DESIGN.seed);
  const part = (years: [number, number]) => {
    const idx = scored.map((o, i) => (inYears(o.row.year, years) ? i : -1)).filter((i) => i >= 0);
    const data = (c: Candidate) =>
      idx.map((i) => ({
        score: preds.get(c)![i]!.score,
        threshold: preds.get(c)![i]!.threshold,
        y: scored[i]!.y,
        group: scored[i]!.row.group,
      }));
    const pairs = new Map(CANDIDATES.map((c) => [c, clusterPairs(data(c), groups)]));
    return {
      idx,
      data,
      pairs,
      skills: CANDIDATES.map((c) => skillOf(c, data(c), pairs.get(c)!, resamples)),
    };
  };
  const val = part(design.validation);
  const test = part(design.test);
  // Design 2: the reported model is fixed in advance (the validation AUROCs are information only).
  const chosen: Candidate = DESIGN.reported;
  const boots: number[] = [];
  const pc = test.pairs.get(chosen)!;
  const pg = test.pairs.get("credit gap")!;
  for (const m of resamples) {
    const a = pairsAuroc(pc, m);
    const b = pairsAuroc(pg, m);
    if (a !== null && b !== null) boots.push(a - b);
  }
  const tc = test.skills.find((s) => s.candidate === chosen)!.auroc;
  const tg = test.skills.find((s) => s.candidate === "credit gap")!.auroc;
  const dci = percentileCi(boots);
  const testIdx = new Set(test.idx.map((i) => scored[i]!));
  return {
    sample,
    horizon: h.label,
    positives: [...testIdx].filter((o) => o.y === 1).length,
    negatives: [...testIdx].filter((o) => o.y === 0).length,
    countries: new Set([...testIdx].map((o) => o.row.group)).size,
    test: test.skills,
    validation: val.skills,
    chosen,
    difference: {
      auroc: tc !== null && tg !== null ? r3(tc - tg) : null,
      ci: dci ? [r3(dci[0])!, r3(dci[1])!] : null,
    },
    leaveOneCountryOut: leaveOneOut(chosen, panel, obs, [...testIdx], design.test[0] * panel.perYear, h),
    leaveOneCountryOutGap: r3(
      auroc([...testIdx].map((o) => ({ score: o.x[0]!, y: o.y, group: o.row.group }))),
    ),
  };
}

// Each country's test years scored by the chosen model fitted on the other countries' observations
// whose labels were known at the test start; the AUROC of all these scores pooled.
function leaveOneOut(
  c: Candidate,
  panel: WarnPanel,
  obs: Obs[],
  test: Obs[],
  testStart: number,
  h: Horizon,
): number | null {
  // With no positive (or no negative) test row the AUROC is not defined, whatever the scores.
  if (!test.some((o) => o.y === 1) || !test.some((o) => o.y === 0)) return null;
  const out: Scored[] = [];
  for (const g of [...new Set(test.map((o) => o.row.group))]) {
    const train = obs.filter((o) => o.row.group !== g && o.row.t + h.to < testStart);
    if (train.filter((o) => o.y === 1).length < 5) continue;
    const { f } = fit(c, panel, train);
    for (const o of test) if (o.row.group === g) out.push({ score: f(o.x), y: o.y, group: g });
  }
  return r3(auroc(out));
}
