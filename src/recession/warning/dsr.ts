import { auroc } from "../auroc.ts";
import type { DsrSeries } from "../source.ts";
import { clusterPairs, clusterResamples, pairsAuroc, percentileCi } from "./cluster-auroc.ts";
import { DESIGN, labelOf } from "./evaluate-warning.ts";
import type { WarnPanel } from "./features.ts";

/**
 * The BIS debt service ratio as an unfitted early-warning indicator (Drehmann and Juselius 2014),
 * beside the credit gap on the same rows. The DSR starts in 1999, so no training crisis precedes
 * 2007 and no model can be fitted on it recursively; like the credit gap it needs no fit. Its gap is
 * taken from its own expanding mean (real time; Drehmann and Juselius use the full-sample mean).
 * @references Drehmann and Juselius (2014), "Evaluating early warning indicators of banking crises:
 * satisfying policy requirements", International Journal of Forecasting 30.
 */

/** Quarters of DSR history before its expanding mean is used. */
export const DSR_MIN_QUARTERS = 20;
/** Horizons the DSR is scored on (13-20 quarters has no test positive). */
export const DSR_HORIZONS = ["1-4 quarters", "5-12 quarters"] as const;

const qIndex = (d: string) => Number(d.slice(0, 4)) * 4 + Number(d.slice(6)) - 1;

/** DSR minus its expanding mean (pp), by economy and quarter index; only from the 20th quarter on. */
export function dsrGaps(dsr: readonly DsrSeries[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const s of dsr) {
    const m = new Map<number, number>();
    let sum = 0;
    let n = 0;
    for (const o of [...s.observations].sort((a, b) => qIndex(a.date) - qIndex(b.date))) {
      if (!Number.isFinite(o.value)) continue;
      sum += o.value;
      n++;
      if (n >= DSR_MIN_QUARTERS) m.set(qIndex(o.date), o.value - sum / n);
    }
    out.set(s.iso2, m);
  }
  return out;
}

/** One horizon: the DSR gap and the credit gap on the same test-year rows. */
export interface DsrResult {
  horizon: string;
  positives: number;
  negatives: number;
  countries: number;
  dsrGap: { auroc: number | null; ci: [number, number] | null };
  creditGap: { auroc: number | null; ci: [number, number] | null };
  /** DSR gap minus credit gap, paired country-cluster bootstrap. */
  difference: { auroc: number | null; ci: [number, number] | null };
}

const r3 = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1000) / 1000);
const r3ci = (c: [number, number] | null): [number, number] | null => (c ? [r3(c[0])!, r3(c[1])!] : null);

/**
 * Scores the DSR gap against the credit gap on the BIS test years (design 2), rows with both and a
 * known label; country-cluster bootstrap intervals with the design's seed.
 */
export function evaluateDsr(
  panel: WarnPanel,
  dsr: readonly DsrSeries[],
  options: { reps?: number; seed?: number } = {},
): DsrResult[] {
  const gaps = dsrGaps(dsr);
  const design = DESIGN.quarterly;
  return DSR_HORIZONS.map((label) => {
    const h = design.horizons.find((x) => x.label === label)!;
    const rows: { dsr: number; gap: number; y: 0 | 1; group: string }[] = [];
    for (const r of panel.rows) {
      if (r.year < design.test[0] || r.year > design.test[1]) continue;
      const d = gaps.get(r.group)?.get(r.t);
      const g = r.x[0];
      if (d === undefined || g == null) continue;
      const y = labelOf(panel, r, h, design.postCrisis);
      if (y !== null) rows.push({ dsr: d, gap: g, y, group: r.group });
    }
    const groups = [...new Set(rows.map((r) => r.group))].sort();
    const a = rows.map((r) => ({ score: r.dsr, y: r.y, group: r.group }));
    const b = rows.map((r) => ({ score: r.gap, y: r.y, group: r.group }));
    const pa = clusterPairs(a, groups);
    const pb = clusterPairs(b, groups);
    const ba: number[] = [];
    const bb: number[] = [];
    const bd: number[] = [];
    for (const m of clusterResamples(
      groups.length,
      options.reps ?? DESIGN.bootstrapReps,
      options.seed ?? DESIGN.seed,
    )) {
      const x = pairsAuroc(pa, m);
      const z = pairsAuroc(pb, m);
      if (x !== null) ba.push(x);
      if (z !== null) bb.push(z);
      if (x !== null && z !== null) bd.push(x - z);
    }
    const ad = auroc(a);
    const ag = auroc(b);
    return {
      horizon: label,
      positives: rows.filter((r) => r.y === 1).length,
      negatives: rows.filter((r) => r.y === 0).length,
      countries: groups.length,
      dsrGap: { auroc: r3(ad), ci: r3ci(percentileCi(ba)) },
      creditGap: { auroc: r3(ag), ci: r3ci(percentileCi(bb)) },
      difference: { auroc: ad !== null && ag !== null ? r3(ad - ag) : null, ci: r3ci(percentileCi(bd)) },
    };
  });
}
