/**
 * The explorer's transforms of a series, named as FRED names its "units" so an analyst knows them:
 * `lin` the level, `chg` the change from the previous observation, `ch1` the change from a year
 * earlier, `pch` the % change from the previous observation, `pc1` the % change from a year earlier.
 * Pure (no DOM), so they are tested on their own against hand-computed values.
 *
 * A value that cannot be computed is `null` with a reason, never NaN: no earlier observation, a
 * missing value on either side, or (for growth rates) a base that is zero or negative, where a
 * percentage change has no meaning.
 */

export const TRANSFORMS = ["lin", "chg", "ch1", "pch", "pc1"] as const;
export type Transform = (typeof TRANSFORMS)[number];

export function isTransform(x: string): x is Transform {
  return (TRANSFORMS as readonly string[]).includes(x);
}

/** How often a series is observed: the store's codes (A, Q, M, W, D). */
export type Frequency = "A" | "Q" | "M" | "W" | "D";

export interface Point {
  date: string;
  value: number | null;
}

/** Why a transformed value is missing. */
export type Gap = "no-earlier" | "missing" | "base-not-positive" | "no-year-earlier";

export interface Transformed {
  date: string;
  value: number | null;
  gap?: Gap;
}

/** The frequency a date string is written in, when the series does not say: 2013, 2013-Q4, 2013-12, 2013-12-31. */
export function frequencyOfDate(date: string): Frequency {
  if (/^\d{4}$/.test(date)) return "A";
  if (/^\d{4}-Q[1-4]$/.test(date)) return "Q";
  if (/^\d{4}-\d{2}$/.test(date)) return "M";
  return "D";
}

const DAY = 86_400_000;

function dayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY : undefined;
}

/**
 * The key of "the same period one year earlier" for a date of frequency `f`, or of the date itself
 * (for lookups): 2013-12 -> 2012-12, 2013-Q4 -> 2012-Q4, 2013 -> 2012; a monthly series stored with
 * day dates (FRED's 2023-11-01) keys by its month. Weekly and daily dates have no exact match a
 * year earlier, so they are looked up by day number instead (see {@link yearEarlier}).
 */
function periodKey(date: string, f: Frequency, yearsBack: number): string | undefined {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year)) return undefined;
  const y = String(year - yearsBack).padStart(4, "0");
  if (f === "A") return y;
  if (f === "Q") {
    const q = /-Q([1-4])$/.exec(date)?.[1];
    return q ? `${y}-Q${q}` : undefined;
  }
  if (f === "M") {
    const m = /^\d{4}-(\d{2})/.exec(date)?.[1];
    return m ? `${y}-${m}` : undefined;
  }
  return undefined;
}

/**
 * For each point, the index of the observation one year earlier, or -1. Annual, quarterly and
 * monthly series match the same period of the previous year exactly (a gap in the data is a gap,
 * not the nearest other month). Weekly and daily series take the last observation on or before
 * 365 days earlier (364 for weekly, 52 weeks, as FRED does), if it is within a week of it.
 */
export function yearEarlier(points: readonly Point[], f: Frequency): number[] {
  if (f === "A" || f === "Q" || f === "M") {
    const at = new Map<string, number>();
    points.forEach((p, i) => {
      const k = periodKey(p.date, f, 0);
      if (k !== undefined) at.set(k, i);
    });
    return points.map((p) => {
      const k = periodKey(p.date, f, 1);
      return k === undefined ? -1 : (at.get(k) ?? -1);
    });
  }
  const days = points.map((p) => dayNumber(p.date));
  const back = f === "W" ? 364 : 365;
  return points.map((_p, i) => {
    const d = days[i];
    if (d === undefined) return -1;
    const want = d - back;
    // Points are in date order: walk back to the last one on or before `want`.
    for (let j = i - 1; j >= 0; j--) {
      const dj = days[j];
      if (dj === undefined) continue;
      if (dj <= want) return want - dj <= 7 ? j : -1;
    }
    return -1;
  });
}

function change(
  x: number | null,
  base: number | null | undefined,
  growth: boolean,
): Omit<Transformed, "date"> {
  if (base === undefined) return { value: null, gap: "no-earlier" };
  if (x === null || base === null) return { value: null, gap: "missing" };
  if (!growth) return { value: x - base };
  if (!(base > 0)) return { value: null, gap: "base-not-positive" };
  return { value: x / base - 1 };
}

/**
 * `points` (in date order) transformed by `tf`. Growth rates (`pch`, `pc1`) come as fractions
 * (0.0153 = 1.53%); changes in the series' own unit. `f` is the series' frequency (for `ch1`/`pc1`).
 *
 * @example transform([{date:"2022-11",value:2292.048},{date:"2023-11",value:2327.155}], "pc1", "M")[1].value // 0.015317...
 */
export function transform(points: readonly Point[], tf: Transform, f: Frequency): Transformed[] {
  if (tf === "lin") return points.map((p) => ({ date: p.date, value: p.value }));
  const growth = tf === "pch" || tf === "pc1";
  if (tf === "chg" || tf === "pch")
    return points.map((p, i) => ({
      date: p.date,
      ...change(p.value, i > 0 ? points[i - 1]!.value : undefined, growth),
    }));
  const earlier = yearEarlier(points, f);
  return points.map((p, i) => {
    const j = earlier[i]!;
    const r = change(p.value, j >= 0 ? points[j]!.value : undefined, growth);
    return { date: p.date, ...r, ...(r.gap === "no-earlier" ? { gap: "no-year-earlier" as const } : {}) };
  });
}

/** What a series' values measure, for the axis: a share, a ratio, an amount or index, or a stored unit. */
export type BaseUnit =
  | { kind: "fraction" }
  | { kind: "ratio" }
  | { kind: "amount"; label: string }
  /** Already in per cent (BIS "% of GDP"): drawn as it is, its differences are pp. */
  | { kind: "percent"; label: string }
  | { kind: "index"; label?: string };

/**
 * The unit of a transformed series on the axis: shares are drawn in % and their differences in
 * percentage points (pp); growth rates in %; changes of anything else in its own unit.
 * `scale` multiplies the values for display (100 for shares and growth rates).
 */
export interface AxisUnit {
  /** Axes group series of the same key. */
  key: string;
  kind: "percent" | "pp" | "ratio" | "own";
  /** The stored unit, for "own". */
  label?: string;
  scale: number;
}

export function axisUnit(base: BaseUnit, tf: Transform): AxisUnit {
  if (tf === "pch" || tf === "pc1") return { key: "percent", kind: "percent", scale: 100 };
  const diff = tf !== "lin";
  if (base.kind === "fraction")
    return diff ? { key: "pp", kind: "pp", scale: 100 } : { key: "percent", kind: "percent", scale: 100 };
  if (base.kind === "percent")
    return diff
      ? { key: "pp", kind: "pp", scale: 1 }
      : { key: `own:${base.label}`, kind: "own", label: base.label, scale: 1 };
  if (base.kind === "ratio") return { key: diff ? "ratio-diff" : "ratio", kind: "ratio", scale: 1 };
  const label = base.kind === "amount" ? base.label : (base.label ?? "");
  return { key: `own:${label}${diff ? ":diff" : ""}`, kind: "own", label, scale: 1 };
}

/** Whether every drawn value can go on a log axis (positive), and how many cannot. */
export function logReady(values: ReadonlyArray<number | null>): { ok: boolean; nonPositive: number } {
  const nonPositive = values.filter((v) => v !== null && !(v > 0)).length;
  return { ok: nonPositive === 0 && values.some((v) => v !== null), nonPositive };
}
