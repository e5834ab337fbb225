import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

import { downloadBlob, slug, toCsv, type CsvCell } from "./download.ts";
import { h } from "./dom.ts";
import { t } from "./i18n.ts";

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DataZoomComponent,
  MarkAreaComponent,
  MarkLineComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

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
  /** Draws (or redraws) the chart; the panel must be in the document. */
  render(option: ChartOption, data: ChartData): void;
  chart(): echarts.EChartsType | undefined;
  setTitle(title: string): void;
}

/**
 * A titled panel holding one ECharts chart with PNG, SVG and CSV downloads. SVG is rendered by a
 * second, server-side-style SVG instance of the same option, so it is a real vector file.
 */
export function chartPanel(title: string, options: { height?: number; testId?: string } = {}): ChartPanel {
  const box = h("div", { class: "chart", style: `height:${options.height ?? 360}px` });
  let chart: echarts.EChartsType | undefined;
  let option: ChartOption = {};
  let data: ChartData = { columns: [], rows: [] };
  let name = slug(title);
  const heading = h("h3", {}, title);
  const png = () => {
    if (!chart) return;
    downloadBlob(`${name}.png`, chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }));
  };
  const svg = () => {
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
        h("button", { type: "button", onclick: svg, "data-download": "svg" }, t("svg.download")),
        h("button", { type: "button", onclick: csv, "data-download": "csv" }, t("csv.download")),
      ),
    ),
    box,
  );
  return {
    el,
    chart: () => chart,
    setTitle(text) {
      heading.textContent = text;
      name = slug(text);
    },
    render(next, nextData) {
      option = next;
      data = nextData;
      if (!chart) {
        chart = echarts.init(box, null, { renderer: "canvas" });
        metrics.charts++;
        chart.on("rendered", () => {
          metrics.renders++;
          if (metrics.firstChartMs === undefined) metrics.firstChartMs = performance.now();
        });
        new ResizeObserver(() => chart?.resize()).observe(box);
      }
      chart.setOption({ animationDuration: 300, ...next }, { notMerge: true });
      box.dataset.renders = String(Number(box.dataset.renders ?? 0) + 1);
    },
  };
}

/** Disposes every chart under `root` (before a page is replaced). */
export function disposeCharts(root: HTMLElement): void {
  for (const el of root.querySelectorAll<HTMLElement>(".chart")) echarts.getInstanceByDom(el)?.dispose();
}
