import { bufferGuide } from "./buffer-guide.ts";
import { BIS_LAMBDA, oneSidedHpKalman } from "./hp-filter.ts";

/** The BIS publishes the gap from the 41st ratio observation (10 years of data). */
export const BIS_GAP_START_OBS = 41;

/** One quarter of a credit-gap computation. */
export interface CreditGapRow {
  /** ISO quarter, e.g. `1990-Q4`. */
  date: string;
  /** Credit-to-GDP ratio, % of GDP. */
  ratio: number;
  /** One-sided HP trend (lambda 400,000) through this quarter; null before the 41st observation. */
  trend: number | null;
  /** ratio - trend, pp; null before the 41st observation. */
  gap: number | null;
  /** Basel III buffer guide, % of RWA; null when the gap is. */
  bufferGuide: number | null;
  /** 1-based count of ratio observations up to and including this quarter. */
  obs: number;
  /** Why trend/gap are null, when they are. */
  reason?: string;
}

/** Options for {@link computeCreditGap}. */
export interface CreditGapOptions {
  /** HP smoothing parameter; default 400,000. */
  lambda?: number;
  /** First observation at which a gap is reported; default 41. */
  startObs?: number;
}

/**
 * BIS credit-to-GDP gap from a quarterly ratio series: for each quarter t a one-sided HP filter
 * (lambda = 400,000) on the ratio from its first observation to t; gap = ratio - trend, reported from
 * the 41st observation. Missing quarters (null) are skipped in the output but keep the filter's
 * time index. O(n) over the series (Kalman recursion).
 *
 * @param points ratio observations in date order (`value` null = missing)
 * @example computeCreditGap([{ date: "1990-Q1", value: 100 }, ...])
 * @references Drehmann and Tsatsaronis (2014), BIS QR March; BCBS (2010).
 */
export function computeCreditGap(
  points: readonly { date: string; value: number | null }[],
  options: CreditGapOptions = {},
): CreditGapRow[] {
  const startObs = options.startObs ?? BIS_GAP_START_OBS;
  const trend = oneSidedHpKalman(
    points.map((p) => p.value),
    { lambda: options.lambda ?? BIS_LAMBDA },
  );
  const rows: CreditGapRow[] = [];
  let obs = 0;
  points.forEach((p, i) => {
    if (p.value === null) return;
    obs++;
    const tr = trend[i] ?? null;
    if (obs < startObs || tr === null) {
      rows.push({
        date: p.date,
        ratio: p.value,
        trend: null,
        gap: null,
        bufferGuide: null,
        obs,
        reason: `not computable: the BIS reports the gap from the ${startObs}th observation (this is #${obs})`,
      });
      return;
    }
    const gap = p.value - tr;
    rows.push({ date: p.date, ratio: p.value, trend: tr, gap, bufferGuide: bufferGuide(gap), obs });
  });
  return rows;
}
