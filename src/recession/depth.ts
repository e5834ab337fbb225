import type { CountryData, LevelSeries } from "./country-data.ts";
import { r1, val, yearOf } from "./signal.ts";

/** A peak-to-trough fall: its size and when it peaked and bottomed. */
export interface PeakToTrough {
  /** (trough - peak) / peak, %, <= 0. */
  pct: number;
  /** Date (month `1989-12` or year `1991`) of the peak and of the trough. */
  peak: string;
  trough: string;
  source: string;
}

/** Parameters of the depth measures. */
export const DEPTH = {
  /** The cycle peak is sought from this many years before the bust ... */
  peakYearsBefore: 5,
  /** ... to this many after it (house prices peak later: Japan's land prices in 1991). */
  peakYearsAfter: 2,
} as const;

const yearOfDate = (d: string) => Number(d.slice(0, 4));

/**
 * The fall of a price from its cycle peak to its trough: the peak is the highest level from 5 years
 * before the bust to 2 years after it; the trough the lowest level after the peak, up to `to` or
 * until the price regains the peak. Null when the series does not cover the peak window.
 * @example peakToTrough(nikkeiMonthly, 1990, 2010)?.pct // about -80 (1989-12 to 2009-03)
 */
export function peakToTrough(
  s: LevelSeries | null,
  bust: number,
  to: number,
  p = DEPTH,
): PeakToTrough | null {
  if (!s) return null;
  const obs = s.observations.filter((o) => yearOfDate(o.date) <= to && o.value > 0);
  let peakIdx = -1;
  for (let i = 0; i < obs.length; i++) {
    const y = yearOfDate(obs[i]!.date);
    if (y < bust - p.peakYearsBefore || y > bust + p.peakYearsAfter) continue;
    if (peakIdx < 0 || obs[i]!.value > obs[peakIdx]!.value) peakIdx = i;
  }
  if (peakIdx < 0) return null;
  const peak = obs[peakIdx]!;
  let trough = peak;
  for (let i = peakIdx + 1; i < obs.length && obs[i]!.value < peak.value; i++)
    if (obs[i]!.value < trough.value) trough = obs[i]!;
  return {
    pct: r1((100 * (trough.value - peak.value)) / peak.value) ?? 0,
    peak: peak.date,
    trough: trough.date,
    source: s.source,
  };
}

/**
 * Real GDP peak to trough over `years`: the deepest fall of the level (cumulated from the yearly
 * growth rates) from any earlier year of the span, starting the year before the first. 0 when it
 * never fell; null without growth rates. The level is total real GDP where the data have it (JST
 * rgdpbarro x pop), else per capita; `source` says which.
 * @example realGdpPeakToTrough(loadCountryData("US"), 1929, 1939)?.pct // about -26.6 (1929 to 1933)
 */
export function realGdpPeakToTrough(data: CountryData, first: number, last: number): PeakToTrough | null {
  let level = 100;
  let peak = { year: first - 1, level };
  let worst: { pct: number; peak: number; trough: number } | null = null;
  let source: string | null = null;
  for (let y = first; y <= last; y++) {
    const g = yearOf(data, y).realGdpGrowth;
    const v = val(g);
    if (v === null) continue;
    source ??= g!.source.replace(/, % y\/y$/, "");
    level *= 1 + v / 100;
    if (level > peak.level) peak = { year: y, level };
    const pct = (100 * (level - peak.level)) / peak.level;
    if (!worst || pct < worst.pct) worst = { pct, peak: peak.year, trough: y };
  }
  if (!worst || source === null) return null;
  if (worst.pct >= 0) return { pct: 0, peak: String(first - 1), trough: String(first - 1), source };
  return { pct: r1(worst.pct) ?? 0, peak: String(worst.peak), trough: String(worst.trough), source };
}
