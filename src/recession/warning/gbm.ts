/**
 * Gradient-boosted classification trees (logistic loss, Friedman 2001), small and deterministic:
 * histogram split search on per-fit quantile bins (bins from the training data only), depth-limited
 * trees, shrinkage, Newton leaf values. Written here rather than taken from npm: the maintained pure-JS
 * tree libraries (ml-random-forest / ml-cart) re-sort at every node and are too slow for the
 * evaluation's hundreds of recursive refits, and a seeded forest adds nothing a boosted ensemble lacks.
 * @references Friedman (2001), "Greedy function approximation: a gradient boosting machine", Ann. Stat. 29.
 */

/** Parameters of {@link fitGbm} (fixed before any evaluation; see docs/recession-monitor.md). */
export const GBM = {
  trees: 80,
  depth: 3,
  learningRate: 0.05,
  /** Smallest number of training rows in a leaf. */
  minLeaf: 15,
  /** L2 penalty on leaf values (as in XGBoost's lambda). */
  l2: 1,
  bins: 32,
} as const;

interface Node {
  feature: number; // -1 = leaf
  threshold: number;
  left: number;
  right: number;
  value: number;
}

/** A fitted ensemble: base score plus trees (flat node arrays). */
export interface GbmModel {
  base: number;
  trees: Node[][];
  learningRate: number;
}

// Quantile cut points of a column (training rows only); at most `bins - 1` distinct cuts.
function cuts(values: Float64Array, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = sorted[Math.floor((b * sorted.length) / bins)]!;
    if (out.length === 0 || v > out.at(-1)!) out.push(v);
  }
  return out;
}

function binOf(v: number, c: readonly number[]): number {
  let lo = 0;
  let hi = c.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (v < c[m]!) hi = m;
    else lo = m + 1;
  }
  return lo;
}

/**
 * Fits the ensemble to rows `x` (all finite) and labels `y`.
 * @example const m = fitGbm([[0], [1], [2], [3]], [0, 0, 1, 1]); gbmScore(m, [3]) > gbmScore(m, [0]) // true
 */
export function fitGbm(x: readonly (readonly number[])[], y: readonly (0 | 1)[], p = GBM): GbmModel {
  const n = x.length;
  const k = x[0]?.length ?? 0;
  const pos = y.reduce<number>((s, v) => s + v, 0);
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, pos / Math.max(1, n)));
  const base = Math.log(rate / (1 - rate));
  const colCuts: number[][] = [];
  const binned: Uint8Array[] = [];
  for (let j = 0; j < k; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = x[i]![j]!;
    const c = cuts(col, p.bins);
    colCuts.push(c);
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = binOf(col[i]!, c);
    binned.push(b);
  }
  const f = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: Node[][] = [];
  const nb = p.bins;
  const gHist = new Float64Array(nb);
  const hHist = new Float64Array(nb);
  const cHist = new Float64Array(nb);
  for (let t = 0; t < p.trees; t++) {
    for (let i = 0; i < n; i++) {
      const pr = 1 / (1 + Math.exp(-f[i]!));
      g[i] = pr - y[i]!;
      h[i] = Math.max(pr * (1 - pr), 1e-12);
    }
    const nodes: Node[] = [];
    const leafOf = new Int32Array(n);
    const grow = (rows: Int32Array, depth: number): number => {
      const id = nodes.length;
      let gs = 0;
      let hs = 0;
      for (const i of rows) {
        gs += g[i]!;
        hs += h[i]!;
      }
      nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: -gs / (hs + p.l2) });
      if (depth >= p.depth || rows.length < 2 * p.minLeaf) {
        for (const i of rows) leafOf[i] = id;
        return id;
      }
      const parentScore = (gs * gs) / (hs + p.l2);
      let best = { gain: 1e-9, feature: -1, bin: -1 };
      for (let j = 0; j < k; j++) {
        gHist.fill(0);
        hHist.fill(0);
        cHist.fill(0);
        const b = binned[j]!;
        for (const i of rows) {
          gHist[b[i]!]! += g[i]!;
          hHist[b[i]!]! += h[i]!;
          cHist[b[i]!]!++;
        }
        let gl = 0;
        let hl = 0;
        let cl = 0;
        const last = colCuts[j]!.length;
        for (let s = 0; s < last; s++) {
          gl += gHist[s]!;
          hl += hHist[s]!;
          cl += cHist[s]!;
          const cr = rows.length - cl;
          if (cl < p.minLeaf || cr < p.minLeaf) continue;
          const gr = gs - gl;
          const hr = hs - hl;
          const gain = (gl * gl) / (hl + p.l2) + (gr * gr) / (hr + p.l2) - parentScore;
          if (gain > best.gain) best = { gain, feature: j, bin: s };
        }
      }
      if (best.feature < 0) {
        for (const i of rows) leafOf[i] = id;
        return id;
      }
      const b = binned[best.feature]!;
      const l: number[] = [];
      const r: number[] = [];
      for (const i of rows) (b[i]! <= best.bin ? l : r).push(i);
      const node = nodes[id]!;
      node.feature = best.feature;
      // Rows with bin <= s have values below cut s.
      node.threshold = colCuts[best.feature]![best.bin]!;
      node.left = grow(Int32Array.from(l), depth + 1);
      node.right = grow(Int32Array.from(r), depth + 1);
      return id;
    };
    grow(
      Int32Array.from({ length: n }, (_, i) => i),
      0,
    );
    for (let i = 0; i < n; i++) f[i]! += p.learningRate * nodes[leafOf[i]!]!.value;
    trees.push(nodes);
  }
  return { base, trees, learningRate: p.learningRate };
}

/** Log-odds of the ensemble for one row. */
export function gbmScore(m: GbmModel, x: readonly number[]): number {
  let s = m.base;
  for (const nodes of m.trees) {
    let id = 0;
    for (;;) {
      const nd = nodes[id]!;
      if (nd.feature < 0) {
        s += m.learningRate * nd.value;
        break;
      }
      id = x[nd.feature]! < nd.threshold ? nd.left : nd.right;
    }
  }
  return s;
}
