/** The heatmap and its colour scale, loaded only by the scenario lab's sweep panel. */
import { HeatmapChart } from "echarts/charts";
import { VisualMapContinuousComponent } from "echarts/components";
import * as echarts from "echarts/core";

echarts.use([HeatmapChart, VisualMapContinuousComponent]);
