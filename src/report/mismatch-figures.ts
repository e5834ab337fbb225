import type { IndicatorResult } from "../indicators/compute.ts";
import { getIndicator } from "../indicators/registry.ts";
import type { IndicatorUnit, MismatchType } from "../indicators/types.ts";
import { unitLabel } from "../model/units.ts";
import { lineChart, lineChartHeight } from "./chart-options.ts";
import { times } from "./format.ts";
import { t } from "./i18n.ts";
import type { MismatchData } from "./mismatch-data.ts";
import type { FigureBlock, Lang } from "./model.ts";
import { compactSources, linesOf } from "./sources.ts";
import { renderSvg } from "./svg.ts";
import { shortValue } from "./values.ts";

/** The study's Figure 1: four liability shares of the PBoC, 2002-2013. */
export const FIGURE1_IDS = [
  "cb.currency_issued_share",
  "cb.financial_deposits_share",
  "cb.bonds_issued_share",
  "cb.government_deposits_share",
];

/** Which indicators one chart draws. */
export interface FigureSpec {
  id: string;
  ids: string[];
  unit: IndicatorUnit;
  /** The study's Figure 1. */
  study1: boolean;
}

const UNIT_ORDER: IndicatorUnit[] = ["fraction", "ratio", "amount", "index"];

function valueAt(row: { results: IndicatorResult[] }, id: string): IndicatorResult | undefined {
  return row.results.find((r) => r.id === id);
}

/**
 * The charts of one mismatch type: one per unit (shares, ratios, amounts, indices) over the
 * indicators that have at least one value in the series; for a central bank's capital structure the
 * study's Figure 1 (its four liability shares) comes first and the other shares get a chart of their own.
 */
export function figureSpecs(data: MismatchData, type: MismatchType): FigureSpec[] {
  const has = (id: string) => data.series.some((r) => valueAt(r, id)?.value != null);
  const ids = data.defs.filter((d) => d.type === type && has(d.id)).map((d) => d.id);
  const specs: FigureSpec[] = [];
  let rest = ids;
  if (type === "capital-structure" && data.centralBank && FIGURE1_IDS.every(has)) {
    specs.push({ id: "figure1", ids: FIGURE1_IDS, unit: "fraction", study1: true });
    rest = ids.filter((id) => !FIGURE1_IDS.includes(id));
  }
  for (const unit of UNIT_ORDER) {
    const group = rest.filter((id) => getIndicator(id).unit === unit);
    if (group.length) specs.push({ id: `${type}-${unit}`, ids: group, unit, study1: false });
  }
  return specs;
}

function unitCaption(spec: FigureSpec, data: MismatchData, lang: Lang): string {
  if (spec.unit === "ratio") return t("ratios", lang);
  if (spec.unit === "index") return t("indices", lang);
  if (spec.unit === "amount") {
    const u = data.input.sheet?.unit ?? data.input.unit;
    return `${t("amounts", lang)}${u ? ` (${unitLabel(u, lang)})` : ""}`;
  }
  const liab = spec.ids.map((id) => getIndicator(id).formula.includes("total_liabilities"));
  if (liab.every(Boolean)) return t("shareOfTotalLiabilities", lang);
  if (!liab.some(Boolean)) return t("shareOfTotalAssets", lang);
  return t("shares", lang);
}

/**
 * Renders one chart of the report to SVG (ECharts SSR) with its data table: the year-end value of
 * each indicator and the source rows it was computed from.
 */
export function buildFigure(spec: FigureSpec, data: MismatchData, lang: Lang, number: number): FigureBlock {
  const periods = data.series.map((r) => r.date);
  const series = spec.ids.map((id) => ({
    id,
    name: getIndicator(id).name[lang],
    values: data.series.map((r) => valueAt(r, id)?.value ?? null),
  }));
  const sheetUnit = data.input.sheet?.unit ?? data.input.unit;
  const option = lineChart(
    "",
    series.map((s) => ({ name: s.name, points: periods.map((p, i) => [p, s.values[i] ?? null]) })),
    {
      percent: spec.unit === "fraction",
      periods,
      ...(spec.unit === "amount" && sheetUnit ? { yName: unitLabel(sheetUnit, lang) } : {}),
    },
  );
  const svg = renderSvg(
    option,
    720,
    lineChartHeight(series.length),
    `${data.entity}-${spec.id}`.replace(/[^A-Za-z0-9-]/g, "-"),
  );
  const span = periods.length ? `${periods[0]}–${periods[periods.length - 1]}` : "";
  const caption =
    `${t("figure", lang)} ${number}${lang === "zh" ? "：" : ". "}${data.name[lang]}, ${unitCaption(spec, data, lang)}, ${span}` +
    `${lang === "zh" ? "，" : "; "}${t("yearEnd", lang)}${spec.study1 ? `${lang === "zh" ? "（" : " ("}${t("studyFigure1", lang)}${lang === "zh" ? "）" : ")"}` : ""}`;
  const rows = data.series.map((r) => {
    const used = spec.ids.map((id) => valueAt(r, id)).filter((x): x is IndicatorResult => x !== undefined);
    return [
      r.date,
      ...spec.ids.map((id) => {
        const v = valueAt(r, id)?.value;
        return v === null || v === undefined ? "–" : shortValue(v, spec.unit, lang, sheetUnit);
      }),
      compactSources(linesOf(used), lang),
    ];
  });
  return {
    kind: "figure",
    id: spec.id,
    caption,
    svg,
    periods,
    series,
    data: {
      kind: "table",
      header: [t("period", lang), ...series.map((s) => s.name), t("source", lang)],
      rows,
      align: ["left", ...series.map(() => "right" as const), "left"],
    },
  };
}

/**
 * What each charted indicator did over the period, in words: first and last value, the high and
 * the low when they fall inside the period, and the growth factor of an amount. These are the
 * study's "net FX position grew 10.8-fold", "other assets fell from 8.9% (2006)" statements,
 * recomputed from the data.
 */
export function findings(
  figures: readonly FigureBlock[],
  spec: readonly FigureSpec[],
  data: MismatchData,
  lang: Lang,
): string[] {
  const sheetUnit = data.input.sheet?.unit ?? data.input.unit;
  const out: string[] = [];
  figures.forEach((fig, k) => {
    const unit = spec[k]!.unit;
    for (const s of fig.series) {
      const pts = fig.periods
        .map((p, i) => [p, s.values[i]] as const)
        .filter((x): x is readonly [string, number] => x[1] !== null && x[1] !== undefined);
      if (pts.length < 2) continue;
      const fmt = (v: number) => shortValue(v, unit, lang, sheetUnit);
      const [p0, v0] = pts[0]!;
      const [pn, vn] = pts[pts.length - 1]!;
      const hi = pts.reduce((a, b) => (b[1] > a[1] ? b : a));
      const lo = pts.reduce((a, b) => (b[1] < a[1] ? b : a));
      const parts = [`${s.name}: ${fmt(v0)} (${p0}) → ${fmt(vn)} (${pn})`];
      if (hi[0] !== p0 && hi[0] !== pn) parts.push(`${t("high", lang)} ${fmt(hi[1])} (${hi[0]})`);
      if (lo[0] !== p0 && lo[0] !== pn) parts.push(`${t("low", lang)} ${fmt(lo[1])} (${lo[0]})`);
      if (unit === "amount" && v0 > 0 && vn > 0)
        parts.push(lang === "zh" ? `为期初的${times(vn / v0, lang)}` : `${times(vn / v0, lang)} the start`);
      out.push(parts.join(lang === "zh" ? "；" : "; "));
    }
  });
  return out;
}
