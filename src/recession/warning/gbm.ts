import {
  type Binned,
  binRows,
  flatTrees,
  growBuffers,
  growTree,
  type TreeNode,
  treeNodes,
  treeValue,
} from "./tree-grow.ts";

/**
 * Gradient-boosted classification trees (logistic loss, Friedman 2001), small and deterministic:
 * the shared histogram tree grower (`tree-grow.ts`), shrinkage, Newton leaf values. Written here
 * rather than taken from npm: the maintained pure-JS tree library (ml-random-forest / ml-cart)
 * re-sorts at every node, 83 s for one 100-tree forest on 2,000 rows here, and the evaluation
 * fits hundreds (docs/recession-monitor.md section 7).
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

/** A fitted ensemble: base score plus trees (flat node arrays). */
export interface GbmModel {
  base: number;
  trees: TreeNode[][];
  learningRate: number;
}

/**
 * Fits the ensemble to rows `x` (all finite) and labels `y`.
 * @example const m = fitGbm([[0], [1], [2], [3]], [0, 0, 1, 1]); gbmScore(m, [3]) > gbmScore(m, [0]) // true
 */
export function fitGbm(x: readonly (readonly number[])[], y: readonly (0 | 1)[], p = GBM): GbmModel {
  return fitGbmBinned(binRows(x, p.bins), y, p).model;
}

/**
 * {@link fitGbm} on rows binned once (shared with the forest of the same training set), with the
 * log-odds of every training row: the same sums, in the same order, as {@link gbmScore} of the row.
 */
export function fitGbmBinned(
  data: Binned,
  y: readonly (0 | 1)[],
  p = GBM,
): { model: GbmModel; trainScores: Float64Array } {
  const n = data.rows;
  const pos = y.reduce<number>((s, v) => s + v, 0);
  const rate = Math.min(1 - 1e-6, Math.max(1e-6, pos / Math.max(1, n)));
  const base = Math.log(rate / (1 - rate));
  const f = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const leafOf = new Int32Array(n);
  const buf = growBuffers(data, p.bins);
  const flat = flatTrees(p.depth, p.trees);
  const trees: TreeNode[][] = [];
  for (let t = 0; t < p.trees; t++) {
    for (let i = 0; i < n; i++) {
      const pr = 1 / (1 + Math.exp(-f[i]!));
      g[i] = pr - y[i]!;
      h[i] = Math.max(pr * (1 - pr), 1e-12);
    }
    const tree = flat[t]!;
    growTree(data, g, h, p, tree, leafOf, buf);
    const value = tree.value;
    for (let i = 0; i < n; i++) f[i]! += p.learningRate * value[leafOf[i]!]!;
    trees.push(treeNodes(tree));
  }
  return { model: { base, trees, learningRate: p.learningRate }, trainScores: f };
}

/** Log-odds of the ensemble for one row. */
export function gbmScore(m: GbmModel, x: readonly number[]): number {
  let s = m.base;
  for (const nodes of m.trees) s += m.learningRate * treeValue(nodes, x);
  return s;
}
