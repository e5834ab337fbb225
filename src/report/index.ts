/**
 * Report writer: the mismatch study's report for a central bank (or an External Wealth of Nations
 * economy) at a date, and the balance-sheet-recession monitor's report for a country, as
 * self-contained HTML (inline CSS and SVG, no script, opens offline) or Markdown. Charts are SVG
 * rendered on the server by ECharts, the web app's chart library. Every number is printed with the
 * source line it was read from; output is deterministic (no timestamp unless one is passed).
 *
 * @example
 * import { loadMismatchData, mismatchReport, renderHtml } from "bslab/report";
 * const data = await loadMismatchData(store, "pboc", "2013-12");
 * writeFileSync("pboc-2013.html", renderHtml(mismatchReport(data, { lang: "zh" })));
 */
export type {
  Block,
  FigureBlock,
  FigureSeries,
  Lang,
  ListBlock,
  ParagraphBlock,
  Report,
  Section,
  TableBlock,
} from "./model.ts";
export { figuresOf } from "./model.ts";
export type { MismatchData, PeerData } from "./mismatch-data.ts";
export { loadMismatchData, yearEnd } from "./mismatch-data.ts";
export type { ReportOptions } from "./mismatch-report.ts";
export { buildMismatchReport, mismatchReport } from "./mismatch-report.ts";
export { FIGURE1_IDS } from "./mismatch-figures.ts";
export { recessionReport, recessionReportFromStore } from "./recession-report.ts";
export { renderHtml } from "./render-html.ts";
export type { AssetFile, MarkdownOptions, MarkdownOutput } from "./render-markdown.ts";
export { renderMarkdown } from "./render-markdown.ts";
export { renderSvg, type ChartOption } from "./svg.ts";
export { lineChart, stackedBars, PALETTE, type LineSeries, type BarStack } from "./chart-options.ts";
export { escapeHtml, htmlDocument, htmlTable } from "./html.ts";
export { grouped, percent, scaledAmount, times } from "./format.ts";
export { STRINGS, t, type Text } from "./i18n.ts";
export { reportMessages } from "./messages.ts";
