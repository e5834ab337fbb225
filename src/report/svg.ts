import * as echarts from "echarts";

/**
 * An ECharts option object (https://echarts.apache.org/en/option.html), as `lineChart` and
 * `stackedBars` build it; bslab checks its own against ECharts' `EChartsOption`. The public type
 * names no ECharts type on purpose: declarations that did would make every TypeScript user of
 * bslab type-check ECharts' own declarations, which fail under strict settings without the DOM lib
 * (81 errors with exactOptionalPropertyTypes). A user who wants ECharts' checking can annotate
 * their option with `EChartsOption` from echarts: it is assignable to this type.
 */
export type ChartOption = object;

// ECharts numbers its SVG ids and classes per process (zr0-c0, zr1-cls-4, ...): the same chart
// rendered twice would differ, and two charts in one page could share a clip-path id. Renaming every
// such token in order of first appearance makes the output depend on the chart alone.
function stableIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[a-z]*-?\d+\b/g, (token) => {
    let name = names.get(token);
    if (!name) names.set(token, (name = `${prefix}-${names.size}`));
    return name;
  });
}

/**
 * Renders a chart to a standalone SVG string on the server, with the same library and options the
 * web app uses, so a report's charts match the workbench's. Animation is off and ids are renamed
 * with `idPrefix` (default `chart`), so the same option always gives the same bytes; give each chart
 * of one document its own prefix.
 * @example renderSvg(lineChart("Shares", series, { percent: true }), 720, 360, "fig1")
 */
export function renderSvg(option: ChartOption, width = 720, height = 360, idPrefix = "chart"): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ ...(option as echarts.EChartsOption), animation: false });
    return stableIds(chart.renderToSVGString(), idPrefix);
  } finally {
    chart.dispose();
  }
}
