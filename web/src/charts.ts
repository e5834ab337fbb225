import type { EChartsCoreOption, EChartsType } from "echarts/core";

import type * as EchartsSetup from "./echarts-setup.ts";
import { downloadBlob, slug, toCsv, type CsvCell } from "./download.ts";
import { h } from "./dom.ts";
import { t } from "./i18n.ts";

export type ChartOption = EChartsCoreOption;

type Lib = typeof EchartsSetup;

// ECharts is most of the code: start loading it as soon as the app starts, beside the page's own
// module and its API requests, and draw each chart once both its data and the library are there.
let lib: Lib | undefined;
const libReady: Promise<Lib> = import("./echarts-setup.ts").then((m) => (lib = m));

/** Resolves when ECharts is loaded and every chart rendered before now has been drawn. */
export async function chartsSettled(): Promise<void> {
  await libReady;
}

/** The data behind a chart, for its CSV/XLSX download. */
export interface ChartData {
  /** Column keys (ids), and their headings for people in the page's language when they differ. */
  columns: string[];
  labels?: string[];
  rows: CsvCell[][];
  /** False when the rows carry their own unit and source columns (several series on one chart). */
  metaColumns?: boolean;
}

/** What a published chart states beside its title: whose data, in what unit, from where, which vintage. */
export interface ChartMeta {
  entity?: string;
  unit?: string;
  source?: string;
  vintage?: string;
}

/** The text summary of a chart for screen readers: its series, their range and last value. */
function summarise(option: ChartOption, lang: "en" | "zh"): string {
  const series = (Array.isArray(option.series) ? option.series : []) as Array<{
    name?: string;
    data?: unknown[];
  }>;
  const parts = series.map((s) => {
    const nums = (s.data ?? [])
      .map((d) =>
        typeof d === "number"
          ? d
          : d && typeof d === "object" && "value" in d
            ? (d as { value: unknown }).value
            : null,
      )
      .filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    if (!nums.length) return `${s.name ?? ""}: –`;
    const f = (v: number) => Number(v.toPrecision(4)).toString();
    const lo = Math.min(...nums);
    const hi = Math.max(...nums);
    return lang === "zh"
      ? `${s.name ?? ""}：${nums.length}个值，最低${f(lo)}，最高${f(hi)}，最后${f(nums[nums.length - 1]!)}`
      : `${s.name ?? ""}: ${nums.length} values, low ${f(lo)}, high ${f(hi)}, last ${f(nums[nums.length - 1]!)}`;
  });
  return parts.join(lang === "zh" ? "；" : "; ");
}

/** The chart's option for a file: title (and entity, unit) on top, source and vintage at the foot. */
function publishable(option: ChartOption, title: string, meta: ChartMeta, lang: "en" | "zh"): ChartOption {
  const sub = [meta.entity, meta.unit ? `${t("unit")}${lang === "zh" ? "：" : ": "}${meta.unit}` : ""]
    .filter(Boolean)
    .join(" · ");
  const foot = [
    meta.source ? `${t("source")}${lang === "zh" ? "：" : ": "}${meta.source}` : "",
    meta.vintage ? `${t("vintage")}${lang === "zh" ? "：" : ": "}${meta.vintage}` : "",
    "bslab",
  ]
    .filter(Boolean)
    .join(" · ");
  const grid = (option.grid ?? {}) as { top?: number; bottom?: number };
  const legend = option.legend as { bottom?: number } | undefined;
  return {
    ...option,
    animation: false,
    backgroundColor: "#fff",
    title: [
      { text: title, subtext: sub, left: 10, top: 6, textStyle: { fontSize: 15, color: "#1d2530" } },
      {
        text: foot,
        left: 10,
        bottom: 4,
        textStyle: { fontSize: 11, fontWeight: "normal", color: "#5d6b7a" },
      },
    ],
    grid: { ...grid, top: (grid.top ?? 20) + 52, bottom: (grid.bottom ?? 40) + 22 },
    ...(legend && legend.bottom !== undefined ? { legend: { ...legend, bottom: legend.bottom + 22 } } : {}),
    dataZoom: [],
  };
}

declare global {
  interface Window {
    /** Timings read by the browser tests. */
    __bslab?: { firstChartMs?: number; charts: number; renders: number };
  }
}

const metrics = (window.__bslab ??= { charts: 0, renders: 0 });
let panelCount = 0;

export interface ChartPanel {
  el: HTMLElement;
  /** Draws (or redraws) the chart (now, or as soon as ECharts is loaded); the panel must be in the document. */
  render(option: ChartOption, data: ChartData, meta?: ChartMeta, how?: { update?: boolean }): void;
  /** Shows, instead of a blank chart, why there is nothing to draw and what to do about it. */
  empty(why: string, fix: string): void;
  chart(): EChartsType | undefined;
  /** Calls `f` with the chart once it exists (at once if it does). */
  onChart(f: (chart: EChartsType) => void): void;
  setTitle(title: string): void;
}

/**
 * A titled panel holding one ECharts chart with PNG, SVG and CSV downloads. SVG is rendered by a
 * second, server-side-style SVG instance of the same option, so it is a real vector file.
 */
export function chartPanel(title: string, options: { height?: number; testId?: string } = {}): ChartPanel {
  const box = h("div", { class: "chart", style: `height:${options.height ?? 360}px` });
  let chart: EChartsType | undefined;
  let option: ChartOption = {};
  let data: ChartData = { columns: [], rows: [] };
  let name = slug(title);
  let waiting = false;
  const whenReady: Array<(c: EChartsType) => void> = [];
  let meta: ChartMeta = {};
  let update = false;
  let drawn = false;
  let titleText = title;
  const heading = h("h3", { id: `chart-${++panelCount}` }, title);
  const summary = h("p", { class: "sr-only", id: `${heading.id}-summary` });
  box.setAttribute("role", "img");
  box.setAttribute("aria-labelledby", heading.id);
  box.setAttribute("aria-describedby", summary.id);
  const lang = () => (document.documentElement.lang.startsWith("zh") ? "zh" : "en");
  const size = () => ({ width: box.clientWidth || 800, height: (box.clientHeight || 360) + 74 });
  // Files carry the title, entity, unit, source and vintage, drawn by a second instance of the chart.
  const png = () => {
    if (!lib) return;
    const { width, height } = size();
    const host = h("div", {
      style: `position:fixed;left:-10000px;top:0;width:${width}px;height:${height}px`,
    });
    document.body.append(host);
    const off = lib.echarts.init(host, null, { renderer: "canvas", width, height });
    off.setOption(publishable(option, titleText, meta, lang()));
    const url = off.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    off.dispose();
    host.remove();
    downloadBlob(`${name}.png`, url);
  };
  const svgText = async () => {
    const { echarts } = await import("./echarts-svg.ts");
    const { width, height } = size();
    const ssr = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
    ssr.setOption(publishable(option, titleText, meta, lang()));
    const text = ssr.renderToSVGString();
    ssr.dispose();
    return text;
  };
  const svg = async () => downloadBlob(`${name}.svg`, await svgText(), "image/svg+xml");
  // A table for people: headings in the page's language, then the unit and the source of every row.
  const table = (): CsvCell[][] => {
    const own = data.metaColumns !== false;
    const extra = [own && meta.unit !== undefined, own && meta.source !== undefined];
    const head = [
      ...(data.labels ?? data.columns),
      ...(extra[0] ? [t("unit")] : []),
      ...(extra[1] ? [t("source")] : []),
    ];
    return [
      head,
      ...data.rows.map((r) => [...r, ...(extra[0] ? [meta.unit] : []), ...(extra[1] ? [meta.source] : [])]),
    ];
  };
  // With a byte-order mark, so that Excel on Chinese Windows reads UTF-8 and not GBK.
  const csv = () => {
    const [head, ...rows] = table();
    downloadBlob(`${name}.csv`, `\ufeff${toCsv(head as string[], rows)}`, "text/csv;charset=utf-8");
  };
  const xlsx = async () => {
    const { xlsxOf } = await import("./xlsx.ts");
    const bytes = xlsxOf(titleText, [
      [titleText],
      ...table(),
      [],
      [t("source"), meta.source ?? ""],
      [t("vintage"), meta.vintage ?? ""],
    ]);
    downloadBlob(
      `${name}.xlsx`,
      new Blob([bytes as BlobPart], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    );
  };
  const el = h(
    "section",
    { class: "panel", "data-testid": options.testId },
    h(
      "div",
      { class: "panel-head" },
      heading,
      h(
        "div",
        { class: "tools" },
        h("button", { type: "button", onclick: png, "data-download": "png" }, t("png.download")),
        h("button", { type: "button", onclick: () => void svg(), "data-download": "svg" }, t("svg.download")),
        h("button", { type: "button", onclick: csv, "data-download": "csv" }, t("csv.download")),
        h("button", { type: "button", onclick: () => void xlsx(), "data-download": "xlsx" }, "XLSX"),
      ),
    ),
    box,
    summary,
  );
  const draw = ({ echarts }: Lib) => {
    waiting = false;
    // The page may have been replaced while ECharts was loading.
    if (!box.isConnected && !chart) return;
    if (!chart) {
      chart = echarts.init(box, null, { renderer: "canvas" });
      metrics.charts++;
      chart.on("rendered", () => {
        metrics.renders++;
        if (metrics.firstChartMs === undefined) metrics.firstChartMs = performance.now();
      });
      new ResizeObserver(() => chart?.resize()).observe(box);
    }
    // An update of the same chart (a slider moved): merged into the drawn one, without animation,
    // so the new run is painted at once instead of rebuilding the chart and tweening to it.
    if (update && drawn) chart.setOption({ ...option, animation: false }, { notMerge: false });
    else chart.setOption({ animationDuration: 300, ...option }, { notMerge: true });
    drawn = true;
    summary.textContent = summarise(option, lang());
    box.dataset.renders = String(Number(box.dataset.renders ?? 0) + 1);
    for (const f of whenReady.splice(0)) f(chart);
  };
  return {
    el,
    chart: () => chart,
    onChart(f) {
      if (chart) f(chart);
      else whenReady.push(f);
    },
    setTitle(text) {
      heading.textContent = text;
      titleText = text;
      name = slug(text);
    },
    empty(why, fix) {
      el.querySelector(".empty")?.remove();
      box.hidden = true;
      el.querySelector(".tools")?.setAttribute("hidden", "");
      el.append(
        h(
          "div",
          { class: "empty", role: "note", "data-testid": "empty" },
          h("p", {}, h("b", {}, t("empty.title"))),
          h("p", {}, `${t("empty.why")} ${why}`),
          h("p", {}, `${t("empty.fix")} ${fix}`),
        ),
      );
    },
    render(next, nextData, nextMeta, how) {
      update = how?.update === true;
      option = next;
      data = nextData;
      if (nextMeta) meta = nextMeta;
      box.hidden = false;
      el.querySelector(".tools")?.removeAttribute("hidden");
      el.querySelector(".empty")?.remove();
      if (lib) draw(lib);
      else if (!waiting) {
        waiting = true;
        void libReady.then(draw);
      }
    },
  };
}

/** Disposes every chart under `root` (before a page is replaced). */
export function disposeCharts(root: HTMLElement): void {
  if (!lib) return;
  for (const el of root.querySelectorAll<HTMLElement>(".chart")) lib.echarts.getInstanceByDom(el)?.dispose();
}
