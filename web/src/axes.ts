/**
 * Value axes that tell the truth: a flat line stays flat (a minimum span relative to the value, so
 * 106.486486482 to 106.486486487 is not stretched over the whole height), and tick labels carry
 * as many decimals as the axis needs (no "1%, 0%, 0%").
 */
type Extent = { min: number; max: number };

/** The smallest span an axis shows around `mid`: 2% of the value (or 1e-9 near zero). */
function minimumSpan(mid: number): number {
  return Math.max(Math.abs(mid) * 0.02, 1e-9);
}

function nice(x: number, step: number, down: boolean): number {
  const q = x / step;
  return (down ? Math.floor(q) : Math.ceil(q)) * step;
}

function padded({ min, max }: Extent): Extent {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min, max };
  const need = minimumSpan((min + max) / 2);
  const span = Math.max(max - min, need);
  const mid = (min + max) / 2;
  const lo = max - min >= need ? min : mid - span / 2;
  const hi = max - min >= need ? max : mid + span / 2;
  const step = 10 ** Math.floor(Math.log10(span / 5));
  return { min: nice(lo, step, true), max: nice(hi, step, false) };
}

/** `min`/`max` of an ECharts value axis that starts where the data are, with a minimum span. */
export const honestScale = {
  scale: true,
  min: (e: Extent) => padded(e).min,
  max: (e: Extent) => padded(e).max,
};

/** Decimals a tick label needs when the axis spans `span` (in the labels' own unit) over ~5 ticks. */
export function tickDecimals(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 0;
  return Math.min(6, Math.max(0, Math.ceil(-Math.log10(span / 5))));
}

/** The range of finite values in `values`. */
export function spanOf(values: ReadonlyArray<number | null | undefined>): number {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  return xs.length ? Math.max(...xs) - Math.min(...xs) : 0;
}
