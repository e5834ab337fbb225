/** The SVG renderer, loaded only when a chart is downloaded as SVG. */
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([SVGRenderer]);

export { echarts };
