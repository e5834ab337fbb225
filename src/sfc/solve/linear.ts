/**
 * Dense LU solve with partial pivoting for Newton steps on a block (blocks are small: a handful to
 * a few dozen equations), in place and allocation-free.
 *
 * @param a m×m matrix, row-major; overwritten by its LU factors
 * @param x right-hand side; overwritten by the solution
 * @returns false when the matrix is singular (a pivot below 1e-300 after scaling)
 */
export function solveInPlace(a: Float64Array, x: Float64Array, m: number): boolean {
  for (let k = 0; k < m; k++) {
    let p = k;
    let best = Math.abs(a[k * m + k]!);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(a[i * m + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > 1e-300)) return false;
    if (p !== k) {
      for (let j = 0; j < m; j++) {
        const t = a[k * m + j]!;
        a[k * m + j] = a[p * m + j]!;
        a[p * m + j] = t;
      }
      const t = x[k]!;
      x[k] = x[p]!;
      x[p] = t;
    }
    const pivot = a[k * m + k]!;
    for (let i = k + 1; i < m; i++) {
      const f = a[i * m + k]! / pivot;
      if (f === 0) continue;
      for (let j = k + 1; j < m; j++) a[i * m + j] = a[i * m + j]! - f * a[k * m + j]!;
      x[i] = x[i]! - f * x[k]!;
    }
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < m; j++) s -= a[i * m + j]! * x[j]!;
    x[i] = s / a[i * m + i]!;
  }
  return true;
}

/**
 * The factorisation half of {@link solveInPlace}: LU with partial pivoting in place (multipliers
 * below the diagonal), row swaps in `pivots`. With {@link solveFactored} it gives results
 * bit-identical to solveInPlace, and lets a Newton step reuse the factors while its Jacobian does
 * not change.
 * @returns false when the matrix is singular (as solveInPlace)
 */
export function factorInPlace(a: Float64Array, pivots: Int32Array, m: number): boolean {
  for (let k = 0; k < m; k++) {
    let p = k;
    let best = Math.abs(a[k * m + k]!);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(a[i * m + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > 1e-300)) return false;
    pivots[k] = p;
    if (p !== k) {
      for (let j = 0; j < m; j++) {
        const t = a[k * m + j]!;
        a[k * m + j] = a[p * m + j]!;
        a[p * m + j] = t;
      }
    }
    const pivot = a[k * m + k]!;
    for (let i = k + 1; i < m; i++) {
      const f = a[i * m + k]! / pivot;
      a[i * m + k] = f;
      if (f === 0) continue;
      for (let j = k + 1; j < m; j++) a[i * m + j] = a[i * m + j]! - f * a[k * m + j]!;
    }
  }
  return true;
}

/** Solves with factors from {@link factorInPlace}; `x` is the right-hand side, then the solution. */
export function solveFactored(a: Float64Array, pivots: Int32Array, x: Float64Array, m: number): void {
  // All row swaps first: the multipliers below the diagonal moved with their rows.
  for (let k = 0; k < m; k++) {
    const p = pivots[k]!;
    if (p !== k) {
      const t = x[k]!;
      x[k] = x[p]!;
      x[p] = t;
    }
  }
  for (let k = 0; k < m; k++) {
    for (let i = k + 1; i < m; i++) {
      const f = a[i * m + k]!;
      if (f === 0) continue;
      x[i] = x[i]! - f * x[k]!;
    }
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let j = i + 1; j < m; j++) s -= a[i * m + j]! * x[j]!;
    x[i] = s / a[i * m + i]!;
  }
}
