import type { CountryInfo } from "./countries.ts";
import { notInstalled } from "../io/sources/common.ts";
import { type CountryData, INPUT_FIELDS, loadCountryData } from "./country-data.ts";
import { bankingDistress } from "./banking-distress.ts";
import { liquidityTrap } from "./liquidity-trap.ts";
import { ASSET_COLLAPSE, assetPriceCollapse } from "./marks/asset-price-collapse.ts";
import { DEFLATION, deflation } from "./marks/deflation.ts";
import { MONETARY_INEFFECTIVE, monetaryIneffective } from "./marks/monetary-ineffective.ts";
import { PRIVATE_DELEVERAGING, privateDeleveraging } from "./marks/private-deleveraging.ts";
import { FISCAL, fiscalTightening, type PolicyLag, policyLag } from "./policy-lag.ts";
import { LEVERAGED_BOOM, leveragedBoom } from "./precursors/leveraged-boom.ts";
import { r1, type Signal, val, yearOf } from "./signal.ts";

/** Stages of a balance-sheet recession (Koo's four steps plus boom, recovery and none). */
export type Stage =
  "boom" | "bust" | "banking crisis" | "slow rescue" | "liquidity trap" | "recovery" | "none";

/** One year of the diagnosis. */
export interface YearDiagnosis {
  year: number;
  stage: Stage;
  /** Ids of the signals that fired. */
  fired: string[];
  /** Every signal evaluated, fired or not, with values (null = not computable, with a reason). */
  signals: Signal[];
  /** Extra remarks (relapse, fiscal tightening). */
  notes: string[];
}

/** Verdict parameters. */
export const VERDICT = {
  /** Years of private deleveraging needed inside the episode. */
  deleveragingYears: 2,
  /** Minimum episode length, years. */
  minDuration: 3,
  /** Quiet years (no mark, no crisis, assets no longer collapsed) that close an episode. */
  quietYearsToClose: 2,
  /** Years after the bust in which continuing collapse is still labelled "bust". */
  bustYears: 3,
} as const;

/** A distress episode: opened by an asset-price collapse or a systemic banking crisis. */
export interface Episode {
  start: number;
  /** Last active year; null if still active at the end of the data examined. */
  end: number | null;
  durationYears: number;
  balanceSheetRecession: boolean;
  /** Years in which each mark fired. */
  marks: Record<
    "asset-price-collapse" | "monetary-ineffective" | "private-deleveraging" | "deflation",
    number[]
  >;
  depth: {
    equityDrawdownPct: number | null;
    houseDrawdownPct: number | null;
    /** Change in private credit/GDP from its pre-bust high to its low in the episode, pp. */
    creditGdpChangePp: number | null;
    /** Largest rise of the private financial balance over its pre-bust low, pp of GDP. */
    privateBalanceSwingPp: number | null;
    /** Real GDP trough relative to the year before the bust, %. */
    realGdpPeakToTroughPct: number | null;
  };
  policyLag: PolicyLag;
  /** Why the verdict is what it is. */
  reason: string;
}

/** Output of {@link diagnose}. */
export interface Diagnosis {
  country: Pick<CountryInfo, "iso2" | "iso3" | "name">;
  from: number;
  to: number;
  timeline: YearDiagnosis[];
  episodes: Episode[];
  verdict: {
    balanceSheetRecession: boolean;
    start: number | null;
    end: number | null;
    durationYears: number | null;
    summary: string;
  };
  /** The boom mark, e.g. US CAPE peak 32.56 in 1929-09. */
  boomMark: string | null;
  /**
   * Datasets this diagnosis would use that are not installed (e.g. the restricted JST or Nikkei
   * folders deleted), with what they would have supplied; signals needing only them are not computable.
   */
  missingDatasets: { id: string; note: string; inputs: string[] }[];
  parameters: Record<string, unknown>;
}

function signalsFor(data: CountryData, year: number): Record<string, Signal> {
  return {
    "leveraged-boom": leveragedBoom(data, year),
    "asset-price-collapse": assetPriceCollapse(data, year),
    "banking-distress": bankingDistress(data, year),
    "monetary-ineffective": monetaryIneffective(data, year),
    "private-deleveraging": privateDeleveraging(data, year),
    deflation: deflation(data, year),
    "liquidity-trap": liquidityTrap(data, year),
    "fiscal-tightening": fiscalTightening(data, year),
  };
}

const on = (s: Signal | undefined) => s?.fired === true;

/**
 * Year-by-year stage diagnosis of a country with an overall balance-sheet-recession verdict.
 *
 * Episodes open with an asset-price collapse (or a systemic banking crisis) and stay open while any
 * of the marks fires, a banking crisis lasts, or assets stay collapsed; two quiet years close them.
 * An episode is a balance-sheet recession when assets collapsed, the private sector deleveraged in
 * at least 2 years, and either monetary policy was ineffective or prices fell, over >= 3 years.
 * Data from 10 years before `from` are examined so an episode begun earlier is recognised.
 *
 * @param code BIS two-letter code (or ISO3)
 * @example diagnose("JP", 1985, 2010).verdict.start // 1990
 */
export function diagnose(code: string, from: number, to: number): Diagnosis {
  const data = loadCountryData(code);
  const first = from - 10;
  const rows: YearDiagnosis[] = [];
  const episodes: { start: number; end: number | null; years: number[] }[] = [];
  let open: { start: number; end: number | null; years: number[] } | null = null;
  let quiet = 0;
  let lastClosedEnd = -Infinity;
  let prevCollapse = false;
  for (let year = first; year <= to; year++) {
    const s = signalsFor(data, year);
    const collapse = on(s["asset-price-collapse"]);
    const banking = on(s["banking-distress"]);
    const rrBanking = s["banking-distress"]!.values.rrBanking === 1;
    const delev = on(s["private-deleveraging"]);
    const mon = on(s["monetary-ineffective"]);
    const defl = on(s.deflation);
    const rate = val(yearOf(data, year).shortRate);
    const nearZero = rate !== null && rate <= MONETARY_INEFFECTIVE.nearZero;
    const notes: string[] = [];
    let opened = false;
    if (!open && (collapse || banking)) {
      open = { start: year, end: null, years: [] };
      episodes.push(open);
      opened = true;
      quiet = 0;
    }
    let stage: Stage = "none";
    if (open) {
      const active = collapse || banking || rrBanking || delev || mon || defl;
      if (active) {
        quiet = 0;
        open.end = year;
      } else quiet++;
      if (quiet >= VERDICT.quietYearsToClose) {
        lastClosedEnd = open.end ?? year;
        open = null;
      }
    }
    if (open) {
      open.years.push(year);
      if (opened && collapse) stage = "bust";
      else if (banking) stage = "banking crisis";
      else if (collapse && (year < open.start + VERDICT.bustYears || !prevCollapse)) {
        stage = "bust";
        if (!prevCollapse && year >= open.start + VERDICT.bustYears)
          notes.push("relapse: asset prices collapse again");
      } else if (quiet > 0) stage = "recovery";
      else if (nearZero && (delev || defl || mon)) stage = "liquidity trap";
      else stage = "slow rescue";
    } else if (on(s["leveraged-boom"])) stage = "boom";
    else if (year - lastClosedEnd <= 2) stage = "recovery";
    const growth = val(yearOf(data, year).realGdpGrowth);
    if (on(s["fiscal-tightening"])) notes.push(`fiscal tightening: ${s["fiscal-tightening"]!.detail}`);
    if (growth !== null && growth < 0 && on(signalsFor(data, year - 1)["fiscal-tightening"]))
      notes.push(
        `relapse after fiscal tightening: real GDP ${r1(growth)}% after the previous year's tightening`,
      );
    if (growth !== null && growth < 0) notes.push(`real GDP ${r1(growth)}%`);
    rows.push({
      year,
      stage,
      fired: Object.values(s)
        .filter(on)
        .map((x) => x.id),
      signals: Object.values(s),
      notes,
    });
    prevCollapse = collapse;
  }

  // An episode still active in the last year examined is ongoing (end = null).
  for (const e of episodes) if (e === open && e.end === to) e.end = null;
  const eps = episodes.map((e) => judge(data, e.start, e.end, e.years, to));
  // Episodes that are not balance-sheet recessions have no rescue, trap or recovery stages.
  for (const e of eps)
    if (!e.balanceSheetRecession)
      for (const r of rows)
        if (
          r.year >= e.start &&
          r.year <= (e.end ?? to) + 2 &&
          (r.stage === "slow rescue" || r.stage === "liquidity trap" || r.stage === "recovery")
        )
          r.stage = r.year <= (e.end ?? to) && r.fired.includes("asset-price-collapse") ? "bust" : "none";
  const inRange = eps.filter((e) => (e.end ?? to) >= from && e.start <= to);
  const bsr = inRange.filter((e) => e.balanceSheetRecession);
  const main = bsr[0];
  const boomMark =
    capePeak(data, main?.start ?? from, to) ?? bestBoomMark(rows.filter((r) => r.year >= from));
  return {
    country: { iso2: data.country.iso2, iso3: data.country.iso3, name: data.country.name },
    from,
    to,
    timeline: rows.filter((r) => r.year >= from),
    episodes: inRange,
    verdict: {
      balanceSheetRecession: bsr.length > 0,
      start: main?.start ?? null,
      end: main?.end ?? null,
      durationYears: main?.durationYears ?? null,
      summary: main
        ? `balance-sheet recession from ${main.start}${main.end === null ? " (ongoing at " + to + ")" : " to " + main.end} (${main.durationYears} years): ${main.reason}`
        : inRange.length > 0
          ? `no balance-sheet recession: ${inRange.map((e) => `${e.start}: ${e.reason}`).join("; ")}`
          : `no balance-sheet recession: no asset-price collapse or systemic banking crisis in ${from}-${to}`,
    },
    boomMark,
    missingDatasets: data.missingDatasets.map((id) => ({
      id,
      note: notInstalled(id),
      inputs: INPUT_FIELDS.filter((f) => data.unavailable[f]?.includes(id)),
    })),
    parameters: {
      assetCollapse: ASSET_COLLAPSE,
      monetaryIneffective: MONETARY_INEFFECTIVE,
      privateDeleveraging: PRIVATE_DELEVERAGING,
      deflation: DEFLATION,
      leveragedBoom: LEVERAGED_BOOM,
      fiscal: FISCAL,
      verdict: VERDICT,
    },
  };
}

// The CAPE high of the 3 years up to the bust (or the window), as in the seed's "32.56 in September 1929".
function capePeak(data: CountryData, bust: number, to: number): string | null {
  let best: { date: string; value: number } | null = null;
  for (const o of data.capeMonthly) {
    const y = Number(o.date.slice(0, 4));
    if (y >= bust - 3 && y <= Math.min(bust, to) && (!best || o.value > best.value)) best = o;
  }
  return best ? `Shiller CAPE peak ${best.value.toFixed(2)} in ${best.date}` : null;
}

function bestBoomMark(rows: YearDiagnosis[]): string | null {
  let best: { year: number; gap: number } | null = null;
  for (const r of rows) {
    const s = r.signals.find((x) => x.id === "leveraged-boom");
    const g = s?.values.creditGap;
    if (s?.fired && g != null && (!best || g > best.gap)) best = { year: r.year, gap: g };
  }
  return best ? `credit-to-GDP gap peak ${best.gap} pp in ${best.year}` : null;
}

function judge(data: CountryData, start: number, end: number | null, years: number[], to: number): Episode {
  const last = end ?? to;
  const span = years.filter((y) => y <= last);
  const marks: Episode["marks"] = {
    "asset-price-collapse": span.filter((y) => on(assetPriceCollapse(data, y))),
    "monetary-ineffective": span.filter((y) => on(monetaryIneffective(data, y))),
    "private-deleveraging": span.filter((y) => on(privateDeleveraging(data, y))),
    deflation: span.filter((y) => on(deflation(data, y))),
  };
  const duration = last - start + 1;
  const missing: string[] = [];
  if (marks["asset-price-collapse"].length === 0) missing.push("no asset-price collapse");
  // A mark that could not be computed in any year of the episode is reported as such, not as "0 years".
  const uncomputable = (rule: (d: CountryData, y: number) => Signal): string | null => {
    const sigs = span.map((y) => rule(data, y));
    return sigs.length > 0 && sigs.every((x) => x.fired === null)
      ? (sigs[0]!.reason ?? sigs[0]!.detail)
      : null;
  };
  if (marks["private-deleveraging"].length < VERDICT.deleveragingYears) {
    const why = uncomputable(privateDeleveraging);
    missing.push(
      why
        ? `private deleveraging not computable (${why})`
        : `private deleveraging in ${marks["private-deleveraging"].length} year(s) (< ${VERDICT.deleveragingYears})`,
    );
  }
  if (marks["monetary-ineffective"].length === 0 && marks.deflation.length === 0) {
    const m = uncomputable(monetaryIneffective);
    const f = uncomputable(deflation);
    missing.push(
      m && f
        ? `ineffective monetary policy and deflation not computable (${m}; ${f})`
        : `neither ineffective monetary policy nor deflation${m ? ` (monetary policy not computable: ${m})` : ""}`,
    );
  }
  if (duration < VERDICT.minDuration) missing.push(`lasted ${duration} year(s) (< ${VERDICT.minDuration})`);
  const bsr = missing.length === 0;
  const list = (ys: number[]) =>
    ys.length === 0 ? "none" : ys.length > 3 ? `${ys[0]}-${ys.at(-1)} (${ys.length} yrs)` : ys.join(", ");
  const reason = bsr
    ? `asset collapse ${list(marks["asset-price-collapse"])}; deleveraging ${list(marks["private-deleveraging"])}; monetary policy ineffective ${list(marks["monetary-ineffective"])}; deflation ${list(marks.deflation)}`
    : missing.join("; ");
  // Depth measures.
  let eqDd: number | null = null;
  let hpDd: number | null = null;
  let creditLow: number | null = null;
  let privHigh: number | null = null;
  for (const y of span) {
    const d = yearOf(data, y);
    const e = val(d.equityDrawdown);
    const h = val(d.houseDrawdown);
    const c = val(d.creditGdp);
    const cb = val(d.corporateBalance);
    const hb = val(d.householdBalance);
    if (e !== null) eqDd = eqDd === null ? e : Math.min(eqDd, e);
    if (h !== null) hpDd = hpDd === null ? h : Math.min(hpDd, h);
    if (c !== null) creditLow = creditLow === null ? c : Math.min(creditLow, c);
    if (cb !== null && hb !== null) privHigh = privHigh === null ? cb + hb : Math.max(privHigh, cb + hb);
  }
  let creditHigh: number | null = null;
  let privLow: number | null = null;
  for (let y = start - 3; y <= start; y++) {
    const d = yearOf(data, y);
    const c = val(d.creditGdp);
    if (c !== null) creditHigh = creditHigh === null ? c : Math.max(creditHigh, c);
    const cb = val(d.corporateBalance);
    const hb = val(d.householdBalance);
    if (cb !== null && hb !== null) privLow = privLow === null ? cb + hb : Math.min(privLow, cb + hb);
  }
  let level = 100;
  let trough: number | null = null;
  for (const y of span) {
    const g = val(yearOf(data, y).realGdpGrowth);
    if (g === null) continue;
    level *= 1 + g / 100;
    trough = trough === null ? level : Math.min(trough, level);
  }
  return {
    start,
    end,
    durationYears: duration,
    balanceSheetRecession: bsr,
    marks,
    depth: {
      equityDrawdownPct: r1(eqDd),
      houseDrawdownPct: r1(hpDd),
      creditGdpChangePp: creditHigh !== null && creditLow !== null ? r1(creditLow - creditHigh) : null,
      privateBalanceSwingPp: privHigh !== null && privLow !== null ? r1(privHigh - privLow) : null,
      realGdpPeakToTroughPct: trough === null ? null : r1(Math.min(0, trough - 100)),
    },
    policyLag: policyLag(data, start, last),
    reason,
  };
}
