/**
 * ECharts, imported piece by piece (echarts/core plus the charts and components the pages use, and
 * the canvas renderer). This module is loaded lazily by charts.ts, in parallel with the page's own
 * code and data; the SVG renderer (only for SVG downloads) and the heatmap (only for sweeps) are
 * loaded on demand by the modules that need them.
 */
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

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
  MarkPointComponent,
  CanvasRenderer,
]);

export { echarts };
