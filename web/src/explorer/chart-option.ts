import { msg } from "../../../src/i18n/catalogue.ts";
import { PALETTE } from "../../../src/report/palette.ts";
import { honestScale, spanOf, tickDecimals } from "../axes.ts";
import type { ChartOption } from "../charts.ts";
import { formatNumber } from "../format.ts";
import type { Lang } from "../state.ts";
import {
  axisUnit,
  logReady,
  transform,
  type AxisUnit,
  type Transform,
  type Transformed,
} from "../transforms.ts";
import { timeOf, type Line } from "./lines.ts";

/** A line as drawn: its transformed values in the axis' unit, and which axis. */
export interface Drawn {
  line: Line;
  /** Legend name, unique on the chart. */
  label: string;
  unit: AxisUnit;
  axis: number;
  /** Transformed values, scaled for display (shares and growth rates in %/pp). */
  values: Transformed[];
}

/** The unit of an axis in words (the axis name, downloads and the page's "axis unit" line). */
export function unitWords(u: AxisUnit, lang: Lang): string {
  if (u.kind === "percent") return msg(lang, "web.explorer.unit.percent");
  if (u.kind === "pp") return msg(lang, "web.explorer.unit.pp");
  if (u.kind === "ratio") return msg(lang, "web.explorer.unit.ratio");
  return u.label ?? "";
}

/** A value with its unit, for the tooltip and the selected point. */
export function formatValue(v: number | null, u: AxisUnit, lang: Lang, digits = 2): string {
  if (v === null) return "–";
  const n = formatNumber(v, lang, digits);
  if (u.kind === "percent") return `${n}%`;
  if (u.kind === "pp") return `${n} ${msg(lang, "web.explorer.ppSuffix")}`;
  if (u.kind === "ratio") return `${n}×`;
  return u.label ? `${n} ${u.label}` : n;
}

/**
 * Each line transformed and put on an axis: lines of the same unit share one, at most two axes
 * (left and right); a line that would need a third is returned in `left` with its unit.
 */
export function drawLines(
  lines: readonly Line[],
  tf: Transform,
): { drawn: Drawn[]; left: Array<{ line: Line; unit: AxisUnit }> } {
  const axes: string[] = [];
  const drawn: Drawn[] = [];
  const left: Array<{ line: Line; unit: AxisUnit }> = [];
  const names = new Set<string>();
  for (const line of lines) {
    const unit = axisUnit(line.base, tf);
    let axis = axes.indexOf(unit.key);
    if (axis < 0) {
      if (axes.length === 2) {
        left.push({ line, unit });
        continue;
      }
      axis = axes.push(unit.key) - 1;
    }
    let label = `${line.name} · ${line.entity}`;
    if (names.has(label)) label = `${label} (${line.spec.id})`;
    names.add(label);
    const values = transform(line.points, tf, line.frequency).map((p) =>
      p.value === null ? p : { ...p, value: p.value * unit.scale },
    );
    drawn.push({ line, label, unit, axis, values });
  }
  return { drawn, left };
}

export interface ViewState {
  log: boolean;
  /** Zoom window, milliseconds. */
  zoom?: { start: number; end: number };
  /** The selected date. */
  at?: string;
}

/** The point of `d` nearest to `time` within one period of its frequency, or undefined. */
export function nearestPoint(d: Drawn, time: number): Transformed | undefined {
  const period = { A: 366, Q: 92, M: 31, W: 7, D: 3 }[d.line.frequency] * 86_400_000;
  let best: Transformed | undefined;
  let gap = Infinity;
  for (const p of d.values) {
    const g = Math.abs(timeOf(p.date) - time);
    if (g < gap) [best, gap] = [p, g];
  }
  return gap <= period ? best : undefined;
}

/** The marks of the selected date: a vertical line, and a pin on each line's value there. */
export function selectionMarks(drawn: readonly Drawn[], at: string | undefined, lang: Lang) {
  return drawn.map((d, i) => {
    if (!at) return { markLine: { data: [] }, markPoint: { data: [] } };
    const t = timeOf(at);
    const p = nearestPoint(d, t);
    return {
      markLine:
        i === 0
          ? {
              silent: true,
              symbol: "none",
              lineStyle: { type: "dashed", color: "#5d6b7a" },
              label: { formatter: at },
              data: [{ xAxis: t }],
            }
          : { data: [] },
      markPoint:
        p && p.value !== null
          ? {
              symbol: "pin",
              symbolSize: 38,
              label: { fontSize: 9, formatter: () => formatValue(p.value, d.unit, lang, 1) },
              data: [{ coord: [timeOf(p.date), p.value], name: p.date }],
            }
          : { data: [] },
    };
  });
}

/** The ECharts option of the explorer's chart; `logNote` says when a log scale was asked for and could not be drawn. */
export function explorerOption(
  drawn: readonly Drawn[],
  view: ViewState,
  lang: Lang,
): { option: ChartOption; logNote?: string } {
  const axisCount = Math.max(1, ...drawn.map((d) => d.axis + 1));
  let logNote: string | undefined;
  const yAxis = Array.from({ length: axisCount }, (_x, axis) => {
    const on = drawn.filter((d) => d.axis === axis);
    const unit = on[0]!.unit;
    const values = on.flatMap((d) => d.values.map((p) => p.value));
    const ready = logReady(values);
    const log = view.log && ready.ok;
    if (view.log && !ready.ok) logNote = msg(lang, "web.explorer.logNote", ready.nonPositive);
    const digits = tickDecimals(spanOf(values));
    return {
      type: log ? "log" : "value",
      name: unitWords(unit, lang),
      nameLocation: "end",
      nameTextStyle: { align: axis === 0 ? "left" : "right", padding: [0, 0, 0, 0] },
      position: axis === 0 ? "left" : "right",
      ...(log
        ? {}
        : unit.kind === "percent" && on.every((d) => d.line.base.kind === "fraction")
          ? { scale: false }
          : honestScale),
      splitLine: { show: axis === 0 },
      axisLabel: {
        formatter: (v: number) =>
          formatValue(v, unit, lang, digits).replace(/ .*$/, unit.kind === "pp" ? " pp" : ""),
      },
    };
  });
  const marks = selectionMarks(drawn, view.at, lang);
  const option: ChartOption = {
    color: PALETTE,
    tooltip: {
      trigger: "axis",
      formatter: (items: Array<{ seriesIndex: number; value: [number, number | null]; marker: string }>) => {
        const list = Array.isArray(items) ? items : [items];
        const date = list[0] ? new Date(list[0].value[0]).toISOString().slice(0, 10) : "";
        return [
          date,
          ...list.map((it) => {
            const d = drawn[it.seriesIndex]!;
            return `${it.marker}${d.label}: ${formatValue(it.value[1], d.unit, lang)}`;
          }),
        ].join("<br>");
      },
    },
    legend: drawn.length > 1 ? { top: 0, type: "scroll" } : undefined,
    grid: { left: 70, right: axisCount > 1 ? 70 : 24, top: drawn.length > 1 ? 48 : 30, bottom: 60 },
    xAxis: { type: "time" },
    yAxis,
    dataZoom: [
      { type: "inside", ...(view.zoom ? { startValue: view.zoom.start, endValue: view.zoom.end } : {}) },
      {
        type: "slider",
        height: 18,
        bottom: 8,
        ...(view.zoom ? { startValue: view.zoom.start, endValue: view.zoom.end } : {}),
      },
    ],
    series: drawn.map((d, i) => ({
      name: d.label,
      type: "line",
      yAxisIndex: d.axis,
      symbolSize: d.values.length > 400 ? 2 : 5,
      showSymbol: d.values.length <= 400,
      data: d.values.map((p) => [timeOf(p.date), p.value]),
      ...marks[i],
    })),
  };
  return { option, ...(logNote ? { logNote } : {}) };
}
