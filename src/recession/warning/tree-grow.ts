/**
 * The tree growers shared by the boosted trees and the random forest: quantile-histogram split
 * search (bins from the training rows only), depth-limited, second-order leaf values
 * -G / (H + l2). With g = -y, h = 1 and l2 = 0 the leaf value is the mean label and the gain is the
 * variance (Gini) reduction, i.e. a CART classification tree (Breiman et al. 1984).
 *
 * Speed (the evaluation fits some 250 forests of 200 trees and 250 boosted ensembles of 80): the
 * training rows are binned once per training set and shared by every tree of both models; trees
 * are flat typed arrays filled in place; the boosted grower builds the histograms of every column
 * in one pass over a node's rows; the forest's grower counts (its sums are integers, so any order
 * gives the same bits) over the distinct rows of a bootstrap sample with their multiplicities.
 */

/** A node of a tree as objects (the public boosted-trees model); `feature` -1 = leaf. */
export interface TreeNode {
  feature: number;
  threshold: number;
  left: number;
  right: number;
  value: number;
}

/** The training rows binned once per training set: per column its cut points and every row's bin. */
export interface Binned {
  cuts: number[][];
  /** Per column, the bin of every row. */
  bins: Uint8Array[];
  /** The same bins row by row (row i, column j at i * k + j). */
  byRow: Uint8Array;
  rows: number;
}

/**
 * A tree as parallel typed arrays (node 0 the root; `feature` -1 = leaf). A row goes left when its
 * value is below `threshold`, i.e. when its bin is at most `bin` (bins count the cuts <= value).
 */
export interface FlatTree {
  size: number;
  feature: Int32Array;
  bin: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

/** `count` empty trees with room for every node of a tree of `depth`, on one buffer per field. */
export function flatTrees(depth: number, count: number): FlatTree[] {
  const m = 2 ** (depth + 1) - 1;
  const feature = new Int32Array(m * count);
  const bin = new Int32Array(m * count);
  const threshold = new Float64Array(m * count);
  const left = new Int32Array(m * count);
  const right = new Int32Array(m * count);
  const value = new Float64Array(m * count);
  return Array.from({ length: count }, (_, t) => {
    const [a, b] = [t * m, (t + 1) * m];
    return {
      size: 0,
      feature: feature.subarray(a, b),
      bin: bin.subarray(a, b),
      threshold: threshold.subarray(a, b),
      left: left.subarray(a, b),
      right: right.subarray(a, b),
      value: value.subarray(a, b),
    };
  });
}

// Quantile cut points of a column (training rows only); at most `bins - 1` distinct cuts.
function cutsOf(values: Float64Array, bins: number): number[] {
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

/** Bins the columns of `x` (all finite) into at most `bins` quantile bins each (bins <= 256). */
export function binRows(x: readonly (readonly number[])[], bins: number): Binned {
  const n = x.length;
  const k = x[0]?.length ?? 0;
  const cuts: number[][] = [];
  const out: Uint8Array[] = [];
  const byRow = new Uint8Array(n * k);
  const col = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) col[i] = x[i]![j]!;
    const c = cutsOf(col, bins);
    cuts.push(c);
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = binOf(col[i]!, c);
      b[i] = v;
      byRow[i * k + j] = v;
    }
    out.push(b);
  }
  return { cuts, bins: out, byRow, rows: n };
}

/** Parameters of one boosted tree. */
export interface GrowParams {
  depth: number;
  minLeaf: number;
  l2: number;
  bins: number;
}

/** Reusable buffers of the boosted grower for one binned training set. */
export interface GrowBuffers {
  /** Per column and bin: gradient sum, hessian sum, row count (interleaved, one cache line). */
  hist: Float64Array;
  rows: Int32Array;
  scratch: Int32Array;
}

/** Buffers for growing boosted trees on `data`. */
export function growBuffers(data: Binned, bins: number): GrowBuffers {
  const k = data.cuts.length;
  return {
    hist: new Float64Array(3 * k * bins),
    rows: new Int32Array(data.rows),
    scratch: new Int32Array(data.rows),
  };
}

/**
 * Grows one boosted tree on every row of `data` into `tree`, with gradients `g` and hessians `h`,
 * writing each row's leaf into `leafOf`. Every sum adds rows in ascending order (the partition is
 * stable), and columns and bins are searched in order, the first best split kept.
 */
export function growTree(
  data: Binned,
  g: Float64Array,
  h: Float64Array,
  p: GrowParams,
  tree: FlatTree,
  leafOf: Int32Array,
  buf: GrowBuffers,
): void {
  const n = data.rows;
  const rows = buf.rows;
  for (let i = 0; i < n; i++) rows[i] = i;
  tree.size = 0;
  growNode(data, g, h, p, tree, leafOf, buf, 0, n, 0);
}

function growNode(
  data: Binned,
  g: Float64Array,
  h: Float64Array,
  p: GrowParams,
  tree: FlatTree,
  leafOf: Int32Array,
  buf: GrowBuffers,
  start: number,
  end: number,
  depth: number,
): number {
  const rows = buf.rows;
  const id = tree.size++;
  const len = end - start;
  let gs = 0;
  let hs = 0;
  for (let q = start; q < end; q++) {
    const i = rows[q]!;
    gs += g[i]!;
    hs += h[i]!;
  }
  tree.feature[id] = -1;
  tree.value[id] = -gs / (hs + p.l2);
  if (depth >= p.depth || len < 2 * p.minLeaf) {
    for (let q = start; q < end; q++) leafOf[rows[q]!] = id;
    return id;
  }
  const k = data.cuts.length;
  const nb = p.bins;
  const hist = buf.hist;
  hist.fill(0);
  const byRow = data.byRow;
  // One pass over the node's rows fills every column's histogram; each bin still adds its rows in
  // ascending order, as a column-by-column pass would.
  for (let q = start; q < end; q++) {
    const i = rows[q]!;
    const gi = g[i]!;
    const hi = h[i]!;
    const o = i * k;
    for (let j = 0; j < k; j++) {
      const at = 3 * (j * nb + byRow[o + j]!);
      hist[at]! += gi;
      hist[at + 1]! += hi;
      hist[at + 2]!++;
    }
  }
  const parentScore = (gs * gs) / (hs + p.l2);
  let bestGain = 1e-9;
  let bestFeature = -1;
  let bestBin = -1;
  for (let j = 0; j < k; j++) {
    let gl = 0;
    let hl = 0;
    let cl = 0;
    const last = data.cuts[j]!.length;
    const o = 3 * j * nb;
    for (let s = 0; s < last; s++) {
      gl += hist[o + 3 * s]!;
      hl += hist[o + 3 * s + 1]!;
      cl += hist[o + 3 * s + 2]!;
      const cr = len - cl;
      if (cl < p.minLeaf || cr < p.minLeaf) continue;
      const gr = gs - gl;
      const hr = hs - hl;
      const gain = (gl * gl) / (hl + p.l2) + (gr * gr) / (hr + p.l2) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        bestFeature = j;
        bestBin = s;
      }
    }
  }
  if (bestFeature < 0) {
    for (let q = start; q < end; q++) leafOf[rows[q]!] = id;
    return id;
  }
  const b = data.bins[bestFeature]!;
  // Stable partition of the node's slice: left rows first, each side in ascending order.
  const scratch = buf.scratch;
  let nl = start;
  let nr = 0;
  for (let q = start; q < end; q++) {
    const i = rows[q]!;
    if (b[i]! <= bestBin) rows[nl++] = i;
    else scratch[nr++] = i;
  }
  rows.set(scratch.subarray(0, nr), nl);
  tree.feature[id] = bestFeature;
  tree.bin[id] = bestBin;
  tree.threshold[id] = data.cuts[bestFeature]![bestBin]!;
  tree.left[id] = growNode(data, g, h, p, tree, leafOf, buf, start, nl, depth + 1);
  tree.right[id] = growNode(data, g, h, p, tree, leafOf, buf, nl, end, depth + 1);
  return id;
}

/** Parameters of one forest tree. */
export interface CountParams {
  depth: number;
  minLeaf: number;
  bins: number;
}

/**
 * A bootstrap row's weight as one number: its multiplicity w plus w * 2^26 when it is a positive,
 * so one sum gives both counts (exact: every partial sum is an integer below 2^53 while the sample
 * has fewer than 2^26 rows).
 */
export const POSITIVE = 2 ** 26;

/**
 * Grows one classification tree on the distinct rows `rows[0..len)` of a bootstrap sample, row i
 * weighted `code[i]` (see {@link POSITIVE}), into `tree`. The same tree as the gradient grower
 * with g = -y, h = 1, l2 = 0 on the sample with its repeats: counts of rows and of positives are
 * exact integers whatever the order, so the sums, gains and leaf values are the same numbers.
 * `columns` is called once per node that searches a split, in depth-first order (left subtree
 * first); it returns the columns to try, in order, as the first `m` entries of its array.
 */
export function growCountTree(
  data: Binned,
  code: Float64Array,
  rows: Int32Array,
  len: number,
  p: CountParams,
  columns: () => Int32Array,
  m: number,
  tree: FlatTree,
  hist: Float64Array,
): void {
  tree.size = 0;
  countNode(data, code, rows, p, columns, m, tree, hist, 0, len, 0);
}

function countNode(
  data: Binned,
  code: Float64Array,
  rows: Int32Array,
  p: CountParams,
  columns: () => Int32Array,
  m: number,
  tree: FlatTree,
  hist: Float64Array,
  start: number,
  end: number,
  depth: number,
): number {
  const id = tree.size++;
  let tot = 0;
  for (let q = start; q < end; q++) tot += code[rows[q]!]!;
  const pos = Math.floor(tot / POSITIVE);
  const cnt = tot - pos * POSITIVE;
  tree.feature[id] = -1;
  // -G / H with G = -pos, H = cnt.
  tree.value[id] = pos / cnt;
  if (depth >= p.depth || cnt < 2 * p.minLeaf) return id;
  const parentScore = (pos * pos) / cnt;
  let bestGain = 1e-9;
  let bestFeature = -1;
  let bestBin = -1;
  const cols = columns();
  for (let c = 0; c < m; c++) {
    const j = cols[c]!;
    hist.fill(0);
    const b = data.bins[j]!;
    for (let q = start; q < end; q++) {
      const i = rows[q]!;
      hist[b[i]!]! += code[i]!;
    }
    let sl = 0;
    const last = data.cuts[j]!.length;
    for (let s = 0; s < last; s++) {
      sl += hist[s]!;
      const pl = Math.floor(sl / POSITIVE);
      const cl = sl - pl * POSITIVE;
      const cr = cnt - cl;
      if (cl < p.minLeaf || cr < p.minLeaf) continue;
      const pr = pos - pl;
      const gain = (pl * pl) / cl + (pr * pr) / cr - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        bestFeature = j;
        bestBin = s;
      }
    }
  }
  if (bestFeature < 0) return id;
  const b = data.bins[bestFeature]!;
  // In-place partition (order within a node does not change integer counts).
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const i = rows[lo]!;
    if (b[i]! <= bestBin) lo++;
    else {
      rows[lo] = rows[hi]!;
      rows[hi--] = i;
    }
  }
  tree.feature[id] = bestFeature;
  tree.bin[id] = bestBin;
  tree.threshold[id] = data.cuts[bestFeature]![bestBin]!;
  tree.left[id] = countNode(data, code, rows, p, columns, m, tree, hist, start, lo, depth + 1);
  tree.right[id] = countNode(data, code, rows, p, columns, m, tree, hist, lo, end, depth + 1);
  return id;
}

/** The leaf value of training row `i` of `data` (by its bins). */
export function flatValueBinned(t: FlatTree, data: Binned, i: number): number {
  const k = data.cuts.length;
  const byRow = data.byRow;
  let id = 0;
  for (;;) {
    const f = t.feature[id]!;
    if (f < 0) return t.value[id]!;
    id = byRow[i * k + f]! <= t.bin[id]! ? t.left[id]! : t.right[id]!;
  }
}

/** The leaf value of a row in a flat tree. */
export function flatValue(t: FlatTree, x: readonly number[]): number {
  let id = 0;
  for (;;) {
    const f = t.feature[id]!;
    if (f < 0) return t.value[id]!;
    id = x[f]! < t.threshold[id]! ? t.left[id]! : t.right[id]!;
  }
}

/** A flat tree as objects (the first `size` nodes). */
export function treeNodes(t: FlatTree): TreeNode[] {
  return Array.from({ length: t.size }, (_, id) => ({
    feature: t.feature[id]!,
    threshold: t.feature[id]! < 0 ? 0 : t.threshold[id]!,
    left: t.feature[id]! < 0 ? -1 : t.left[id]!,
    right: t.feature[id]! < 0 ? -1 : t.right[id]!,
    value: t.value[id]!,
  }));
}

/** The leaf value of a row in a tree. */
export function treeValue(nodes: readonly TreeNode[], x: readonly number[]): number {
  let id = 0;
  for (;;) {
    const nd = nodes[id]!;
    if (nd.feature < 0) return nd.value;
    id = x[nd.feature]! < nd.threshold ? nd.left : nd.right;
  }
}
