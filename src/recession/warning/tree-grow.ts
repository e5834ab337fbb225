/**
 * The tree grower shared by the boosted trees and the random forest: quantile-histogram split
 * search (bins from the training rows only), depth-limited, second-order leaf values
 * -G / (H + l2). With g = -y, h = 1 and l2 = 0 the leaf value is the mean label and the gain is the
 * variance (Gini) reduction, i.e. a CART classification tree (Breiman et al. 1984).
 */

/** A node of a flat tree array; `feature` -1 = leaf. */
export interface TreeNode {
  feature: number;
  threshold: number;
  left: number;
  right: number;
  value: number;
}

/** The training rows binned once per fit: per column its cut points and every row's bin. */
export interface Binned {
  cuts: number[][];
  bins: Uint8Array[];
  rows: number;
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

/** Bins the columns of `x` (all finite) into at most `bins` quantile bins each. */
export function binRows(x: readonly (readonly number[])[], bins: number): Binned {
  const n = x.length;
  const k = x[0]?.length ?? 0;
  const cuts: number[][] = [];
  const out: Uint8Array[] = [];
  for (let j = 0; j < k; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = x[i]![j]!;
    const c = cutsOf(col, bins);
    cuts.push(c);
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = binOf(col[i]!, c);
    out.push(b);
  }
  return { cuts, bins: out, rows: n };
}

/** Parameters of one tree. */
export interface GrowParams {
  depth: number;
  minLeaf: number;
  l2: number;
  bins: number;
  /** The columns a node may split on (all when absent; the forest draws a subset per node). */
  columns?: () => readonly number[];
}

/**
 * Grows one tree on `rows` (indices into the binned data; repeats allowed, as a bootstrap sample
 * has), with gradients `g` and hessians `h`. Returns the nodes and, per entry of `rows`, its leaf.
 */
export function growTree(
  data: Binned,
  g: Float64Array,
  h: Float64Array,
  rows: Int32Array,
  p: GrowParams,
): { nodes: TreeNode[]; leafOf: Int32Array } {
  const k = data.cuts.length;
  const all = Array.from({ length: k }, (_, j) => j);
  const nodes: TreeNode[] = [];
  const leafOf = new Int32Array(data.rows);
  const gHist = new Float64Array(p.bins);
  const hHist = new Float64Array(p.bins);
  const cHist = new Float64Array(p.bins);
  const scratch = new Int32Array(rows.length);
  const grow = (rs: Int32Array, depth: number): number => {
    const id = nodes.length;
    const len = rs.length;
    let gs = 0;
    let hs = 0;
    for (let q = 0; q < len; q++) {
      const i = rs[q]!;
      gs += g[i]!;
      hs += h[i]!;
    }
    nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: -gs / (hs + p.l2) });
    if (depth >= p.depth || len < 2 * p.minLeaf) {
      for (const i of rs) leafOf[i] = id;
      return id;
    }
    const parentScore = (gs * gs) / (hs + p.l2);
    let best = { gain: 1e-9, feature: -1, bin: -1 };
    for (const j of p.columns ? p.columns() : all) {
      gHist.fill(0);
      hHist.fill(0);
      cHist.fill(0);
      const b = data.bins[j]!;
      for (let q = 0; q < len; q++) {
        const i = rs[q]!;
        const v = b[i]!;
        gHist[v]! += g[i]!;
        hHist[v]! += h[i]!;
        cHist[v]!++;
      }
      let gl = 0;
      let hl = 0;
      let cl = 0;
      const last = data.cuts[j]!.length;
      for (let s = 0; s < last; s++) {
        gl += gHist[s]!;
        hl += hHist[s]!;
        cl += cHist[s]!;
        const cr = len - cl;
        if (cl < p.minLeaf || cr < p.minLeaf) continue;
        const gr = gs - gl;
        const hr = hs - hl;
        const gain = (gl * gl) / (hl + p.l2) + (gr * gr) / (hr + p.l2) - parentScore;
        if (gain > best.gain) best = { gain, feature: j, bin: s };
      }
    }
    if (best.feature < 0) {
      for (const i of rs) leafOf[i] = id;
      return id;
    }
    const b = data.bins[best.feature]!;
    // Stable in-place partition of this node's slice of the row buffer (left rows first, each side
    // in its original order, so every sum adds in the same order), the children as sub-views.
    let nl = 0;
    let nr = 0;
    for (let q = 0; q < len; q++) {
      const i = rs[q]!;
      if (b[i]! <= best.bin) rs[nl++] = i;
      else scratch[nr++] = i;
    }
    rs.set(scratch.subarray(0, nr), nl);
    const l = rs.subarray(0, nl);
    const r = rs.subarray(nl);
    const node = nodes[id]!;
    node.feature = best.feature;
    // Rows with bin <= s have values below cut s.
    node.threshold = data.cuts[best.feature]![best.bin]!;
    node.left = grow(l, depth + 1);
    node.right = grow(r, depth + 1);
    return id;
  };
  grow(Int32Array.from(rows), 0);
  return { nodes, leafOf };
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
