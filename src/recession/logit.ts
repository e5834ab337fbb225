/**
 * Ridge-regularised logistic regression by iteratively reweighted least squares (Newton), for the
 * expanding-window composite warning. Features are standardised with the training means and
 * standard deviations; a tiny ridge keeps the solve defined under separation.
 */
export interface LogitModel {
  mean: number[];
  sd: number[];
  beta: number[];
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/** Fits P(y = 1 | x) = 1 / (1 + exp(-(b0 + b'z))), z = standardised x. */
export function fitLogit(
  x: readonly number[][],
  y: readonly (0 | 1)[],
  ridge = 1e-2,
  iterations = 25,
  /** A previous fit to start from (recursive refits converge in a few steps); its standardisation is not reused. */
  warm?: LogitModel,
): LogitModel {
  const p = x[0]?.length ?? 0;
  const mean = Array.from({ length: p }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / x.length);
  const sd = Array.from({ length: p }, (_, j) => {
    const v = x.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / Math.max(1, x.length - 1);
    return v > 0 ? Math.sqrt(v) : 1;
  });
  // Standardised rows with a leading 1, flat (one allocation; the refits of the evaluation run
  // this hundreds of times).
  const q = p + 1;
  const n = x.length;
  const z = new Float64Array(n * q);
  for (let i = 0; i < n; i++) {
    z[i * q] = 1;
    for (let j = 0; j < p; j++) z[i * q + j + 1] = (x[i]![j]! - mean[j]!) / sd[j]!;
  }
  let beta = warm && warm.beta.length === q ? [...warm.beta] : new Array<number>(q).fill(0);
  const hf = new Float64Array(q * q);
  const g = new Array<number>(q);
  for (let it = 0; it < iterations; it++) {
    hf.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * q;
      let eta = 0;
      for (let j = 0; j < q; j++) eta += z[o + j]! * beta[j]!;
      const mu = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, eta))));
      const w = Math.max(mu * (1 - mu), 1e-9);
      const r = y[i]! - mu;
      for (let j = 0; j < q; j++) {
        const zj = z[o + j]!;
        g[j]! += r * zj;
        const wz = w * zj;
        for (let k = j; k < q; k++) hf[j * q + k]! += wz * z[o + k]!;
      }
    }
    const h = Array.from({ length: q }, (_, j) =>
      Array.from({ length: q }, (_, k) => (k >= j ? hf[j * q + k]! : hf[k * q + j]!)),
    );
    for (let j = 1; j <= p; j++) {
      g[j]! -= ridge * beta[j]!;
      h[j]![j]! += ridge;
    }
    const step = solve(h, g);
    beta = beta.map((b, j) => b + step[j]!);
    if (step.every((s) => Math.abs(s) < 1e-8)) break;
  }
  return { mean, sd, beta };
}

/** Linear index b0 + b'z of a fitted model (monotone in the probability, so fine for AUROC). */
export function logitScore(model: LogitModel, x: readonly number[]): number {
  return x.reduce(
    (s, v, j) => s + model.beta[j + 1]! * ((v - model.mean[j]!) / model.sd[j]!),
    model.beta[0]!,
  );
}
