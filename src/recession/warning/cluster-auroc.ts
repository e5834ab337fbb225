import type { Scored } from "../auroc.ts";

/** Deterministic PRNG (mulberry32) for seeded bootstraps. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Pairwise concordance between country clusters, so a cluster bootstrap of the AUROC costs O(K^2)
 * per replication instead of a sort: W[c][d] = sum over (positive in c, negative in d) of
 * 1[score_pos > score_neg] + 1/2 1[tie]; AUROC of a resample with cluster counts m =
 * sum m_c m_d W[c][d] / (sum m_c n1_c)(sum m_d n0_d).
 */
export interface ClusterPairs {
  groups: string[];
  w: Float64Array; // K x K, row = cluster of the positive
  n1: Float64Array;
  n0: Float64Array;
}

/** The concordance matrix of `data` over `groups` (every group of `data` must be listed). */
export function clusterPairs(data: readonly Scored[], groups: readonly string[]): ClusterPairs {
  const k = groups.length;
  const index = new Map(groups.map((g, i) => [g, i]));
  const negs: number[][] = Array.from({ length: k }, () => []);
  const poss: number[][] = Array.from({ length: k }, () => []);
  for (const d of data) (d.y === 1 ? poss : negs)[index.get(d.group)!]!.push(d.score);
  for (const a of negs) a.sort((x, y) => x - y);
  const w = new Float64Array(k * k);
  for (let c = 0; c < k; c++)
    for (const s of poss[c]!)
      for (let d = 0; d < k; d++) {
        const arr = negs[d]!;
        let lo = 0;
        let hi = arr.length;
        while (lo < hi) {
          const m = (lo + hi) >> 1;
          if (arr[m]! < s) lo = m + 1;
          else hi = m;
        }
        let eq = lo;
        while (eq < arr.length && arr[eq] === s) eq++;
        w[c * k + d]! += lo + (eq - lo) / 2;
      }
  return {
    groups: [...groups],
    w,
    n1: Float64Array.from(poss, (a) => a.length),
    n0: Float64Array.from(negs, (a) => a.length),
  };
}

/** AUROC of a resample with cluster multiplicities `m` (null when a class is empty). */
export function pairsAuroc(p: ClusterPairs, m: Float64Array): number | null {
  const k = p.groups.length;
  let num = 0;
  let a = 0;
  let b = 0;
  for (let c = 0; c < k; c++) {
    a += m[c]! * p.n1[c]!;
    b += m[c]! * p.n0[c]!;
    if (m[c] === 0) continue;
    for (let d = 0; d < k; d++) num += m[c]! * m[d]! * p.w[c * k + d]!;
  }
  return a > 0 && b > 0 ? num / (a * b) : null;
}

/** Seeded cluster resamples (multiplicities), the same for every score so differences are paired. */
export function clusterResamples(k: number, reps: number, seed: number): Float64Array[] {
  const rand = mulberry32(seed);
  return Array.from({ length: reps }, () => {
    const m = new Float64Array(k);
    for (let i = 0; i < k; i++) m[Math.floor(rand() * k)]!++;
    return m;
  });
}

/** 2.5% and 97.5% percentiles of a list (null for fewer than 10 values). */
export function percentileCi(values: number[], level = 0.95): [number, number] | null {
  if (values.length < 10) return null;
  const s = [...values].sort((x, y) => x - y);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.floor(p * s.length)))]!;
  return [q((1 - level) / 2), q(1 - (1 - level) / 2)];
}
