import type { JstRow } from "../io/sources/jst.ts";
import type { LvCrisis } from "../io/sources/laeven-valencia.ts";
import { memoize, notInstalled } from "../io/sources/common.ts";
import { UsageError } from "../errors.ts";
import type { Store } from "../store/store.ts";
import { auroc, bootstrapAuroc, delong, nsrAtTpr, type Scored, thresholdStats } from "./auroc.ts";
import { ANNUAL_LAMBDA } from "./country-data.ts";
import { DATASET_IDS, type PanelRaw, panelFromFiles, storeSource } from "./source.ts";
import { computeCreditGap } from "./credit-gap.ts";
import { creditRatioOf } from "./country-data.ts";
import { fitLogit, type LogitModel, logitScore } from "./logit.ts";
import { recessionMessages } from "./messages.ts";
import { inputKey } from "./warning/report.ts";

/** Pre-crisis window in quarters before the crisis start (default 5-12, Detken et al. 2014). */
export interface Window {
  from: number;
  to: number;
}

/** Parses `5-12q` (or `5-12`). */
export function parseWindow(text: string): Window {
  const m = /^\s*(\d+)\s*-\s*(\d+)\s*q?\s*$/i.exec(text);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2]) : NaN;
  if (!m || !(from >= 1) || !(to >= from) || to > 40) throw new UsageError(recessionMessages.badWindow(text));
  return { from, to };
}

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  /** Default 5-12 quarters. */
  window?: Window;
  /** Bootstrap replications (country clusters), default 500; seed default 20240501. */
  bootstrapReps?: number;
  seed?: number;
  /** First out-of-sample year of the expanding window: 1990 (BIS/LV) and 1920 (JST). */
  oosStartQuarterly?: number;
  oosStartAnnual?: number;
  /** Read the panels from this store (latest vintages; the functions then return Promises). */
  store?: Store | undefined;
}

/** Skill of one score on one sample. */
export interface ScoreSkill {
  name: string;
  auroc: number | null;
  delongCi: [number, number] | null;
  bootstrapCi: [number, number] | null;
  /** NSR at the highest threshold catching 2/3 of pre-crisis observations. */
  nsrAtTpr67: number | null;
  /** Extra threshold statistics (e.g. gap >= 10 pp). */
  extra?: { label: string; tpr: number; fpr: number; nsr: number | null }[];
}

/** One evaluation exercise: crisis dating, sample, window, composite vs credit gap. */
export interface EvaluationResult {
  name: string;
  description: string;
  positives: number;
  negatives: number;
  countries: number;
  composite: ScoreSkill;
  creditGap: ScoreSkill;
  winner: "composite" | "credit gap" | "tie";
  features: string[];
}

interface Obs {
  group: string;
  t: number; // quarter index (year*4 + q-1) or year
  year: number;
  y: 0 | 1;
  gap: number;
  features: number[];
}

function skill(
  name: string,
  data: Scored[],
  reps: number,
  seed: number,
  extra?: ScoreSkill["extra"],
): ScoreSkill {
  const d = delong(data);
  const b = bootstrapAuroc(data, { reps, seed });
  const n = nsrAtTpr(data);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    name,
    auroc: auroc(data) === null ? null : round(auroc(data)!),
    delongCi: d ? [round(d.lo), round(d.hi)] : null,
    bootstrapCi: b ? [round(b.lo), round(b.hi)] : null,
    nsrAtTpr67: n?.nsr == null ? null : round(n.nsr),
    ...(extra ? { extra } : {}),
  };
}

// Expanding window: a prediction for period t uses only observations whose label was known by t,
// i.e. dated at least `window.to` periods earlier. Refit once per calendar year.
function expandingComposite(obs: Obs[], lagPeriods: number, perYear: number, oosStart: number): Scored[][] {
  const sorted = [...obs].sort((a, b) => a.t - b.t);
  const comp: Scored[] = [];
  const gap: Scored[] = [];
  const years = [...new Set(sorted.map((o) => o.year))].filter((y) => y >= oosStart);
  let warm: LogitModel | undefined;
  for (const year of years) {
    const cutoff = year * perYear - lagPeriods;
    const train = sorted.filter((o) => o.t < cutoff);
    if (train.filter((o) => o.y === 1).length < 5) continue;
    // Each refit starts from the previous one (same optimum, a few Newton steps).
    const model = fitLogit(
      train.map((o) => o.features),
      train.map((o) => o.y),
      undefined,
      undefined,
      warm,
    );
    warm = model;
    for (const o of sorted)
      if (o.year === year) {
        comp.push({ score: logitScore(model, o.features), y: o.y, group: o.group });
        gap.push({ score: o.gap, y: o.y, group: o.group });
      }
  }
  return [comp, gap];
}

function hpGapPct(values: (number | null)[], lambda: number, startObs: number): (number | null)[] {
  // Property-price gap: log level minus its one-sided HP trend, in % (Borio and Drehmann 2009).
  const logs = values.map((v) => (v !== null && v > 0 ? 100 * Math.log(v) : null));
  const rows = computeCreditGap(
    logs.map((v, i) => ({ date: String(i), value: v })),
    { lambda, startObs },
  );
  const byIdx = new Map(rows.map((r) => [Number(r.date), r.gap]));
  return logs.map((_, i) => byIdx.get(i) ?? null);
}

// The window-independent features of one economy (gap, property gap, household ratio by quarter),
// computed once per series read: every window reuses them.
const featureMemo = new Map<
  string,
  { gaps: ReturnType<typeof computeCreditGap>; propIdx: Map<number, number>; hhBy: Map<number, number> }
>();
const qIdx = (d: string) => Number(d.slice(0, 4)) * 4 + Number(d.slice(6)) - 1;
function quarterlyFeatures(
  ratioObs: readonly { date: string; value: number }[],
  b: NonNullable<PanelRaw["bis"]>[number]["bis"],
) {
  // Keyed by what was read (series, vintage, length, last value), so a store read hits it too.
  const id = (
    x: { source: { id: string }; vintage: string; observations: readonly { value: number }[] } | undefined,
  ) => (x ? `${x.source.id}|${x.vintage}|${x.observations.length}|${x.observations.at(-1)?.value}` : "-");
  const key = `${ratioObs.length}|${ratioObs.at(-1)?.date}|${ratioObs.at(-1)?.value}|${id(b.sppReal)}|${id(b.householdRatio)}|${id(b.creditRatio)}|${id(b.tcRatio)}`;
  const hit = featureMemo.get(key);
  if (hit) return hit;
  const gaps = computeCreditGap(ratioObs);
  const prop = b.sppReal;
  const propIdx = new Map<number, number>();
  if (prop) {
    const start = qIdx(prop.observations[0]!.date);
    const end = qIdx(prop.observations.at(-1)!.date);
    const byQ = new Map(prop.observations.map((o) => [qIdx(o.date), o.value]));
    const vals: (number | null)[] = [];
    for (let t = start; t <= end; t++) vals.push(byQ.get(t) ?? null);
    hpGapPct(vals, 400_000, 41).forEach((g, i) => {
      if (g !== null) propIdx.set(start + i, g);
    });
  }
  const hhBy = new Map((b.householdRatio?.observations ?? []).map((o) => [qIdx(o.date), o.value]));
  const out = { gaps, propIdx, hhBy };
  featureMemo.set(key, out);
  return out;
}

/** Quarterly panel: BIS ratio (2026 vintage), BIS property prices, Laeven-Valencia 2026 dates. */
function quarterlyPanel(window: Window, lv: LvCrisis[], bis: NonNullable<PanelRaw["bis"]>): Obs[] {
  const out: Obs[] = [];
  const qIndex = (d: string) => Number(d.slice(0, 4)) * 4 + Number(d.slice(6)) - 1;
  for (const { country: c, bis: b } of bis) {
    const ratio = creditRatioOf(b);
    if (!ratio) continue;
    const crises = lv.filter((e) => e.country === c.lvName);
    const { gaps, propIdx, hhBy } = quarterlyFeatures(ratio.input.observations, b);
    for (const g of gaps) {
      if (g.gap === null) continue;
      const t = qIndex(g.date);
      const year = Math.floor(t / 4);
      if (year < 1970 || year > 2025) continue;
      let label: 0 | 1 | null = 0;
      for (const e of crises) {
        const st = e.start * 4;
        const en = (e.end ?? e.start) * 4 + 3;
        if (t >= st && t <= en) label = null;
        const k = st - t;
        if (k >= 1 && k < window.from) label = null;
        if (label !== null && k >= window.from && k <= window.to) label = 1;
      }
      // Labels need 12 quarters of hindsight: the last quarters are unknown.
      if (label === null || t > 2025 * 4 + 3 - window.to) continue;
      const p = propIdx.get(t);
      const h = hhBy.get(t);
      const h12 = hhBy.get(t - 12);
      if (p === undefined || h === undefined || h12 === undefined) continue;
      out.push({ group: c.iso2, t, year, y: label, gap: g.gap, features: [g.gap, p, h - h12] });
    }
  }
  return out;
}

// The window-independent part of the annual panel (gap, real house gap, 3-year change in
// credit/GDP per country-year), computed once per JST input: every window reuses it.
interface AnnualFeatureRow {
  iso: string;
  year: number;
  gap: number;
  hg: number;
  g3: number;
}
const annualMemo = new Map<string, { features: AnnualFeatureRow[]; starts: Map<string, number[]> }>();

function annualFeatures(rows: JstRow[]) {
  let sum = 0;
  for (const r of rows) sum += (r.values.tloans ?? 0) + (r.values.hpnom ?? 0) + (r.values.crisisJST ?? 0);
  const key = `${rows.length}|${rows.at(-1)?.iso}|${rows.at(-1)?.year}|${sum}`;
  const hit = annualMemo.get(key);
  if (hit) return hit;
  const features: AnnualFeatureRow[] = [];
  const starts = new Map<string, number[]>();
  for (const iso of [...new Set(rows.map((r) => r.iso))]) {
    const rs = rows.filter((r) => r.iso === iso).sort((a, b) => a.year - b.year);
    starts.set(
      iso,
      rs.filter((r) => r.values.crisisJST === 1).map((r) => r.year),
    );
    const ratio = rs.map((r) => ({
      date: String(r.year),
      value:
        r.values.tloans != null && r.values.gdp != null && r.values.gdp > 0
          ? (100 * r.values.tloans) / r.values.gdp
          : null,
    }));
    const gaps = new Map(
      computeCreditGap(ratio, { lambda: ANNUAL_LAMBDA, startObs: 11 }).map((g) => [Number(g.date), g.gap]),
    );
    const realHouse = rs.map((r) =>
      r.values.hpnom != null && r.values.cpi ? r.values.hpnom / r.values.cpi : null,
    );
    const houseGap = hpGapPct(realHouse, ANNUAL_LAMBDA, 11);
    const by = new Map(rs.map((r, i) => [r.year, { r, i }]));
    for (const { year, values } of rs) {
      if ((year >= 1914 && year <= 1919) || (year >= 1939 && year <= 1947)) continue;
      const gap = gaps.get(year);
      const hg = houseGap[by.get(year)!.i];
      const p3 = by.get(year - 3)?.r.values;
      const g3 =
        p3?.tloans != null &&
        p3.gdp != null &&
        values.tloans != null &&
        values.gdp != null &&
        p3.gdp > 0 &&
        values.gdp > 0
          ? (100 * values.tloans) / values.gdp - (100 * p3.tloans) / p3.gdp
          : null;
      if (gap == null || hg == null || g3 === null) continue;
      features.push({ iso, year, gap, hg, g3 });
    }
  }
  const out = { features, starts };
  annualMemo.set(key, out);
  return out;
}

/** Annual panel: JST R6, 18 countries, JST crisis starts; war years dropped. */
function annualPanel(window: Window, rows: JstRow[]): Obs[] {
  const out: Obs[] = [];
  const posYears = new Set<number>();
  const dropYears = new Set<number>();
  for (let k = window.from; k <= window.to; k++) posYears.add(Math.ceil(k / 4));
  for (let k = 1; k < window.from; k++) dropYears.add(Math.ceil(k / 4));
  const { features, starts } = annualFeatures(rows);
  for (const { iso, year, gap, hg, g3 } of features) {
    let label: 0 | 1 | null = 0;
    for (const s of starts.get(iso)!) {
      const k = s - year;
      if (k <= -1 && k >= -2) label = null; // crisis aftermath (JST gives no end date)
      if (k === 0 || dropYears.has(k)) label = null;
      if (label !== null && posYears.has(k)) label = 1;
    }
    if (label === null || year > 2020 - Math.ceil(window.to / 4)) continue;
    out.push({ group: iso, t: year, year, y: label, gap, features: [gap, hg, g3] });
  }
  return out;
}

/** A sample that could not be evaluated because a dataset it needs is not installed. */
export interface SkippedSample {
  name: string;
  dataset: string;
  /** `not computable: dataset <id> not installed (data/<folder>/)`. */
  reason: string;
}

/** {@link evaluate}'s results with the samples it had to skip. */
export interface EvaluationReport {
  results: EvaluationResult[];
  skipped: SkippedSample[];
}

/**
 * Out-of-sample skill of the composite warning against the credit gap alone, on the same
 * observations and window. Two exercises:
 * 1. quarterly, BIS economies, Laeven-Valencia (2026) crisis starts 1970-2025, composite = expanding-
 *    window logit on [credit gap, real property-price gap, 3-year change in household credit/GDP],
 *    out-of-sample from 1990;
 * 2. annual, JST R6 18 countries 1870-2020, JST crisis starts, composite = expanding-window logit on
 *    [annual credit gap, real house-price gap, 3-year change in credit/GDP], out-of-sample from 1920.
 * AUROC with DeLong and seeded country-cluster bootstrap 95% intervals; NSR at TPR >= 2/3.
 *
 * @example evaluate().map((r) => [r.name, r.composite.auroc, r.creditGap.auroc])
 */
export function evaluate(options?: EvaluateOptions & { store?: undefined }): EvaluationResult[];
export function evaluate(options: EvaluateOptions & { store: Store }): Promise<EvaluationResult[]>;
export function evaluate(options?: EvaluateOptions): EvaluationResult[] | Promise<EvaluationResult[]>;
export function evaluate(options: EvaluateOptions = {}): EvaluationResult[] | Promise<EvaluationResult[]> {
  if (options.store) return evaluateReport({ ...options, store: options.store }).then((r) => r.results);
  return evaluateReport({ ...options, store: undefined }).results;
}

/**
 * {@link evaluate} that also says which samples were skipped: a sample whose dataset is not
 * installed (e.g. the restricted JST R6 folder deleted, or absent from the store) is left out with
 * a note instead of failing.
 * @example evaluateReport().skipped // [] with every bundled dataset present
 */
export function evaluateReport(options?: EvaluateOptions & { store?: undefined }): EvaluationReport;
export function evaluateReport(options: EvaluateOptions & { store: Store }): Promise<EvaluationReport>;
export function evaluateReport(options?: EvaluateOptions): EvaluationReport | Promise<EvaluationReport>;
export function evaluateReport(options: EvaluateOptions = {}): EvaluationReport | Promise<EvaluationReport> {
  const window = options.window ?? { from: 5, to: 12 };
  const reps = options.bootstrapReps ?? 500;
  const seed = options.seed ?? 20240501;
  const tag = `${window.from}-${window.to}:${reps}:${seed}:${options.oosStartQuarterly}:${options.oosStartAnnual}`;
  // Once per input vintage: the store's series ids, vintages and lengths make the key.
  if (options.store)
    return storeSource(options.store)
      .panel()
      .then((raw) => memoize(`evaluate:${inputKey(raw)}:${tag}`, () => evaluatePanels(raw, options)));
  return memoize(`evaluate:files:${tag}`, () => evaluatePanels(panelFromFiles(), options));
}

/**
 * The evaluation of panels already read (what {@link evaluateReport} does after reading the
 * store): a pure function of plain data, so the server runs it on a worker thread.
 */
export function evaluatePanels(raw: PanelRaw, options: EvaluateOptions): EvaluationReport {
  const window = options.window ?? { from: 5, to: 12 };
  const reps = options.bootstrapReps ?? 500;
  const seed = options.seed ?? 20240501;
  const results: EvaluationResult[] = [];
  const skipped: SkippedSample[] = [];
  const skip = (name: string, dataset: string) =>
    skipped.push({ name, dataset, reason: recessionMessages.notComputable(notInstalled(dataset)) });
  const qName = "BIS quarterly x Laeven-Valencia 2026";
  const aName = "JST annual x JST crisis starts";
  // A panel whose dataset is absent is skipped with a note (LV is checked first, as it was read first).
  let q: Obs[] | undefined;
  if (!raw.lv) skip(qName, DATASET_IDS.lv);
  else if (!raw.bis) skip(qName, DATASET_IDS.bis);
  else q = quarterlyPanel(window, raw.lv, raw.bis);
  if (q) {
    const [qc, qg] = expandingComposite(q, window.to, 4, options.oosStartQuarterly ?? 1990) as [
      Scored[],
      Scored[],
    ];
    const g10 = thresholdStats(qg, 10);
    const g2 = thresholdStats(qg, 2);
    results.push(
      build(
        qName,
        `quarterly, BIS credit gap recomputed from the 2026-vintage ratio; positives ${window.from}-${window.to} quarters before a Laeven-Valencia (2026) start, quarters 1-${window.from - 1} before and crisis quarters dropped; out of sample from ${options.oosStartQuarterly ?? 1990}`,
        qc,
        qg,
        reps,
        seed,
        ["credit gap (pp)", "real property-price gap (%)", "household credit/GDP, 12-quarter change (pp)"],
        [
          { label: "gap >= 10 pp", tpr: g10.tpr, fpr: g10.fpr, nsr: g10.nsr },
          { label: "gap >= 2 pp", tpr: g2.tpr, fpr: g2.fpr, nsr: g2.nsr },
        ],
      ),
    );
  }
  const a = raw.jst ? annualPanel(window, raw.jst) : (skip(aName, DATASET_IDS.jst), undefined);
  if (a) {
    const [ac, ag] = expandingComposite(a, Math.ceil(window.to / 4), 1, options.oosStartAnnual ?? 1920) as [
      Scored[],
      Scored[],
    ];
    results.push(
      build(
        aName,
        `annual, 18 JST countries, credit gap = one-sided HP (lambda 1,562.5) on tloans/gdp; positives = years ${[...new Set(Array.from({ length: window.to - window.from + 1 }, (_, i) => Math.ceil((window.from + i) / 4)))].join(", ")} before a crisisJST start; war years 1914-19 and 1939-47 dropped; out of sample from ${options.oosStartAnnual ?? 1920}`,
        ac,
        ag,
        reps,
        seed,
        ["credit gap (pp)", "real house-price gap (%)", "credit/GDP, 3-year change (pp)"],
      ),
    );
  }
  return { results, skipped };
}

function build(
  name: string,
  description: string,
  comp: Scored[],
  gap: Scored[],
  reps: number,
  seed: number,
  features: string[],
  extra?: ScoreSkill["extra"],
): EvaluationResult {
  const c = skill("composite (expanding-window logit)", comp, reps, seed);
  const g = skill("credit gap alone", gap, reps, seed, extra);
  const diff = (c.auroc ?? 0) - (g.auroc ?? 0);
  return {
    name,
    description,
    positives: comp.filter((d) => d.y === 1).length,
    negatives: comp.filter((d) => d.y === 0).length,
    countries: new Set(comp.map((d) => d.group)).size,
    composite: c,
    creditGap: g,
    winner: Math.abs(diff) < 0.005 ? "tie" : diff > 0 ? "composite" : "credit gap",
    features,
  };
}
