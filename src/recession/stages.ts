import type { CountryInfo } from "./countries.ts";
import { notInstalled } from "../io/sources/common.ts";
import { type CountryData, INPUT_FIELDS, loadCountryData, type SourceOptions } from "./country-data.ts";
import type { Store } from "../store/store.ts";
import { bankingDistress } from "./banking-distress.ts";
import { liquidityTrap } from "./liquidity-trap.ts";
import { ASSET_COLLAPSE, assetPriceCollapse } from "./marks/asset-price-collapse.ts";
import { DEFLATION, deflation } from "./marks/deflation.ts";
import { MONETARY_INEFFECTIVE, monetaryIneffective } from "./marks/monetary-ineffective.ts";
import { PRIVATE_DELEVERAGING, privateDeleveraging } from "./marks/private-deleveraging.ts";
import { FISCAL, fiscalTightening, type PolicyLag, policyLag } from "./policy-lag.ts";
import { LEVERAGED_BOOM, leveragedBoom } from "./precursors/leveraged-boom.ts";
import { r1, type Signal, signalText, val, yearOf } from "./signal.ts";
import { countryName, type Evidence, ev, evidenceList, type EvidenceLang, evidenceText } from "./evidence.ts";
import { DEPTH, type PeakToTrough, peakToTrough, realGdpPeakToTrough } from "./depth.ts";
import { SLACK } from "./slack.ts";
import { type StudyFigure, studyFiguresFor } from "./study-figures.ts";
import { type UntestedMark, untestedMarks, untestedSummary } from "./untested.ts";

/** Stages of a balance-sheet recession (Koo's four steps plus boom, recovery and none). */
export type Stage =
  | "boom"
  | "bust"
  | "banking crisis"
  | "slow rescue"
  | "deleveraging"
  | "liquidity trap"
  | "recovery"
  | "none";

/** One year of the diagnosis. */
export interface YearDiagnosis {
  year: number;
  stage: Stage;
  /** Ids of the signals that fired. */
  fired: string[];
  /** Every signal evaluated, fired or not, with values (null = not computable, with a reason). */
  signals: Signal[];
  /** Extra remarks (relapse, fiscal tightening), in English. */
  notes: string[];
  /** The notes as structured sentences (`evidenceText(e, lang)`). */
  noteEvidence: Evidence[];
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
  /**
   * Years from the episode's start in which the asset-price collapse alone keeps it open (a collapse
   * unfolds over a few years: the Nikkei from 1989 to 1992, US equity 1929-32); later, only a
   * balance-sheet mark, a banking crisis or a renewed collapse does.
   */
  collapseYears: 5,
  /** A systemic banking crisis dated this many years or more after the bust marks a slow rescue. */
  slowRescueLag: 3,
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
    /**
     * Real GDP peak to trough within the episode, %: total real GDP where the data have it (JST
     * rgdpbarro x pop), else per capita (`depthDetail.realGdp.source` says which).
     */
    realGdpPeakToTroughPct: number | null;
  };
  /**
   * The depth measures with their peak and trough dates and sources. Equity and house prices fall
   * from the cycle peak (highest level from 5 years before the bust to 2 years after) to the lowest
   * level after it, up to the end of the window or until prices regain the peak.
   */
  depthDetail: { equity: PeakToTrough | null; house: PeakToTrough | null; realGdp: PeakToTrough | null };
  policyLag: PolicyLag;
  /** Why the verdict is what it is. */
  reason: string;
  /** `reason` as structured sentences. */
  reasonEvidence: Evidence[];
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
  /** Marks (or parts of one) that could not be tested in some years of the window, and why. */
  untested: UntestedMark[];
  /** Figures of the seed note for this country and window that the data cannot reproduce. */
  studyFigures: StudyFigure[];
  /** The boom mark, e.g. US CAPE peak 32.56 in 1929-09. */
  boomMark: string | null;
  /** `boomMark` as a structured sentence. */
  boomMarkEvidence: Evidence | null;
  /**
   * Datasets this diagnosis would use that are not installed (e.g. the restricted JST or Nikkei
   * folders deleted), with what they would have supplied; signals needing only them are not computable.
   */
  missingDatasets: { id: string; note: string; inputs: string[] }[];
  parameters: Record<string, unknown>;
  /** Set when a language was asked for (`diagnose(..., { lang })`): the texts below are in it. */
  lang?: EvidenceLang;
  /** In `lang`: country name, verdict, boom mark, per year the evidence and notes, per episode the reason and policy lag. */
  text?: {
    country: string;
    verdict: string;
    boomMark: string | null;
    years: { year: number; stage: string; evidence: Record<string, string>; notes: string[] }[];
    episodes: { start: number; reason: string; policyLag: string }[];
    untested: string[];
    studyFigures: string[];
  };
}

/** Options of {@link diagnose}: a store to read from, and a language for `text`. */
export interface DiagnoseOptions extends SourceOptions {
  lang?: EvidenceLang | undefined;
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
 * Without a store the bundled files in data/ are read and the result is returned directly; with
 * `{ store }` the latest vintage of each series in the store is read and a Promise is returned.
 *
 * @param code BIS two-letter code (or ISO3)
 * @example diagnose("JP", 1985, 2010).verdict.start // 1990
 * @example (await diagnose("JP", 1985, 2010, { store })).verdict.start // 1990
 */
export function diagnose(
  code: string,
  from: number,
  to: number,
  options?: DiagnoseOptions & { store?: undefined },
): Diagnosis;
export function diagnose(
  code: string,
  from: number,
  to: number,
  options: DiagnoseOptions & { store: Store },
): Promise<Diagnosis>;
export function diagnose(
  code: string,
  from: number,
  to: number,
  options?: DiagnoseOptions,
): Diagnosis | Promise<Diagnosis>;
export function diagnose(
  code: string,
  from: number,
  to: number,
  options?: DiagnoseOptions,
): Diagnosis | Promise<Diagnosis> {
  const done = (d: Diagnosis) => (options?.lang ? localize(d, options.lang) : d);
  if (options?.store)
    return loadCountryData(code, { store: options.store }).then((data) => done(diagnoseData(data, from, to)));
  return done(diagnoseData(loadCountryData(code), from, to));
}

/**
 * A copy of a diagnosis with `lang` and `text`: every sentence rendered in `lang` (the structured
 * fields stay as they are, English `detail`/`notes`/`summary` included).
 * @example localize(diagnose("JP", 1985, 2010), "zh").text.verdict
 */
export function localize(d: Diagnosis, lang: EvidenceLang): Diagnosis {
  return {
    ...d,
    lang,
    text: {
      country: countryName(d.country, lang),
      verdict: verdictText(d, lang),
      boomMark: d.boomMarkEvidence ? evidenceText(d.boomMarkEvidence, lang) : null,
      years: d.timeline.map((y) => ({
        year: y.year,
        stage: stageName(y.stage, lang),
        evidence: Object.fromEntries(y.signals.map((s) => [s.id, signalText(s, lang)])),
        notes: y.noteEvidence.map((e) => evidenceText(e, lang)),
      })),
      episodes: d.episodes.map((e) => ({
        start: e.start,
        reason: evidenceList(e.reasonEvidence, lang),
        policyLag: evidenceList(e.policyLag.evidence, lang),
      })),
      untested: d.untested.map((u) => evidenceText(u.evidence, lang)),
      studyFigures: d.studyFigures.map((f) =>
        lang === "zh"
          ? `${f.item.zh}：无法计算（${f.reason.zh}）；研究报告数字：${f.study.zh}（${f.citation}）`
          : `${f.item.en}: not computable (${f.reason.en}); the study: ${f.study.en} (${f.citation})`,
      ),
    },
  };
}

const STAGE_ZH: Record<Stage, string> = {
  boom: "繁荣",
  bust: "泡沫破裂",
  "banking crisis": "银行危机",
  "slow rescue": "救助迟缓",
  deleveraging: "去杠杆",
  "liquidity trap": "流动性陷阱",
  recovery: "复苏",
  none: "无",
};

/** A stage's name in `lang` (the recession report prints these). */
export function stageName(stage: Stage, lang: EvidenceLang): string {
  return lang === "zh" ? STAGE_ZH[stage] : stage;
}

/** {@link diagnose} on inputs already assembled (from any source). */
export function diagnoseData(data: CountryData, from: number, to: number): Diagnosis {
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
    const notes: Evidence[] = [];
    let opened = false;
    if (!open && (collapse || banking)) {
      open = { start: year, end: null, years: [] };
      episodes.push(open);
      opened = true;
      quiet = 0;
    }
    let stage: Stage = "none";
    const relapse = open !== null && !opened && collapse && !prevCollapse;
    if (open) {
      // The episode lasts while its marks do: a balance-sheet mark, a banking crisis, or the
      // collapse itself while it unfolds (its first years) or relapses. Prices left low long after
      // the bust (Japan's land 2006-08, US equity 1941-42) do not keep a recession open.
      const unfolding = collapse && (year < open.start + VERDICT.collapseYears || relapse);
      const active = unfolding || banking || rrBanking || delev || mon || defl;
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
      else if (collapse && (year < open.start + VERDICT.bustYears || relapse)) {
        stage = "bust";
        if (relapse && year >= open.start + VERDICT.bustYears) notes.push(ev("relapse"));
      } else if (quiet > 0) stage = "recovery";
      else if (nearZero && (delev || defl || mon)) stage = "liquidity trap";
      else stage = "deleveraging";
    } else if (on(s["leveraged-boom"])) stage = "boom";
    else if (year - lastClosedEnd <= 2) stage = "recovery";
    const growth = val(yearOf(data, year).realGdpGrowth);
    const ft = s["fiscal-tightening"]!;
    if (on(ft)) notes.push(ev("fiscalTighteningNote", { detail: ft.detail, detailZh: signalText(ft, "zh") }));
    if (growth !== null && growth < 0 && on(signalsFor(data, year - 1)["fiscal-tightening"]))
      notes.push(ev("relapseAfterTightening", { growth: r1(growth) }));
    if (growth !== null && growth < 0) notes.push(ev("realGdp", { growth: r1(growth) }));
    rows.push({
      year,
      stage,
      fired: Object.values(s)
        .filter(on)
        .map((x) => x.id),
      signals: Object.values(s),
      notes: notes.map((e) => evidenceText(e, "en")),
      noteEvidence: notes,
    });
    prevCollapse = collapse;
  }

  // An episode still active in the last year examined is ongoing (end = null).
  for (const e of episodes) if (e === open && e.end === to) e.end = null;
  const eps = episodes.map((e) => judge(data, e.start, e.end, e.years, to));
  for (const e of eps) {
    const last = e.end ?? to;
    const inEpisode = (r: YearDiagnosis) => r.year >= e.start && r.year <= last + 2;
    // Koo's step 3, a slow rescue: the banking crisis was recognised (a systemic crisis dated) only
    // years after the bust; the years of forbearance between are the slow rescue. A crisis dated
    // within `slowRescueLag` years of the bust (Sweden 1991, a year after its 1990 bust) is a
    // prompt one: no slow-rescue years.
    const crisis = rows.find((r) => r.year >= e.start && r.year <= last && r.stage === "banking crisis");
    if (e.balanceSheetRecession && crisis && crisis.year - e.start >= VERDICT.slowRescueLag)
      for (const r of rows)
        if (
          r.year >= e.start + VERDICT.bustYears &&
          r.year < crisis.year &&
          (r.stage === "deleveraging" || r.stage === "liquidity trap")
        )
          r.stage = "slow rescue";
    // Episodes that are not balance-sheet recessions have no rescue, trap or recovery stages.
    if (!e.balanceSheetRecession)
      for (const r of rows)
        if (
          inEpisode(r) &&
          (r.stage === "slow rescue" ||
            r.stage === "liquidity trap" ||
            r.stage === "recovery" ||
            r.stage === "deleveraging")
        )
          r.stage = r.year <= last && r.fired.includes("asset-price-collapse") ? "bust" : "none";
  }
  const inRange = eps.filter((e) => (e.end ?? to) >= from && e.start <= to);
  const bsr = inRange.filter((e) => e.balanceSheetRecession);
  const main = bsr[0];
  const boomMark =
    capePeak(data, main?.start ?? from, to) ?? bestBoomMark(rows.filter((r) => r.year >= from));
  const boomMarkText = boomMark ? evidenceText(boomMark, "en") : null;
  const timeline = rows.filter((r) => r.year >= from);
  const untested = untestedMarks(timeline);
  const studyFigures = studyFiguresFor(data.country.iso2, from, to);
  const untestedNote = untested.length > 0 ? `; not tested: ${untestedSummary(untested, "en")}` : "";
  return {
    country: { iso2: data.country.iso2, iso3: data.country.iso3, name: data.country.name },
    from,
    to,
    timeline,
    episodes: inRange,
    verdict: {
      balanceSheetRecession: bsr.length > 0,
      start: main?.start ?? null,
      end: main?.end ?? null,
      durationYears: main?.durationYears ?? null,
      summary:
        (main
          ? `balance-sheet recession from ${main.start}${main.end === null ? " (ongoing at " + to + ")" : " to " + main.end} (${main.durationYears} years): ${main.reason}`
          : inRange.length > 0
            ? `no balance-sheet recession: ${inRange.map((e) => `${e.start}: ${e.reason}`).join("; ")}`
            : `no balance-sheet recession: no asset-price collapse or systemic banking crisis in ${from}-${to}`) +
        untestedNote,
    },
    untested,
    studyFigures,
    boomMark: boomMarkText,
    boomMarkEvidence: boomMark,
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
      slack: SLACK,
      depth: DEPTH,
      verdict: VERDICT,
    },
  };
}

// The CAPE high of the 3 years up to the bust (or the window), as in the seed's "32.56 in September 1929".
function capePeak(data: CountryData, bust: number, to: number): Evidence | null {
  let best: { date: string; value: number } | null = null;
  for (const o of data.capeMonthly) {
    const y = Number(o.date.slice(0, 4));
    if (y >= bust - 3 && y <= Math.min(bust, to) && (!best || o.value > best.value)) best = o;
  }
  return best ? ev("capePeak", { cape: best.value, month: best.date }) : null;
}

function bestBoomMark(rows: YearDiagnosis[]): Evidence | null {
  let best: { year: number; gap: number } | null = null;
  for (const r of rows) {
    const s = r.signals.find((x) => x.id === "leveraged-boom");
    const g = s?.values.creditGap;
    if (s?.fired && g != null && (!best || g > best.gap)) best = { year: r.year, gap: g };
  }
  return best ? ev("gapPeak", { gap: best.gap, year: best.year }) : null;
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
  const missing: Evidence[] = [];
  if (marks["asset-price-collapse"].length === 0) missing.push(ev("noCollapse"));
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
        ? ev("deleveragingNotComputable", { reason: why })
        : ev("deleveragingYears", {
            years: marks["private-deleveraging"].length,
            min: VERDICT.deleveragingYears,
          }),
    );
  }
  if (marks["monetary-ineffective"].length === 0 && marks.deflation.length === 0) {
    const m = uncomputable(monetaryIneffective);
    const f = uncomputable(deflation);
    missing.push(
      m && f
        ? ev("monetaryDeflationNotComputable", { monetary: m, deflation: f })
        : ev("neitherMonetaryNorDeflation", { monetary: m || null }),
    );
  }
  if (duration < VERDICT.minDuration)
    missing.push(ev("lasted", { years: duration, min: VERDICT.minDuration }));
  const bsr = missing.length === 0;
  const list = (ys: number[]) =>
    ys.length === 0 ? "none" : ys.length > 3 ? `${ys[0]}-${ys.at(-1)} (${ys.length} yrs)` : ys.join(", ");
  const reasonEvidence = bsr
    ? [
        ev("bsrMarks", {
          collapse: list(marks["asset-price-collapse"]),
          deleveraging: list(marks["private-deleveraging"]),
          monetary: list(marks["monetary-ineffective"]),
          deflation: list(marks.deflation),
        }),
      ]
    : missing;
  const reason = evidenceList(reasonEvidence, "en");
  let creditLow: number | null = null;
  let privHigh: number | null = null;
  for (const y of span) {
    const d = yearOf(data, y);
    const c = val(d.creditGdp);
    const cb = val(d.corporateBalance);
    const hb = val(d.householdBalance);
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
  // Depth from the cycle peak (not a rolling high): prices to `to` or until they regain the peak.
  const equity = peakToTrough(data.assetSeries.equity, start, to);
  const house = peakToTrough(data.assetSeries.house, start, to);
  const gdp = realGdpPeakToTrough(data, start, last);
  return {
    start,
    end,
    durationYears: duration,
    balanceSheetRecession: bsr,
    marks,
    depth: {
      equityDrawdownPct: equity?.pct ?? null,
      houseDrawdownPct: house?.pct ?? null,
      creditGdpChangePp: creditHigh !== null && creditLow !== null ? r1(creditLow - creditHigh) : null,
      privateBalanceSwingPp: privHigh !== null && privLow !== null ? r1(privHigh - privLow) : null,
      realGdpPeakToTroughPct: gdp?.pct ?? null,
    },
    depthDetail: { equity, house, realGdp: gdp },
    policyLag: policyLag(data, start, last),
    reason,
    reasonEvidence,
  };
}

/**
 * The verdict summary in `lang` (in English it is `d.verdict.summary`).
 * @example verdictText(diagnose("JP", 1985, 2010), "zh") // "1990年起为资产负债表衰退（至2010年仍在持续）..."
 */
export function verdictText(d: Diagnosis, lang: EvidenceLang): string {
  if (lang === "en") return d.verdict.summary;
  const untested = d.untested.length > 0 ? `；未能检验：${untestedSummary(d.untested, "zh")}` : "";
  return verdictCore(d, lang) + untested;
}

function verdictCore(d: Diagnosis, lang: EvidenceLang): string {
  const main = d.episodes.find((e) => e.balanceSheetRecession);
  if (main)
    return `${main.start}年起为资产负债表衰退（${main.end === null ? `至${d.to}年仍在持续` : `至${main.end}年结束`}，共${main.durationYears}年）：${evidenceList(main.reasonEvidence, lang)}`;
  if (d.episodes.length > 0)
    return `非资产负债表衰退：${d.episodes.map((e) => `${e.start}年：${evidenceList(e.reasonEvidence, lang)}`).join("；")}`;
  return `非资产负债表衰退：${d.from}–${d.to}年无资产价格崩溃或系统性银行危机`;
}
