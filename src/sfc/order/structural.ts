/**
 * Structural solvability of a simultaneous block: can each equation be matched to a distinct
 * variable it really depends on (a non-zero symbolic derivative)? If not, no solver can find the
 * block's values, whatever the numbers: such equations "cannot be ordered".
 *
 * @param n block size
 * @param depends depends[i] lists the block variables equation i's residual depends on
 * @returns true when a perfect matching exists (augmenting paths, Kuhn's algorithm)
 */
export function hasPerfectMatching(n: number, depends: ReadonlyArray<readonly number[]>): boolean {
  const matchOfVar = new Int32Array(n).fill(-1);
  for (let eq = 0; eq < n; eq++) {
    const seen = new Uint8Array(n);
    if (!augment(eq, depends, matchOfVar, seen)) return false;
  }
  return true;
}

function augment(
  eq: number,
  depends: ReadonlyArray<readonly number[]>,
  matchOfVar: Int32Array,
  seen: Uint8Array,
): boolean {
  for (const x of depends[eq] ?? []) {
    if (seen[x]) continue;
    seen[x] = 1;
    const other = matchOfVar[x]!;
    if (other === -1 || augment(other, depends, matchOfVar, seen)) {
      matchOfVar[x] = eq;
      return true;
    }
  }
  return false;
}
