import type { JstRow } from "../../io/sources/jst.ts";
import type { LvCrisis } from "../../io/sources/laeven-valencia.ts";
import { ANNUAL_LAMBDA, creditRatioOf } from "../country-data.ts";
import { computeCreditGap } from "../credit-gap.ts";
import type { PanelRaw } from "../source.ts";

/**
 * The early-warning panels: one row per country and period with every candidate's features, each
 * known at that period (one-sided filters, changes over past periods, cross-country means of the
 * same period), and the crisis periods the labels are drawn from. Built once per store vintage.
 */
export interface WarnRow {
  group: string;
  /** Period index: year (annual) or year * 4 + quarter - 1 (quarterly). */
  t: number;
  year: number;
  /** `1990` or `1990-Q1`. */
  date: string;
  /** Feature values in the order of {@link WarnPanel.features}; null = not available. */
  x: (number | null)[];
}

/** A crisis in period indices: first period and last period of the exclusion after it. */
export interface CrisisSpan {
  start: number;
  /** Last period of the crisis itself (LV end year Q4; the start year for JST). */
  end: number;
}

/** One panel (JST annual or BIS quarterly). */
export interface WarnPanel {
  kind: "annual" | "quarterly";
  perYear: 1 | 4;
  features: readonly string[];
  rows: WarnRow[];
  crises: Map<string, CrisisSpan[]>;
  /** Last period of data: labels need the horizon's hindsight before it. */
  lastT: number;
}

/** Feature ids and labels of the JST annual panel. */
export const ANNUAL_FEATURES = [
  "credit gap (pp)",
  "real house-price gap (%)",
  "credit/GDP, 3-year change (pp)",
  "credit/GDP, 2-year change (pp)",
  "real house prices, 2-year growth (%)",
  "real equity prices, 2-year growth (%)",
  "yield slope, long minus short rate (pp)",
  "global yield slope, cross-country mean (pp)",
  "global credit/GDP, 2-year change, cross-country mean (pp)",
  "credit boom x house-price boom: 2-year credit/GDP change x real house growth, both positive (/10)",
  "real credit growth, 2-year log change of loans / CPI (%)",
  "debt-service proxy: credit/GDP x long rate / 100",
  "red zone, house: 3-year credit/GDP change in the top quintile and 3-year real house growth in the top tertile (0/1)",
  "red zone, equity: 3-year credit/GDP change in the top quintile and 3-year real equity growth in the top tertile (0/1)",
] as const;

/** Feature ids and labels of the BIS quarterly panel. */
export const QUARTERLY_FEATURES = [
  "credit gap (pp)",
  "real property-price gap (%)",
  "household credit/GDP, 12-quarter change (pp)",
  "credit/GDP, 12-quarter change (pp)",
  "real property prices, 12-quarter growth (%)",
  "global credit/GDP, 12-quarter change, cross-country mean (pp)",
  "credit boom x property boom: 12-quarter credit/GDP change x real property growth, both positive (/10)",
  "global credit gap, cross-country mean (pp)",
  "red zone: 12-quarter credit/GDP change in the top quintile and 12-quarter real property growth in the top tertile (0/1)",
] as const;

const log100 = (v: number | null | undefined) => (v != null && v > 0 ? 100 * Math.log(v) : null);

// Gap of a series from its one-sided HP trend (the credit-gap recursion on any series).
function hpGap(values: readonly (number | null)[], lambda: number, startObs: number): (number | null)[] {
  const rows = computeCreditGap(
    values.map((v, i) => ({ date: String(i), value: v })),
    { lambda, startObs },
  );
  const out: (number | null)[] = values.map(() => null);
  for (const r of rows) out[Number(r.date)] = r.gap;
  return out;
}

// Greenwood et al. (2022): credit growth together with asset-price growth; a fixed transformation
// (product of the positive parts), so no training quantile leaks into it.
const boom = (c: number | null, p: number | null) =>
  c !== null && p !== null ? (Math.max(0, c) * Math.max(0, p)) / 10 : null;

const diff = (a: number | null | undefined, b: number | null | undefined) =>
  a != null && b != null ? a - b : null;

// Adds the cross-country mean of feature `from` (same period) as feature `to`.
function crossMean(rows: WarnRow[], from: number, to: number): void {
  const acc = new Map<number, { s: number; n: number }>();
  for (const r of rows) {
    const v = r.x[from];
    if (v == null) continue;
    const a = acc.get(r.t) ?? { s: 0, n: 0 };
    a.s += v;
    a.n++;
    acc.set(r.t, a);
  }
  for (const r of rows) {
    const a = acc.get(r.t);
    r.x[to] = a && a.n >= 3 ? a.s / a.n : null;
  }
}

/** Fewest pooled values before a real-time quantile is taken (earlier rows get null). */
const MIN_POOL = 20;

/**
 * Real-time pooled quantile flags: for each row, whether `value(row)` is at or above the `q`
 * quantile of the values of every row dated up to the row's period (all countries; never a later
 * period), so a red-zone cut-off uses only what was known then. Rows are visited in period order
 * and inserted into one sorted array. null when the value is missing or fewer than
 * {@link MIN_POOL} values are pooled.
 */
export function realTimeTopFlags(
  rows: readonly WarnRow[],
  value: (r: WarnRow) => number | null,
  q: number,
): Map<WarnRow, boolean | null> {
  const order = [...rows].sort((a, b) => a.t - b.t);
  const pool: number[] = [];
  const out = new Map<WarnRow, boolean | null>();
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]!.t === order[i]!.t) j++;
    for (let k = i; k < j; k++) {
      const v = value(order[k]!);
      if (v === null) continue;
      let lo = 0;
      let hi = pool.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (pool[m]! < v) lo = m + 1;
        else hi = m;
      }
      pool.splice(lo, 0, v);
    }
    const cut =
      pool.length >= MIN_POOL ? pool[Math.min(pool.length - 1, Math.floor(q * pool.length))]! : null;
    for (let k = i; k < j; k++) {
      const v = value(order[k]!);
      out.set(order[k]!, v === null || cut === null ? null : v >= cut);
    }
    i = j;
  }
  return out;
}

// Greenwood et al. (2022) red zone: credit growth in the top quintile and asset growth in the top
// tertile, each by real-time pooled quantiles; written into feature `to` as 0/1 (null = unknown).
function redZone(
  rows: WarnRow[],
  credit: (r: WarnRow) => number | null,
  asset: (r: WarnRow) => number | null,
  to: number,
): void {
  const c = realTimeTopFlags(rows, credit, 0.8);
  const a = realTimeTopFlags(rows, asset, 2 / 3);
  for (const r of rows) {
    const x = c.get(r);
    const y = a.get(r);
    r.x[to] = x == null || y == null ? null : x && y ? 1 : 0;
  }
}

/**
 * JST R6 annual panel: 18 countries 1870-2020, crises = JST `crisisJST` starts.
 * @example annualWarnPanel(loadJstRows()).rows.length // about 2,400 country-years
 */
export function annualWarnPanel(jst: readonly JstRow[]): WarnPanel {
  const rows: WarnRow[] = [];
  const growth3 = new Map<WarnRow, { house: number | null; equity: number | null }>();
  const crises = new Map<string, CrisisSpan[]>();
  const isos = [...new Set(jst.map((r) => r.iso))].sort();
  let lastT = -Infinity;
  for (const iso of isos) {
    const rs = jst.filter((r) => r.iso === iso).sort((a, b) => a.year - b.year);
    crises.set(
      iso,
      rs.filter((r) => r.values.crisisJST === 1).map((r) => ({ start: r.year, end: r.year })),
    );
    const v = (i: number, k: string) => rs[i]?.values[k] ?? null;
    const ratio = rs.map((_, i) => {
      const l = v(i, "tloans");
      const g = v(i, "gdp");
      return l != null && g != null && g > 0 ? (100 * l) / g : null;
    });
    const realHouse = rs.map((_, i) => {
      const h = v(i, "hpnom");
      const c = v(i, "cpi");
      return h != null && c != null && c > 0 ? h / c : null;
    });
    let eq = 100;
    const realEquity = rs.map((_, i) => {
      const g = v(i, "eq_capgain");
      const c = v(i, "cpi");
      if (g == null || c == null || c <= 0) return null;
      eq *= 1 + g;
      return eq / c;
    });
    const realCredit = rs.map((_, i) => {
      const l = v(i, "tloans");
      const c = v(i, "cpi");
      return l != null && c != null && c > 0 ? l / c : null;
    });
    const gap = hpGap(ratio, ANNUAL_LAMBDA, 11);
    const houseGap = hpGap(realHouse.map(log100), ANNUAL_LAMBDA, 11);
    rs.forEach((r, i) => {
      lastT = Math.max(lastT, r.year);
      const lt = v(i, "ltrate");
      const st = v(i, "stir");
      rows.push({
        group: iso,
        t: r.year,
        year: r.year,
        date: String(r.year),
        x: [
          gap[i] ?? null,
          houseGap[i] ?? null,
          diff(ratio[i], ratio[i - 3]),
          diff(ratio[i], ratio[i - 2]),
          diff(log100(realHouse[i]), log100(realHouse[i - 2])),
          diff(log100(realEquity[i]), log100(realEquity[i - 2])),
          lt != null && st != null ? lt - st : null,
          null,
          null,
          boom(diff(ratio[i], ratio[i - 2]), diff(log100(realHouse[i]), log100(realHouse[i - 2]))),
          diff(log100(realCredit[i]), log100(realCredit[i - 2])),
          ratio[i] != null && lt != null ? (ratio[i]! * lt) / 100 : null,
          null,
          null,
        ],
      });
      growth3.set(rows.at(-1)!, {
        house: diff(log100(realHouse[i]), log100(realHouse[i - 3])),
        equity: diff(log100(realEquity[i]), log100(realEquity[i - 3])),
      });
    });
  }
  crossMean(rows, 6, 7);
  crossMean(rows, 3, 8);
  redZone(
    rows,
    (r) => r.x[2] ?? null,
    (r) => growth3.get(r)?.house ?? null,
    12,
  );
  redZone(
    rows,
    (r) => r.x[2] ?? null,
    (r) => growth3.get(r)?.equity ?? null,
    13,
  );
  return { kind: "annual", perYear: 1, features: ANNUAL_FEATURES, rows, crises, lastT };
}

const qIndex = (d: string) => Number(d.slice(0, 4)) * 4 + Number(d.slice(6)) - 1;
const qDate = (t: number) => `${Math.floor(t / 4)}-Q${(t % 4) + 1}`;

/**
 * BIS quarterly panel: the credit-gap economies (aggregates left out), 1970 on, crises = Laeven-
 * Valencia (2026) systemic banking crises (start year Q1 to end year Q4).
 */
export function quarterlyWarnPanel(bis: NonNullable<PanelRaw["bis"]>, lv: readonly LvCrisis[]): WarnPanel {
  const rows: WarnRow[] = [];
  const crises = new Map<string, CrisisSpan[]>();
  let lastT = -Infinity;
  for (const { country: c, bis: b } of bis) {
    const ratio = creditRatioOf(b);
    if (!ratio || ratio.input.observations.length === 0) continue;
    crises.set(
      c.iso2,
      lv
        .filter((e) => e.country === c.lvName)
        .map((e) => ({ start: e.start * 4, end: (e.end ?? e.start) * 4 + 3 })),
    );
    const obs = ratio.input.observations;
    const t0 = qIndex(obs[0]!.date);
    const t1 = qIndex(obs.at(-1)!.date);
    lastT = Math.max(lastT, t1);
    const series = (o: readonly { date: string; value: number }[] | undefined) => {
      const m = new Map((o ?? []).map((p) => [qIndex(p.date), p.value]));
      return Array.from({ length: t1 - t0 + 1 }, (_, i) => m.get(t0 + i) ?? null);
    };
    const r = series(obs);
    const hh = series(b.householdRatio?.observations);
    const prop = series(b.sppReal?.observations).map(log100);
    // The gap from the ratio's own first quarter (as the BIS computes it).
    const gap = hpGap(r, 400_000, 41);
    // Property-price gap from the property series' own first quarter.
    const firstProp = prop.findIndex((v) => v !== null);
    const propGap =
      firstProp < 0
        ? prop.map(() => null)
        : [...prop.slice(0, firstProp), ...hpGap(prop.slice(firstProp), 400_000, 41)];
    for (let i = 0; i < r.length; i++) {
      const t = t0 + i;
      const year = Math.floor(t / 4);
      if (year < 1970 || r[i] === null) continue;
      const dc = diff(r[i], r[i - 12]);
      const dp = diff(prop[i], prop[i - 12]);
      rows.push({
        group: c.iso2,
        t,
        year,
        date: qDate(t),
        x: [
          gap[i] ?? null,
          propGap[i] ?? null,
          diff(hh[i], hh[i - 12]),
          dc,
          dp,
          null,
          boom(dc, dp),
          null,
          null,
        ],
      });
    }
  }
  crossMean(rows, 3, 5);
  crossMean(rows, 0, 7);
  redZone(
    rows,
    (r) => r.x[3] ?? null,
    (r) => r.x[4] ?? null,
    8,
  );
  return { kind: "quarterly", perYear: 4, features: QUARTERLY_FEATURES, rows, crises, lastT };
}
