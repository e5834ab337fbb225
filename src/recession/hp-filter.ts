/**
 * Hodrick-Prescott filters used by the credit gap.
 *
 * Two implementations of the one-sided (real-time) HP trend, both O(n) for the whole series:
 * - {@link oneSidedHpKalman}: a Kalman filter on the local-linear-trend state space
 *   (Meyer-Gohde 2010, R `hpfilter::hp1`): O(1) per quarter.
 * - {@link hpTrendBanded}: the ordinary two-sided HP trend via a banded (pentadiagonal) LDL'
 *   solve, O(n); calling it on r_1..r_t and keeping the last value is the textbook definition of
 *   the one-sided trend (O(t) per step), used as the cross-check.
 *
 * @references Hodrick and Prescott (1997); Meyer-Gohde (2010), "Matlab code for one-sided
 * HP-filters", QM&RBC Codes 181; BIS (2016), "Recent enhancements to the BIS statistics".
 */

/** BIS smoothing parameter for quarterly credit-to-GDP ratios (Borio and Lowe 2004). */
export const BIS_LAMBDA = 400_000;

/**
 * Two-sided HP trend of `y` (no missing values) by a banded Cholesky-type LDL' solve of
 * (I + lambda D'D) tau = y, where D is the (n-2) x n second-difference matrix.
 * Series of length 1 or 2 are returned unchanged (a line passes through them).
 *
 * @param y observations, all finite
 * @param lambda smoothing parameter (default 400,000)
 * @example hpTrendBanded([1, 2, 3, 4]) // [1, 2, 3, 4] (lines pass through)
 */
export function hpTrendBanded(y: readonly number[], lambda: number = BIS_LAMBDA): number[] {
  const n = y.length;
  if (n <= 2) return [...y];
  // Bands of A = I + lambda D'D: diagonal d0, first off-diagonal d1, second off-diagonal d2.
  const d0 = new Float64Array(n);
  const d1 = new Float64Array(n);
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // D'D diagonal: 1,5,6,...,6,5,1 ; first off: -2,-4,...,-4,-2 ; second off: 1.
    let dd: number;
    if (i === 0 || i === n - 1) dd = 1;
    else if (i === 1 || i === n - 2) dd = 5;
    else dd = 6;
    if (n === 3 && i === 1) dd = 4;
    d0[i] = 1 + lambda * dd;
    if (i < n - 1) d1[i] = lambda * (i === 0 || i === n - 2 ? -2 : -4);
    if (i < n - 2) d2[i] = lambda;
  }
  if (n === 3) d1[0] = d1[1] = -2 * lambda;
  // LDL' factorisation of a symmetric pentadiagonal matrix: L unit lower with bands l1, l2.
  const dd = new Float64Array(n);
  const l1 = new Float64Array(n);
  const l2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let di = d0[i]!;
    if (i >= 1) di -= l1[i - 1]! * l1[i - 1]! * dd[i - 1]!;
    if (i >= 2) di -= l2[i - 2]! * l2[i - 2]! * dd[i - 2]!;
    dd[i] = di;
    if (i < n - 1) {
      let e = d1[i]!;
      if (i >= 1) e -= l2[i - 1]! * l1[i - 1]! * dd[i - 1]!;
      l1[i] = e / di;
    }
    if (i < n - 2) l2[i] = d2[i]! / di;
  }
  // Forward substitution L z = y, diagonal scaling, back substitution L' tau = z / D.
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = y[i]!;
    if (i >= 1) v -= l1[i - 1]! * z[i - 1]!;
    if (i >= 2) v -= l2[i - 2]! * z[i - 2]!;
    z[i] = v;
  }
  const tau = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let v = z[i]! / dd[i]!;
    if (i + 1 < n) v -= l1[i]! * tau[i + 1]!;
    if (i + 2 < n) v -= l2[i]! * tau[i + 2]!;
    tau[i] = v;
  }
  return tau;
}

/**
 * One-sided HP trend by definition: for each t, the last value of the two-sided HP trend of
 * y_1..y_t. O(t) per step with the banded solver (O(n^2) in total); use it to check
 * {@link oneSidedHpKalman}.
 *
 * @example oneSidedHpRecursive([1, 2, 3])[2] // 3
 */
export function oneSidedHpRecursive(y: readonly number[], lambda: number = BIS_LAMBDA): number[] {
  const out = new Array<number>(y.length);
  for (let t = 0; t < y.length; t++) out[t] = hpTrendBanded(y.slice(0, t + 1), lambda).at(-1)!;
  return out;
}

/** Options for {@link oneSidedHpKalman}. */
export interface KalmanHpOptions {
  /** Smoothing parameter; default 400,000 (BIS). */
  lambda?: number;
  /** Prior variance of the initial state (diffuse-like). Default 1e5, as in `hpfilter::hp1`. */
  priorVariance?: number;
}

/**
 * One-sided HP trend by the Kalman filter on tau_t = 2 tau_{t-1} - tau_{t-2} + eta_t (var 1/lambda),
 * y_t = tau_t + eps_t (var 1). Initial state extrapolated back from the first two observations,
 * P0 = 1e5 I (Meyer-Gohde 2010). `null` entries are skipped (prediction only) and give a `null`
 * trend. O(1) per step. Equals the recursive endpoint within ~1e-5 on the BIS ratios.
 *
 * @param y observations; null = missing
 * @returns filtered trend, null where the input is null or before the first observation
 * @example oneSidedHpKalman([1, 2, 3, 4]) // ≈ [1, 2, 3, 4]
 */
export function oneSidedHpKalman(
  y: readonly (number | null)[],
  options: KalmanHpOptions = {},
): (number | null)[] {
  const lambda = options.lambda ?? BIS_LAMBDA;
  const p0 = options.priorVariance ?? 1e5;
  const q = 1 / lambda;
  const out: (number | null)[] = new Array<number | null>(y.length).fill(null);
  const first = y.findIndex((v) => v !== null);
  if (first < 0) return out;
  const y1 = y[first] as number;
  const next = y.slice(first + 1).find((v) => v !== null);
  const y2 = next ?? y1;
  // State x = [tau_t, tau_{t-1}] at time t = first - 1 (extrapolated backwards).
  let a = 2 * y1 - y2;
  let b = 3 * y1 - 2 * y2;
  let p11 = p0;
  let p12 = 0;
  let p22 = p0;
  for (let t = first; t < y.length; t++) {
    // Predict with F = [[2,-1],[1,0]], Q = diag(q, 0).
    const na = 2 * a - b;
    const nb = a;
    const f11 = 2 * p11 - p12;
    const f12 = 2 * p12 - p22;
    const m11 = 2 * f11 - f12 + q;
    const m12 = f11;
    const m22 = p11;
    a = na;
    b = nb;
    p11 = m11;
    p12 = m12;
    p22 = m22;
    const obs = y[t];
    if (obs === null || obs === undefined) continue;
    // Update with H = [1, 0], R = 1.
    const s = p11 + 1;
    const k1 = p11 / s;
    const k2 = p12 / s;
    const v = obs - a;
    a += k1 * v;
    b += k2 * v;
    const u11 = p11 - k1 * p11;
    const u12 = p12 - k1 * p12;
    const u22 = p22 - k2 * p12;
    p11 = u11;
    p12 = u12;
    p22 = u22;
    out[t] = a;
  }
  return out;
}
