import type { EChartsOption } from "echarts";

import { PALETTE } from "./palette.ts";
import type { ChartOption } from "./svg.ts";

export { PALETTE } from "./palette.ts";

export interface LineSeries {
  name: string;
  /** [period, value] pairs; null leaves a gap (not computable), never a made-up point. */
  points: Array<[string, number | null]>;
}

/** Height the vertical legend of `n` series takes, px. */
export function legendHeight(n: number): number {
  return n * 20;
}

/** Height of a line chart of `n` series: a 240 px plot plus its legend. */
export function lineChartHeight(n: number): number {
  return 280 + legendHeight(n);
}

/**
 * A time-series line chart: one line per series over a shared category axis of periods.
 * `percent` plots fractions as percentages (0.205 -> 20.5, axis "20%"), as the web app does;
 * `title` may be empty when the report prints the caption itself.
 * @example lineChart("", [{ name: "Currency issued", points: [["2013-12", 0.205]] }], { percent: true })
 */
export function lineChart(
  title: string,
  series: readonly LineSeries[],
  options: { percent?: boolean; yName?: string; periods?: readonly string[] } = {},
): ChartOption {
  const periods = options.periods
    ? [...options.periods]
    : [...new Set(series.flatMap((s) => s.points.map(([p]) => p)))].sort();
  const scale = (v: number) => (options.percent ? Math.round(v * 10000) / 100 : v);
  return {
    color: PALETTE,
    ...(title ? { title: { text: title, left: "center", textStyle: { fontSize: 14 } } } : {}),
    // One legend entry per line, under the plot: server-side rendering cannot measure text exactly,
    // so entries side by side can overlap.
    legend: {
      type: "plain",
      orient: "vertical",
      left: 60,
      bottom: 0,
      itemGap: 6,
      textStyle: { fontSize: 12 },
    },
    grid: { left: 70, right: 24, top: title ? 44 : 28, bottom: 40 + legendHeight(series.length) },
    // Up to 16 periods (a year-end series) every label is printed; longer series let ECharts thin them.
    xAxis: {
      type: "category",
      data: periods,
      boundaryGap: false,
      ...(periods.length <= 16 ? { axisLabel: { interval: 0, fontSize: 11 } } : {}),
    },
    yAxis: {
      type: "value",
      scale: !options.percent,
      ...(options.yName ? { name: options.yName, nameTextStyle: { align: "left" } } : {}),
      ...(options.percent ? { axisLabel: { formatter: "{value}%" } } : {}),
    },
    series: series.map((s) => {
      const byPeriod = new Map(s.points);
      return {
        name: s.name,
        type: "line",
        symbolSize: 5,
        connectNulls: false,
        data: periods.map((p) => {
          const v = byPeriod.get(p);
          return v === null || v === undefined ? null : scale(v);
        }),
      };
    }),
  } satisfies EChartsOption;
}

export interface BarStack {
  name: string;
  stack: string;
  value: number;
}

/** Stacked bars: one bar per stack (e.g. assets, liabilities), one segment per item. */
export function stackedBars(title: string, parts: readonly BarStack[], yName: string): ChartOption {
  const stacks = [...new Set(parts.map((p) => p.stack))];
  return {
    color: PALETTE,
    title: { text: title, left: "center", textStyle: { fontSize: 14 } },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 80, right: 20, top: 40, bottom: 70 },
    xAxis: { type: "category", data: stacks },
    yAxis: { type: "value", name: yName },
    series: parts.map((p) => ({
      name: p.name,
      type: "bar",
      stack: "all",
      data: stacks.map((s) => (s === p.stack ? p.value : null)),
    })),
  } satisfies EChartsOption;
}
