import {
  countryName,
  creditGap,
  creditGapSourceText,
  type CreditGapResult,
  DEPTH_ZH,
  diagnose,
  evidenceList,
  evidenceText,
  loadCountryData,
  observationRef,
  signalText,
  sourceZh,
  stageName,
  verdictText,
} from "../recession/index.ts";
import type { Diagnosis } from "../recession/stages.ts";
import type { CountryData, YearInputs } from "../recession/country-data.ts";
import { msg } from "../i18n/catalogue.ts";
import { vintageText } from "../model/vintage-text.ts";
import type { Store } from "../store/store.ts";
import { lineChart, lineChartHeight } from "./chart-options.ts";
import { grouped } from "./format.ts";
import { RULE_NAMES, signalName, t } from "./i18n.ts";
import type { ReportOptions } from "./mismatch-report.ts";
import type { Block, FigureBlock, Lang, Report, Section } from "./model.ts";
import { renderSvg } from "./svg.ts";

const MARKS = ["asset-price-collapse", "monetary-ineffective", "private-deleveraging", "deflation"] as const;

type Field = Exclude<keyof YearInputs, "year" | "jstCrisisStart" | "lvCrisis" | "rrBanking" | "rrSystemic">;

/** Annual inputs charted, with their names. */
const ANNUAL: Record<string, { field: Field; name: { en: string; zh: string } }[]> = {
  prices: [
    {
      field: "equityDrawdown",
      name: { en: "equity drawdown from 5-year high, %", zh: "股价较5年高点回撤，%" },
    },
    { field: "houseDrawdown", name: { en: "house-price drawdown, %", zh: "房价回撤，%" } },
    { field: "inflation", name: { en: "CPI inflation, %", zh: "CPI通胀，%" } },
    { field: "shortRate", name: { en: "short-term rate, %", zh: "短期利率，%" } },
    { field: "realGdpGrowth", name: { en: "real GDP growth, %", zh: "实际GDP增速，%" } },
  ],
  balances: [
    { field: "corporateBalance", name: { en: "corporate net lending, % of GDP", zh: "企业净借出，占GDP%" } },
    { field: "householdBalance", name: { en: "household net lending, % of GDP", zh: "居民净借出，占GDP%" } },
    { field: "creditGrowth", name: { en: "private credit growth, % y/y", zh: "私人信贷增速，同比%" } },
  ],
};

const num = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? "–" : grouped(v, digits);

function figure(
  id: string,
  caption: string,
  periods: string[],
  series: { id: string; name: string; values: (number | null)[] }[],
  sources: string[],
  lang: Lang,
): FigureBlock {
  const option = lineChart(
    "",
    series.map((s) => ({ name: s.name, points: periods.map((p, i) => [p, s.values[i] ?? null]) })),
    { periods },
  );
  return {
    kind: "figure",
    id,
    caption,
    svg: renderSvg(option, 720, lineChartHeight(series.length), `recession-${id}`),
    periods,
    series,
    data: {
      kind: "table",
      header: [t("period", lang), ...series.map((s) => s.name), t("source", lang)],
      rows: periods.map((p, i) => [p, ...series.map((s) => num(s.values[i])), sources[i] ?? ""]),
      align: ["left", ...series.map(() => "right" as const), "left"],
    },
  };
}

// Where a point of the credit-gap chart comes from: the ratio's file:row:date, then the published
// gap's (`; :row:date` when in the same file), or dataset, vintage and series for an import.
function pointSource(gap: CreditGapResult, date: string, hasBisGap: boolean): string {
  const { source } = gap;
  const ratio = observationRef(source, date);
  const g = source.publishedGap;
  if (!hasBisGap || !g) return ratio;
  const short = g.file === source.file && g.row !== null && source.row !== null;
  return `${ratio}; ${short ? `:${g.row}:${date}` : observationRef(g, date)}`;
}

function creditFigure(d: Diagnosis, gap: CreditGapResult | null, lang: Lang, n: number): FigureBlock | null {
  if (!gap) return null;
  const rows = gap.filter((r) => {
    const y = Number(r.date.slice(0, 4));
    return y >= d.from && y <= d.to;
  });
  if (rows.length === 0) return null;
  const names = t("creditSeries", lang).split("|");
  return figure(
    "credit-gap",
    `${t("figure", lang)} ${n}${lang === "zh" ? "：" : ". "}${countryName(d.country, lang)}${lang === "zh" ? "，" : ", "}${t("creditGapChart", lang)}${lang === "zh" ? "；" : "; "}${creditGapSourceText(gap.source, lang)}`,
    rows.map((r) => r.date),
    [
      { id: "ratio", name: names[0]!, values: rows.map((r) => r.ratio) },
      { id: "trend", name: names[1]!, values: rows.map((r) => r.trend) },
      { id: "gap", name: names[2]!, values: rows.map((r) => r.gap) },
      { id: "bisGap", name: names[3]!, values: rows.map((r) => r.bisGap) },
    ],
    rows.map((r) => pointSource(gap, r.date, r.bisGap !== null)),
    lang,
  );
}

function annualFigure(
  d: Diagnosis,
  data: CountryData,
  group: "prices" | "balances",
  lang: Lang,
  n: number,
): FigureBlock | null {
  const years: number[] = [];
  for (let y = d.from; y <= d.to; y++) years.push(y);
  const specs = ANNUAL[group]!.filter((s) => years.some((y) => data.years.get(y)?.[s.field]));
  if (specs.length === 0) return null;
  const series = specs.map((s) => ({
    id: s.field,
    name: s.name[lang],
    values: years.map((y) => data.years.get(y)?.[s.field]?.value ?? null),
  }));
  const sources = years.map((y) =>
    [...new Set(specs.map((s) => data.years.get(y)?.[s.field]?.source).filter((x): x is string => !!x))]
      .map((x) => (lang === "zh" ? sourceZh(x) : x))
      .join(lang === "zh" ? "；" : "; "),
  );
  const title = group === "prices" ? t("pricesChart", lang) : t("balancesChart", lang);
  return figure(
    group,
    `${t("figure", lang)} ${n}${lang === "zh" ? "：" : ". "}${countryName(d.country, lang)}${lang === "zh" ? "，" : ", "}${title}`,
    years.map(String),
    series,
    sources,
    lang,
  );
}

const mark = (fired: boolean | null | undefined) => (fired === true ? "✓" : fired === false ? "–" : "n/a");

/**
 * The recession-monitor report of a country over [from, to], as a model: the verdict and boom mark,
 * the distress episodes with depth and policy lag, the four marks year by year, the credit gap and
 * annual inputs as charts (each point with its source), the stages with their evidence, and the
 * parameters. Headings, labels and the evidence sentences follow `lang`. Reads the bundled files;
 * {@link recessionReportFromStore} reads a store.
 * @example recessionReport("JP", 1985, 2010, { lang: "zh" }).title
 */
export function recessionReport(
  country: string,
  from: number,
  to: number,
  options: ReportOptions = {},
): Report {
  let gap: CreditGapResult | null;
  try {
    gap = creditGap(country);
  } catch {
    gap = null;
  }
  return build(diagnose(country, from, to), loadCountryData(country), gap, from, to, options);
}

/**
 * {@link recessionReport} from a store (the latest vintage of each series, e.g. a newer BIS import).
 * @example await recessionReportFromStore(store, "JP", 1985, 2010, { lang: "zh" })
 */
export async function recessionReportFromStore(
  store: Store,
  country: string,
  from: number,
  to: number,
  options: ReportOptions = {},
): Promise<Report> {
  const data = await loadCountryData(country, { store });
  const gap = await creditGap(country, { store }).catch(() => null);
  return build(await diagnose(country, from, to, { store }), data, gap, from, to, options);
}

function build(
  d: Diagnosis,
  data: CountryData,
  gap: CreditGapResult | null,
  from: number,
  to: number,
  options: ReportOptions,
): Report {
  const lang = options.lang ?? "en";
  const c = colonOf(lang);
  const name = countryName(d.country, lang);
  const summary: Block[] = [
    { kind: "paragraph", tone: "verdict", text: `${t("recessionVerdict", lang)}${c}${verdictText(d, lang)}` },
  ];
  if (d.boomMarkEvidence)
    summary.push({
      kind: "paragraph",
      text: `${t("boomMark", lang)}${c}${evidenceText(d.boomMarkEvidence, lang)}`,
    });
  const episodes: Block = {
    kind: "table",
    id: "episodes",
    header: [
      t("start", lang),
      t("end", lang),
      t("duration", lang),
      t("bsr", lang),
      t("marks", lang),
      t("depth", lang),
      t("policyLag", lang),
      t("reason", lang),
    ],
    rows: d.episodes.map((e) => [
      String(e.start),
      e.end === null ? t("ongoing", lang) : String(e.end),
      String(e.durationYears),
      e.balanceSheetRecession ? t("yes", lang) : t("no", lang),
      MARKS.map((m) => `${signalName(m, lang)}: ${e.marks[m].length ? e.marks[m].join(", ") : "–"}`).join(
        "; ",
      ),
      Object.entries(e.depth)
        .map(([k, v]) => `${lang === "zh" ? (DEPTH_ZH[k] ?? k) : k} ${v === null ? "n/a" : grouped(v, 1)}`)
        .join(lang === "zh" ? "；" : "; "),
      evidenceList(e.policyLag.evidence, lang),
      evidenceList(e.reasonEvidence, lang),
    ]),
  };
  const marks: Block = {
    kind: "table",
    id: "marks",
    header: [t("year", lang), t("stage", lang), ...MARKS.map((m) => signalName(m, lang))],
    rows: d.timeline.map((y) => [
      String(y.year),
      stageName(y.stage, lang),
      ...MARKS.map((m) => mark(y.signals.find((s) => s.id === m)?.fired)),
    ]),
    align: ["left", "left", "right", "right", "right", "right"],
  };
  let n = 0;
  const figures = [
    creditFigure(d, gap, lang, ++n),
    annualFigure(d, data, "prices", lang, ++n),
    annualFigure(d, data, "balances", lang, ++n),
  ].filter((f): f is FigureBlock => f !== null);
  const timeline: Block = {
    kind: "table",
    id: "timeline",
    header: [t("year", lang), t("stage", lang), t("signals", lang), t("evidence", lang)],
    rows: d.timeline.map((y) => [
      String(y.year),
      stageName(y.stage, lang),
      y.fired.map((f) => signalName(f, lang)).join(", "),
      y.signals
        .filter((s) => s.fired)
        .map((s) => `${signalName(s.id, lang)}${c}${signalText(s, lang)}`)
        .concat(y.noteEvidence.map((e) => evidenceText(e, lang)))
        .join(" | "),
    ]),
  };
  const params: Block = {
    kind: "table",
    id: "parameters",
    header: [t("parameters", lang), t("value", lang)],
    rows: Object.entries(d.parameters).map(([k, v]) => [RULE_NAMES[k]?.[lang] ?? k, parameterText(v)]),
  };
  const sections: Section[] = [
    { id: "summary", title: t("summary", lang), blocks: summary },
    { id: "episodes", title: t("episodes", lang), blocks: [episodes] },
    {
      id: "marks",
      title: t("marks", lang),
      blocks: [{ kind: "paragraph", text: t("marksIntro", lang) }, marks],
    },
    { id: "charts", title: t("charts", lang), blocks: figures },
    { id: "timeline", title: t("timeline", lang), blocks: [timeline] },
    { id: "parameters", title: t("parameters", lang), blocks: [params] },
  ];
  return {
    lang,
    title:
      lang === "zh"
        ? `${t("recessionTitle", lang)}${c}${name}（${d.country.iso2}），${from}–${to}`
        : `${t("recessionTitle", lang)}${c}${name} (${d.country.iso2}), ${from}–${to}`,
    meta: [
      [
        t("country", lang),
        lang === "zh"
          ? `${name}（${d.country.iso2}，${d.country.iso3}）`
          : `${name} (${d.country.iso2}, ${d.country.iso3})`,
      ],
      [t("period", lang), `${from}–${to}`],
      [t("data", lang), msg(lang, "report.recessionData", bisData(gap, lang))],
      [t("method", lang), t("methodRecession", lang)],
    ],
    sections,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  };
}

// The BIS data the report read: the credit-to-GDP ratio's vintage and dataset.
function bisData(gap: CreditGapResult | null, lang: Lang): string {
  if (!gap) return t("bisRatioMissing", lang);
  return msg(lang, "report.bisRatio", vintageText(gap.source.vintage)[lang], gap.source.dataset);
}

// A rule group's parameters as `name=value` pairs: the names are the engine's ids in both languages.
function parameterText(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  return Object.entries(value)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
}

function colonOf(lang: Lang): string {
  return lang === "zh" ? "：" : ": ";
}
