import { mulberry32 } from "./cluster-auroc.ts";
import { binRows, growTree, type TreeNode, treeValue } from "./tree-grow.ts";

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
  trees: TreeNode[][];
  /** Out-of-bag score of each training row (mean over the trees that did not draw it; in-bag mean when every tree drew it). */
  oob: Float64Array;
}

/**
 * Fits the forest to rows `x` (all finite) and labels `y`.
 * @example const m = fitForest([[0], [1], [2], [3]].flatMap((r) => [r, r, r, r, r, r]), [0, 0, 1, 1].flatMap((v) => [v, v, v, v, v, v]) as (0 | 1)[]); forestScore(m, [3]) > forestScore(m, [0]) // true
 */
export function fitForest(x: readonly (readonly number[])[], y: readonly (0 | 1)[], p = FOREST): ForestModel {
  const n = x.length;
  const k = x[0]?.length ?? 0;
  const data = binRows(x, p.bins);
  const g = Float64Array.from(y, (v) => -v);
  const h = new Float64Array(n).fill(1);
  const rand = mulberry32(p.seed);
  const m = Math.max(1, Math.ceil(Math.sqrt(k)));
  // A partial Fisher-Yates shuffle: m distinct columns per node.
  const cols = Array.from({ length: k }, (_, j) => j);
  const columns = () => {
    for (let i = 0; i < m; i++) {
      const j = i + Math.floor(rand() * (k - i));
      [cols[i], cols[j]] = [cols[j]!, cols[i]!];
    }
    return cols.slice(0, m);
  };
  const trees: TreeNode[][] = [];
  const oobSum = new Float64Array(n);
  const oobCount = new Float64Array(n);
  const inBag = new Uint8Array(n);
  for (let t = 0; t < p.trees; t++) {
    inBag.fill(0);
    const rows = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = Math.floor(rand() * n);
      rows[i] = r;
      inBag[r] = 1;
    }
    const { nodes } = growTree(data, g, h, rows, {
      depth: p.depth,
      minLeaf: p.minLeaf,
      l2: 0,
      bins: p.bins,
      columns,
    });
    trees.push(nodes);
    for (let i = 0; i < n; i++)
      if (!inBag[i]) {
        oobSum[i]! += treeValue(nodes, x[i]!);
        oobCount[i]!++;
      }
  }
  const model: ForestModel = { trees, oob: new Float64Array(n) };
  for (let i = 0; i < n; i++)
    model.oob[i] = oobCount[i]! > 0 ? oobSum[i]! / oobCount[i]! : forestScore(model, x[i]!);
  return model;
}

/** Mean positive share of the row's leaves, in [0, 1]. */
export function forestScore(m: ForestModel, x: readonly number[]): number {
  let s = 0;
  for (const nodes of m.trees) s += treeValue(nodes, x);
  return s / m.trees.length;
}
