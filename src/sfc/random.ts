/**
 * Seeded random numbers that do not depend on evaluation order: every draw is a pure function of
 * (seed, run, stream, index), a counter-based generator. A model's `rnorm`/`runif` call site k
 * draws from stream k at index = period, so a draw is the same whatever the solver does, however a
 * sweep is split over threads or shards, and run r of a Monte Carlo study is the same alone or
 * among a million.
 *
 * The generator: the four 32-bit words are absorbed one by one into a state through MurmurHash3's
 * 32-bit finalizer (fmix32, Appleby 2008) with golden-ratio increments, twice with different
 * initial states; the two 32-bit outputs make one 53-bit uniform in [0, 1). Normal draws use the
 * Box-Muller transform on two such uniforms (Box and Muller 1958).
 */

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function absorb(state: number, seed: number, run: number, stream: number, index: number): number {
  let h = fmix32(state ^ seed);
  h = fmix32((h + 0x9e3779b9 + run) >>> 0);
  h = fmix32((h + 0x9e3779b9 + stream) >>> 0);
  h = fmix32((h + 0x9e3779b9 + index) >>> 0);
  return h;
}

/**
 * A uniform draw in [0, 1) with 53 random bits.
 * @param seed any integer (taken modulo 2^32)
 * @param run the run of a sweep or Monte Carlo study (0 for a single run)
 * @param stream the call site (or the parameter of a Monte Carlo draw)
 * @param index the period (or the run, for parameter draws)
 * @example
 * uniformAt(1, 0, 0, 2) === uniformAt(1, 0, 0, 2); // true, always
 */
export function uniformAt(seed: number, run: number, stream: number, index: number): number {
  const hi = absorb(0x243f6a88, seed >>> 0, run >>> 0, stream >>> 0, index >>> 0) >>> 5; // 27 bits
  const lo = absorb(0x85a308d3, seed >>> 0, run >>> 0, stream >>> 0, index >>> 0) >>> 6; // 26 bits
  return (hi * 67108864 + lo) / 9007199254740992;
}

/** A standard normal draw (Box-Muller on streams 2k and 2k+1; 1 - u keeps log away from 0). */
export function normalAt(seed: number, run: number, stream: number, index: number): number {
  const u = 1 - uniformAt(seed, run, 2 * stream, index);
  const w = uniformAt(seed, run, 2 * stream + 1, index);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
}
