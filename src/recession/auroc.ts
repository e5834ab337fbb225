import { clusterPairs, clusterResamples, pairsAuroc } from "./warning/cluster-auroc.ts";

/**
 * ROC statistics for early-warning evaluation: AUROC (Mann-Whitney, ties 1/2) with a DeLong (1988)
 * confidence interval, a seeded cluster bootstrap interval, and the noise-to-signal ratio
 * (Kaminsky, Lizondo and Reinhart 1998).
 */

/** A scored observation: `y` 1 = pre-crisis, 0 = tranquil; `group` = country (bootstrap cluster). */
export interface Scored {
  score: number;
  y: 0 | 1;
  group: string;
}

function normInv(p: number): number {
  // Acklam's rational approximation; only used for 1.96-type quantiles.
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = p < 0.5 ? p : 1 - p;
  let x: number;
  if (q < 0.02425) {
    const t = Math.sqrt(-2 * Math.log(q));
    x =
      (((((c[0]! * t + c[1]!) * t + c[2]!) * t + c[3]!) * t + c[4]!) * t + c[5]!) /
      ((((d[0]! * t + d[1]!) * t + d[2]!) * t + d[3]!) * t + 1);
  } else {
    const t = q - 0.5;
    const r = t * t;
    x =
      -((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * t) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
    return p < 0.5 ? -x : x;
  }
  return p < 0.5 ? -x : x;
}

/** AUROC = P(score_pos > score_neg) + 1/2 P(tie); null when a class is empty. O(n log n). */
export function auroc(data: readonly Scored[]): number | null {
  const n1 = data.filter((d) => d.y === 1).length;
  const n0 = data.length - n1;
  if (n1 === 0 || n0 === 0) return null;
  const sorted = [...data].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (sorted[k]!.y === 1) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

/** DeLong et al. (1988) standard error and normal confidence interval of the AUROC. */
export function delong(
  data: readonly Scored[],
  level = 0.95,
): { auc: number; se: number; lo: number; hi: number } | null {
  const pos = data.filter((d) => d.y === 1).map((d) => d.score);
  const neg = data.filter((d) => d.y === 0).map((d) => d.score);
  if (pos.length < 2 || neg.length < 2) return null;
  const negSorted = [...neg].sort((a, b) => a - b);
  const posSorted = [...pos].sort((a, b) => a - b);
  // Placement values via binary search: share of the other class below (+ half ties).
  const place = (x: number, arr: number[]) => {
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (arr[m]! < x) lo = m + 1;
      else hi = m;
    }
    let eq = lo;
    while (eq < arr.length && arr[eq] === x) eq++;
    return (lo + (eq - lo) / 2) / arr.length;
  };
  const v10 = pos.map((x) => place(x, negSorted));
  const v01 = neg.map((x) => 1 - place(x, posSorted));
  const auc = v10.reduce((s, v) => s + v, 0) / v10.length;
  const variance = (a: number[]) => {
    const m = a.reduce((s, v) => s + v, 0) / a.length;
    return a.reduce((s, v) => s + (v - m) ** 2, 0) / (a.length - 1);
  };
  const se = Math.sqrt(variance(v10) / pos.length + variance(v01) / neg.length);
  const z = normInv(1 - (1 - level) / 2);
  return { auc, se, lo: Math.max(0, auc - z * se), hi: Math.min(1, auc + z * se) };
}

export { mulberry32 } from "./warning/cluster-auroc.ts";

/**
 * Country-cluster bootstrap percentile interval of the AUROC (resamples whole countries, so serial
 * correlation within a country is respected). Seeded: same seed, same interval.
 */
export function bootstrapAuroc(
  data: readonly Scored[],
  options: { reps?: number; seed?: number; level?: number } = {},
): { lo: number; hi: number; reps: number } | null {
  const reps = options.reps ?? 500;
  const groups = [...new Set(data.map((d) => d.group))];
  if (groups.length < 2) return null;
  // Resample clusters through their pairwise concordance (O(K^2) per replication, no sort): the
  // same draws and the same statistic as resampling the observations themselves.
  const pairs = clusterPairs(data, groups);
  const stats: number[] = [];
  for (const m of clusterResamples(groups.length, reps, options.seed ?? 20240501)) {
    const a = pairsAuroc(pairs, m);
    if (a !== null) stats.push(a);
  }
  if (stats.length < 10) return null;
  stats.sort((a, b) => a - b);
  const level = options.level ?? 0.95;
  const q = (p: number) => stats[Math.min(stats.length - 1, Math.max(0, Math.floor(p * stats.length)))]!;
  return { lo: q((1 - level) / 2), hi: q(1 - (1 - level) / 2), reps: stats.length };
}

/** Signal statistics at one threshold: TPR, FPR and the noise-to-signal ratio FPR / TPR. */
export function thresholdStats(
  data: readonly Scored[],
  threshold: number,
): { threshold: number; tpr: number; fpr: number; nsr: number | null } {
  const pos = data.filter((d) => d.y === 1);
  const neg = data.filter((d) => d.y === 0);
  const tpr = pos.length === 0 ? 0 : pos.filter((d) => d.score >= threshold).length / pos.length;
  const fpr = neg.length === 0 ? 0 : neg.filter((d) => d.score >= threshold).length / neg.length;
  return { threshold, tpr, fpr, nsr: tpr > 0 ? fpr / tpr : null };
}

/**
 * Noise-to-signal ratio at the highest threshold that still catches `minTpr` of the pre-crisis
 * observations (default 2/3, as in Beltran et al. 2021).
 */
export function nsrAtTpr(
  data: readonly Scored[],
  minTpr = 2 / 3,
): { threshold: number; tpr: number; fpr: number; nsr: number | null } | null {
  const pos = data
    .filter((d) => d.y === 1)
    .map((d) => d.score)
    .sort((a, b) => b - a);
  if (pos.length === 0) return null;
  const k = Math.max(0, Math.ceil(minTpr * pos.length) - 1);
  return thresholdStats(data, pos[k]!);
}
