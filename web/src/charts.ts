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

/** The data behind a chart, for its CSV download. */
export interface ChartData {
  columns: string[];
  rows: CsvCell[][];
}

declare global {
  interface Window {
    /** Timings read by the browser tests. */
    __bslab?: { firstChartMs?: number; charts: number; renders: number };
  }
}

const metrics = (window.__bslab ??= { charts: 0, renders: 0 });

export interface ChartPanel {
  el: HTMLElement;
  /** Draws (or redraws) the chart (now, or as soon as ECharts is loaded); the panel must be in the document. */
  render(option: ChartOption, data: ChartData): void;
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
  const heading = h("h3", {}, title);
  const png = () => {
    if (!chart) return;
    downloadBlob(`${name}.png`, chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }));
  };
  const svg = async () => {
    const { echarts } = await import("./echarts-svg.ts");
    const width = box.clientWidth || 800;
    const height = box.clientHeight || 360;
    const ssr = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
    ssr.setOption({ ...option, animation: false, backgroundColor: "#fff" });
    const text = ssr.renderToSVGString();
    ssr.dispose();
    downloadBlob(`${name}.svg`, text, "image/svg+xml");
  };
  const csv = () => downloadBlob(`${name}.csv`, toCsv(data.columns, data.rows), "text/csv");
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
      ),
    ),
    box,
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
    chart.setOption({ animationDuration: 300, ...option }, { notMerge: true });
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
      name = slug(text);
    },
    render(next, nextData) {
      option = next;
      data = nextData;
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
