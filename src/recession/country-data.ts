import { memoize } from "../io/sources/common.ts";
import { vintageKey } from "../io/sources/recession-series.ts";
import type { LvCrisis } from "../io/sources/laeven-valencia.ts";
import type { Observation } from "../model/series.ts";
import type { Store } from "../store/store.ts";
import { type CountryInfo, resolveCountry } from "./countries.ts";
import { computeCreditGap } from "./credit-gap.ts";
import {
  type BisInput,
  type CountryBis,
  type CountryRaw,
  countryFromFiles,
  DATASET_IDS,
  type SeriesOrigin,
  storeSource,
} from "./source.ts";

/** A value with the source it came from (for evidence). */
export interface Sourced {
  value: number;
  source: string;
  /** The series it was computed from, where the input carries it (the BIS credit-to-GDP ratio). */
  origin?: SeriesOrigin;
}

/** One year of a country's inputs; every field may be absent (null) when no bundled source has it. */
export interface YearInputs {
  year: number;
  /** Short-term interest rate, % (JST `stir`). */
  shortRate: Sourced | null;
  /** Nominal private credit growth, % y/y (JST `tloans`, else BIS private credit in national currency). */
  creditGrowth: Sourced | null;
  /** Private non-financial credit, % of GDP (BIS ratio at Q4, else JST tloans / gdp). */
  creditGdp: Sourced | null;
  /** Credit-to-GDP gap, pp (BIS-method one-sided HP on the BIS ratio at Q4, else annual JST with lambda 1,562.5). */
  creditGap: Sourced | null;
  /** CPI inflation, % y/y. */
  inflation: Sourced | null;
  /**
   * Real GDP growth, % y/y: total real GDP (JST rgdpbarro, real GDP per capita, times population
   * pop), else real GDP per capita (labelled so), else IMF PFMH rgc.
   */
  realGdpGrowth: Sourced | null;
  /** Unemployment rate, % (JST unemp). */
  unemployment: Sourced | null;
  /** Deepest equity drawdown within the year from the highest level of the preceding 5 years, % (<= 0). */
  equityDrawdown: Sourced | null;
  /** Real equity price change over the preceding 3 years, %. */
  equityBoom3y: Sourced | null;
  /** Nominal house price drawdown from the 5-year high, % (<= 0). */
  houseDrawdown: Sourced | null;
  /** Real house price change over 3 years, %. */
  houseBoom3y: Sourced | null;
  /** Shiller CAPE, highest month of the year (US only). */
  cape: Sourced | null;
  /** Sectoral net lending, % of GDP (Q4 4-quarter average or annual). */
  corporateBalance: Sourced | null;
  householdBalance: Sourced | null;
  /** General government primary balance and gross debt, % of GDP (IMF PFMH). */
  primaryBalance: Sourced | null;
  govDebt: Sourced | null;
  /** Crisis dating: JST crisis start, Laeven-Valencia episode, Reinhart-Rogoff banking / systemic. */
  jstCrisisStart: boolean | null;
  lvCrisis: LvCrisis | null;
  rrBanking: boolean | null;
  rrSystemic: boolean | null;
}

/** A level series with its source label. */
export interface LevelSeries {
  observations: Observation[];
  source: string;
}

/** An input of {@link YearInputs}. */
export type InputField = Exclude<keyof YearInputs, "year">;

/** Ids of the bundled datasets (= folders of `data/`) the monitor reads. */
export const RECESSION_DATASETS = DATASET_IDS;

/** Everything the monitor knows about one country. */
export interface CountryData {
  country: CountryInfo;
  years: Map<number, YearInputs>;
  lvCrises: LvCrisis[];
  /** Monthly Shiller CAPE (US only; empty elsewhere). */
  capeMonthly: Observation[];
  /**
   * The asset-price series the drawdowns are computed from (monthly or annual levels, with their
   * source), for peak-to-trough depths; null where the country has none.
   */
  assetSeries: { equity: LevelSeries | null; house: LevelSeries | null };
  /** Datasets this country would use that are not installed (e.g. a deleted restricted folder). */
  missingDatasets: string[];
  /** Per input, the missing datasets that would have supplied it (absent key = nothing missing). */
  unavailable: Partial<Record<InputField, string[]>>;
  /** Inputs with a value in at least one year. */
  present: Set<InputField>;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

function byYear(obs: readonly Observation[], mode: "last" | "mean" | "max" | "min"): Map<number, number> {
  const acc = new Map<number, number[]>();
  for (const o of obs) {
    const y = yearOf(o.date);
    let a = acc.get(y);
    if (!a) acc.set(y, (a = []));
    a.push(o.value);
  }
  const out = new Map<number, number>();
  for (const [y, a] of acc) {
    if (mode === "last") out.set(y, a.at(-1)!);
    else if (mode === "mean") out.set(y, a.reduce((s, v) => s + v, 0) / a.length);
    else if (mode === "max") out.set(y, Math.max(...a));
    else out.set(y, Math.min(...a));
  }
  return out;
}

// Monthly averages keep the drawdown cheap for daily data and comparable with Shiller's monthly S&P.
function monthly(obs: readonly Observation[]): Observation[] {
  const acc = new Map<string, { s: number; n: number }>();
  for (const o of obs) {
    const m = o.date.slice(0, 7);
    const a = acc.get(m) ?? { s: 0, n: 0 };
    a.s += o.value;
    a.n++;
    acc.set(m, a);
  }
  return [...acc].map(([date, a]) => ({ date, value: a.s / a.n }));
}

/** Deepest fall within each year from the highest value of the preceding `lookback` periods, %. */
export function drawdownsByYear(obs: readonly Observation[], lookback: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < obs.length; i++) {
    let peak = obs[i]!.value;
    for (let k = Math.max(0, i - lookback); k < i; k++) peak = Math.max(peak, obs[k]!.value);
    if (peak <= 0) continue;
    const dd = (100 * (obs[i]!.value - peak)) / peak;
    const y = yearOf(obs[i]!.date);
    out.set(y, Math.min(out.get(y) ?? 0, dd));
  }
  return out;
}

function pct(a: number | undefined | null, b: number | undefined | null): number | null {
  if (a === undefined || a === null || b === undefined || b === null || b === 0) return null;
  const v = (100 * (a - b)) / b;
  return Number.isFinite(v) ? v : null;
}

const src = (value: number | null | undefined, source: string): Sourced | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : { value, source };

/** Annual one-sided HP lambda equivalent to the BIS quarterly 400,000 (Ravn-Uhlig: 400,000 / 4^4). */
export const ANNUAL_LAMBDA = 400_000 / 256;

/** Where the monitor reads its inputs: a store (latest vintage of each series) or, without one, data/. */
export interface SourceOptions {
  store?: Store | undefined;
}

/**
 * Assembles a country's annual inputs from the bundled datasets (JST R6, BIS WS_CREDIT_GAP /
 * WS_TC / WS_SPP / WS_LONG_CPI, Shiller, Nikkei, sectoral balances, PFMH, Laeven-Valencia 2026,
 * Reinhart-Rogoff). A dataset that is not installed is skipped (listed in `missingDatasets`; the
 * inputs it would supply fall back to another source or stay null).
 *
 * Without a store the files in data/ are read (synchronously; cached per process and data folder).
 * With `{ store }` the latest vintage of each series in the store is read (a Promise; not cached, so
 * a newer import is seen at once).
 *
 * @param code BIS two-letter code, ISO3 or name
 * @example loadCountryData("JP").years.get(1999)?.inflation?.value // < 0
 * @example (await loadCountryData("JP", { store })).years.get(1999)?.inflation?.value
 */
export function loadCountryData(code: string): CountryData;
export function loadCountryData(
  code: string,
  options: SourceOptions & { store: Store },
): Promise<CountryData>;
export function loadCountryData(code: string, options?: SourceOptions): CountryData | Promise<CountryData>;
export function loadCountryData(code: string, options?: SourceOptions): CountryData | Promise<CountryData> {
  const country = resolveCountry(code);
  if (options?.store) return storeSource(options.store).country(country).then(assembleCountry);
  return memoize(`country:${country.iso2}`, () => assembleCountry(countryFromFiles(country)));
}

function emptyYear(year: number): YearInputs {
  return {
    year,
    shortRate: null,
    creditGrowth: null,
    creditGdp: null,
    creditGap: null,
    inflation: null,
    realGdpGrowth: null,
    unemployment: null,
    equityDrawdown: null,
    equityBoom3y: null,
    houseDrawdown: null,
    houseBoom3y: null,
    cape: null,
    corporateBalance: null,
    householdBalance: null,
    primaryBalance: null,
    govDebt: null,
    jstCrisisStart: null,
    lvCrisis: null,
    rrBanking: null,
    rrSystemic: null,
  };
}

/** Every input field of a year. */
export const INPUT_FIELDS = Object.keys(emptyYear(0)).filter((k) => k !== "year") as InputField[];

// Which datasets supply each input for a country, in order of preference.
function sourcesOf(field: InputField, c: CountryInfo): string[] {
  const D = RECESSION_DATASETS;
  const equity = c.iso2 === "US" ? [D.shiller, D.jst] : c.iso2 === "JP" ? [D.nikkei, D.jst] : [D.jst];
  const table: Record<InputField, string[]> = {
    shortRate: [D.jst],
    creditGrowth: [D.jst, D.bis],
    creditGdp: [D.bis, D.jst],
    creditGap: [D.bis, D.jst],
    inflation: [D.jst, D.bis, D.rr],
    realGdpGrowth: [D.jst, D.pfmh],
    unemployment: [D.jst],
    equityDrawdown: equity,
    equityBoom3y: equity,
    houseDrawdown: [D.jst, D.bis],
    houseBoom3y: [D.jst, D.bis],
    cape: c.iso2 === "US" ? [D.shiller] : [],
    corporateBalance: [D.sectors],
    householdBalance: [D.sectors],
    primaryBalance: [D.pfmh],
    govDebt: [D.pfmh],
    jstCrisisStart: [D.jst],
    lvCrisis: [D.lv],
    rrBanking: [D.rr],
    rrSystemic: [D.rr],
  };
  return table[field].filter((d) => d !== D.jst || c.jst);
}

/**
 * The credit-to-GDP ratio to use and its label: WS_CREDIT_GAP, or WS_TC's when that vintage is
 * newer. The label names the vintage unless it is the bundled WS_CREDIT_GAP download.
 */
export function creditRatioOf(bis: CountryBis | undefined): { input: BisInput; source: string } | undefined {
  const gap = bis?.creditRatio;
  const tc = bis?.tcRatio;
  if (tc && tc.observations.length > 0 && (!gap || vintageKey(tc.vintage) > vintageKey(gap.vintage)))
    return { input: tc, source: `BIS WS_TC ratio (vintage ${tc.vintage})` };
  if (!gap) return undefined;
  return {
    input: gap,
    source: gap.source.bundled
      ? "BIS WS_CREDIT_GAP ratio"
      : `BIS WS_CREDIT_GAP ratio (vintage ${gap.vintage})`,
  };
}

/**
 * A country's annual inputs from what a source delivered ({@link countryFromFiles} or a store):
 * the one place the monitor's inputs are derived, whatever the source.
 */
export function assembleCountry(raw: CountryRaw): CountryData {
  const country = raw.country;
  const missing = new Set<string>(raw.missing);
  const years = new Map<number, YearInputs>();
  const get = (y: number): YearInputs => {
    let r = years.get(y);
    if (!r) years.set(y, (r = emptyYear(y)));
    return r;
  };

  // JST annual macro-financial history.
  const jst = country.jst ? (raw.jst ?? []) : [];
  const jv = new Map(jst.map((r) => [r.year, r.values]));
  const jstRatio: { date: string; value: number | null }[] = [];
  const equityIndex: Observation[] = [];
  let eqLevel = 100;
  for (const r of jst) {
    const v = r.values;
    const p = jv.get(r.year - 1);
    const row = get(r.year);
    row.shortRate = src(v.stir, "JST R6 stir");
    row.creditGrowth = src(pct(v.tloans, p?.tloans), "JST R6 tloans, % y/y");
    row.inflation = src(pct(v.cpi, p?.cpi), "JST R6 cpi, % y/y");
    // rgdpbarro is real GDP per capita: times population it is total real GDP.
    const total = (x: Record<string, number | null> | undefined) =>
      x?.rgdpbarro != null && x.pop != null ? x.rgdpbarro * x.pop : null;
    row.realGdpGrowth =
      total(v) !== null && total(p) !== null
        ? src(pct(total(v), total(p)), "JST R6 rgdpbarro x pop (total real GDP), % y/y")
        : src(pct(v.rgdpbarro, p?.rgdpbarro), "JST R6 rgdpbarro (real GDP per capita), % y/y");
    row.unemployment = src(v.unemp, "JST R6 unemp");
    row.jstCrisisStart = v.crisisJST === null || v.crisisJST === undefined ? null : v.crisisJST === 1;
    const ratio = v.tloans != null && v.gdp != null && v.gdp > 0 ? (100 * v.tloans) / v.gdp : null;
    jstRatio.push({ date: String(r.year), value: ratio });
    if (ratio !== null) row.creditGdp = { value: ratio, source: "JST R6 tloans / gdp" };
    const g = v.eq_capgain;
    if (g !== null && g !== undefined) {
      eqLevel *= 1 + g;
      equityIndex.push({ date: String(r.year), value: eqLevel });
    }
  }
  // Annual credit gap from JST (used where BIS quarterly data do not reach).
  const jstGap = computeCreditGap(jstRatio, { lambda: ANNUAL_LAMBDA, startObs: 11 });
  for (const g of jstGap)
    if (g.gap !== null)
      get(Number(g.date)).creditGap = { value: g.gap, source: "JST tloans/gdp, one-sided HP lambda 1,562.5" };

  // BIS credit-to-GDP ratio (latest vintage): ratio and BIS-method gap at Q4 override JST where present.
  // The gap's label names the ratio's vintage unless it is the bundled WS_CREDIT_GAP download.
  const ratio = creditRatioOf(raw.bis);
  if (ratio) {
    const origin = ratio.input.source;
    const gapLabel = `${ratio.input === raw.bis?.creditRatio && origin.bundled ? "BIS ratio" : ratio.source}, one-sided HP lambda 400,000, Q4`;
    for (const r of computeCreditGap(ratio.input.observations)) {
      if (!r.date.endsWith("Q4")) continue;
      const row = get(yearOf(r.date));
      row.creditGdp = { value: r.ratio, source: `${ratio.source}, Q4`, origin };
      if (r.gap !== null) row.creditGap = { value: r.gap, source: gapLabel, origin };
    }
  }
  // Nominal private credit growth from BIS where JST has none.
  const tc = raw.bis?.privateCreditXdc;
  if (tc) {
    const q4 = byYear(tc.observations, "last");
    for (const [y, v] of q4) {
      const row = get(y);
      if (row.creditGrowth === null)
        row.creditGrowth = src(
          pct(v, q4.get(y - 1)),
          "BIS WS_TC private credit (national currency), Q4 % y/y",
        );
    }
  }

  // Equity: Shiller S&P (US), Nikkei (JP), else JST capital-gain index.
  let equity: Observation[] = [];
  let equitySource = "";
  let lookback = 60;
  const shiller = country.iso2 === "US" ? (raw.shiller ?? []) : [];
  let capeMonthly: Observation[] = [];
  if (country.iso2 === "US") {
    equity = shiller.find((s) => s.name === "sp_comp_price")?.observations ?? [];
    equitySource = "Shiller S&P composite, monthly";
    const cape = shiller.find((s) => s.name === "cape")?.observations ?? [];
    for (const [y, v] of byYear(cape, "max"))
      get(y).cape = { value: v, source: "Shiller CAPE, highest month" };
    capeMonthly = cape;
  } else if (country.iso2 === "JP") {
    equity = monthly(raw.nikkei ?? []);
    equitySource = "Nikkei 225, monthly average";
  }
  if (equity.length === 0 && equityIndex.length > 0) {
    equity = equityIndex;
    equitySource = "JST eq_capgain, cumulated annual index";
    lookback = 5;
  }
  for (const [y, v] of drawdownsByYear(equity, lookback))
    get(y).equityDrawdown = { value: v, source: equitySource };
  const eqAnnual = byYear(equity, "mean");
  // Deflator: JST cpi, else the BIS long CPI index, else (US) Shiller's CPI.
  const cpiAnnual = new Map<number, number>();
  for (const r of jst) if (r.values.cpi != null) cpiAnnual.set(r.year, r.values.cpi);
  if (cpiAnnual.size === 0) {
    const idx = raw.bis?.cpiIndex;
    for (const o of idx?.observations ?? []) cpiAnnual.set(Number(o.date), o.value);
  }
  if (cpiAnnual.size === 0)
    for (const [y, v] of byYear(shiller.find((s) => s.name === "cpi")?.observations ?? [], "mean"))
      cpiAnnual.set(y, v);
  for (const [y, v] of eqAnnual) {
    const p = eqAnnual.get(y - 3);
    const c = cpiAnnual.get(y);
    const cp = cpiAnnual.get(y - 3);
    if (p !== undefined && c !== undefined && cp !== undefined)
      get(y).equityBoom3y = src(pct(v / c, p / cp), `${equitySource}, real, 3-year change`);
  }

  // House prices: JST hpnom (annual) else BIS nominal residential property prices.
  let house: Observation[] = jst
    .filter((r) => r.values.hpnom != null)
    .map((r) => ({ date: String(r.year), value: r.values.hpnom as number }));
  let houseSource = "JST R6 hpnom";
  let hLookback = 5;
  let realHouse: Observation[] = [];
  if (house.length === 0) {
    house = raw.bis?.sppNominal?.observations ?? [];
    realHouse = raw.bis?.sppReal?.observations ?? [];
    houseSource = "BIS WS_SPP nominal, quarterly";
    hLookback = 20;
  }
  for (const [y, v] of drawdownsByYear(house, hLookback))
    get(y).houseDrawdown = { value: v, source: houseSource };
  if (realHouse.length > 0) {
    // BIS publishes the real (CPI-deflated) index itself.
    const rAnnual = byYear(realHouse, "mean");
    for (const [y, v] of rAnnual)
      get(y).houseBoom3y = src(pct(v, rAnnual.get(y - 3)), "BIS WS_SPP real, 3-year change");
  } else {
    const hAnnual = byYear(house, "mean");
    for (const [y, v] of hAnnual) {
      const p = hAnnual.get(y - 3);
      const c = cpiAnnual.get(y);
      const cp = cpiAnnual.get(y - 3);
      if (p !== undefined && c !== undefined && cp !== undefined)
        get(y).houseBoom3y = src(pct(v / c, p / cp), `${houseSource}, real, 3-year change`);
    }
  }

  // Inflation from BIS long CPI where JST has none.
  const bisCpi = raw.bis?.cpiInflation;
  if (bisCpi)
    for (const o of bisCpi.observations) {
      const row = get(Number(o.date));
      if (row.inflation === null) row.inflation = { value: o.value, source: "BIS WS_LONG_CPI, % y/y" };
    }

  // Sectoral financial balances: quarterly 4-quarter averages at Q4, else annual.
  const sectors = raw.sectors ?? [];
  for (const sector of ["Corporate", "Households"] as const) {
    const q = sectors.find((s) => s.frequency === "Q" && s.id.endsWith(`.${sector}`));
    const a = sectors.find((s) => s.frequency === "A" && s.id.endsWith(`.${sector}`));
    const put = (y: number, v: number, source: string) => {
      const row = get(y);
      const field = sector === "Corporate" ? "corporateBalance" : "householdBalance";
      if (row[field] === null) row[field] = { value: v, source };
    };
    if (q)
      for (const o of q.observations)
        if (o.date.endsWith("Q4"))
          put(yearOf(o.date), o.value, `sectoral balances (${q.id.split("/")[2]}), Q4 4-quarter average`);
    if (a)
      for (const o of a.observations)
        put(Number(o.date), o.value, `sectoral balances (${a.id.split("/")[2]}), annual`);
  }

  // Public finances (and real GDP growth where JST has none).
  for (const r of raw.pfmh ?? [])
    if (r.iso3 === country.iso3) {
      const row = get(r.year);
      row.primaryBalance = src(r.primaryBalance, "IMF PFMH pb");
      row.govDebt = src(r.debt, "IMF PFMH d");
      if (row.realGdpGrowth === null) row.realGdpGrowth = src(r.realGrowth, "IMF PFMH rgc, real GDP growth");
    }

  // Crisis dates (Reinhart-Rogoff inflation fills CPI gaps last).
  const lvCrises = raw.lv ?? [];
  for (const c of lvCrises) for (let y = c.start; y <= (c.end ?? c.start); y++) get(y).lvCrisis = c;
  for (const r of raw.rr ?? [])
    if (r.cc3 === country.iso3) {
      const row = get(r.year);
      row.rrBanking = r.bankingCrisis === null ? null : r.bankingCrisis >= 1;
      row.rrSystemic = r.systemicCrisis === null ? null : r.systemicCrisis >= 1;
      if (row.inflation === null) row.inflation = src(r.inflation, "Reinhart-Rogoff inflation, %");
    }

  const present = new Set<InputField>();
  for (const row of years.values())
    for (const [k, v] of Object.entries(row)) if (k !== "year" && v !== null) present.add(k as InputField);
  const unavailable: CountryData["unavailable"] = {};
  const relevant = new Set<string>();
  for (const f of INPUT_FIELDS) {
    const sources = sourcesOf(f, country);
    sources.forEach((d) => relevant.add(d));
    const gone = sources.filter((d) => missing.has(d));
    if (gone.length > 0) unavailable[f] = gone;
  }
  const missingDatasets = [...missing].filter((d) => relevant.has(d)).sort();
  const assetSeries = {
    equity: equity.length > 0 ? { observations: equity, source: equitySource } : null,
    house: house.length > 0 ? { observations: house, source: houseSource } : null,
  };
  return { country, years, lvCrises, capeMonthly, assetSeries, missingDatasets, unavailable, present };
}
