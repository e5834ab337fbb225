import * as echarts from "echarts";

/** The ECharts option object, as the web app builds it. */
export type ChartOption = echarts.EChartsOption;

/**
 * Renders a chart to a standalone SVG string on the server, with the same library and options the
 * web app uses, so a report's charts match the workbench's. Animation is off so the output is
 * deterministic.
 */
export function renderSvg(option: ChartOption, width = 720, height = 360): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
