import type { ChartOption } from "./svg.ts";

export interface LineSeries {
  name: string;
  /** [period, value] pairs; null leaves a gap (not computable), never a made-up point. */
  points: Array<[string, number | null]>;
}

/**
 * A time-series line chart: one line per series over a shared category axis of periods.
 * `percent` formats the axis as percentages of fractions (0.205 -> 20.5%).
 */
export function lineChart(
  title: string,
  series: readonly LineSeries[],
  options: { percent?: boolean; yName?: string } = {},
): ChartOption {
  const periods = [...new Set(series.flatMap((s) => s.points.map(([p]) => p)))].sort();
  return {
    title: { text: title, left: "center", textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 60 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: periods },
    yAxis: {
      type: "value",
      ...(options.yName ? { name: options.yName } : {}),
      ...(options.percent
        ? { axisLabel: { formatter: (v: number) => `${Math.round(v * 1000) / 10}%` } }
        : {}),
    },
    series: series.map((s) => {
      const byPeriod = new Map(s.points);
      return {
        name: s.name,
        type: "line",
        showSymbol: false,
        connectNulls: false,
        data: periods.map((p) => byPeriod.get(p) ?? null),
      };
    }),
  };
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
    title: { text: title, left: "center", textStyle: { fontSize: 14 } },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 80, right: 20, top: 40, bottom: 70 },
    tooltip: { trigger: "item" },
    xAxis: { type: "category", data: stacks },
    yAxis: { type: "value", name: yName },
    series: parts.map((p) => ({
      name: p.name,
      type: "bar",
      stack: "all",
      data: stacks.map((s) => (s === p.stack ? p.value : null)),
    })),
  };
}
