import { mulberry32 } from "./cluster-auroc.ts";
import {
  type Binned,
  binRows,
  flatTrees,
  flatValue,
  flatValueBinned,
  type FlatTree,
  growCountTree,
  POSITIVE,
} from "./tree-grow.ts";

/**
 * Random forest of classification trees (Breiman 2001): bootstrap samples of the training rows,
 * ceil(sqrt(k)) candidate columns drawn at each node, trees grown by the shared histogram grower
 * with the variance (Gini) criterion; the score is the mean leaf share of positives. Seeded, so a
 * fit is reproducible. The out-of-bag score of every training row comes with the fit (for honest
 * training percentiles and thresholds: in-sample forest scores are near perfect).
 * @references Breiman (2001), "Random forests", Machine Learning 45.
 */

/** Parameters (design 2, fixed before its first run: docs/recession-monitor.md section 7). */
export const FOREST = {
  trees: 200,
  depth: 5,
  minLeaf: 10,
  bins: 32,
  seed: 20240501,
} as const;

/** A fitted forest. */
export interface ForestModel {
  trees: FlatTree[];
  /** Out-of-bag score of each training row (mean over the trees that did not draw it; in-bag mean when every tree drew it). */
  oob: Float64Array;
}

/**
 * Fits the forest to rows `x` (all finite) and labels `y`.
 * @example const m = fitForest([[0], [1], [2], [3]].flatMap((r) => [r, r, r, r, r, r]), [0, 0, 1, 1].flatMap((v) => [v, v, v, v, v, v]) as (0 | 1)[]); forestScore(m, [3]) > forestScore(m, [0]) // true
 */
export function fitForest(x: readonly (readonly number[])[], y: readonly (0 | 1)[], p = FOREST): ForestModel {
  return fitForestBinned(binRows(x, p.bins), y, p);
}

/** {@link fitForest} on rows binned once (shared with the boosted trees of the same training set). */
export function fitForestBinned(data: Binned, y: readonly (0 | 1)[], p = FOREST): ForestModel {
  const n = data.rows;
  const k = data.cuts.length;
  const rand = mulberry32(p.seed);
  const m = Math.max(1, Math.ceil(Math.sqrt(k)));
  // A partial Fisher-Yates shuffle: m distinct columns per node, the first m entries of `cols`
  // (the shuffle carries on from node to node and tree to tree, as the draws of a seeded fit must).
  const cols = Int32Array.from({ length: k }, (_, j) => j);
  const columns = () => {
    for (let i = 0; i < m; i++) {
      const j = i + Math.floor(rand() * (k - i));
      const c = cols[i]!;
      cols[i] = cols[j]!;
      cols[j] = c;
    }
    return cols;
  };
  const trees = flatTrees(p.depth, p.trees);
  const oobSum = new Float64Array(n);
  const oobCount = new Float64Array(n);
  const w = new Int32Array(n);
  const code = new Float64Array(n);
  const rows = new Int32Array(n);
  const hist = new Float64Array(p.bins);
  const weightOf = y.map((v) => (v === 1 ? 1 + POSITIVE : 1));
  const params = { depth: p.depth, minLeaf: p.minLeaf, bins: p.bins };
  for (let t = 0; t < p.trees; t++) {
    // The bootstrap sample as multiplicities of the distinct rows drawn.
    w.fill(0);
    for (let i = 0; i < n; i++) w[Math.floor(rand() * n)]!++;
    let len = 0;
    for (let i = 0; i < n; i++)
      if (w[i]! > 0) {
        rows[len++] = i;
        code[i] = w[i]! * weightOf[i]!;
      }
    const tree = trees[t]!;
    growCountTree(data, code, rows, len, params, columns, m, tree, hist);
    for (let i = 0; i < n; i++)
      if (w[i] === 0) {
        oobSum[i]! += flatValueBinned(tree, data, i);
        oobCount[i]!++;
      }
  }
  const oob = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (oobCount[i]! > 0) oob[i] = oobSum[i]! / oobCount[i]!;
    else {
      let s = 0;
      for (const tree of trees) s += flatValueBinned(tree, data, i);
      oob[i] = s / trees.length;
    }
  }
  return { trees, oob };
}

/** Mean positive share of the row's leaves, in [0, 1]. */
export function forestScore(m: ForestModel, x: readonly number[]): number {
  let s = 0;
  for (const tree of m.trees) s += flatValue(tree, x);
  return s / m.trees.length;
}
